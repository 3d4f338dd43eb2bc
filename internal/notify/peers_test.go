package notify_test

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
)

// The peers below are real servers on loopback: an SMTP server (go-smtp), an
// SMS gateway and a ZNS endpoint (httptest). Each drops a message whose key
// (Message-ID, request_id, tracking_id) it has already accepted, as the
// providers' idempotency does, and counts what it delivered.

type mailReceived struct {
	From, To string
	Raw      []byte
	Msg      *mail.Message
	Body     []byte
}

type smtpPeer struct {
	Addr string
	mu   sync.Mutex
	seen map[string]bool
	got  []mailReceived
	// refuse, when set, answers RCPT TO with this code.
	refuse int
}

func newSMTPPeer(t *testing.T) *smtpPeer {
	p := &smtpPeer{seen: map[string]bool{}}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &smtpSession{p: p}, nil }))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.Addr = l.Addr().String()
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return p
}

func (p *smtpPeer) delivered() []mailReceived {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]mailReceived(nil), p.got...)
}

type smtpSession struct {
	p        *smtpPeer
	from, to string
}

func (s *smtpSession) Reset()        {}
func (s *smtpSession) Logout() error { return nil }
func (s *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	return nil
}
func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.p.mu.Lock()
	refuse := s.p.refuse
	s.p.mu.Unlock()
	if refuse != 0 {
		return &smtp.SMTPError{Code: refuse, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "mailbox unavailable: " + to}
	}
	s.to = to
	return nil
}
func (s *smtpSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	msg, err := mail.ReadMessage(strings.NewReader(string(raw)))
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(msg.Body)
	s.p.mu.Lock()
	defer s.p.mu.Unlock()
	id := msg.Header.Get("Message-ID")
	if s.p.seen[id] {
		return nil // a repeat: accepted, not delivered twice
	}
	s.p.seen[id] = true
	msg.Body = nil
	s.p.got = append(s.p.got, mailReceived{From: s.from, To: s.to, Raw: raw, Msg: msg, Body: body})
	return nil
}

// httpPeer is a JSON endpoint that checks each request with check and
// de-duplicates by the key field.
type httpPeer struct {
	URL    string
	mu     sync.Mutex
	seen   map[string]bool
	got    []map[string]any
	status int    // answer status (200 by default)
	answer string // answer body
	check  func(r *http.Request, body map[string]any) string
	keyOf  string
	fails  []string
}

func newHTTPPeer(t *testing.T, keyField string, check func(r *http.Request, body map[string]any) string) *httpPeer {
	p := &httpPeer{seen: map[string]bool{}, check: check, keyOf: keyField, status: 200}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			http.Error(w, "bad json", 400)
			return
		}
		p.mu.Lock()
		defer p.mu.Unlock()
		if msg := p.check(r, body); msg != "" {
			p.fails = append(p.fails, msg)
			http.Error(w, msg, 400)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if p.status != 200 {
			w.WriteHeader(p.status)
			io.WriteString(w, p.answer)
			return
		}
		key, _ := body[p.keyOf].(string)
		if !p.seen[key] {
			p.seen[key] = true
			p.got = append(p.got, body)
		}
		io.WriteString(w, p.answer)
	}))
	t.Cleanup(srv.Close)
	p.URL = srv.URL
	return p
}

func (p *httpPeer) set(status int, answer string) {
	p.mu.Lock()
	p.status, p.answer = status, answer
	p.mu.Unlock()
}

func (p *httpPeer) delivered() []map[string]any {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]map[string]any(nil), p.got...)
}

func (p *httpPeer) failures() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.fails...)
}
