package web

import (
	"cmp"
	"context"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// Citizens sign in through OpenID Connect: the national e-ID, VNeID, is a
// provider. The flow is the authorization code flow with PKCE and a nonce.
// Between the start and the provider's return, the browser keeps the state,
// nonce and PKCE verifier in a short-lived HttpOnly cookie; the state the
// provider hands back must equal the cookie's, which binds the return to the
// browser that started it (no server storage, so any node of a cluster can
// finish a flow another began).
//
// Nothing a provider sends is logged: no codes, tokens, subjects, names or
// addresses; only our user IDs and the provider's error codes.

func init() {
	addMessages(map[string][2]string{
		"oidc.denied": {
			"Bạn đã không đồng ý chia sẻ thông tin với Cổng dịch vụ công nên chưa đăng nhập được. Muốn đăng nhập, hãy bấm “Đăng nhập bằng VNeID” và chọn đồng ý.",
			"You did not agree to share your information with the portal, so you are not signed in. To sign in, choose “Sign in with VNeID” again and accept."},
		"oidc.provider_error": {
			"Hệ thống định danh điện tử báo lỗi nên chưa đăng nhập được. Hãy thử lại sau ít phút.",
			"The electronic ID service reported an error, so you are not signed in. Please try again in a few minutes."},
		"oidc.state": {
			"Yêu cầu đăng nhập không hợp lệ hoặc không xuất phát từ trình duyệt này. Hãy mở trang Đăng nhập và đăng nhập lại.",
			"The sign-in request is invalid or did not start in this browser. Open the sign-in page and sign in again."},
		"oidc.expired": {
			"Phiên đăng nhập bằng VNeID đã hết hạn (quá 10 phút) hoặc đã được dùng. Hãy mở trang Đăng nhập và đăng nhập lại.",
			"The VNeID sign-in has expired (after 10 minutes) or was already used. Open the sign-in page and sign in again."},
		"oidc.failed": {
			"Không xác minh được danh tính của bạn qua VNeID nên chưa đăng nhập được. Hãy đăng nhập lại; nếu vẫn lỗi, hãy thử lại sau ít phút.",
			"Your identity could not be verified through VNeID, so you are not signed in. Sign in again; if it still fails, try again in a few minutes."},
	})
}

// oidcError is a client-safe error with an oidc.* message; provider details
// never reach it.
func oidcError(kind apperr.Kind, key string) error {
	return apperr.New(kind, "oidc_"+key, translate("vi", "oidc."+key), translate("en", "oidc."+key))
}

// OIDCConfig configures citizen sign-in through an OpenID Connect provider
// (the national e-ID, VNeID, is one).
type OIDCConfig struct {
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is the callback address registered with the provider.
	// Empty: Options.BaseURL, or else the request's own origin, followed by
	// /auth/oidc/callback.
	RedirectURL string
	// IDClaim names the ID token claim carrying the personal identification
	// number (số định danh cá nhân) the e-ID asserted; default "id_number".
	// It ties the account to that number, so that a filing is marked as
	// e-ID verified only for its holder (Decree 69/2024/NĐ-CP). Check the
	// claim's name with the province's integration platform.
	IDClaim string
}

const (
	oidcCallbackPath = "/auth/oidc/callback"
	oidcCookie       = "motcua_oidc"
	oidcCookiePath   = "/auth/oidc/"
	oidcFlowLife     = 10 * time.Minute
	// oidcTimeout bounds every call to the provider: discovery, key
	// fetches and the code exchange.
	oidcTimeout = 15 * time.Second
)

type oidcClient struct {
	issuer      string
	oauth       oauth2.Config // RedirectURL is set per flow
	verifier    *oidc.IDTokenVerifier
	redirectURL string
	http        *http.Client
	authOrigin  string // scheme://host of the authorization endpoint
	idClaim     string // claim of the personal identification number
}

// newOIDCClient discovers the provider. A provider that cannot be reached or
// that names another issuer stops the server from starting.
func newOIDCClient(cfg *OIDCConfig) (*oidcClient, error) {
	if cfg.Issuer == "" || cfg.ClientID == "" {
		return nil, errors.New("web: OpenID Connect needs an issuer and a client id")
	}
	if cfg.RedirectURL != "" {
		if u, err := url.Parse(cfg.RedirectURL); err != nil || !u.IsAbs() {
			return nil, fmt.Errorf("web: OpenID Connect redirect URL %q is not an absolute URL", cfg.RedirectURL)
		}
	}
	hc := &http.Client{Timeout: oidcTimeout}
	ctx, cancel := context.WithTimeout(oidc.ClientContext(context.Background(), hc), oidcTimeout)
	defer cancel()
	p, err := oidc.NewProvider(ctx, cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("web: OpenID Connect discovery at %s: %w", cfg.Issuer, err)
	}
	c := &oidcClient{
		issuer: cfg.Issuer,
		oauth: oauth2.Config{
			ClientID:     cfg.ClientID,
			ClientSecret: cfg.ClientSecret,
			Endpoint:     p.Endpoint(),
			Scopes:       []string{oidc.ScopeOpenID, "profile", "email"},
		},
		verifier:    p.Verifier(&oidc.Config{ClientID: cfg.ClientID}),
		redirectURL: cfg.RedirectURL,
		http:        hc,
		idClaim:     cmp.Or(cfg.IDClaim, "id_number"),
	}
	if u, err := url.Parse(c.oauth.Endpoint.AuthURL); err == nil && u.IsAbs() {
		c.authOrigin = u.Scheme + "://" + u.Host
	} else {
		return nil, fmt.Errorf("web: OpenID Connect discovery at %s: bad authorization endpoint", cfg.Issuer)
	}
	return c, nil
}

func (s *Server) oidcRoutes() {
	if s.oidc == nil {
		return
	}
	s.mux.HandleFunc("POST /auth/oidc/start", s.page(s.form(s.oidcStart)))
	s.mux.HandleFunc("GET "+oidcCallbackPath, s.page(s.oidcCallback))
}

// oidcFormAction is the origin the sign-in form's post is redirected to (the
// provider's authorization endpoint), empty without OpenID Connect. Browsers
// apply the page's CSP form-action to the redirects that follow a form post,
// so the login page's policy must allow it.
func (s *Server) oidcFormAction() string {
	if s.oidc == nil {
		return ""
	}
	return s.oidc.authOrigin
}

// oidcFlow is what the browser keeps between the start and the callback.
type oidcFlow struct {
	State    string `json:"s"`
	Nonce    string `json:"n"`
	Verifier string `json:"v"`
	Redirect string `json:"r"`
	Next     string `json:"x,omitempty"`
	Expires  int64  `json:"e"` // Unix seconds
}

func (f oidcFlow) encode() string {
	b, _ := json.Marshal(f)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeOIDCFlow(v string) (oidcFlow, bool) {
	var f oidcFlow
	if len(v) > 4096 {
		return f, false
	}
	b, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil || json.Unmarshal(b, &f) != nil || f.State == "" || f.Nonce == "" || f.Verifier == "" || f.Redirect == "" {
		return oidcFlow{}, false
	}
	return f, true
}

func setOIDCCookie(w http.ResponseWriter, r *http.Request, value string, maxAge time.Duration) {
	c := &http.Cookie{Name: oidcCookie, Value: value, Path: oidcCookiePath, HttpOnly: true, Secure: secure(r), SameSite: http.SameSiteLaxMode}
	if maxAge > 0 {
		c.MaxAge = int(maxAge.Seconds())
	} else {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// oidcRedirectURL is the callback address: configured, or on the public
// address, or on the address the browser used.
func (s *Server) oidcRedirectURL(r *http.Request) string {
	if s.oidc.redirectURL != "" {
		return s.oidc.redirectURL
	}
	base := strings.TrimRight(s.opt.BaseURL, "/")
	if base == "" {
		scheme := "http"
		if secure(r) {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	return base + oidcCallbackPath
}

// oidcStart sends the browser to the provider.
func (s *Server) oidcStart(w http.ResponseWriter, r *http.Request, sess *session) {
	f := oidcFlow{
		State:    randomHex(32),
		Nonce:    randomHex(32),
		Verifier: oauth2.GenerateVerifier(),
		Redirect: s.oidcRedirectURL(r),
		Next:     safeNext(r.PostFormValue("next")),
		Expires:  s.svc.Now().Add(oidcFlowLife).Unix(),
	}
	setOIDCCookie(w, r, f.encode(), oidcFlowLife)
	conf := s.oidc.oauth
	conf.RedirectURL = f.Redirect
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, conf.AuthCodeURL(f.State, oidc.Nonce(f.Nonce), oauth2.S256ChallengeOption(f.Verifier)), http.StatusSeeOther)
}

// oidcClaims are the ID token claims read; VNeID and most providers send
// the standard ones.
type oidcClaims struct {
	Name          string `json:"name"`
	GivenName     string `json:"given_name"`
	FamilyName    string `json:"family_name"`
	Email         string `json:"email"`
	EmailVerified any    `json:"email_verified"` // bool, or "true"/"false" from some providers
	Phone         string `json:"phone_number"`
}

// emailUsable keeps an email unless the provider says it is unverified.
func (c oidcClaims) emailUsable() bool {
	switch v := c.EmailVerified.(type) {
	case bool:
		return v
	case string:
		return !strings.EqualFold(v, "false")
	}
	return true
}

// fullName follows the Vietnamese order, family name first.
func (c oidcClaims) fullName() string {
	if n := strings.TrimSpace(c.Name); n != "" {
		return n
	}
	return strings.TrimSpace(strings.TrimSpace(c.FamilyName) + " " + strings.TrimSpace(c.GivenName))
}

// shortParam bounds a provider's query value before it is logged.
func shortParam(v string) string {
	v = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, v)
	if len(v) > 64 {
		v = v[:64]
	}
	return v
}

// oidcCallback finishes the flow: the provider sent the browser back with a
// code (or an error), which is exchanged for a verified ID token.
func (s *Server) oidcCallback(w http.ResponseWriter, r *http.Request, sess *session) {
	w.Header().Set("Cache-Control", "no-store")
	q := r.URL.Query()
	var (
		f  oidcFlow
		ok bool
	)
	if c, err := r.Cookie(oidcCookie); err == nil {
		f, ok = decodeOIDCFlow(c.Value)
	}
	// A flow is used once, whatever happens next.
	setOIDCCookie(w, r, "", -1)
	stateOK := ok && subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(f.State)) == 1

	if e := q.Get("error"); e != "" {
		s.log.Info("oidc: provider returned an error", "error", shortParam(e), "state_ok", stateOK)
		if e == "access_denied" {
			s.renderError(w, r, oidcError(apperr.Forbidden, "denied"))
		} else {
			s.renderError(w, r, oidcError(apperr.BadInput, "provider_error"))
		}
		return
	}
	if !ok {
		s.log.Info("oidc: callback without a flow cookie")
		s.renderError(w, r, oidcError(apperr.BadInput, "expired"))
		return
	}
	if !stateOK {
		s.log.Warn("oidc: callback state does not match the browser's")
		s.renderError(w, r, oidcError(apperr.Forbidden, "state"))
		return
	}
	if s.svc.Now().Unix() > f.Expires {
		s.log.Info("oidc: callback after the flow expired")
		s.renderError(w, r, oidcError(apperr.BadInput, "expired"))
		return
	}
	code := q.Get("code")
	if code == "" {
		s.log.Warn("oidc: callback without a code")
		s.renderError(w, r, oidcError(apperr.Unauthorized, "failed"))
		return
	}

	id, err := s.oidcIdentity(r.Context(), f, code)
	if err != nil {
		s.log.Warn("oidc: sign-in refused", "err", err)
		s.renderError(w, r, oidcError(apperr.Unauthorized, "failed"))
		return
	}
	u, err := s.svc.CitizenFromOIDC(r.Context(), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	token, err := s.svc.IssueToken(r.Context(), u.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if sess.Signed {
		// Whoever was signed in on this browser is replaced, not left behind.
		if err := s.svc.Logout(r.Context(), sess.token); err != nil {
			s.log.Error("web: logout before oidc sign-in", "err", err)
		}
	}
	s.startSession(w, r, token)
	s.log.Info("oidc: citizen signed in", "user_id", u.ID)
	next := safeNext(f.Next)
	if next == "" {
		next = roleHome(org.RoleCitizen)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// oidcIdentity exchanges the code (with the PKCE verifier) and verifies the
// ID token: signature, issuer, audience, expiry and the flow's nonce. The
// errors it returns are for the log: they never hold the code or a token.
func (s *Server) oidcIdentity(ctx context.Context, f oidcFlow, code string) (service.OIDCIdentity, error) {
	ctx, cancel := context.WithTimeout(oidc.ClientContext(ctx, s.oidc.http), oidcTimeout)
	defer cancel()
	conf := s.oidc.oauth
	conf.RedirectURL = f.Redirect
	tok, err := conf.Exchange(ctx, code, oauth2.VerifierOption(f.Verifier))
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			// The response body may echo the code: keep only the status
			// and the error code.
			status := 0
			if re.Response != nil {
				status = re.Response.StatusCode
			}
			return service.OIDCIdentity{}, fmt.Errorf("code exchange: HTTP %d, error %q", status, shortParam(re.ErrorCode))
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			return service.OIDCIdentity{}, fmt.Errorf("code exchange: %s: %v", ue.Op, ue.Err)
		}
		return service.OIDCIdentity{}, errors.New("code exchange failed")
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return service.OIDCIdentity{}, errors.New("token response without an id_token")
	}
	idt, err := s.oidc.verifier.Verify(ctx, raw)
	if err != nil {
		return service.OIDCIdentity{}, fmt.Errorf("id token: %w", err)
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(f.Nonce)) != 1 {
		return service.OIDCIdentity{}, errors.New("id token: nonce does not match the flow's")
	}
	if idt.AccessTokenHash != "" {
		if err := idt.VerifyAccessToken(tok.AccessToken); err != nil {
			return service.OIDCIdentity{}, fmt.Errorf("id token: %w", err)
		}
	}
	if idt.Subject == "" {
		return service.OIDCIdentity{}, errors.New("id token without a subject")
	}
	var c oidcClaims
	if err := idt.Claims(&c); err != nil {
		return service.OIDCIdentity{}, fmt.Errorf("id token claims: %w", err)
	}
	id := service.OIDCIdentity{Issuer: idt.Issuer, Subject: idt.Subject, Name: c.fullName(), Phone: c.Phone}
	var all map[string]any
	if err := idt.Claims(&all); err == nil {
		if v, ok := all[s.oidc.idClaim].(string); ok {
			id.IDNumber = strings.TrimSpace(v)
		}
	}
	if c.emailUsable() {
		id.Email = c.Email
	}
	return id, nil
}
