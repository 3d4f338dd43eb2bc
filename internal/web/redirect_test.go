package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// After sign-in the browser goes back where it came from, but never to
// another site: each of these is an address a browser resolves off-site
// (a tab inside "/\t/" is dropped, a backslash read as a slash).
func TestSignInNextStaysOnSite(t *testing.T) {
	e := sqliteEnv(t)
	for _, c := range []struct {
		next, want string
	}{
		{"/%09/evil.example/", "/work"},
		{"/\t/evil.example/", "/work"},
		{"/\n/evil.example/", "/work"},
		{"//evil.example/", "/work"},
		{"///evil.example/", "/work"},
		{"/\\evil.example", "/work"},
		{"/%5Cevil.example", "/work"},
		{"/%5cevil.example", "/work"},
		{"\\\\evil.example", "/work"},
		{"https://evil.example/", "/work"},
		{"javascript:alert(1)", "/work"},
		{"evil.example", "/work"},
		{"/%2F/evil.example", "/work"},
		{"/%00", "/work"},
		{"/x?y=%0d%0aSet-Cookie:a=b", "/work"},
		{"/work/dossiers?status=received", "/work/dossiers?status=received"},
		{"/track/000.00.01.H99-261201-0001", "/track/000.00.01.H99-261201-0001"},
	} {
		t.Run(c.next, func(t *testing.T) {
			b := e.browser()
			b.c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
			b.get("/login")
			form := url.Values{"username": {"specialist"}, "password": {demoPassword}, "next": {c.next}, "csrf": {b.csrf}}
			req, _ := http.NewRequest("POST", e.url+"/login", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			resp, err := b.c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != c.want {
				t.Fatalf("next=%q: %d Location %q, want 303 %q", c.next, resp.StatusCode, resp.Header.Get("Location"), c.want)
			}
			// Signed in, /login?next= redirects straight away: the same rule.
			req, _ = http.NewRequest("GET", e.url+"/login?next="+url.QueryEscape(c.next), nil)
			resp, err = b.c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			// (A control character may also be refused outright, with no redirect.)
			if loc := resp.Header.Get("Location"); loc != c.want && (loc != "" || resp.StatusCode != http.StatusBadRequest) {
				t.Fatalf("GET /login?next=%q: %d Location %q, want %q", c.next, resp.StatusCode, resp.Header.Get("Location"), c.want)
			}
		})
	}
}
