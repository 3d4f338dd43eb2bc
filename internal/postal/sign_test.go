package postal

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
)

// memNonces is the NonceStore contract in memory; the database version is
// tested in the store package on SQLite and PostgreSQL.
type memNonces struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (m *memNonces) ClaimPostalNonce(_ context.Context, keyID, nonce string, _ time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen == nil {
		m.seen = map[string]bool{}
	}
	k := keyID + "\x00" + nonce
	if m.seen[k] {
		return false, nil
	}
	m.seen[k] = true
	return true, nil
}

var (
	now    = time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	secret = []byte("0123456789abcdef0123456789abcdef")
	body   = []byte(`{"type":"handed_over","event_id":"e1","tracking_number":"EB123456789VN"}`)
)

func signed(t *testing.T, keyID string, key []byte, at time.Time, method, target string, b []byte) *http.Request {
	t.Helper()
	r := httptest.NewRequest(method, target, bytes.NewReader(b))
	if err := (Signer{KeyID: keyID, Secret: key, Now: func() time.Time { return at }}).Sign(r, b); err != nil {
		t.Fatal(err)
	}
	return r
}

// Decision 45/2016/QĐ-TTg lets the postal operator act for the applicant:
// only a request signed with the operator's secret, fresh and never seen
// before, may change a dossier.
func TestVerify_Decision45_2016_OperatorSignature(t *testing.T) {
	const path = "/api/v1/postal/events"
	cases := []struct {
		name   string
		req    func(t *testing.T) *http.Request
		body   []byte // what the server reads, when it differs from what was signed
		want   *apperr.Error
		status int
	}{
		{"good signature accepted", func(t *testing.T) *http.Request { return signed(t, "vnpost", secret, now, "POST", path, body) }, nil, nil, 0},
		{"clock 4 minutes behind accepted", func(t *testing.T) *http.Request {
			return signed(t, "vnpost", secret, now.Add(-4*time.Minute), "POST", path, body)
		}, nil, nil, 0},
		{"bad signature: wrong secret", func(t *testing.T) *http.Request {
			return signed(t, "vnpost", []byte("another-secret-another-secret-00"), now, "POST", path, body)
		}, nil, ErrBadSignature, 401},
		{"body tampered after signing", func(t *testing.T) *http.Request { return signed(t, "vnpost", secret, now, "POST", path, body) },
			bytes.Replace(body, []byte("e1"), []byte("e2"), 1), ErrBadSignature, 401},
		{"signed for another path", func(t *testing.T) *http.Request {
			r := signed(t, "vnpost", secret, now, "POST", "/api/v1/postal/other", body)
			r.URL.Path = path
			return r
		}, nil, ErrBadSignature, 401},
		{"signed for another method", func(t *testing.T) *http.Request {
			r := signed(t, "vnpost", secret, now, "PUT", path, body)
			r.Method = "POST"
			return r
		}, nil, ErrBadSignature, 401},
		{"signature header altered", func(t *testing.T) *http.Request {
			r := signed(t, "vnpost", secret, now, "POST", path, body)
			s := []byte(r.Header.Get(HeaderSignature))
			s[0] ^= 1
			r.Header.Set(HeaderSignature, string(s))
			return r
		}, nil, ErrBadSignature, 401},
		{"wrong key id", func(t *testing.T) *http.Request { return signed(t, "other-post", secret, now, "POST", path, body) }, nil, ErrUnknownKey, 401},
		{"key id swapped after signing", func(t *testing.T) *http.Request {
			r := signed(t, "vnpost", secret, now, "POST", path, body)
			r.Header.Set(HeaderKeyID, "VNPOST")
			return r
		}, nil, ErrUnknownKey, 401},
		{"clock 6 minutes behind", func(t *testing.T) *http.Request {
			return signed(t, "vnpost", secret, now.Add(-6*time.Minute), "POST", path, body)
		}, nil, ErrSkew, 401},
		{"clock 6 minutes ahead", func(t *testing.T) *http.Request {
			return signed(t, "vnpost", secret, now.Add(6*time.Minute), "POST", path, body)
		}, nil, ErrSkew, 401},
		{"timestamp moved to look fresh", func(t *testing.T) *http.Request {
			r := signed(t, "vnpost", secret, now.Add(-time.Hour), "POST", path, body)
			r.Header.Set(HeaderTimestamp, strconv.FormatInt(now.Unix(), 10))
			return r
		}, nil, ErrBadSignature, 401},
		{"unsigned", func(t *testing.T) *http.Request { return httptest.NewRequest("POST", path, bytes.NewReader(body)) }, nil, ErrUnsigned, 401},
		{"nonce too short", func(t *testing.T) *http.Request {
			r := signed(t, "vnpost", secret, now, "POST", path, body)
			r.Header.Set(HeaderNonce, "abc")
			return r
		}, nil, ErrUnsigned, 401},
		{"timestamp not a number", func(t *testing.T) *http.Request {
			r := signed(t, "vnpost", secret, now, "POST", path, body)
			r.Header.Set(HeaderTimestamp, now.Format(time.RFC3339))
			return r
		}, nil, ErrUnsigned, 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			nonces := &memNonces{}
			v := Verifier{Secret: Config{KeyID: "vnpost", Secret: secret}.SecretFor, Nonces: nonces, Now: func() time.Time { return now }}
			r := c.req(t)
			b := body
			if c.body != nil {
				b = c.body
			}
			key, err := v.Verify(context.Background(), r, b)
			if c.want == nil {
				if err != nil || key != "vnpost" {
					t.Fatalf("want accepted, got %q %v", key, err)
				}
				return
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
			if got := c.want.Kind.HTTPStatus(); got != c.status {
				t.Fatalf("status %d, want %d", got, c.status)
			}
			if len(nonces.seen) != 0 {
				t.Fatal("a refused request must not use up its nonce")
			}
		})
	}
}

// A captured request sent again, even within the time window, is refused:
// the nonce was recorded the first time.
func TestVerify_Decision45_2016_ReplayedNonceRefused(t *testing.T) {
	nonces := &memNonces{}
	v := Verifier{Secret: Config{KeyID: "vnpost", Secret: secret}.SecretFor, Nonces: nonces, Now: func() time.Time { return now }}
	r := signed(t, "vnpost", secret, now, "POST", "/api/v1/postal/events", body)
	if _, err := v.Verify(context.Background(), r, body); err != nil {
		t.Fatal(err)
	}
	again := httptest.NewRequest("POST", "/api/v1/postal/events", bytes.NewReader(body))
	again.Header = r.Header.Clone()
	v.Now = func() time.Time { return now.Add(time.Minute) }
	_, err := v.Verify(context.Background(), again, body)
	if !errors.Is(err, ErrReplay) || ErrReplay.Kind.HTTPStatus() != http.StatusConflict {
		t.Fatalf("replay: %v", err)
	}
	// The same nonce under another operator's key is another nonce.
	if fresh, _ := nonces.ClaimPostalNonce(context.Background(), "other", r.Header.Get(HeaderNonce), now); !fresh {
		t.Fatal("nonces are per key id")
	}
}

// The environment is read by internal/config (TestPostalFromEnv there).
func TestSecretForAndSigner(t *testing.T) {
	c := Config{KeyID: "vnpost", Secret: []byte("s1"), OutboundSecret: []byte("s2")}
	if _, ok := c.SecretFor("vnpost"); !ok {
		t.Fatal("configured key")
	}
	if _, ok := c.SecretFor("other"); ok {
		t.Fatal("another key id must be refused")
	}
	if _, ok := (Config{KeyID: "vnpost"}).SecretFor("vnpost"); ok {
		t.Fatal("a key without a secret must be refused")
	}
	if string(c.Signer().Secret) != "s2" {
		t.Fatal("the outbound secret signs our webhooks")
	}
}

func BenchmarkSignAndVerify(b *testing.B) {
	v := Verifier{Secret: Config{KeyID: "vnpost", Secret: secret}.SecretFor, Nonces: &memNonces{}, Now: func() time.Time { return now }}
	s := Signer{KeyID: "vnpost", Secret: secret, Now: func() time.Time { return now }}
	payload := bytes.Repeat([]byte("x"), 2048)
	for range b.N {
		r := httptest.NewRequest("POST", "/api/v1/postal/events", bytes.NewReader(payload))
		s.Sign(r, payload)
		if _, err := v.Verify(context.Background(), r, payload); err != nil {
			b.Fatal(err)
		}
	}
}
