package notify_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// zaloPeer plays Zalo: the OAuth v4 endpoint with a single-use, rotating
// refresh token, and ZNS, which accepts only the access token issued last.
type zaloPeer struct {
	*httptest.Server
	mu        sync.Mutex
	refresh   string // the one refresh token Zalo accepts now
	access    string // the one access token ZNS accepts now
	exchanges int    // refresh tokens spent
	refused   int    // refresh attempts with a spent token
	sent      int
	delay     time.Duration
	fails     []string
}

func newZaloPeer(t *testing.T, seed string) *zaloPeer {
	p := &zaloPeer{refresh: seed}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/v4/oa/access_token":
			r.ParseForm()
			time.Sleep(p.delay) // widen the window in which two nodes could race
			p.mu.Lock()
			defer p.mu.Unlock()
			if r.Header.Get("secret_key") != "zalo-secret" || r.PostForm.Get("app_id") != "4242" || r.PostForm.Get("grant_type") != "refresh_token" ||
				!strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
				p.fails = append(p.fails, fmt.Sprintf("bad oauth request: %v %v", r.Header, r.PostForm))
				fmt.Fprint(w, `{"error":-14002,"error_name":"Invalid app"}`)
				return
			}
			if r.PostForm.Get("refresh_token") != p.refresh {
				p.refused++
				fmt.Fprint(w, `{"error":-14014,"error_name":"Invalid refresh token"}`)
				return
			}
			p.exchanges++
			p.access, p.refresh = fmt.Sprintf("access-%d", p.exchanges), fmt.Sprintf("refresh-%d", p.exchanges)
			// Zalo writes expires_in as a string.
			json.NewEncoder(w).Encode(map[string]string{"access_token": p.access, "refresh_token": p.refresh, "expires_in": "90000"})
		case "/message/template":
			p.mu.Lock()
			defer p.mu.Unlock()
			if p.access == "" || r.Header.Get("access_token") != p.access {
				fmt.Fprint(w, `{"error":-124,"message":"Access token invalid"}`)
				return
			}
			p.sent++
			fmt.Fprint(w, `{"error":0,"message":"Success"}`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *zaloPeer) counts() (exchanges, refused, sent int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.fails) > 0 {
		panic(p.fails[0])
	}
	return p.exchanges, p.refused, p.sent
}

func zaloTokens(t *testing.T, st *store.Store, p *zaloPeer, seed string, now func() time.Time) *notify.ZaloTokens {
	t.Helper()
	z, err := notify.NewZaloTokens(context.Background(), st, "4242", "zalo-secret", seed)
	if err != nil {
		t.Fatal(err)
	}
	z.URL, z.Now = p.URL+"/v4/oa/access_token", now
	return z
}

// The access token expires (about 25 hours) and the refresh token is single
// use: the sender refreshes before expiry and when ZNS refuses the token,
// stores the rotated refresh token, and a restart with the spent seed does
// not put it back.
func TestZaloTokenRefresh(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		p := newZaloPeer(t, "seed-refresh")
		clock := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
		now := func() time.Time { return clock }
		z := zaloTokens(t, st, p, "seed-refresh", now)
		s, err := notify.NewZaloSender(notify.ZaloConfig{URL: p.URL + "/message/template", Tokens: z, Templates: map[string]string{"received": "301245"}})
		if err != nil {
			t.Fatal(err)
		}
		step := func(name string, wantExchanges int, wantRefresh string) {
			t.Helper()
			if err := s.Send(ctx, zaloMessage("k-"+name)); err != nil {
				t.Fatalf("%s: send: %v", name, err)
			}
			ex, refused, _ := p.counts()
			if ex != wantExchanges || refused != 0 {
				t.Fatalf("%s: %d refreshes (%d refused), want %d", name, ex, refused, wantExchanges)
			}
			got, err := st.GetZaloToken(ctx)
			if err != nil || got.Refresh != wantRefresh {
				t.Fatalf("%s: stored refresh token %q (%v), want %q", name, got.Refresh, err, wantRefresh)
			}
		}
		step("first", 1, "refresh-1")                    // no access token yet: the seed is spent
		step("again", 1, "refresh-1")                    // still valid: no refresh
		clock = clock.Add(24*time.Hour + 55*time.Minute) // within 10 minutes of expiry
		step("before expiry", 2, "refresh-2")
		p.mu.Lock()
		p.access = "revoked-by-zalo" // Zalo stops accepting the token early
		p.mu.Unlock()
		step("refused token", 3, "refresh-3")

		// A restart seeds the same (spent) refresh token: the rotated pair stays.
		z2 := zaloTokens(t, st, p, "seed-refresh", now)
		if tok, err := z2.Token(ctx, ""); err != nil || tok != "access-3" {
			t.Fatalf("after restart: %q %v", tok, err)
		}
		if _, _, sent := p.counts(); sent != 4 {
			t.Fatalf("%d messages delivered, want 4", sent)
		}
		// A new seed (the app authorised again) replaces the pair.
		p.mu.Lock()
		p.refresh = "new-seed"
		p.mu.Unlock()
		z3 := zaloTokens(t, st, p, "new-seed", now)
		if tok, err := z3.Token(ctx, ""); err != nil || tok != "access-4" {
			t.Fatalf("after a new seed: %q %v", tok, err)
		}
	})
}

// Two nodes whose token expired at once spend the single-use refresh token
// once: one wins the lease, the others wait and read the pair it stored.
func TestZaloTokenRefreshTwoNodes(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		p := newZaloPeer(t, "seed-refresh")
		p.delay = 200 * time.Millisecond
		nodes := []*notify.ZaloTokens{zaloTokens(t, st, p, "seed-refresh", nil), zaloTokens(t, st, p, "seed-refresh", nil)}
		var wg sync.WaitGroup
		got := make([]string, 8)
		errs := make([]error, 8)
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				defer cancel()
				got[i], errs[i] = nodes[i%2].Token(ctx, "")
			}()
		}
		wg.Wait()
		for i := range got {
			if errs[i] != nil || got[i] != "access-1" {
				t.Errorf("caller %d: %q %v", i, got[i], errs[i])
			}
		}
		if ex, refused, _ := p.counts(); ex != 1 || refused != 0 {
			t.Fatalf("refresh token spent %d times, %d refused: want once", ex, refused)
		}
	})
}
