package api_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/clientip"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/payment"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// newEnvOpts is the real server with deployment options (newEnvAt builds it
// with the defaults); the API server itself is returned for its metrics
// listener.
func newEnvOpts(t *testing.T, st *store.Store, log *slog.Logger, opt api.Options) (*env, *api.Server) {
	t.Helper()
	ctx := context.Background()
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	svc, err := service.New(ctx, st, &service.Blobs{Dir: t.TempDir()}, log)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, svc: svc, st: st, now: time.Date(2026, 12, 1, 9, 0, 0, 0, ict), tokens: map[string]string{}}
	svc.Now = e.clock
	if _, err := demo.Load(ctx, svc, demoPassword); err != nil {
		t.Fatal(err)
	}
	h := api.NewWith(svc, log, opt)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	e.url = srv.URL
	return e, h
}

// Invented HTTP methods all count as OTHER: they add no series, and /metrics
// is closed on the main listener unless its token is given.
func TestMetricsBoundedAndNotPublic(t *testing.T) {
	st := storetest.SQLite(t)
	e, h := newEnvOpts(t, st, nil, api.Options{MetricsToken: "so-lieu-van-hanh"})
	e.submitAndReceive(criminalRecord)
	series := func() int {
		rec := httptest.NewRecorder()
		h.MetricsHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		n := 0
		for _, l := range strings.Split(rec.Body.String(), "\n") {
			if strings.HasPrefix(l, "motcua_http_requests_total{") {
				n++
			}
		}
		return n
	}
	e.do("GOTCHA0", "/api/v1/procedures", "", nil, nil)
	before := series()
	for i := range 2000 {
		e.do(fmt.Sprintf("M%04d", i), "/api/v1/procedures", "", nil, nil)
	}
	if after := series(); after != before {
		t.Fatalf("2,000 invented methods added %d series", after-before)
	}
	for _, c := range []struct {
		auth string
		want int
	}{{"", 401}, {"Bearer wrong", 401}, {"so-lieu-van-hanh", 401}, {"Bearer so-lieu-van-hanh", 200}} {
		r := e.do("GET", "/metrics", "", nil, map[string]string{"Authorization": c.auth})
		if r.status != c.want {
			t.Fatalf("/metrics with %q: %d, want %d", c.auth, r.status, c.want)
		}
		if r.status == 200 {
			for _, want := range []string{`motcua_dossier_actions_total{action="receive"} 1`,
				`motcua_http_requests_total{code="201",method="POST",route="POST /api/v1/dossiers"} 1`,
				`method="OTHER"`, "go_goroutines"} {
				if !strings.Contains(string(r.raw), want) {
					t.Fatalf("metrics lack %q", want)
				}
			}
			if strings.Contains(string(r.raw), "001090012345") || strings.Contains(string(r.raw), "M0001") {
				t.Fatal("metrics carry personal data or a client-chosen method")
			}
		}
	}
	// Without a token configured there is nothing there at all.
	e2, _ := newEnvOpts(t, storetest.SQLite(t), nil, api.Options{})
	if r := e2.do("GET", "/metrics", "", nil, map[string]string{"Authorization": "Bearer "}); r.status != 404 {
		t.Fatalf("/metrics without a configured token: %d", r.status)
	}
}

// One access-log line per request: method, route pattern, status, duration
// and actor, never the query string (here an ID number being searched for).
func TestAccessLogHasNoQuery(t *testing.T) {
	var buf syncBuffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	e, _ := newEnvOpts(t, storetest.SQLite(t), log, api.Options{})
	e.token("counter")
	if r := e.do("GET", "/api/v1/dossiers?q=079203001234", "counter", nil, nil); r.status != 200 {
		t.Fatalf("search: %d %s", r.status, r.raw)
	}
	e.do("GET", "/api/v1/track/079203001234", "", nil, nil)
	out := buf.String()
	if strings.Contains(out, "079203001234") {
		t.Fatalf("the ID number reached the log:\n%s", out)
	}
	var line string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, `"route":"GET /api/v1/dossiers"`) {
			line = l
		}
	}
	for _, want := range []string{`"msg":"request"`, `"method":"GET"`, `"status":200`, `"duration_ms":`, `"actor":`} {
		if !strings.Contains(line, want) {
			t.Fatalf("access log line lacks %s: %q\n%s", want, line, out)
		}
	}
	if strings.Contains(line, `"actor":0`) {
		t.Fatalf("the signed-in actor is not named: %s", line)
	}
	if !strings.Contains(out, `"route":"GET /api/v1/track/{code}"`) {
		t.Fatalf("the track request is not logged by its pattern:\n%s", out)
	}
}

func signIn(e *env, from, user, password string) resp {
	return e.do("POST", "/api/v1/auth/token", "", map[string]string{"username": user, "password": password},
		map[string]string{"X-Forwarded-For": from})
}

// Wrong passwords are limited per client address across accounts (429 with
// Retry-After), and the lockout after five is per address and account: a
// stranger's guesses do not lock the director out. Behind a trusted proxy the
// address is the forwarded one.
func TestSignInThrottle(t *testing.T) {
	proxies, _ := clientip.Parse("127.0.0.1/32, ::1/128")
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		e, _ := newEnvOpts(t, st, nil, api.Options{ClientIP: proxies})
		users := []string{"admin", "counter", "specialist", "leader", "director", "chair", "postal", "citizen"}
		var got [2]int
		for i := range 32 {
			r := signIn(e, "203.0.113.9", users[i%8], "sai-mat-khau")
			switch r.status {
			case 401:
				got[0]++
			case 429:
				got[1]++
				if r.errCode() != "too_many_sign_ins" || r.header.Get("Retry-After") == "" || r.body["error"].(map[string]any)["message_vi"] == "" {
					t.Fatalf("throttled answer: %v %s", r.header, r.raw)
				}
			default:
				t.Fatalf("wrong password %d: %d %s", i, r.status, r.raw)
			}
		}
		if got[0] != service.SignInFailBurst || got[1] != 32-service.SignInFailBurst {
			t.Fatalf("32 wrong passwords across 8 accounts from one address: %d×401, %d×429", got[0], got[1])
		}
		// The same address is refused even the right password for a while,
		if r := signIn(e, "203.0.113.9", "director", demoPassword); r.status != 429 {
			t.Fatalf("throttled address signs in: %d", r.status)
		}
		// but the director at her own desk is not.
		if r := signIn(e, "198.51.100.20", "director", demoPassword); r.status != 200 {
			t.Fatalf("director from her address: %d %s", r.status, r.raw)
		}
		// Five wrong passwords for the director from a stranger lock that
		// stranger out of her account, not her.
		for range 5 {
			signIn(e, "192.0.2.66", "director", "sai")
		}
		if r := signIn(e, "192.0.2.66", "director", demoPassword); r.status != 429 || r.errCode() != "account_locked" || r.header.Get("Retry-After") == "" {
			t.Fatalf("locked pair: %d %s", r.status, r.raw)
		}
		if r := signIn(e, "198.51.100.20", "director", demoPassword); r.status != 200 {
			t.Fatalf("the director is locked out by a stranger: %d %s", r.status, r.raw)
		}
		e.setNow(e.clock().Add(service.LockDuration + time.Minute))
		if r := signIn(e, "192.0.2.66", "director", demoPassword); r.status != 200 {
			t.Fatalf("after the lock: %d %s", r.status, r.raw)
		}
	})
}

// X-Forwarded-For from a peer that is not a trusted proxy is ignored: a
// client cannot escape the limit by inventing addresses.
func TestSignInThrottleIgnoresForgedForwarding(t *testing.T) {
	e, _ := newEnvOpts(t, storetest.SQLite(t), nil, api.Options{})
	limited := false
	for i := range service.SignInFailBurst + 1 {
		if r := signIn(e, "10.9.9."+strconv.Itoa(i), "leader"+strconv.Itoa(i), "sai"); r.status == 429 {
			limited = true
		}
	}
	if !limited {
		t.Fatal("invented X-Forwarded-For addresses escaped the limit")
	}
}

// Public tracking: the code alone gives the bare status; the key printed on
// Form 01 opens procedure, agency and dates; look-ups are limited per address.
func TestTrackNeedsKeyAndIsLimited(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		e, _ := newEnvOpts(t, st, nil, api.Options{})
		id, _ := e.submitAndReceive(criminalRecord)
		code := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", id), "counter", nil, nil).str("code")
		key, err := e.svc.TrackKey(context.Background(), code)
		if err != nil || len(key) != 9 {
			t.Fatalf("key %q %v", key, err)
		}
		bare := e.do("GET", "/api/v1/track/"+code, "", nil, nil)
		if bare.status != 200 || bare.str("status") != "processing" || bare.str("detail") != "status" ||
			bare.str("procedure_code") != "" || bare.str("agency_name") != "" || bare.body["received_at"] != nil || bare.body["due_at"] != nil {
			t.Fatalf("code alone: %d %s", bare.status, bare.raw)
		}
		full := e.do("GET", "/api/v1/track/"+code+"?key="+url.QueryEscape(strings.ToLower(key)), "", nil, nil)
		if full.status != 200 || full.str("detail") != "full" || full.str("procedure_code") != criminalRecord || full.str("agency_name") == "" || full.body["due_at"] == nil {
			t.Fatalf("with the key: %d %s", full.status, full.raw)
		}
		other, _ := e.svc.TrackKey(context.Background(), code+"x")
		if r := e.do("GET", "/api/v1/track/"+code+"?key="+other, "", nil, nil); r.status != 403 || r.errCode() != "track_key_wrong" {
			t.Fatalf("another dossier's key: %d %s", r.status, r.raw)
		}
		// 300 sequential codes from one address meet a 429 with Retry-After.
		var limited resp
		for i := range 300 {
			r := e.do("GET", fmt.Sprintf("/api/v1/track/000.00.01.H99-261201-%04d", i), "", nil, nil)
			if r.status == 429 {
				limited = r
				break
			}
		}
		if limited.status != 429 || limited.errCode() != "too_many_lookups" || limited.header.Get("Retry-After") == "" {
			t.Fatalf("sequential codes were never limited: %d %s", limited.status, limited.raw)
		}
		// The key is the same on every node: a second service on the same
		// database derives it from the secret stored there.
		svc2, err := service.New(context.Background(), st, &service.Blobs{Dir: t.TempDir()}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if k2, err := svc2.TrackKey(context.Background(), code); err != nil || k2 != key {
			t.Fatalf("another node's key %q, want %q (%v)", k2, key, err)
		}
	})
}

// The gateway's return URL is the configured base URL, not whatever the
// environment says at the time; vnp_IpAddr is the citizen's address behind a
// trusted proxy, and the peer's when the peer is not trusted.
func TestVNPayReturnURLAndClientIP(t *testing.T) {
	t.Setenv("MOTCUA_BASE_URL", "https://not-this.example")
	proxies, _ := clientip.Parse("127.0.0.1, ::1")
	for _, c := range []struct {
		name    string
		opt     api.Options
		wantIP  string
		wantRet func(e *env) string
	}{
		{"configured base, trusted proxy", api.Options{BaseURL: "https://dichvucong.h99.gov.vn/", ClientIP: proxies}, "203.0.113.50",
			func(*env) string { return "https://dichvucong.h99.gov.vn/pay/return" }},
		{"no base, no trusted proxy", api.Options{}, "127.0.0.1", func(e *env) string { return e.url + "/pay/return" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _ := newEnvOpts(t, storetest.SQLite(t), nil, c.opt)
			e.svc.Payments = payment.NewRegistry(&payment.VNPay{PayURL: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", TmnCode: "MOTCUA01", Secret: "VNPAYSECRET"})
			id, _ := e.awaitingPayment(150000)
			r := e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/payments", id), "citizen", nil, map[string]string{"X-Forwarded-For": "203.0.113.50"})
			if r.status != http.StatusCreated {
				t.Fatalf("start: %d %s", r.status, r.raw)
			}
			u, _ := url.Parse(r.str("redirect_url"))
			if q := u.Query(); q.Get("vnp_ReturnUrl") != c.wantRet(e) || q.Get("vnp_IpAddr") != c.wantIP {
				t.Fatalf("return %q ip %q, want %q %q", q.Get("vnp_ReturnUrl"), q.Get("vnp_IpAddr"), c.wantRet(e), c.wantIP)
			}
		})
	}
}
