package postal

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/notify"
)

// operator is a local stand-in for the postal company's server: it verifies
// our signature with this package, as the operator would with its own code.
type operator struct {
	mu     sync.Mutex
	status int
	got    []*http.Request
	bodies []string
	errs   []error
}

func (o *operator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	v := Verifier{Secret: Config{KeyID: "vnpost", Secret: secret}.SecretFor, Nonces: &memNonces{}}
	_, err := v.Verify(r.Context(), r, b)
	o.mu.Lock()
	defer o.mu.Unlock()
	o.got, o.bodies, o.errs = append(o.got, r), append(o.bodies, string(b)), append(o.errs, err)
	if err != nil {
		w.WriteHeader(401)
		return
	}
	w.WriteHeader(o.status)
}

func TestWebhookSender(t *testing.T) {
	cases := []struct {
		name      string
		status    int
		ok        bool
		permanent bool
	}{
		{"200 delivered", 200, true, false},
		{"202 delivered", 202, true, false},
		{"400 refused for good", 400, false, true},
		{"404 refused for good", 404, false, true},
		{"408 retried", 408, false, false},
		{"429 retried", 429, false, false},
		{"500 retried", 500, false, false},
		{"503 retried", 503, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			op := &operator{status: c.status}
			srv := httptest.NewServer(op)
			defer srv.Close()
			s := NewWebhookSender(Config{KeyID: "vnpost", Secret: secret, OutboundSecret: secret})
			m := model.OutboxMessage{ID: 7, Key: "postal:result_dispatch:42", Channel: Channel, Recipient: srv.URL + "/hooks/motcua?v=1",
				Payload: `{"type":"result_dispatch","dossier_code":"X-261201-0001"}`}
			err := s.Send(context.Background(), m)
			if (err == nil) != c.ok || errors.Is(err, notify.ErrPermanent) != c.permanent {
				t.Fatalf("err %v, want ok=%v permanent=%v", err, c.ok, c.permanent)
			}
			if len(op.got) != 1 || op.errs[0] != nil {
				t.Fatalf("operator saw %d requests, signature %v", len(op.got), op.errs)
			}
			r := op.got[0]
			if r.Method != "POST" || r.URL.Path != "/hooks/motcua" || r.Header.Get("Idempotency-Key") != m.Key ||
				r.Header.Get("Content-Type") != "application/json" || op.bodies[0] != m.Payload {
				t.Fatalf("request %s %s %v body %s", r.Method, r.URL, r.Header, op.bodies[0])
			}
		})
	}
}

func TestWebhookSenderWrongSecretIsRefused(t *testing.T) {
	op := &operator{status: 200}
	srv := httptest.NewServer(op)
	defer srv.Close()
	s := NewWebhookSender(Config{KeyID: "vnpost", OutboundSecret: []byte("not-the-shared-secret-0123456789")})
	err := s.Send(context.Background(), model.OutboxMessage{Key: "k", Channel: Channel, Recipient: srv.URL, Payload: "{}"})
	if !errors.Is(err, notify.ErrPermanent) || !errors.Is(op.errs[0], ErrBadSignature) {
		t.Fatalf("send %v, operator %v", err, op.errs)
	}
}

func TestWebhookSenderRetriesNetworkAndRefusesBadMessages(t *testing.T) {
	s := &WebhookSender{Signer: Signer{KeyID: "vnpost", Secret: secret}, Client: &http.Client{Timeout: time.Second}}
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nobody listens any more
	if err := s.Send(context.Background(), model.OutboxMessage{Key: "k", Channel: Channel, Recipient: url, Payload: "{}"}); err == nil || errors.Is(err, notify.ErrPermanent) {
		t.Fatalf("a network failure is retried: %v", err)
	}
	for _, m := range []model.OutboxMessage{{Key: "k", Channel: "sms", Recipient: url}, {Key: "k", Channel: Channel}, {Key: "k", Channel: Channel, Recipient: "::bad"}} {
		if err := s.Send(context.Background(), m); !errors.Is(err, notify.ErrPermanent) {
			t.Fatalf("%+v: %v", m, err)
		}
	}
}
