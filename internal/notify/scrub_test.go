package notify_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// Issue 16 item 10: personal data is scrubbed by pattern, whatever its
// writing, not only when it is the exact recipient string.
func TestScrubPatterns(t *testing.T) {
	cases := []struct {
		name, in string
		gone     []string // must not survive
		kept     []string // must survive
	}{
		{"phone local", "refused 0912345678", []string{"0912345678", "12345678"}, []string{"refused"}},
		{"phone +84 spaced", "to +84 912 345 678 failed", []string{"912 345 678", "912345678"}, []string{"failed"}},
		{"phone dotted", "so 0912.345.678 sai", []string{"0912.345.678", "345.678"}, nil},
		{"phone 84", "msisdn=84912345678", []string{"84912345678", "912345678"}, []string{"msisdn="}},
		{"phone dashed", "0912-345-678", []string{"345-678"}, nil},
		{"CCCD", "id 001234567890 bad", []string{"001234567890", "234567890"}, []string{"bad"}},
		{"CMND", "cmnd 123456789", []string{"123456789"}, nil},
		{"email", "550 <nguyen.van.an@example.com>: no such user", []string{"nguyen.van.an@example.com", "van.an"}, []string{"550", "example.com"}},
		{"dossier code stays", "ho so 000.00.10.H99-261201-0001 da tiep nhan", nil, []string{"000.00.10.H99-261201-0001"}},
		{"short numbers stay", "HTTP 503 attempt 3 code 1204", nil, []string{"503", "1204"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := notify.ScrubPatterns(c.in)
			for _, g := range c.gone {
				if strings.Contains(got, g) {
					t.Errorf("ScrubPatterns(%q) = %q, still holds %q", c.in, got, g)
				}
			}
			for _, k := range c.kept {
				if !strings.Contains(got, k) {
					t.Errorf("ScrubPatterns(%q) = %q, lost %q", c.in, got, k)
				}
			}
		})
	}
}

// A failing SMS gateway that echoes the message (with the applicant's name)
// and the number in another writing: neither reaches the log nor the stored
// error. Before the fix the log carried "+84 912 345 678" and the name.
func TestFailedDeliveryLogsNothingPersonal(t *testing.T) {
	const name, phone = "Trần Thị Bích Ngọc", "0912345678"
	body := "Kinh gui " + name + ": ho so 000.00.10.H99-261201-0001 can bo sung."
	peer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in map[string]any
		json.NewDecoder(r.Body).Decode(&in)
		w.WriteHeader(400)
		json.NewEncoder(w).Encode(map[string]any{"code": "INVALID_DEST", "detail": "cannot send to +84 912 345 678",
			"echo": in["message"], "to": in["to"]})
	}))
	defer peer.Close()
	sms, err := notify.NewSMSSender(notify.SMSConfig{URL: peer.URL, APIKey: "k"})
	if err != nil {
		t.Fatal(err)
	}
	// The sender itself quotes no answer body: only the gateway's code.
	if err := sms.Send(ctx, model.OutboxMessage{Key: "direct", Channel: "sms", Recipient: phone, Body: body}); err == nil ||
		strings.Contains(err.Error(), "Kinh gui") || strings.Contains(err.Error(), "cannot send") || !strings.Contains(err.Error(), "INVALID_DEST") {
		t.Fatalf("gateway error must carry the code, not the answer: %v", err)
	}
	zp, _ := json.Marshal(notify.ZaloPayload{Template: "received", Data: map[string]string{"customer_name": name}})
	zalo := notify.SenderFunc(func(_ context.Context, m model.OutboxMessage) error {
		// A peer quoting the template data it was sent back in its error.
		return errorString("zalo zns: error -124 template data " + m.Payload + " for 84912345678")
	})
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		var buf bytes.Buffer
		enqueue(t, st,
			model.OutboxMessage{Key: "k-sms", Channel: "sms", Recipient: phone, Body: body, CreatedAt: time.Now()},
			model.OutboxMessage{Key: "k-zalo", Channel: "zalo", Recipient: phone, Payload: string(zp), CreatedAt: time.Now()})
		w := notify.NewWorker(st, notify.Config{Senders: map[string]notify.Sender{"sms": sms, "zalo": zalo},
			Log: slog.New(slog.NewTextHandler(io.MultiWriter(&buf), nil))})
		if _, err := w.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		logged := buf.String()
		if !strings.Contains(logged, "delivery failed") || !strings.Contains(logged, "INVALID_DEST") {
			t.Fatalf("the failures and the gateway's code must be logged:\n%s", logged)
		}
		for _, p := range []string{name, "Bích Ngọc", phone, "912345678", "912 345 678", "Kinh gui"} {
			if strings.Contains(logged, p) {
				t.Errorf("log holds %q:\n%s", p, logged)
			}
		}
	})
}

type errorString string

func (e errorString) Error() string { return string(e) }
