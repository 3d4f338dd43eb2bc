package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/view"
)

// Cookie names. The session cookie holds a bearer token of the same kind the
// API issues (stored hashed, 12-hour life), so every node of a cluster on one
// database recognises it and signing out revokes it everywhere.
const (
	sessionCookie = "motcua_session"
	preCookie     = "motcua_csrf" // anti-forgery value before sign-in
	langCookie    = "motcua_lang"
)

// session is the request's signed-in user, if any, and its anti-forgery
// token (view.Session, what pages see), with the bearer token kept here.
type session struct {
	view.Session
	token string
}

type ctxKey struct{}

func sessionOf(r *http.Request) *session {
	if s, ok := r.Context().Value(ctxKey{}).(*session); ok {
		return s
	}
	return &session{}
}

// csrfFor derives the form token from the session token: it needs no storage,
// holds across nodes, and cannot be guessed without the cookie.
func csrfFor(token string) string {
	sum := sha256.Sum256([]byte("motcua-csrf\x00" + token))
	return hex.EncodeToString(sum[:16])
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// secure reports whether cookies may be marked Secure: the request came over
// TLS, directly or through a terminating proxy. Production runs behind TLS.
func secure(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

func setCookie(w http.ResponseWriter, r *http.Request, name, value string, maxAge time.Duration) {
	c := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, Secure: secure(r), SameSite: http.SameSiteLaxMode}
	if maxAge < 0 {
		c.MaxAge = -1
	} else if maxAge > 0 {
		c.MaxAge = int(maxAge.Seconds())
	}
	http.SetCookie(w, c)
}

func (s *Server) withSession(w http.ResponseWriter, r *http.Request) *http.Request {
	sess := &session{}
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		actor, err := s.svc.Authenticate(r.Context(), c.Value)
		if err == nil {
			sess.Actor, sess.Signed, sess.token, sess.CSRF = actor, true, c.Value, csrfFor(c.Value)
		} else {
			if _, ok := apperr.As(err); !ok {
				s.log.Error("web: session lookup", "err", err)
			}
			setCookie(w, r, sessionCookie, "", -1)
		}
	}
	if !sess.Signed {
		if c, err := r.Cookie(preCookie); err == nil && len(c.Value) == 32 {
			sess.CSRF = c.Value
		} else {
			sess.CSRF = randomHex(16)
			setCookie(w, r, preCookie, sess.CSRF, 0)
		}
	}
	return r.WithContext(context.WithValue(r.Context(), ctxKey{}, sess))
}

// startSession signs the user in with a freshly issued token.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, token string) {
	setCookie(w, r, sessionCookie, token, service.TokenLifetime)
	setCookie(w, r, preCookie, "", -1)
}

var (
	errCrossSite = apperr.New(apperr.Forbidden, "cross_site_request",
		"Yêu cầu gửi từ trang khác bị từ chối. Hãy mở lại trang và thử lại.",
		"A request sent from another site was refused. Reload the page and try again.")
	errCSRF = apperr.New(apperr.Forbidden, "form_expired",
		"Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang và gửi lại; dữ liệu chưa được lưu.",
		"The form has expired or is invalid. Reload the page and send it again; nothing was saved.")
)

// checkCSRF compares the form's token with the session's.
func checkCSRF(r *http.Request) error {
	want := sessionOf(r).CSRF
	got := r.PostFormValue("csrf")
	if want == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return errCSRF
	}
	return nil
}

// maxForm bounds ordinary (non-file) form posts.
const maxForm = 1 << 20

// handler is a page handler that knows who is signed in.
type handler func(w http.ResponseWriter, r *http.Request, sess *session)

// byID reads the numeric id of the path ({id}) before h runs; a malformed
// one is "not found", like a dossier the user may not see.
func (s *Server) byID(h func(w http.ResponseWriter, r *http.Request, sess *session, id int64)) handler {
	return func(w http.ResponseWriter, r *http.Request, sess *session) {
		id, err := pathID(r)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		h(w, r, sess, id)
	}
}

// page serves anyone; sess may be anonymous.
func (s *Server) page(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { h(w, r, sessionOf(r)) }
}

// require serves signed-in users with one of roles (any role when none is
// given); others are sent to sign in or shown a refusal.
func (s *Server) require(h handler, roles ...org.Role) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess := sessionOf(r)
		if !sess.Signed {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			s.renderError(w, r, apperr.ErrUnauthorized)
			return
		}
		if len(roles) > 0 && !slices.Contains(roles, sess.Actor.Role) {
			s.renderError(w, r, apperr.ErrForbidden)
			return
		}
		h(w, r, sess)
	}
}

// form parses a urlencoded post within maxForm and checks its token before h runs.
func (s *Server) form(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request, sess *session) {
		// A form may carry one file (an approval's electronic result); its
		// bytes go to a temporary file beyond a small in-memory part.
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			r.Body = http.MaxBytesReader(w, r.Body, service.MaxFileSize+maxForm)
			if err := r.ParseMultipartForm(maxForm); err != nil {
				s.renderError(w, r, apperr.Newf(apperr.TooLarge, "form_too_large", "Biểu mẫu hoặc tệp quá lớn (tệp tối đa %d MB).",
					"The form or its file is too large (%d MB at most per file).", service.MaxFileSize>>20))
				return
			}
			defer r.MultipartForm.RemoveAll()
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxForm)
		if err := r.ParseForm(); err != nil {
			s.renderError(w, r, apperr.New(apperr.TooLarge, "form_too_large", "Biểu mẫu quá lớn.", "The form is too large."))
			return
		}
		var files map[string][]*multipart.FileHeader
		if r.MultipartForm != nil {
			files = r.MultipartForm.File
		}
		if err := checkFormText(r.PostForm, files); err != nil {
			s.renderError(w, r, err)
			return
		}
		if err := checkCSRF(r); err != nil {
			s.renderError(w, r, err)
			return
		}
		h(w, r, sess)
	}
}

// safeNext keeps redirects after sign-in on this site (see sameOriginPath).
func safeNext(next string) string { return sameOriginPath(next) }
