package api

import (
	"net/http"
	"strconv"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/org"
)

func pathYear(r *http.Request) (int, error) {
	y, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		return 0, apperr.New(apperr.NotFound, "year_invalid", "Năm không hợp lệ.", "Invalid year.")
	}
	return y, nil
}

// getCalendarYear shows the working calendar of a year: the schedule in force
// (administrator's entry, official notice shipped with Một Cửa, or proposal)
// and its weekday days off.
func (s *Server) getCalendarYear(w http.ResponseWriter, r *http.Request) {
	y, err := pathYear(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	cy, err := s.svc.CalendarYear(y)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, 200, cy)
}

// scheduleInput is an administrator's entry of a year's official notice.
type scheduleInput struct {
	DaysOff     []calendar.Date   `json:"days_off"`
	WorkingDays []calendar.Date   `json:"working_days"`
	Source      string            `json:"source"`
	Notes       map[string]string `json:"notes"`
}

func (s *Server) putCalendarYear(w http.ResponseWriter, r *http.Request, actor org.Actor) {
	y, err := pathYear(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var in scheduleInput
	if err := decode(r, &in); err != nil {
		s.writeError(w, r, err)
		return
	}
	if in.DaysOff == nil {
		in.DaysOff = []calendar.Date{}
	}
	if in.WorkingDays == nil {
		in.WorkingDays = []calendar.Date{}
	}
	cy, err := s.svc.SetCalendarYear(r.Context(), actor, calendar.Schedule{Year: y, DaysOff: in.DaysOff,
		WorkingDays: in.WorkingDays, Source: in.Source, Notes: in.Notes})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, 200, cy)
}
