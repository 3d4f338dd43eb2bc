package api_test

import (
	"context"
	"encoding/json"
	"errors"
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

// The fault suite's log scan (issue 16 item 10): a realistic day — filing,
// receipt, supplementation, a fee paid at the counter, wrong passwords,
// and SMS, Zalo and e-mail deliveries that fail with the peers echoing what
// they were sent — with the server's whole log captured at debug level,
// then searched for the applicant's name, ID number, phone (in every
// writing) and e-mail. None may appear.
func TestLogHoldsNoPersonalData(t *testing.T) {
	const (
		name  = "Phạm Thị Hồng Nhung"
		id    = "079123456789"
		phone = "0987 654 321"
		email = "hong.nhung@example.vn"
	)
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		var buf syncBuffer
		log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
		e := newEnvAt(t, st, log, time.Date(2026, 12, 1, 9, 0, 0, 0, ict))

		body := submitBody(criminalRecord)
		body["applicant"] = map[string]any{"name": name, "id_number": id, "phone": phone, "email": email, "address": "7 Hai Bà Trưng, phường Trung Tâm"}
		r := e.do("POST", "/api/v1/dossiers", "citizen", body, map[string]string{"Idempotency-Key": newKey()})
		if r.status != 201 {
			t.Fatalf("submit: %d %s", r.status, r.raw)
		}
		did, v := r.num("id"), r.num("version")
		e.mustAct("counter", did, &v, map[string]any{"action": "receive"})
		e.mustAct("counter", did, &v, map[string]any{"action": "request_supplement", "reason": "Thiếu bản sao CCCD của " + name})
		e.mustAct("citizen", did, &v, map[string]any{"action": "supplement", "components": []map[string]any{{"name": "Bản sao CCCD", "file_ids": []string{}}}})
		e.mustAct("counter", did, &v, map[string]any{"action": "request_payment", "amount_vnd": 200000})
		e.mustAct("counter", did, &v, map[string]any{"action": "pay", "amount_vnd": 200000})
		// Refused requests: someone tries the applicant's ID number and
		// e-mail as user names, and a wrong password.
		for _, u := range []string{id, email, "citizen"} {
			e.do("POST", "/api/v1/auth/token", "", map[string]string{"username": u, "password": "sai-" + phone}, nil)
		}
		e.do("GET", "/api/v1/dossiers?q="+id, "director", nil, nil)
		e.do("GET", "/api/v1/track/"+id, "", nil, nil)

		// Deliveries fail, the peers quoting the message back.
		gateway := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var in map[string]any
			json.NewDecoder(r.Body).Decode(&in)
			w.WriteHeader(500)
			json.NewEncoder(w).Encode(map[string]any{"error": "E42", "to": "+84 987 654 321", "message": in["message"]})
		}))
		defer gateway.Close()
		sms, err := notify.NewSMSSender(notify.SMSConfig{URL: gateway.URL, APIKey: "k"})
		if err != nil {
			t.Fatal(err)
		}
		echo := func(prefix string) notify.Sender {
			return notify.SenderFunc(func(_ context.Context, m model.OutboxMessage) error {
				return errors.New(prefix + " refused " + m.Recipient + " (84987654321): " + m.Subject + " " + m.Body + " " + m.Payload)
			})
		}
		w := notify.NewWorker(st, notify.Config{Senders: map[string]notify.Sender{"sms": sms, "zalo": echo("zalo zns:"), "email": echo("550 5.1.1")}, Log: log})
		n, err := w.RunOnce(context.Background())
		if err != nil || n == 0 {
			t.Fatalf("deliveries: %d %v", n, err)
		}

		logged := buf.String()
		if !strings.Contains(logged, "delivery failed") {
			t.Fatalf("the failed deliveries must be logged:\n%s", logged)
		}
		for _, p := range []string{name, "Hồng Nhung", "Hong Nhung", "Pham Thi", id, "0987654321", "987654321", "987 654 321",
			"987.654.321", "84987654321", email, "hong.nhung"} {
			if strings.Contains(logged, p) {
				t.Errorf("the log holds %q:\n%s", p, logged)
			}
		}
	})
}
