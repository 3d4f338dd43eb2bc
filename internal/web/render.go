package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/locale"
	"github.com/motcua/motcua/internal/org"
)

//go:embed all:templates static
var assets embed.FS

type pageTemplate = template.Template

// vietnam is where every time is shown (DESIGN.md "Conventions").
var vietnam = time.FixedZone("ICT", 7*3600)

var funcs = template.FuncMap{
	"dt": func(t any) string {
		if tt, ok := timeOf(t); ok {
			return tt.In(vietnam).Format("15:04, 02/01/2006")
		}
		return "—"
	},
	"date": func(t any) string {
		if tt, ok := timeOf(t); ok {
			return tt.In(vietnam).Format("02/01/2006")
		}
		return "—"
	},
	"isoDate": func(t any) string {
		if tt, ok := timeOf(t); ok {
			return tt.In(vietnam).Format("2006-01-02")
		}
		return ""
	},
	"money": formatVND,
	// withRow hands a sub-template one row of a table together with the page
	// (its language, its filter), as {{template "x" (withRow $ .)}}.
	"withRow": func(v *view, row any) any {
		return struct {
			V   *view
			Row any
		}{v, row}
	},
	"add": func(a, b int) int { return a + b },
}

func timeOf(v any) (time.Time, bool) {
	switch t := v.(type) {
	case time.Time:
		return t, !t.IsZero()
	case *time.Time:
		if t != nil {
			return *t, !t.IsZero()
		}
	}
	return time.Time{}, false
}

// formatVND writes whole đồng with dots between thousands: 1.500.000 đ.
func formatVND(v int64) string {
	s := strconv.FormatInt(v, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String() + " đ"
}

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

// view is what every template receives; Data holds the page's own values.
type view struct {
	Lang  string
	Sess  *session
	Site  string
	Title string
	Path  string
	// Hotline is the center's help line; Agency the signed-in officer's.
	Hotline, Agency string
	Flash           string
	Error           string
	// ErrorField is the input Error concerns: the form shows it beside that
	// input, and the page not again at the top.
	ErrorField string
	Data       any
}

// FieldError is the error to show beside the input field, if it is its.
func (v *view) FieldError(field string) string {
	if v.ErrorField == field {
		return v.Error
	}
	return ""
}

// T translates a message key into the page's language.
func (v *view) T(key string, args ...any) string { return translate(v.Lang, key, args...) }

// Explain is a due date's explanation in the page's language only.
func (v *view) Explain(explain string) string { return calendar.ExplainIn(explain, v.Lang) }

// DayNote is a calendar day's note (why it is off, or made up) in the page's language.
func (v *view) DayNote(note string) string { return calendar.NoteIn(note, v.Lang) }

// Status, ActionName, Timeliness, Channel and ReturnMethod name domain values.
func (v *view) Status(s dossier.Status) string { return v.T(statusKey(s)) }
func (v *view) ActionName(a any) string        { return v.T(fmt.Sprintf("action.%v", a)) }
func (v *view) Timeliness(t dossier.Timeliness) string {
	if t == "" {
		return ""
	}
	return v.T("timeliness." + string(t))
}
func (v *view) Channel(c dossier.Channel) string           { return v.T("channel." + string(c)) }
func (v *view) ReturnMethod(m dossier.ReturnMethod) string { return v.T("return." + string(m)) }

// Is reports whether the signed-in user has one of the roles.
func (v *view) Is(roles ...string) bool {
	if v.Sess == nil || !v.Sess.Signed {
		return false
	}
	for _, r := range roles {
		if string(v.Sess.Actor.Role) == r {
			return true
		}
	}
	return false
}

// Staff reports whether the user works in an agency.
func (v *view) Staff() bool {
	return v.Is("counter", "specialist", "leader", "director", "chair", "admin", "postal")
}

// SetError shows err on the page, beside its field when it names one.
func (v *view) SetError(err error) {
	v.Error = v.ErrorText(err)
	if e, ok := apperr.As(err); ok {
		v.ErrorField = e.Field
	}
}

// ErrorText localizes a client-safe error.
func (v *view) ErrorText(err error) string { return locale.Error(locale.Parse(v.Lang), err) }

func (s *Server) newView(r *http.Request, title string, data any) *view {
	v := &view{Lang: langOf(r), Sess: sessionOf(r), Site: s.opt.SiteName, Hotline: s.opt.Hotline, Path: r.URL.Path, Data: data}
	if v.Sess != nil && v.Sess.Actor.AgencyID != 0 {
		if a, ok := s.svc.Agency(v.Sess.Actor.AgencyID); ok {
			v.Agency = a.Name // staff see where they work (issue 21 item 6)
		}
	}
	v.Title = v.T(title)
	if ok := r.URL.Query().Get("ok"); ok != "" {
		if locale.Has("ok." + ok) {
			v.Flash = v.T("ok." + ok)
		}
	}
	return v
}

// render writes a page; a template error is logged and answered with a 500
// before anything is sent.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, v *view) {
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

// StatusName names a status held as text (event records).
func (v *view) StatusName(s string) string { return v.T("status." + s) }

// TimeLimit says a procedure's statutory time in words.
func (v *view) TimeLimit(t catalog.TimeLimit) string {
	switch {
	case !t.Set():
		return v.T("tl.unknown")
	case t.Unit == catalog.UnitSameDay:
		return v.T("tl.same_day")
	case t.Unit == catalog.UnitDays:
		return v.T("tl.days", t.Amount)
	}
	return v.T("tl.working_days", t.Amount)
}
