package form

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/locale"
	"github.com/motcua/motcua/internal/service"
)

func init() {
	locale.Add(map[string][2]string{
		"admin.year_bad": {"Năm không hợp lệ.", "The year is not valid."},
		"admin.day_bad":  {"Hãy chọn một ngày trên lịch.", "Pick a day on the calendar."},
	})
}

// Year reads a calendar year within the range the calendar holds.
func Year(v string) (int, error) {
	y, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || y < calendar.MinYear || y > calendar.MaxYear {
		return 0, apperr.New(apperr.Invalid, "year_invalid", locale.Text(locale.VI, "admin.year_bad"), locale.Text(locale.EN, "admin.year_bad"))
	}
	return y, nil
}

// ParseCalendarNotice reads a year's whole schedule as the government's
// notice gives it (templates/admin_calendar.html): the days off and the
// Saturdays worked, one per line with an optional note. year is the year
// read even when the lines are refused, to draw the form again.
func ParseCalendarNotice(f url.Values) (sc calendar.Schedule, year int, err error) {
	y, err := Year(f.Get("year"))
	if err != nil {
		return sc, 0, err
	}
	sc = calendar.Schedule{Year: y, Source: strings.TrimSpace(f.Get("source"))}
	off, notes, err := service.ParseDateLines(f.Get("days_off"))
	if err != nil {
		return sc, y, err
	}
	var workNotes map[string]string
	if sc.WorkingDays, workNotes, err = service.ParseDateLines(f.Get("working_days")); err != nil {
		return sc, y, err
	}
	for k, v := range workNotes {
		notes[k] = v
	}
	sc.DaysOff = off
	if len(notes) > 0 {
		sc.Notes = notes
	}
	return sc, y, nil
}

// CalendarDay is one day picked on the calendar to add to its year.
type CalendarDay struct {
	Date calendar.Date
	// Working: a day made up (a Saturday worked); otherwise a day off.
	Working      bool
	Source, Note string
}

// ParseCalendarDay reads the form that adds one day.
func ParseCalendarDay(f url.Values) (CalendarDay, error) {
	d, err := calendar.ParseDate(strings.TrimSpace(f.Get("date")))
	if err != nil {
		return CalendarDay{}, apperr.New(apperr.Invalid, "day_invalid", locale.Text(locale.VI, "admin.day_bad"), locale.Text(locale.EN, "admin.day_bad"))
	}
	return CalendarDay{Date: d, Working: f.Get("kind") == "working",
		Source: strings.TrimSpace(f.Get("source")), Note: strings.TrimSpace(f.Get("note"))}, nil
}
