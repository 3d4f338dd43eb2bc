package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/form"
)

// Administration: the working calendar of each year (days off, Saturdays worked).

type dayRow struct {
	Date time.Time
	Note string
}

type calendarData struct {
	adminForm
	Year        int
	Y           service.CalendarYear
	DaysOff     []dayRow
	WorkingDays []dayRow
	// The textareas, prefilled with the schedule in force.
	DaysOffText, WorkingDaysText string
}

func dateLines(ds []calendar.Date, notes map[string]string) (string, []dayRow) {
	var (
		b    strings.Builder
		rows []dayRow
	)
	for _, d := range ds {
		note := notes[d.String()]
		b.WriteString(d.String())
		if note != "" {
			b.WriteString(" " + note)
		}
		b.WriteString("\n")
		rows = append(rows, dayRow{Date: d.At(12 * time.Hour), Note: note})
	}
	return b.String(), rows
}

func (s *Server) calendarPage(w http.ResponseWriter, r *http.Request, status int, year int, form adminForm, err error) {
	y, yerr := s.svc.CalendarYear(year)
	if yerr != nil {
		s.renderError(w, r, yerr)
		return
	}
	d := &calendarData{adminForm: form, Year: year, Y: y}
	d.DaysOffText, d.DaysOff = dateLines(y.Schedule.DaysOff, y.Schedule.Notes)
	d.WorkingDaysText, d.WorkingDays = dateLines(y.Schedule.WorkingDays, y.Schedule.Notes)
	v := s.newView(r, "admin.calendar", d)
	if err != nil {
		v.Error = v.ErrorText(err)
	}
	s.render(w, r, status, "admin_calendar", v)
}

func (s *Server) adminCalendar(w http.ResponseWriter, r *http.Request, sess *session) {
	year := calendar.DateOf(s.svc.Now()).Year
	if v := r.URL.Query().Get("year"); v != "" {
		y, err := form.Year(v)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		year = y
	}
	s.calendarPage(w, r, 200, year, adminForm{}, nil)
}

// adminCalendarDay adds one day, picked on a calendar, to the schedule of its
// year; the schedule's rules (calendar.Schedule.Validate) refuse a day that
// is not worked anyway, with the same message as the whole notice.
func (s *Server) adminCalendarDay(w http.ResponseWriter, r *http.Request, sess *session) {
	f := r.PostForm
	year := calendar.DateOf(s.svc.Now()).Year
	show := func(status int, err error) {
		s.calendarPage(w, r, status, year, adminForm{Form: f, Failed: "day"}, err)
	}
	day, err := form.ParseCalendarDay(f)
	if err != nil {
		show(422, err)
		return
	}
	d := day.Date
	year = d.Year
	y, err := s.svc.CalendarYear(d.Year)
	if err != nil {
		show(s.httpStatus(r, err), err)
		return
	}
	sc := y.Schedule.Clone()
	if day.Source != "" {
		sc.Source = day.Source
	}
	shown := d.At(12 * time.Hour).Format("02/01/2006")
	switch {
	case day.Working:
		if slices.Contains(sc.WorkingDays, d) {
			show(422, apperr.Newf(apperr.Invalid, "day_already_working", translate("vi", "admin.day_already_work"), translate("en", "admin.day_already_work"), shown))
			return
		}
		sc.WorkingDays = append(sc.WorkingDays, d)
	default:
		if slices.Contains(sc.DaysOff, d) {
			show(422, apperr.Newf(apperr.Invalid, "day_already_off", translate("vi", "admin.day_already_off"), translate("en", "admin.day_already_off"), shown))
			return
		}
		sc.DaysOff = append(sc.DaysOff, d)
	}
	slices.SortFunc(sc.DaysOff, calendar.Date.Compare)
	slices.SortFunc(sc.WorkingDays, calendar.Date.Compare)
	if day.Note != "" {
		if sc.Notes == nil {
			sc.Notes = map[string]string{}
		}
		sc.Notes[d.String()] = day.Note
	}
	if _, err := s.svc.SetCalendarYear(r.Context(), sess.Actor, sc); err != nil {
		s.failed(w, r, err, show)
		return
	}
	redirectOK(w, r, "/admin/calendar?year="+strconv.Itoa(d.Year), "admin_calendar_saved")
}

func (s *Server) adminSaveCalendar(w http.ResponseWriter, r *http.Request, sess *session) {
	f := r.PostForm
	year := calendar.DateOf(s.svc.Now()).Year
	show := func(status int, err error) {
		s.calendarPage(w, r, status, year, adminForm{Form: f, Failed: "notice"}, err)
	}
	sc, y, err := form.ParseCalendarNotice(f)
	if y != 0 {
		year = y
	}
	if err == nil {
		_, err = s.svc.SetCalendarYear(r.Context(), sess.Actor, sc)
	}
	if err != nil {
		s.failed(w, r, err, show)
		return
	}
	redirectOK(w, r, "/admin/calendar?year="+strconv.Itoa(y), "admin_calendar_saved")
}
