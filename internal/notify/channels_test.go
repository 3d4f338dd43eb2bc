package notify_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/http"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/notify"
)

var ctx = context.Background()

func emailMessage() model.OutboxMessage {
	return model.OutboxMessage{ID: 1, Key: "dossier:7:v2:email", Channel: "email", Recipient: "nguyen.van.dan@example.vn",
		Subject: "Hồ sơ 000.00.10.H99-261201-0001 đã được tiếp nhận", Body: "Kính gửi Ông/Bà Nguyễn Văn Dân,\n\nNgày hẹn trả kết quả: 17:00 15/12/2026\n\n-- English --\nDear Nguyễn Văn Dân,"}
}

func TestEmailOverSMTP(t *testing.T) {
	peer := newSMTPPeer(t)
	s, err := notify.NewEmailSender(notify.SMTPConfig{Addr: peer.Addr, From: "Trung tâm Phục vụ hành chính công <khongtraloi@h99.gov.vn>"})
	if err != nil {
		t.Fatal(err)
	}
	m := emailMessage()
	if err := s.Send(ctx, m); err != nil {
		t.Fatal(err)
	}
	got := peer.delivered()
	if len(got) != 1 {
		t.Fatalf("%d messages delivered", len(got))
	}
	g := got[0]
	if g.From != "khongtraloi@h99.gov.vn" || g.To != m.Recipient {
		t.Fatalf("envelope %s → %s", g.From, g.To)
	}
	// The subject travels RFC 2047-encoded and decodes to the Vietnamese text.
	rawSubject := g.Msg.Header.Get("Subject")
	if !strings.HasPrefix(rawSubject, "=?utf-8?b?") {
		t.Fatalf("subject not MIME-encoded: %q", rawSubject)
	}
	var dec mime.WordDecoder
	if subj, err := dec.DecodeHeader(rawSubject); err != nil || subj != m.Subject {
		t.Fatalf("subject %q (%v)", subj, err)
	}
	from, _ := g.Msg.Header.AddressList("From")
	if len(from) != 1 || from[0].Name != "Trung tâm Phục vụ hành chính công" {
		t.Fatalf("From header %v", from)
	}
	if ct := g.Msg.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" || g.Msg.Header.Get("Content-Transfer-Encoding") != "quoted-printable" {
		t.Fatalf("content type %q", ct)
	}
	body, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(string(g.Body))))
	if !strings.Contains(string(body), "Kính gửi Ông/Bà Nguyễn Văn Dân,\r\n") || !strings.Contains(string(body), "Dear Nguyễn Văn Dân") {
		t.Fatalf("body %q", body)
	}
	if id := g.Msg.Header.Get("Message-ID"); id != notify.MessageID(m.Key, "h99.gov.vn") || !strings.HasSuffix(id, "@h99.gov.vn>") {
		t.Fatalf("Message-ID %q", id)
	}
	// The same key gives the same Message-ID: the peer drops the resend.
	if err := s.Send(ctx, m); err != nil {
		t.Fatal(err)
	}
	if n := len(peer.delivered()); n != 1 {
		t.Fatalf("resend with the same key delivered %d messages", n)
	}
	other := m
	other.Key = "dossier:7:v3:email"
	s.Send(ctx, other)
	if n := len(peer.delivered()); n != 2 {
		t.Fatalf("another key must be delivered: %d", n)
	}
}

func TestEmailRefusedAddressIsPermanent(t *testing.T) {
	peer := newSMTPPeer(t)
	peer.refuse = 550
	s, _ := notify.NewEmailSender(notify.SMTPConfig{Addr: peer.Addr, From: "khongtraloi@h99.gov.vn"})
	err := s.Send(ctx, emailMessage())
	if !errors.Is(err, notify.ErrPermanent) {
		t.Fatalf("550 must be permanent: %v", err)
	}
	// A relay that does not answer is retried, not dead.
	s2, _ := notify.NewEmailSender(notify.SMTPConfig{Addr: "127.0.0.1:1", From: "khongtraloi@h99.gov.vn"})
	if err := s2.Send(ctx, emailMessage()); err == nil || errors.Is(err, notify.ErrPermanent) {
		t.Fatalf("connection refused must be retried: %v", err)
	}
	bad := emailMessage()
	bad.Recipient = "not an address"
	if err := s2.Send(ctx, bad); !errors.Is(err, notify.ErrPermanent) {
		t.Fatalf("an invalid address is permanent: %v", err)
	}
}

func smsCheck(r *http.Request, b map[string]any) string {
	switch {
	case r.Method != http.MethodPost:
		return "method " + r.Method
	case r.URL.Path != "/v1/sms":
		return "path " + r.URL.Path
	case r.Header.Get("X-API-Key") != "sms-secret":
		return "api key"
	case !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json"):
		return "content type"
	case b["to"] != "0912345678" || b["request_id"] == "" || b["message"] == "":
		return "body"
	}
	return ""
}

func smsMessage(key string) model.OutboxMessage {
	return model.OutboxMessage{ID: 2, Key: key, Channel: "sms", Recipient: "0912345678", Body: "Ho so 000.00.10.H99-261201-0001 da duoc tiep nhan."}
}

func TestSMSOverHTTP(t *testing.T) {
	peer := newHTTPPeer(t, "request_id", smsCheck)
	peer.answer = `{"status":"queued"}`
	s, err := notify.NewSMSSender(notify.SMSConfig{URL: peer.URL + "/v1/sms", APIKey: "sms-secret"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(ctx, smsMessage("dossier:7:v2:sms")); err != nil {
		t.Fatal(err, peer.failures())
	}
	got := peer.delivered()
	if len(got) != 1 || got[0]["request_id"] != "dossier:7:v2:sms" || got[0]["message"] != "Ho so 000.00.10.H99-261201-0001 da duoc tiep nhan." {
		t.Fatalf("delivered %v", got)
	}
	peer.set(503, `{"error":"busy"}`)
	if err := s.Send(ctx, smsMessage("k2")); err == nil || errors.Is(err, notify.ErrPermanent) {
		t.Fatalf("503 must be retried: %v", err)
	}
	peer.set(429, `{"error":"slow down"}`)
	if err := s.Send(ctx, smsMessage("k2")); err == nil || errors.Is(err, notify.ErrPermanent) {
		t.Fatalf("429 must be retried: %v", err)
	}
	wrongKey, _ := notify.NewSMSSender(notify.SMSConfig{URL: peer.URL + "/v1/sms", APIKey: "wrong"})
	if err := wrongKey.Send(ctx, smsMessage("k3")); !errors.Is(err, notify.ErrPermanent) {
		t.Fatalf("a refused request (400) is permanent: %v", err)
	}
}

func zaloCheck(r *http.Request, b map[string]any) string {
	data, _ := b["template_data"].(map[string]any)
	switch {
	case r.Method != http.MethodPost || r.URL.Path != "/message/template":
		return "method or path"
	case r.Header.Get("access_token") != "zalo-token":
		return "access token"
	case b["phone"] != "84912345678":
		return "phone must be 84xxxxxxxxx"
	case b["template_id"] != "301245":
		return "template id"
	case b["tracking_id"] == "" || data["dossier_code"] != "000.00.10.H99-261201-0001":
		return "tracking id or data"
	}
	return ""
}

func zaloMessage(key string) model.OutboxMessage {
	p, _ := json.Marshal(notify.ZaloPayload{Template: "received", Data: map[string]string{"dossier_code": "000.00.10.H99-261201-0001", "due_date": "17:00 15/12/2026"}})
	return model.OutboxMessage{ID: 3, Key: key, Channel: "zalo", Recipient: "0912 345 678", Payload: string(p)}
}

func TestZaloZNS(t *testing.T) {
	peer := newHTTPPeer(t, "tracking_id", zaloCheck)
	peer.answer = `{"error":0,"message":"Success","data":{"msg_id":"a1"}}`
	s, err := notify.NewZaloSender(notify.ZaloConfig{URL: peer.URL + "/message/template", AccessToken: "zalo-token",
		Templates: map[string]string{"received": "301245"}, PermanentCodes: []int{-108}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(ctx, zaloMessage("dossier:7:v2:zalo")); err != nil {
		t.Fatal(err, peer.failures())
	}
	if got := peer.delivered(); len(got) != 1 || got[0]["tracking_id"] != "dossier:7:v2:zalo" {
		t.Fatalf("delivered %v", got)
	}
	// ZNS answers errors with HTTP 200: the body is read.
	peer.set(200, `{"error":-124,"message":"Access token is invalid"}`)
	err = s.Send(ctx, zaloMessage("k2"))
	if err == nil || errors.Is(err, notify.ErrPermanent) || !strings.Contains(err.Error(), "-124") {
		t.Fatalf("error -124 in a 200 body must be a retried failure: %v", err)
	}
	peer.set(200, `{"error":-108,"message":"Phone number is invalid"}`)
	if err := s.Send(ctx, zaloMessage("k2")); !errors.Is(err, notify.ErrPermanent) {
		t.Fatalf("a configured permanent code: %v", err)
	}
	peer.set(502, `bad gateway`)
	if err := s.Send(ctx, zaloMessage("k2")); err == nil || errors.Is(err, notify.ErrPermanent) {
		t.Fatalf("5xx must be retried: %v", err)
	}
	peer.set(200, `<html>maintenance</html>`)
	if err := s.Send(ctx, zaloMessage("k2")); err == nil || errors.Is(err, notify.ErrPermanent) {
		t.Fatalf("an unreadable answer is not success: %v", err)
	}
	// A kind without an approved template cannot be sent until configured.
	m := zaloMessage("k4")
	m.Payload = `{"template":"posted","data":{}}`
	if err := s.Send(ctx, m); !errors.Is(err, notify.ErrPermanent) || !strings.Contains(err.Error(), "MOTCUA_ZALO_TEMPLATE_POSTED") {
		t.Fatalf("missing template: %v", err)
	}
}

func TestZaloPhoneAndMask(t *testing.T) {
	for _, c := range []struct{ in, zalo, mask string }{
		{"0912345678", "84912345678", "09******78"},
		{"+84912345678", "84912345678", "+8********78"},
		{"84 912 345 678", "84912345678", "84**********78"},
		{"02363822123", "842363822123", "02*******23"},
		{"12345", "", "12*45"},
	} {
		if got := notify.ZaloPhone(c.in); got != c.zalo {
			t.Errorf("ZaloPhone(%q) = %q, want %q", c.in, got, c.zalo)
		}
		if got := notify.Mask(c.in); got != c.mask {
			t.Errorf("Mask(%q) = %q, want %q", c.in, got, c.mask)
		}
	}
	if got := notify.Mask("nguyen.van.dan@example.vn"); got != "ng************@example.vn" {
		t.Errorf("mask e-mail: %q", got)
	}
	if got := notify.Mask("https://post.example.vn/hook/secret-token"); got != "post.example.vn/…" {
		t.Errorf("mask URL: %q", got)
	}
	if got := notify.Scrub("smtp RCPT TO: 550 mailbox unavailable: a.b@example.vn", "a.b@example.vn"); strings.Contains(got, "a.b@example.vn") {
		t.Errorf("scrub left the address: %q", got)
	}
}
