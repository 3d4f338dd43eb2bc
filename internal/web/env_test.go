package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
	"github.com/motcua/motcua/internal/web"
)

const demoPassword = "mat-khau-demo"

var ict = time.FixedZone("ICT", 7*3600)

// env is the real server (API and pages, as `motcua serve` composes them)
// over a real database holding the demo province.
type env struct {
	t   testing.TB
	url string
	svc *service.Service
	st  *store.Store // the service keeps its store to itself
	mu  sync.Mutex
	now time.Time
	// tick makes the clock move on by a millisecond at every reading, as a
	// real one does, so that code asking the time twice sees two instants.
	tick bool
	// routes are the page server's patterns (lang_pages_test.go walks them).
	routes []string
}

func (e *env) clock() time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.tick {
		e.now = e.now.Add(time.Millisecond)
	}
	return e.now
}

// setNow moves the server's clock. Sessions live 12 hours: after a jump of
// days, sign in again.
func (e *env) setNow(t time.Time) { e.mu.Lock(); e.now = t; e.mu.Unlock() }

// ticking makes the clock move on by itself from now on (see env.tick).
func (e *env) ticking() { e.mu.Lock(); e.tick = true; e.mu.Unlock() }

func newEnv(t testing.TB, st *store.Store, opt web.Options) *env {
	t.Helper()
	return newEnvWith(t, st, opt, nil)
}

// newEnvWith is newEnv with configure run on the service before the demo
// province is loaded and the pages are built (as serve does with the
// payment gateways).
func newEnvWith(t testing.TB, st *store.Store, opt web.Options, configure func(*service.Service)) *env {
	t.Helper()
	return newEnvLogged(t, st, opt, slog.New(slog.NewTextHandler(io.Discard, nil)), configure)
}

// newEnvLogged is newEnvWith with the server logging to log.
func newEnvLogged(t testing.TB, st *store.Store, opt web.Options, log *slog.Logger, configure func(*service.Service)) *env {
	t.Helper()
	ctx := context.Background()
	svc, err := service.New(ctx, st, &service.Blobs{Dir: t.TempDir()}, log)
	if err != nil {
		t.Fatal(err)
	}
	// Tuesday 1 December 2026, 09:00 in Vietnam: an ordinary working morning.
	e := &env{t: t, svc: svc, st: st, now: time.Date(2026, 12, 1, 9, 0, 0, 0, ict)}
	svc.Now = e.clock
	if configure != nil {
		configure(svc)
	}
	if _, err := demo.Load(ctx, svc, demoPassword); err != nil {
		t.Fatal(err)
	}
	h := api.New(svc, log)
	pages, err := web.New(svc, log, opt)
	if err != nil {
		t.Fatal(err)
	}
	e.routes = pages.Routes()
	h.Mux().Handle("/", pages)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	e.url = srv.URL
	return e
}

// sqliteEnv is the usual page-test server: the embedded database, demo mode.
func sqliteEnv(t testing.TB) *env { return newEnv(t, storetest.SQLite(t), web.Options{Demo: true}) }

// eachDB runs a test on SQLite and on PostgreSQL.
func eachDB(t *testing.T, fn func(t *testing.T, e *env)) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) { fn(t, newEnv(t, st, web.Options{Demo: true})) })
}

// browser is one person's HTTP client: cookies kept, redirects followed,
// and the anti-forgery token of the last page reused in the next post.
type browser struct {
	e    *env
	c    *http.Client
	csrf string
}

// page is a fetched HTML page.
type page struct {
	Status int
	URL    string
	Body   string
	Header http.Header
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

func (e *env) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{e: e, c: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

func (b *browser) do(req *http.Request) page {
	b.e.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.e.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	p := page{Status: resp.StatusCode, URL: resp.Request.URL.Path, Body: string(body), Header: resp.Header}
	if m := csrfRe.FindStringSubmatch(p.Body); m != nil {
		b.csrf = m[1]
	}
	return p
}

// get fetches a page.
func (b *browser) get(path string) page {
	b.e.t.Helper()
	req, _ := http.NewRequest("GET", b.e.url+path, nil)
	return b.do(req)
}

// post sends a form with the current anti-forgery token (fetching the home
// page first when no page was seen yet).
func (b *browser) post(path string, form url.Values) page {
	b.e.t.Helper()
	if b.csrf == "" {
		b.get("/")
	}
	if form == nil {
		form = url.Values{}
	}
	if !form.Has("csrf") {
		form.Set("csrf", b.csrf)
	}
	req, _ := http.NewRequest("POST", b.e.url+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// login signs a demo staff member in with the demo password.
func (b *browser) login(username string) page {
	b.e.t.Helper()
	b.get("/login")
	p := b.post("/login", url.Values{"username": {username}, "password": {demoPassword}})
	if p.Status != 200 || p.URL == "/login" {
		b.e.t.Fatalf("login %s: %d at %s\n%s", username, p.Status, p.URL, p.Body)
	}
	return p
}

// signedIn returns a browser already signed in as username ("citizen" uses
// the demo citizen sign-in).
func (e *env) signedIn(username string) *browser {
	e.t.Helper()
	b := e.browser()
	if username == "citizen" {
		b.get("/login")
		if p := b.post("/login/demo-citizen", nil); p.Status != 200 {
			e.t.Fatalf("demo citizen: %d %s", p.Status, p.Body)
		}
		return b
	}
	b.login(username)
	return b
}

// must asserts a page's status and that it contains every text.
func (p page) must(t testing.TB, status int, texts ...string) page {
	t.Helper()
	if p.Status != status {
		t.Fatalf("%s: status %d, want %d\n%s", p.URL, p.Status, status, p.Body)
	}
	for _, s := range texts {
		if !strings.Contains(p.Body, s) {
			t.Fatalf("%s: page lacks %q\n%s", p.URL, s, p.Body)
		}
	}
	return p
}

// lacks asserts the page contains none of the texts.
func (p page) lacks(t testing.TB, texts ...string) page {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(p.Body, s) {
			t.Fatalf("%s: page must not contain %q", p.URL, s)
		}
	}
	return p
}
