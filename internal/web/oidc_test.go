package web_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/oauth2-proxy/mockoidc"

	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
	"github.com/motcua/motcua/internal/web"
)

// The Vietnamese messages the pages must show (oidc.go registers them).
const (
	viDenied  = "Bạn đã không đồng ý chia sẻ thông tin"
	viState   = "không xuất phát từ trình duyệt này"
	viExpired = "Phiên đăng nhập bằng VNeID đã hết hạn"
	viFailed  = "Không xác minh được danh tính của bạn qua VNeID"
	viError   = "Hệ thống định danh điện tử báo lỗi"
)

// vneidUser is a person at the mock e-ID provider. The override fields
// forge the ID token the provider will sign, to show each is refused.
type vneidUser struct {
	sub, name, email, phone string
	idNumber                string // the id_number claim, when set

	aud, iss, nonce string
	expired         bool
}

type vneidClaims struct {
	*mockoidc.IDTokenClaims
	Name          string `json:"name,omitempty"`
	Email         string `json:"email,omitempty"`
	EmailVerified bool   `json:"email_verified,omitempty"`
	Phone         string `json:"phone_number,omitempty"`
	IDNumber      string `json:"id_number,omitempty"`
}

func (u *vneidUser) ID() string { return u.sub }

func (u *vneidUser) Userinfo([]string) ([]byte, error) {
	return json.Marshal(map[string]string{"sub": u.sub, "name": u.name})
}

func (u *vneidUser) Claims(_ []string, c *mockoidc.IDTokenClaims) (jwt.Claims, error) {
	if u.aud != "" {
		c.Audience = jwt.ClaimStrings{u.aud}
	}
	if u.iss != "" {
		c.Issuer = u.iss
	}
	if u.nonce != "" {
		c.Nonce = u.nonce
	}
	if u.expired {
		c.IssuedAt = jwt.NewNumericDate(time.Now().Add(-2 * time.Hour))
		c.NotBefore = c.IssuedAt
		c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-time.Hour))
	}
	return &vneidClaims{IDTokenClaims: c, Name: u.name, Email: u.email, EmailVerified: u.email != "", Phone: u.phone, IDNumber: u.idNumber}, nil
}

// provider is a running mock OpenID Connect provider.
type provider struct {
	m *mockoidc.MockOIDC

	mu     sync.Mutex
	forger *mockoidc.Keypair // when set, ID tokens are re-signed with this key
}

func newProvider(t *testing.T) *provider {
	t.Helper()
	m, err := mockoidc.NewServer(nil)
	if err != nil {
		t.Fatal(err)
	}
	p := &provider{m: m}
	if err := m.AddMiddleware(p.resign); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Start(ln, nil); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Shutdown() })
	return p
}

// resign replaces the token endpoint's ID token with the same claims signed
// by the forger's key (under the provider's key ID), when a forger is set.
func (p *provider) resign(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		forger := p.forger
		p.mu.Unlock()
		if forger == nil || r.URL.Path != mockoidc.TokenEndpoint {
			next.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err == nil {
			if raw, ok := body["id_token"].(string); ok {
				claims := jwt.MapClaims{}
				if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err == nil {
					if forged, err := forger.SignJWT(claims); err == nil {
						body["id_token"] = forged
					}
				}
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rec.Code)
		json.NewEncoder(w).Encode(body)
	})
}

func (p *provider) config() *web.OIDCConfig {
	return &web.OIDCConfig{Issuer: p.m.Issuer(), ClientID: p.m.ClientID, ClientSecret: p.m.ClientSecret}
}

// vneidEnv is the real server with citizen sign-in through the provider.
// BaseURL stays empty: the callback address comes from the request, since
// the test server's address is only known after web.New.
func vneidEnv(t *testing.T, st *store.Store, p *provider) *env {
	return newEnv(t, st, web.Options{OIDC: p.config()})
}

// startVNeID opens the sign-in page, presses "Sign in with VNeID" and
// follows redirects until stop says to halt before one; it returns that
// redirect's target and the response that asked for it. With a nil stop,
// every redirect is followed and the last response is returned.
func startVNeID(t *testing.T, b *browser, next string, stop func(*url.URL) bool) (*url.URL, *http.Response, []string) {
	t.Helper()
	b.get("/login").must(t, 200, `action="/auth/oidc/start"`)
	var (
		target *url.URL
		hops   []string
	)
	b.c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if stop != nil && stop(req.URL) {
			target = req.URL
			return http.ErrUseLastResponse
		}
		hops = append(hops, req.URL.String())
		return nil
	}
	defer func() { b.c.CheckRedirect = nil }()
	form := url.Values{"csrf": {b.csrf}, "next": {next}}
	req, _ := http.NewRequest("POST", b.e.url+"/auth/oidc/start", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := b.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if stop != nil && target == nil {
		t.Fatalf("sign-in never reached the expected redirect; visited %v", hops)
	}
	return target, resp, hops
}

func atCallback(u *url.URL) bool { return u.Path == "/auth/oidc/callback" }

// signInVNeID goes all the way and returns the addresses visited after the start.
func signInVNeID(t *testing.T, b *browser, next string) []string {
	t.Helper()
	_, _, hops := startVNeID(t, b, next, nil)
	return hops
}

func citizensWithIdentity(t *testing.T, e *env) []org.User {
	t.Helper()
	rows, err := e.st.Query(context.Background(), `SELECT id FROM users WHERE oidc_subject <> '' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	var out []org.User
	for _, id := range ids {
		u, err := e.st.UserByID(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, u)
	}
	return out
}

// signedInAs checks the browser's session by the name in the header.
func signedInAs(t *testing.T, b *browser, name string) {
	t.Helper()
	b.get("/").must(t, 200, name)
	if p := b.get("/login"); p.URL == "/login" {
		t.Fatalf("still offered the sign-in page after signing in\n%s", p.Body)
	}
}

func notSignedIn(t *testing.T, b *browser) {
	t.Helper()
	if p := b.get("/login"); p.Status != 200 || p.URL != "/login" {
		t.Fatalf("GET /login: %d at %s, want the sign-in page (not signed in)", p.Status, p.URL)
	}
}

// A citizen's first VNeID sign-in creates their account; the next one, from
// another browser, finds it again and takes the provider's new name.
func TestVNeIDSignInCreatesThenReusesCitizen(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		p := newProvider(t)
		e := vneidEnv(t, st, p)
		before := len(citizensWithIdentity(t, e))

		p.m.QueueUser(&vneidUser{sub: "079190000123", name: "Trần Thị Bình", email: "binh@example.vn", phone: "0903123456"})
		b := e.browser()
		hops := signInVNeID(t, b, "")
		if last := hops[len(hops)-1]; !strings.HasSuffix(last, "/my/dossiers") {
			t.Fatalf("landed on %s, want /my/dossiers; hops %v", last, hops)
		}
		signedInAs(t, b, "Trần Thị Bình")

		users := citizensWithIdentity(t, e)
		if len(users) != before+1 {
			t.Fatalf("%d users with an identity after the first sign-in, want %d", len(users), before+1)
		}
		u := users[len(users)-1]
		if u.Role != org.RoleCitizen || u.Name != "Trần Thị Bình" || u.Email != "binh@example.vn" || u.Phone != "0903123456" || !strings.HasPrefix(u.Username, "oidc:") {
			t.Fatalf("created %+v", u)
		}
		// The account has no password: the staff form cannot open it.
		b2 := e.browser()
		b2.get("/login")
		b2.post("/login", url.Values{"username": {u.Username}, "password": {""}}).lacks(t, "Trần Thị Bình")
		notSignedIn(t, b2)

		// Second sign-in, another browser, same person, new name; back to
		// where they were going.
		p.m.QueueUser(&vneidUser{sub: "079190000123", name: "Trần Thị Bình An", email: "binh@example.vn"})
		b3 := e.browser()
		hops = signInVNeID(t, b3, "/procedures")
		if last := hops[len(hops)-1]; !strings.HasSuffix(last, "/procedures") {
			t.Fatalf("landed on %s, want /procedures; hops %v", last, hops)
		}
		signedInAs(t, b3, "Trần Thị Bình An")
		again := citizensWithIdentity(t, e)
		if len(again) != before+1 || again[len(again)-1].ID != u.ID {
			t.Fatalf("second sign-in: users %+v, want only user %d", again, u.ID)
		}
		if again[len(again)-1].Phone != "0903123456" {
			t.Fatalf("phone lost when the provider did not send it: %+v", again[len(again)-1])
		}
		// The first browser's session is untouched by the second sign-in.
		signedInAs(t, b, "Trần Thị Bình An")
	})
}

// The start sends the provider a PKCE challenge, a nonce and a state, and
// keeps the flow in a short-lived HttpOnly, SameSite=Lax cookie.
func TestVNeIDStartUsesPKCENonceAndAFlowCookie(t *testing.T) {
	p := newProvider(t)
	e := vneidEnv(t, storetest.SQLite(t), p)
	b := e.browser()
	authz, resp, _ := startVNeID(t, b, "", func(u *url.URL) bool { return u.Path == mockoidc.AuthorizationEndpoint })
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("start answered %d, want 303", resp.StatusCode)
	}
	q := authz.Query()
	if q.Get("code_challenge_method") != "S256" || len(q.Get("code_challenge")) < 43 {
		t.Errorf("no S256 PKCE challenge: %v", q)
	}
	if len(q.Get("nonce")) < 32 || len(q.Get("state")) < 32 || q.Get("nonce") == q.Get("state") {
		t.Errorf("weak or missing nonce/state: %v", q)
	}
	if q.Get("scope") != "openid profile email" || q.Get("client_id") != p.m.ClientID || q.Get("response_type") != "code" {
		t.Errorf("authorization request %v", q)
	}
	if q.Get("redirect_uri") != e.url+"/auth/oidc/callback" {
		t.Errorf("redirect_uri %q, want %q", q.Get("redirect_uri"), e.url+"/auth/oidc/callback")
	}
	var flow *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "motcua_oidc" {
			flow = c
		}
	}
	if flow == nil {
		t.Fatalf("no flow cookie in %v", resp.Header["Set-Cookie"])
	}
	if !flow.HttpOnly || flow.SameSite != http.SameSiteLaxMode || flow.MaxAge <= 0 || flow.MaxAge > 600 {
		t.Errorf("flow cookie %+v: want HttpOnly, SameSite=Lax, at most 10 minutes", flow)
	}
	if ch := q.Get("code_challenge"); ch != "" && strings.Contains(flow.Value, ch) {
		t.Error("the cookie holds the challenge instead of the verifier")
	}

	// Without the form token the start is refused.
	b2 := e.browser()
	b2.get("/login")
	b2.post("/auth/oidc/start", url.Values{"csrf": {"00000000000000000000000000000000"}}).must(t, 403)
}

// A callback whose state was changed is refused, and the flow cannot be
// replayed afterwards.
func TestVNeIDTamperedStateRefused(t *testing.T) {
	p := newProvider(t)
	e := vneidEnv(t, storetest.SQLite(t), p)
	before := len(citizensWithIdentity(t, e))
	b := e.browser()
	cb, _, _ := startVNeID(t, b, "", atCallback)

	tampered := *cb
	q := tampered.Query()
	st := []byte(q.Get("state"))
	st[0] ^= 1
	q.Set("state", string(st))
	tampered.RawQuery = q.Encode()
	b.get(tampered.RequestURI()).must(t, 403, viState).lacks(t, q.Get("code"))
	notSignedIn(t, b)

	// The flow was spent by the refused attempt.
	b.get(cb.RequestURI()).must(t, 400, viExpired)
	notSignedIn(t, b)
	if n := len(citizensWithIdentity(t, e)); n != before {
		t.Fatalf("%d users with an identity, want %d", n, before)
	}
}

// The provider's answer is bound to the browser that started the flow: the
// same callback address opened in another browser does not sign anyone in.
func TestVNeIDCallbackInAnotherBrowserRefused(t *testing.T) {
	p := newProvider(t)
	e := vneidEnv(t, storetest.SQLite(t), p)
	cb, _, _ := startVNeID(t, e.browser(), "", atCallback)
	victim := e.browser()
	victim.get(cb.RequestURI()).must(t, 400, viExpired)
	notSignedIn(t, victim)
}

// A flow older than ten minutes is refused, by the server's clock too.
func TestVNeIDFlowExpires(t *testing.T) {
	p := newProvider(t)
	e := vneidEnv(t, storetest.SQLite(t), p)
	b := e.browser()
	cb, _, _ := startVNeID(t, b, "", atCallback)
	e.setNow(e.clock().Add(11 * time.Minute))
	b.get(cb.RequestURI()).must(t, 400, viExpired)
	notSignedIn(t, b)
}

// Declining consent at the provider brings a clear message, in either language.
func TestVNeIDAccessDenied(t *testing.T) {
	p := newProvider(t)
	e := vneidEnv(t, storetest.SQLite(t), p)
	b := e.browser()
	authz, _, _ := startVNeID(t, b, "", func(u *url.URL) bool { return u.Path == mockoidc.AuthorizationEndpoint })
	state := authz.Query().Get("state")
	b.get("/auth/oidc/callback?"+url.Values{"error": {"access_denied"}, "error_description": {"User <b>cancelled</b>"}, "state": {state}}.Encode()).
		must(t, 403, viDenied).lacks(t, "cancelled")
	notSignedIn(t, b)

	b.post("/lang", url.Values{"to": {"en"}, "back": {"/"}})
	b.get("/auth/oidc/callback?error=access_denied").must(t, 403, "You did not agree to share your information")
	b.get("/auth/oidc/callback?error=temporarily_unavailable").must(t, 400, "The electronic ID service reported an error")
	b.post("/lang", url.Values{"to": {"vi"}, "back": {"/"}})
	b.get("/auth/oidc/callback?error=server_error").must(t, 400, viError)
}

// ID tokens that are not for us, not from our provider, not for this flow,
// expired or not signed by the provider are all refused, without detail.
func TestVNeIDRefusesBadIDTokens(t *testing.T) {
	p := newProvider(t)
	e := vneidEnv(t, storetest.SQLite(t), p)
	forger, err := mockoidc.RandomKeypair(2048)
	if err != nil {
		t.Fatal(err)
	}
	forger.Kid, err = p.m.Keypair.KeyID()
	if err != nil {
		t.Fatal(err)
	}
	before := len(citizensWithIdentity(t, e))
	cases := []struct {
		name   string
		user   *vneidUser
		forged bool
	}{
		{"wrong audience", &vneidUser{sub: "a1", name: "Ngô Văn A", aud: "another-portal"}, false},
		{"wrong issuer", &vneidUser{sub: "a2", name: "Ngô Văn B", iss: "https://idp.example.com/oidc"}, false},
		{"wrong nonce", &vneidUser{sub: "a3", name: "Ngô Văn C", nonce: "not-the-flows-nonce"}, false},
		{"expired", &vneidUser{sub: "a4", name: "Ngô Văn D", expired: true}, false},
		{"foreign signature", &vneidUser{sub: "a5", name: "Ngô Văn E"}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p.mu.Lock()
			p.forger = nil
			if c.forged {
				p.forger = forger
			}
			p.mu.Unlock()
			p.m.QueueUser(c.user)
			b := e.browser()
			cb, _, _ := startVNeID(t, b, "", atCallback)
			b.get(cb.RequestURI()).must(t, 401, viFailed).lacks(t, c.user.name, "another-portal", "idp.example.com", "nonce", "audience")
			notSignedIn(t, b)
			if n := len(citizensWithIdentity(t, e)); n != before {
				t.Fatalf("%d users with an identity, want %d", n, before)
			}
		})
	}
	// The same provider, untampered, still signs people in.
	p.mu.Lock()
	p.forger = nil
	p.mu.Unlock()
	p.m.QueueUser(&vneidUser{sub: "a6", name: "Ngô Văn F"})
	b := e.browser()
	signInVNeID(t, b, "")
	signedInAs(t, b, "Ngô Văn F")
}

// A citizen whose account was disabled cannot sign in through VNeID.
func TestVNeIDDisabledCitizenRefused(t *testing.T) {
	p := newProvider(t)
	e := vneidEnv(t, storetest.SQLite(t), p)
	p.m.QueueUser(&vneidUser{sub: "b1", name: "Hoàng Văn Lâm"})
	signInVNeID(t, e.browser(), "")
	users := citizensWithIdentity(t, e)
	if _, err := e.st.Exec(context.Background(), `UPDATE users SET active = 0 WHERE id = ?`, users[len(users)-1].ID); err != nil {
		t.Fatal(err)
	}
	p.m.QueueUser(&vneidUser{sub: "b1", name: "Hoàng Văn Lâm"})
	b := e.browser()
	cb, _, _ := startVNeID(t, b, "", atCallback)
	b.get(cb.RequestURI()).must(t, 403, "Tài khoản của bạn đã bị khóa")
	notSignedIn(t, b)
}

// A provider that cannot be discovered, or that names another issuer,
// stops the server from starting.
func TestVNeIDDiscoveryFailureStopsServer(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc, err := service.New(context.Background(), storetest.SQLite(t), &service.Blobs{Dir: t.TempDir()}, log)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + ln.Addr().String() + "/oidc"
	ln.Close()
	if _, err := web.New(svc, log, web.Options{OIDC: &web.OIDCConfig{Issuer: dead, ClientID: "x"}}); err == nil || !strings.Contains(err.Error(), "discovery") {
		t.Fatalf("unreachable provider: %v, want a discovery error", err)
	}
	p := newProvider(t)
	cfg := p.config()
	cfg.Issuer = strings.Replace(cfg.Issuer, "127.0.0.1", "localhost", 1)
	if _, err := web.New(svc, log, web.Options{OIDC: cfg}); err == nil {
		t.Fatal("a provider naming another issuer was accepted")
	}
	if _, err := web.New(svc, log, web.Options{OIDC: &web.OIDCConfig{Issuer: p.m.Issuer()}}); err == nil {
		t.Fatal("a configuration without a client id was accepted")
	}
}

// Browsers apply form-action to the redirect after the sign-in post, so the
// page's policy must name the provider's origin (w3c/webappsec-csp#8).
func TestVNeIDProviderAllowedAsFormTarget(t *testing.T) {
	p := newProvider(t)
	e := vneidEnv(t, storetest.SQLite(t), p)
	resp, err := http.Get(e.url + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	u, _ := url.Parse(p.m.Issuer())
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "form-action 'self' "+u.Scheme+"://"+u.Host) {
		t.Fatalf("form-action must allow %s: %s", u.Host, csp)
	}
}
