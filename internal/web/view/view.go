// Package view is what every page template receives and the pure rendering
// helpers its templates call: dates in Vietnam's time, money in đồng, the
// names of domain values in the page's language. Texts come from the one
// catalogue (internal/locale); the web server builds a View per request with
// New and hands it to the template, with the page's own values in Data.
package view

import (
	"fmt"
	"html/template"
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

// Zone is where every time is shown (DESIGN.md "Conventions").
var Zone = time.FixedZone("ICT", 7*3600)

// Session is what a page may know of the signed-in user: who, and the
// anti-forgery token its forms carry. The bearer token stays with the web
// server so that no template can print it.
type Session struct {
	Actor  org.Actor
	Signed bool
	CSRF   string
}

// View is what every template receives; Data holds the page's own values.
type View struct {
	Lang  string
	Sess  *Session
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

// Request is what the server knows of a request before the handler adds the
// page's own values.
type Request struct {
	Lang          string
	Sess          *Session
	Site, Hotline string
	Agency        string
	Path          string
	// OK is the ?ok= key of the action just done; it shows as a flash only
	// when the catalogue knows it, so a crafted link cannot print free text.
	OK string
}

// New builds the view of one page; title is a message key.
func New(q Request, title string, data any) *View {
	sess := q.Sess
	if sess == nil {
		sess = &Session{}
	}
	v := &View{Lang: q.Lang, Sess: sess, Site: q.Site, Hotline: q.Hotline, Agency: q.Agency, Path: q.Path, Data: data}
	v.Title = v.T(title)
	if q.OK != "" && locale.Has("ok."+q.OK) {
		v.Flash = v.T("ok." + q.OK)
	}
	return v
}

// FieldError is the error to show beside the input field, if it is its.
func (v *View) FieldError(field string) string {
	if v.ErrorField == field {
		return v.Error
	}
	return ""
}

// T translates a message key into the page's language; a missing key shows
// itself so tests catch it.
func (v *View) T(key string, args ...any) string {
	return locale.Text(locale.Parse(v.Lang), key, args...)
}

// Explain is a due date's explanation in the page's language only.
func (v *View) Explain(explain string) string { return calendar.ExplainIn(explain, v.Lang) }

// DayNote is a calendar day's note (why it is off, or made up) in the page's language.
func (v *View) DayNote(note string) string { return calendar.NoteIn(note, v.Lang) }

// Status, ActionName, Timeliness, Channel and ReturnMethod name domain values.
func (v *View) Status(s dossier.Status) string { return v.T("status." + string(s)) }
func (v *View) ActionName(a any) string        { return v.T(fmt.Sprintf("action.%v", a)) }
func (v *View) Timeliness(t dossier.Timeliness) string {
	if t == "" {
		return ""
	}
	return v.T("timeliness." + string(t))
}
func (v *View) Channel(c dossier.Channel) string           { return v.T("channel." + string(c)) }
func (v *View) ReturnMethod(m dossier.ReturnMethod) string { return v.T("return." + string(m)) }

// StatusName names a status held as text (event records).
func (v *View) StatusName(s string) string { return v.T("status." + s) }

// TimeLimit says a procedure's statutory time in words.
func (v *View) TimeLimit(t catalog.TimeLimit) string {
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

// Is reports whether the signed-in user has one of the roles.
func (v *View) Is(roles ...string) bool {
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
func (v *View) Staff() bool {
	return v.Is("counter", "specialist", "leader", "director", "chair", "admin", "postal")
}

// SetError shows err on the page, beside its field when it names one.
func (v *View) SetError(err error) {
	v.Error = v.ErrorText(err)
	if e, ok := apperr.As(err); ok {
		v.ErrorField = e.Field
	}
}

// ErrorText localizes a client-safe error.
func (v *View) ErrorText(err error) string { return locale.Error(locale.Parse(v.Lang), err) }

// Funcs are the template functions that only render: a new map each call, so
// that the web server may add its own page helpers to it.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"dt": func(t any) string {
			if tt, ok := timeOf(t); ok {
				return tt.In(Zone).Format("15:04, 02/01/2006")
			}
			return "—"
		},
		"date": func(t any) string {
			if tt, ok := timeOf(t); ok {
				return tt.In(Zone).Format("02/01/2006")
			}
			return "—"
		},
		"isoDate": func(t any) string {
			if tt, ok := timeOf(t); ok {
				return tt.In(Zone).Format("2006-01-02")
			}
			return ""
		},
		"money": Money,
		// withRow hands a sub-template one row of a table together with the page
		// (its language, its filter), as {{template "x" (withRow $ .)}}.
		"withRow": func(v *View, row any) any {
			return struct {
				V   *View
				Row any
			}{v, row}
		},
		"add":  func(a, b int) int { return a + b },
		"join": strings.Join,
	}
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

// Money writes whole đồng with dots between thousands: 1.500.000 đ.
func Money(v int64) string {
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
