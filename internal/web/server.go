// Package web serves the server-rendered pages: the citizen portal, the
// counter, the agency workspace, the director's view and administration.
// Pages work without JavaScript; html/template escapes everything. Handlers
// read forms (internal/web/form), call the service and render a view
// (internal/web/view); the rules live in the domain.
package web

import (
	"log/slog"
	"net/http"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/clientip"
	"github.com/motcua/motcua/internal/routes"
	"github.com/motcua/motcua/internal/service"
)

// Options configure the web application.
type Options struct {
	// Demo enables the demo citizen sign-in (never in production).
	Demo bool
	// BaseURL is the public address, used in QR codes and OIDC redirects
	// (e.g. https://dichvucong.h99.gov.vn). Empty: taken from each request.
	BaseURL string
	// OIDC configures citizen sign-in through the national e-ID; nil disables it.
	OIDC *OIDCConfig
	// SiteName is shown in the header.
	SiteName string
	// Hotline is the center's help line, shown at the foot of every page.
	Hotline string
	// ClientIP tells the client's address behind trusted proxies
	// (MOTCUA_TRUSTED_PROXIES), for the rate limits and the payment gateway.
	ClientIP clientip.Resolver
}

// Server is the web application's handler.
type Server struct {
	svc   *service.Service
	log   *slog.Logger
	opt   Options
	mux   *routes.Mux
	pages map[string]*pageTemplate
	oidc  *oidcClient
	cop   *http.CrossOriginProtection
	csp   string
}

// New builds the web application.
func New(svc *service.Service, log *slog.Logger, opt Options) (*Server, error) {
	if opt.SiteName == "" {
		opt.SiteName = "Một Cửa"
	}
	s := &Server{svc: svc, log: log, opt: opt, mux: routes.New(), cop: http.NewCrossOriginProtection()}
	pages, err := loadTemplates()
	if err != nil {
		return nil, err
	}
	s.pages = pages
	if opt.OIDC != nil {
		if s.oidc, err = newOIDCClient(opt.OIDC); err != nil {
			return nil, err
		}
	}
	// Browsers apply form-action to the redirect after a post too, so the
	// e-ID provider's sign-in page must be allowed as a form target.
	formAction := "'self'"
	if o := s.oidcFormAction(); o != "" {
		formAction += " " + o
	}
	s.csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action " + formAction +
		"; frame-ancestors 'none'; base-uri 'none'"
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))
	// Browsers ask for /favicon.ico whatever the page says; send them to the
	// icon rather than log a 404 on every first visit.
	s.mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/static/favicon.svg", http.StatusMovedPermanently)
	})
	s.publicRoutes()
	s.authRoutes()
	s.citizenRoutes()
	s.counterRoutes()
	s.dossierRoutes()
	s.workspaceRoutes()
	s.directorRoutes()
	s.delaysRoutes()
	s.adminRoutes()
	s.notifyPages()
	s.paymentPages()
	s.dataStorePages()
	s.passwordRoutes()
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.notFound(w, r)
	})
}

// ServeHTTP adds what every page needs: a strict content security policy
// (no inline scripts), protection against cross-site form posts, and the
// signed-in user.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", s.csp)
	if err := s.cop.Check(r); err != nil {
		s.renderError(w, r, errCrossSite)
		return
	}
	if err := api.CheckURL(r.URL); err != nil { // NUL, controls, bidi overrides (internal/textin)
		s.renderError(w, r, err)
		return
	}
	r = s.withSession(w, r)
	// The access log (api.Server) names the page's own route and who asked.
	api.NoteActor(r.Context(), sessionOf(r).Actor.UserID)
	s.mux.ServeHTTP(w, r)
	api.NoteRoute(r.Context(), r.Pattern)
}
