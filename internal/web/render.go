package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/web/view"
)

//go:embed all:templates static
var assets embed.FS

type pageTemplate = template.Template

// vietnam is where every time is shown and entered (DESIGN.md "Conventions").
var vietnam = view.Zone

// funcs are the rendering helpers of internal/web/view; page files add the
// helpers that carry their own page data (actionCtx, paperCtx, …) in init.
var funcs = view.Funcs()

// loadTemplates parses every page together with the layout and partials.
func loadTemplates() (map[string]*pageTemplate, error) {
	entries, err := fs.ReadDir(assets, "templates")
	if err != nil {
		return nil, err
	}
	out := map[string]*pageTemplate{}
	for _, e := range entries {
		name := e.Name()
		if name == "base.html" || strings.HasPrefix(name, "_") {
			continue
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(assets, "templates/base.html", "templates/_*.html", "templates/"+name)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", name, err)
		}
		out[strings.TrimSuffix(name, ".html")] = t
	}
	return out, nil
}

func staticHandler() http.Handler {
	sub, _ := fs.Sub(assets, "static")
	fsrv := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}

// newView builds the page's view from the request: its language, the
// signed-in user and the agency they work in, the flash of an action just done.
func (s *Server) newView(r *http.Request, title string, data any) *view.View {
	sess := sessionOf(r)
	q := view.Request{Lang: langOf(r), Sess: &sess.Session, Site: s.opt.SiteName, Hotline: s.opt.Hotline,
		Path: r.URL.Path, OK: r.URL.Query().Get("ok")}
	if sess.Actor.AgencyID != 0 {
		if a, ok := s.svc.Agency(sess.Actor.AgencyID); ok {
			q.Agency = a.Name // staff see where they work (issue 21 item 6)
		}
	}
	return view.New(q, title, data)
}

// render writes a page; a template error is logged and answered with a 500
// before anything is sent.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, v *view.View) {
	t, ok := s.pages[page]
	if !ok {
		s.log.Error("web: no such template", "page", page)
		http.Error(w, "template missing", 500)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", v); err != nil {
		s.log.Error("web: render", "page", page, "err", err)
		http.Error(w, v.T("error.internal"), 500)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// httpStatus maps an error to its status; unknown errors are logged here,
// with their detail, and shown to people as a generic message.
func (s *Server) httpStatus(r *http.Request, err error) int {
	if e, ok := apperr.As(err); ok {
		return e.Kind.HTTPStatus()
	}
	s.log.Error("web: request failed", "route", r.Pattern, "err", err)
	return http.StatusInternalServerError
}

// renderError shows an error page in the user's language.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	status := s.httpStatus(r, err)
	v := s.newView(r, "error.title", nil)
	v.Error = v.ErrorText(err)
	s.render(w, r, status, "error", v)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.renderError(w, r, apperr.New(apperr.NotFound, "page_not_found", translate("vi", "error.not_found"), translate("en", "error.not_found")))
}

// roleHome is where each role starts after signing in.
func roleHome(role org.Role) string {
	switch role {
	case org.RoleCitizen:
		return "/my/dossiers"
	case org.RoleCounter, org.RolePostal:
		return "/counter"
	case org.RoleSpecialist, org.RoleLeader:
		return "/work"
	case org.RoleDirector:
		return "/director"
	case org.RoleChair:
		// The PPC chair evaluates agencies and communes (the 766 index) and
		// decides what is submitted to the PPC; the center's day-to-day
		// supervision and expediting are the director's (Decree 118/2025
		// Art. 8; RULES-VN.md §11).
		return "/director/index"
	case org.RoleAdmin:
		return "/admin"
	}
	return "/"
}
