package admin

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/org"
)

// CalendarYear is a year's schedule in force with its weekday days off.
type CalendarYear struct {
	Schedule calendar.Schedule `json:"schedule"`
	Holidays []calendar.Date   `json:"holidays"`
}

// CalendarYear returns the schedule of a year: the administrator's override,
// else the official one, else the proposal.
func (s *Admin) CalendarYear(year int) (CalendarYear, error) {
	cal := s.Calendar()
	sc, err := cal.Schedule(year)
	if err != nil {
		vi, en := calendar.Messages(err)
		return CalendarYear{}, apperr.New(apperr.Invalid, "year_out_of_range", vi, en)
	}
	hol, err := cal.Holidays(year)
	if err != nil {
		vi, en := calendar.Messages(err)
		return CalendarYear{}, apperr.New(apperr.Invalid, "year_out_of_range", vi, en)
	}
	if hol == nil {
		hol = []calendar.Date{}
	}
	if sc.DaysOff == nil {
		sc.DaysOff = []calendar.Date{}
	}
	if sc.WorkingDays == nil {
		sc.WorkingDays = []calendar.Date{}
	}
	return CalendarYear{Schedule: sc, Holidays: hol}, nil
}

// SetCalendarYear records an administrator's entry of a year's official
// notice (days off and make-up working Saturdays). Due dates computed after
// this use it; dates already issued are not recomputed, because the law
// counts from what was promised on the receipt.
func (s *Admin) SetCalendarYear(ctx context.Context, actor org.Actor, sc calendar.Schedule) (CalendarYear, error) {
	if actor.Role != org.RoleAdmin {
		return CalendarYear{}, apperr.New(apperr.Forbidden, "admin_only", "Chỉ quản trị viên được sửa lịch làm việc.", "Only an administrator may change the working calendar.")
	}
	if err := sc.Validate(); err != nil {
		vi, en := calendar.Messages(err)
		return CalendarYear{}, apperr.New(apperr.Invalid, "schedule_invalid", vi, en)
	}
	sc.Official = true
	if sc.Source == "" {
		return CalendarYear{}, apperr.New(apperr.Invalid, "schedule_source_required",
			"Cần ghi văn bản công bố lịch nghỉ (ví dụ: Công văn số …/VPCP-KGVX).",
			"Name the notice that announced the schedule (its number, e.g. 1234/VPCP-KGVX).")
	}
	// Build the calendar first so a schedule the calendar refuses is never stored.
	cfg := s.Calendar().Config()
	cfg.Overrides = slices.DeleteFunc(slices.Clone(cfg.Overrides), func(o calendar.Schedule) bool { return o.Year == sc.Year })
	cfg.Overrides = append(cfg.Overrides, sc)
	if _, err := calendar.New(cfg); err != nil {
		vi, en := calendar.Messages(err)
		return CalendarYear{}, apperr.New(apperr.Invalid, "schedule_invalid", vi, en)
	}
	data, err := json.Marshal(sc)
	if err != nil {
		return CalendarYear{}, err
	}
	if err := s.Store.SaveCalendarOverride(ctx, sc.Year, string(data), actor.UserID); err != nil {
		return CalendarYear{}, fmt.Errorf("service: save calendar %d: %w", sc.Year, err)
	}
	s.Log.Info("calendar override saved", "year", sc.Year, "by", actor.UserID)
	if err := s.ReloadCalendar(ctx); err != nil {
		return CalendarYear{}, err
	}
	return s.CalendarYear(sc.Year)
}
