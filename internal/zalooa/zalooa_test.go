package zalooa_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/zalooa"
	"github.com/motcua/motcua/internal/zalooa/peer"
)

func code(err error) string {
	if e, ok := apperr.As(err); ok {
		return e.Code
	}
	return ""
}

// The webhook accepts only what Zalo signed for this OA's app, recently:
// a forged or altered event, another app's, and a replay are refused.
func TestVerify_SignatureAndReplay(t *testing.T) {
	now := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	p := &peer.Peer{AppID: "app-1", OAID: "oa-1", Secret: "oa-secret", Now: func() time.Time { return now }}
	body, sig := p.Event("user-7", "tra cứu 000.00.12.H99-261203-0042")
	ev, err := zalooa.Verify(body, sig, "app-1", "oa-secret", now.Add(10*time.Second))
	if err != nil || ev.UserID != "user-7" || ev.Name != "user_send_text" || ev.MessageID == "" || !strings.HasPrefix(ev.Key(), "msg:") {
		t.Fatalf("%+v %v", ev, err)
	}
	tampered := []byte(strings.Replace(string(body), "0042", "0043", 1))
	other := &peer.Peer{AppID: "app-2", OAID: "oa-1", Secret: "oa-secret", Now: p.Now}
	otherBody, otherSig := other.Event("user-7", "đặt lịch")
	// Anyone can sign with an empty secret: a center without its OA
	// secret configured must accept nothing rather than everything.
	blank := &peer.Peer{AppID: "app-1", OAID: "oa-1", Secret: "", Now: p.Now}
	blankBody, blankSig := blank.Event("user-7", "đặt lịch")
	for _, c := range []struct {
		name   string
		body   []byte
		sig    string
		now    time.Time
		secret string
		want   string
	}{
		{"a forged signature", body, "mac=" + strings.Repeat("0", 64), now, "oa-secret", "zalo_signature"},
		{"a body altered after signing", tampered, sig, now, "oa-secret", "zalo_signature"},
		{"signed with another secret", body, sig, now, "other-secret", "zalo_signature"},
		{"no secret configured accepts nothing", blankBody, blankSig, now, "", "zalo_signature"},
		{"another app's event", otherBody, otherSig, now, "oa-secret", "zalo_signature"},
		{"a replay ten minutes later", body, sig, now.Add(10 * time.Minute), "oa-secret", "zalo_stale"},
		{"a timestamp from the future", body, sig, now.Add(-10 * time.Minute), "oa-secret", "zalo_stale"},
		{"not JSON", []byte("<xml/>"), sig, now, "oa-secret", "zalo_body"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := zalooa.Verify(c.body, c.sig, "app-1", c.secret, c.now); code(err) != c.want {
				t.Fatalf("err %v, want %s", err, c.want)
			}
		})
	}
}

// A follower's text, typed the way people type: with or without
// diacritics, any case, extra spaces.
func TestParse(t *testing.T) {
	for _, c := range []struct {
		text string
		want zalooa.Command
	}{
		{"tra cứu 000.00.12.H99-261203-0042", zalooa.Command{Kind: zalooa.CmdTrack, Arg: "000.00.12.H99-261203-0042"}},
		{"Tra Cuu   000.00.12.h99-261203-0042 ", zalooa.Command{Kind: zalooa.CmdTrack, Arg: "000.00.12.H99-261203-0042"}},
		{"TC td-7KQ2M9", zalooa.Command{Kind: zalooa.CmdTrack, Arg: "TD-7KQ2M9"}},
		{"tra cứu <script>", zalooa.Command{Kind: zalooa.CmdHelp}},
		{"lấy số Tư pháp", zalooa.Command{Kind: zalooa.CmdTicket, Arg: "Tư pháp"}},
		{"lay so", zalooa.Command{Kind: zalooa.CmdTicket}},
		{"Đặt lịch", zalooa.Command{Kind: zalooa.CmdBook}},
		{"liên kết 0912 345 678", zalooa.Command{Kind: zalooa.CmdLink, Arg: "0912345678"}},
		{"liên kết 12345", zalooa.Command{Kind: zalooa.CmdHelp}},
		{"xin chào", zalooa.Command{Kind: zalooa.CmdHelp}},
	} {
		if got := zalooa.Parse(c.text); got != c.want {
			t.Errorf("%q: %+v, want %+v", c.text, got, c.want)
		}
	}
}

type tokens struct {
	current []string
	asked   int
}

func (k *tokens) Token(_ context.Context, refused string) (string, error) {
	k.asked++
	if refused != "" && len(k.current) > 1 {
		k.current = k.current[1:]
	}
	return k.current[0], nil
}

// The OA answers the follower through the message API; a token Zalo has
// expired is refreshed once (the shared refresh of notify.ZaloTokens).
func TestClientSend(t *testing.T) {
	p := &peer.Peer{Token: "fresh"}
	srv := httptest.NewServer(p)
	defer srv.Close()
	k := &tokens{current: []string{"expired", "fresh"}}
	c := &zalooa.Client{URL: srv.URL, Tokens: k}
	if err := c.Send(t.Context(), "user-7", "Hồ sơ đang được giải quyết."); err != nil {
		t.Fatal(err)
	}
	if got := p.Sent(); len(got) != 1 || got[0].UserID != "user-7" || k.asked != 2 {
		t.Fatalf("sent %+v after %d token requests", got, k.asked)
	}
	bad := &zalooa.Client{URL: srv.URL, Tokens: &tokens{current: []string{"stale"}}}
	if err := bad.Send(t.Context(), "user-7", "x"); err == nil {
		t.Fatal("a token refused twice must fail the send, for the outbox to retry")
	}
}
