package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/clientip"
	"github.com/motcua/motcua/internal/org"
)

func init() {
	addMessages(map[string][2]string{
		"login.title":        {"Đăng nhập", "Sign in"},
		"login.citizen":      {"Công dân, doanh nghiệp", "Citizens and businesses"},
		"login.citizen_lead": {"Đăng nhập bằng tài khoản định danh điện tử (VNeID) — không cần tạo mật khẩu riêng.", "Sign in with your electronic ID (VNeID) — no separate password needed."},
		"login.oidc":         {"Đăng nhập bằng VNeID", "Sign in with VNeID"},
		"login.oidc_off":     {"Đăng nhập định danh điện tử chưa được cấu hình trên máy chủ này.", "Electronic ID sign-in is not configured on this server."},
		"login.demo":         {"Dùng thử với công dân mẫu (chỉ ở chế độ demo)", "Try as the demo citizen (demo mode only)"},
		"login.staff":        {"Cán bộ, công chức", "Staff"},
		"login.username":     {"Tên đăng nhập", "Username"},
		"login.password":     {"Mật khẩu", "Password"},
		"login.submit":       {"Đăng nhập", "Sign in"},
		"ok.logged_out":      {"Bạn đã đăng xuất.", "You have signed out."},
	})
}

func (s *Server) authRoutes() {
	s.mux.HandleFunc("GET /login", s.page(s.loginPage))
	s.mux.HandleFunc("POST /login", s.page(s.form(s.login)))
	s.mux.HandleFunc("POST /logout", s.page(s.form(s.logout)))
	s.mux.HandleFunc("POST /lang", s.page(s.form(s.setLang)))
	if s.opt.Demo {
		s.mux.HandleFunc("POST /login/demo-citizen", s.page(s.form(s.demoCitizen)))
	}
	s.oidcRoutes()
}

type loginData struct {
	Username string
	Next     string
	OIDC     bool
	Demo     bool
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request, sess *session) {
	next := safeNext(r.URL.Query().Get("next"))
	if sess.Signed {
		if next == "" {
			next = roleHome(sess.Actor.Role)
		}
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	s.render(w, r, 200, "login", s.newView(r, "login.title", loginData{Next: next, OIDC: s.oidc != nil, Demo: s.opt.Demo}))
}

// login signs staff in with a password; the service counts failures and
// locks the account after repeated ones.
func (s *Server) login(w http.ResponseWriter, r *http.Request, sess *session) {
	username := strings.TrimSpace(r.PostFormValue("username"))
	next := safeNext(r.PostFormValue("next"))
	token, u, err := s.svc.LoginFrom(r.Context(), s.clientKey(r), username, r.PostFormValue("password"))
	if err != nil {
		api.SetRetryAfter(w, err)
		v := s.newView(r, "login.title", loginData{Username: username, Next: next, OIDC: s.oidc != nil, Demo: s.opt.Demo})
		v.Error = v.ErrorText(err)
		s.render(w, r, s.httpStatus(r, err), "login", v)
		return
	}
	s.startSession(w, r, token)
	if next == "" {
		next = roleHome(u.Role)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, sess *session) {
	if err := s.svc.Logout(r.Context(), sess.token); err != nil {
		s.log.Error("web: logout", "err", err)
	}
	setCookie(w, r, sessionCookie, "", -1)
	http.Redirect(w, r, "/?ok=logged_out", http.StatusSeeOther)
}

func (s *Server) setLang(w http.ResponseWriter, r *http.Request, sess *session) {
	lang := "vi"
	if r.PostFormValue("to") == "en" {
		lang = "en"
	}
	setCookie(w, r, langCookie, lang, 365*24*time.Hour)
	back := safeNext(r.PostFormValue("back"))
	if back == "" {
		back = "/"
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// demoCitizen signs in as the demo citizen without a password: only with
// --demo, so that people can try the portal without an e-ID provider.
func (s *Server) demoCitizen(w http.ResponseWriter, r *http.Request, sess *session) {
	token, err := s.svc.DemoCitizenToken(r.Context())
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.startSession(w, r, token)
	next := safeNext(r.PostFormValue("next"))
	if next == "" {
		next = roleHome(org.RoleCitizen)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// sameOriginPath answers next when it is a path on this site, "" otherwise.
// Browsers are lenient: they drop tabs and newlines inside a URL, read a
// backslash as a slash and "//host" as another site, so "/\t/evil.example/"
// and "/\evil.example" both leave the site. Only a parsed URL with no scheme,
// host or user, whose path starts with exactly one slash and holds no
// backslash or control character (raw or percent-encoded), is kept.
func sameOriginPath(next string) string {
	if next == "" || next[0] != '/' || strings.ContainsAny(next, "\\") || hasControl(next) {
		return ""
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return ""
	}
	p := u.Path
	if strings.HasPrefix(next, "//") || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\") || hasControl(p) {
		return ""
	}
	if q, err := url.QueryUnescape(u.RawQuery); err != nil || hasControl(q) {
		return ""
	}
	return next
}

func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || unicode.IsControl(r) })
}

// clientKey is the client's address as the rate limits count it, resolved
// the same way as the API does (trusted proxies only).
func (s *Server) clientKey(r *http.Request) string {
	return clientip.Key(s.opt.ClientIP.Addr(r))
}
