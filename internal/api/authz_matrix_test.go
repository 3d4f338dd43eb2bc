package api_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store/storetest"
	"github.com/motcua/motcua/internal/web"
)

// The fault suite's authorization matrix (issue 16): every route the API
// and the pages register (read from their route tables, internal/routes),
// for every principal — anonymous, citizen A (who filed the dossier),
// citizen B, staff of the receiving and processing agencies and of other
// agencies, the province's supervisors, the postal operator — allowed or
// refused, through the real server. A route added without a line in
// matrixRules fails the test.

// Rules, by route pattern:
//
//	public        anyone, signed in or not
//	auth          anyone signed in
//	roles:a,b     these roles only
//	dossier:a,b   these roles, and only for the dossier they may see
//	              (citizen A's own; staff whose agencies received or
//	              process it; province-wide supervisors; not the postal
//	              operator: the dossier has no postal leg)
//	signed        no principal: the caller proves itself by a signature
//	skip:<why>    not asserted here; why says where it is tested
var matrixRules = map[string]string{
	// API
	"GET /healthz":                              "public",
	"GET /readyz":                               "public",
	"GET /metrics":                              "skip:metrics exposure is item 4 (metrics_test.go)",
	"GET /api/openapi.json":                     "public",
	"POST /api/v1/auth/token":                   "public",
	"GET /api/v1/procedures":                    "public",
	"GET /api/v1/procedures/{code}":             "public",
	"GET /api/v1/agencies":                      "public",
	"GET /api/v1/track/{code}":                  "public",
	"GET /api/v1/calendar/{year}":               "public",
	"PUT /api/v1/calendar/{year}":               "roles:admin",
	"POST /api/v1/files":                        "auth",
	"POST /api/v1/dossiers":                     "roles:citizen,citizen_b,counter,counter_xa,postal",
	"GET /api/v1/dossiers":                      "auth",
	"GET /api/v1/dossiers/{id}":                 "dossier:citizen,counter,specialist,leader,director,chair,admin",
	"POST /api/v1/dossiers/{id}/actions":        "dossier:citizen,counter,specialist,leader,director,chair,admin",
	"GET /api/v1/dossiers/{id}/events":          "dossier:citizen,counter,specialist,leader,director,chair,admin",
	"POST /api/v1/dossiers/{id}/reveal":         "dossier:director,chair,admin",
	"GET /api/v1/dossiers/{id}/reveals":         "dossier:director,chair,admin",
	"GET /api/v1/reveals":                       "roles:admin",
	"POST /api/v1/dossiers/{id}/payments":       "skip:online payment is off in this server (payment_flow_test.go)",
	"GET /api/v1/index766":                      "roles:director,chair,admin",
	"GET /api/v1/reports/settlement":            "roles:director,chair,admin",
	"GET /api/v1/reports/delays":                "roles:director,chair,admin",
	"GET /api/v1/payments/{provider}/callback":  "signed",
	"POST /api/v1/payments/{provider}/callback": "signed",
	"POST /api/v1/postal/events":                "signed",
	"GET /api/v1/me/documents":                  "roles:citizen,citizen_b",
	"GET /api/v1/me/documents/{id}/file":        "skip:documents of one citizen (datastore_api_test.go)",
	"/api/":                                     "skip:the API's 404 for unknown addresses",
	// Pages
	"GET /{$}":                     "public",
	"GET /static/":                 "public",
	"GET /favicon.ico":             "public",
	"GET /login":                   "public",
	"POST /login":                  "public",
	"POST /login/demo-citizen":     "public",
	"POST /logout":                 "public",
	"POST /lang":                   "public",
	"GET /procedures":              "public",
	"GET /procedures/{code}":       "public",
	"GET /track":                   "public",
	"GET /track/{code}":            "public",
	"GET /procedures/{code}/file":  "roles:citizen,citizen_b",
	"POST /procedures/{code}/file": "roles:citizen,citizen_b",
	"GET /my/dossiers":             "roles:citizen,citizen_b",
	"GET /my/dossiers/{id}":        "dossier:citizen",
	"POST /my/dossiers/{id}/act":   "dossier:citizen",
	"POST /my/dossiers/{id}/pay":   "skip:online payment is off in this server (payment_flow_test.go)",
	// A multipart upload: the form is read before the dossier, so citizen
	// B's empty post gets 400; whose dossier it is: citizen_test.go.
	"POST /my/dossiers/{id}/supplement":     "roles:citizen,citizen_b",
	"GET /my/dossiers/{id}/payments":        "dossier:citizen",
	"GET /pay/return":                       "skip:needs a gateway's signed return (payment_flow_test.go)",
	"GET /payments/{id}/receipt":            "skip:needs a paid payment (payment_flow_test.go)",
	"GET /payments/{id}/receipt.pdf":        "skip:needs a paid payment (payment_flow_test.go)",
	"GET /me/documents":                     "roles:citizen,citizen_b",
	"GET /me/documents/{id}/file":           "skip:documents of one citizen (datastore_pages_test.go)",
	"GET /me/notifications":                 "roles:citizen,citizen_b",
	"POST /me/notifications":                "roles:citizen,citizen_b",
	"GET /me/password":                      "roles:counter,counter_xa,specialist,specialist_tc,leader,director,chair,admin,postal",
	"POST /me/password":                     "roles:counter,counter_xa,specialist,specialist_tc,leader,director,chair,admin,postal",
	"GET /counter":                          "roles:counter,counter_xa,postal",
	"GET /counter/new":                      "roles:counter,counter_xa",
	"POST /counter/new":                     "roles:counter,counter_xa",
	"GET /counter/dossiers/{id}":            "dossier:counter",
	"POST /counter/dossiers/{id}/act":       "dossier:counter",
	"POST /counter/bulk":                    "roles:counter,counter_xa,postal",
	"GET /work":                             "roles:counter,counter_xa,specialist,specialist_tc,leader,director,admin",
	"GET /dossiers/{id}":                    "dossier:counter,specialist,leader,director,chair,admin",
	"POST /dossiers/{id}/act":               "dossier:counter,specialist,leader,director,chair,admin",
	"POST /dossiers/{id}/reveal":            "dossier:director,chair,admin",
	"GET /dossiers/{id}/files/{file}":       "skip:attachments of one dossier (dossier_pages_test.go)",
	"GET /dossiers/{id}/forms/{file}":       "dossier:citizen,counter,specialist,leader,director,chair,admin",
	"GET /director":                         "roles:director,chair,admin",
	"GET /director/dossiers":                "roles:director,chair,admin",
	"GET /director/index":                   "roles:director,chair,admin",
	"GET /director/report":                  "roles:director,chair,admin",
	"GET /director/delays":                  "roles:director,chair,admin",
	"GET /admin":                            "roles:admin",
	"GET /admin/agencies":                   "roles:admin",
	"POST /admin/agencies":                  "roles:admin",
	"POST /admin/agencies/{id}/active":      "roles:admin",
	"POST /admin/agencies/{id}/contact":     "roles:admin",
	"GET /admin/agencies/{id}/counters":     "roles:admin",
	"POST /admin/agencies/{id}/counters":    "roles:admin",
	"GET /admin/users":                      "roles:admin",
	"POST /admin/users":                     "roles:admin",
	"GET /admin/users/{id}":                 "roles:admin",
	"POST /admin/users/{id}/role":           "roles:admin",
	"POST /admin/users/{id}/active":         "roles:admin",
	"POST /admin/users/{id}/password":       "roles:admin",
	"GET /admin/procedures":                 "roles:admin",
	"GET /admin/procedures/{code}":          "roles:admin",
	"POST /admin/procedures/{code}":         "roles:admin",
	"POST /admin/procedures/{code}/agency":  "roles:admin",
	"GET /admin/calendar":                   "roles:admin",
	"POST /admin/calendar":                  "roles:admin",
	"POST /admin/calendar/day":              "roles:admin",
	"GET /admin/index-inputs":               "roles:admin",
	"POST /admin/index-inputs":              "roles:admin",
	"GET /admin/notifications":              "roles:admin",
	"POST /admin/notifications/{id}/resend": "skip:needs a dead message (notify_pages_test.go)",
	"GET /counter/book":                     "roles:counter,counter_xa,leader",
	"/":                                     "skip:the pages' catch-all 404",
}

// principals, in the order they are tried; the administrator last, since
// its posts to the administration pages change accounts.
var principals = []struct {
	name     string
	seesD1   bool // may see the matrix's dossier
	supervis bool // sees it masked
}{
	{"", false, false},
	{"citizen", true, false},
	{"citizen_b", false, false},
	{"counter", true, false},     // the one-stop center that received it
	{"counter_xa", false, false}, // a commune's counter
	{"specialist", true, false},  // the Department of Justice, which processes it
	{"specialist_tc", false, false},
	{"leader", true, false},
	{"director", true, true},
	{"chair", true, true},
	{"postal", false, false}, // the dossier never goes by post
	{"admin", true, true},
}

func TestAuthorizationMatrix(t *testing.T) {
	var pages *web.Server
	e, h := startEnv(t, storetest.SQLite(t), slog.New(slog.NewTextHandler(io.Discard, nil)), time.Date(2026, 12, 1, 9, 0, 0, 0, ict),
		func(svc *service.Service, h *api.Server) {
			var err error
			if pages, err = web.New(svc, slog.New(slog.NewTextHandler(io.Discard, nil)), web.Options{Demo: true}); err != nil {
				t.Fatal(err)
			}
			h.Mux().Handle("/", pages)
		})
	e.addCitizen("citizen_b")

	// Every registered route has a rule, and every rule a route.
	routes := append(h.Routes(), pages.Routes()...)
	for _, r := range routes {
		if _, ok := matrixRules[r]; !ok {
			t.Errorf("route %q has no line in matrixRules: say who may use it", r)
		}
	}
	for r := range matrixRules {
		if !slices.Contains(routes, r) {
			t.Errorf("matrixRules has %q, which no server registers", r)
		}
	}

	id, _ := e.submitAndReceive(criminalRecord)
	d1 := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", id), "counter", nil, nil)
	code := d1.str("code")
	values := map[string]string{"id": fmt.Sprint(id), "code": criminalRecord, "year": "2026", "file": "01.pdf", "provider": "vnpay"}

	// Session-changing posts go last, signing out very last.
	order := slices.Clone(routes)
	last := map[string]int{"POST /login": 1, "POST /login/demo-citizen": 2, "POST /lang": 1, "POST /logout": 3}
	slices.SortStableFunc(order, func(a, b string) int { return last[a] - last[b] })

	tc := userID(t, e, "specialist_tc")
	for _, p := range principals {
		c := newClient(t, e, p.name)
		for _, route := range order {
			rule := matrixRules[route]
			if rule == "" || strings.HasPrefix(rule, "skip:") {
				continue
			}
			method, pattern, ok := strings.Cut(route, " ")
			if !ok {
				continue
			}
			path := fillPattern(pattern, values, route)
			if route == "GET /api/v1/track/{code}" || route == "GET /track/{code}" {
				path = strings.Replace(pattern, "{code}", url.PathEscape(code), 1)
			}
			if strings.HasPrefix(pattern, "/admin/users/{id}") {
				path = strings.Replace(pattern, "{id}", fmt.Sprint(tc), 1)
			}
			if strings.HasPrefix(pattern, "/admin/agencies/{id}") {
				a, _ := e.st.AgencyByCode(t.Context(), demo.CommuneB)
				path = strings.Replace(pattern, "{id}", fmt.Sprint(a.ID), 1)
			}
			status, body := c.send(method, path, route)
			want := allowed(rule, p.name, p.seesD1)
			got := status != 401 && status != 403 && status != 404 && !(status == 303 && strings.HasPrefix(c.location, "/login"))
			if status >= 500 {
				t.Errorf("%s as %q: %d", route, p.name, status)
				continue
			}
			if got != want {
				t.Errorf("%s as %q: status %d (allowed=%v), want allowed=%v (%s)", route, p.name, status, got, want, rule)
			}
			// Masked fields where the dossier is shown.
			if got && (route == "GET /api/v1/dossiers/{id}" || route == "GET /dossiers/{id}") {
				if p.supervis == strings.Contains(body, "001090012345") {
					t.Errorf("%s as %q: ID number shown=%v, supervisor=%v", route, p.name, !p.supervis, p.supervis)
				}
			}
		}
	}
}

// userID: the administrator's posts may change this account, whose turn
// has passed.
func userID(t *testing.T, e *env, username string) int64 {
	c, err := e.st.CredentialsByUsername(context.Background(), username)
	if err != nil {
		t.Fatal(err)
	}
	return c.User.ID
}

var wildcard = regexp.MustCompile(`\{([a-z]+)(\.\.\.)?\}`)

func fillPattern(pattern string, values map[string]string, route string) string {
	pattern = strings.TrimSuffix(pattern, "{$}")
	return wildcard.ReplaceAllStringFunc(pattern, func(w string) string {
		name := wildcard.FindStringSubmatch(w)[1]
		if v, ok := values[name]; ok {
			return v
		}
		return "x"
	})
}

func allowed(rule, who string, seesD1 bool) bool {
	kind, list, _ := strings.Cut(rule, ":")
	in := slices.Contains(strings.Split(list, ","), who)
	switch kind {
	case "public":
		return true
	case "auth":
		return who != ""
	case "roles":
		return in
	case "dossier":
		return in && seesD1
	}
	return false // signed
}

// client is one principal on both transports: a bearer token for the API,
// a signed-in browser (cookies, anti-forgery token) for the pages.
type client struct {
	t        *testing.T
	e        *env
	who      string
	token    string
	http     *http.Client
	csrf     string
	location string
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

func newClient(t *testing.T, e *env, who string) *client {
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, e: e, who: who, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	if who == "" {
		c.get("/login")
		return c
	}
	c.token = e.token(who)
	c.get("/login")
	switch who {
	case "citizen":
		c.post("/login/demo-citizen", url.Values{})
	default:
		c.post("/login", url.Values{"username": {who}, "password": {demoPassword}})
	}
	if st, _ := c.get("/"); st != 200 {
		t.Fatalf("%s: home page %d", who, st)
	}
	return c
}

func (c *client) get(path string) (int, string) {
	req, _ := http.NewRequest("GET", c.e.url+path, nil)
	return c.do(req)
}

func (c *client) post(path string, form url.Values) (int, string) {
	form.Set("csrf", c.csrf)
	req, _ := http.NewRequest("POST", c.e.url+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

func (c *client) do(req *http.Request) (int, string) {
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	c.location = res.Header.Get("Location")
	if m := csrfField.FindSubmatch(raw); m != nil {
		c.csrf = string(m[1])
	}
	return res.StatusCode, string(raw)
}

// send makes the request of a route: API routes with the bearer token and
// a body of the right shape (a stale version for actions, so that an
// allowed caller gets 409 and changes nothing), pages with the browser.
func (c *client) send(method, path, route string) (int, string) {
	if strings.HasPrefix(path, "/api/") {
		var body any
		hdr := map[string]string{"Idempotency-Key": newKey()}
		switch route {
		case "POST /api/v1/dossiers/{id}/actions":
			body, hdr["If-Match"] = map[string]any{"action": "complaint", "complaint_ref": "PAKN-1"}, "1"
		case "POST /api/v1/dossiers":
			body = map[string]any{}
		case "POST /api/v1/dossiers/{id}/reveal", "POST /api/v1/auth/token", "PUT /api/v1/calendar/{year}", "POST /api/v1/postal/events", "POST /api/v1/payments/{provider}/callback":
			body = map[string]any{}
		case "POST /api/v1/files":
			body = ""
		}
		r := c.e.do(method, path, c.who, body, hdr)
		c.location = r.header.Get("Location")
		return r.status, string(r.raw)
	}
	if method == "GET" {
		return c.get(path)
	}
	form := url.Values{}
	switch route {
	case "POST /logout":
		c.get("/") // the anti-forgery token of the session the sign-ins left
	case "POST /counter/new":
		form.Set("procedure", criminalRecord)
	}
	if strings.HasSuffix(route, "/act") {
		form = url.Values{"action": {"complaint"}, "complaint_ref": {"PAKN-1"}, "version": {"1"}, "key": {newKey()}}
	}
	return c.post(path, form)
}
