package core

import (
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
)

// calErr turns a calendar refusal (a date outside the supported years, an
// extension to an earlier date) into a client error, each language apart.
func calErr(err error) error {
	if _, ok := apperr.As(err); ok {
		return err
	}
	vi, en := calendar.Messages(err)
	return apperr.New(apperr.Invalid, "deadline_invalid", vi, en)
}

// deadlines adapts the calendar to what the dossier rules ask of it.
type deadlines struct{ cal *calendar.Calendar }

var _ dossier.Deadlines = deadlines{}

func (d deadlines) Due(received time.Time, amount int, unit string) (time.Time, string, error) {
	u, err := calendar.ParseUnit(unit)
	if err != nil {
		return time.Time{}, "", calErr(err)
	}
	due, err := d.cal.Due(received, calendar.Rule{Amount: amount, Unit: u})
	if err != nil {
		return time.Time{}, "", calErr(err)
	}
	return due.At, due.Explain, nil
}

func (d deadlines) Resume(due, suspendedAt, resumedAt time.Time) (time.Time, string, error) {
	r, err := d.cal.Resume(due, suspendedAt, resumedAt)
	if err != nil {
		return time.Time{}, "", calErr(err)
	}
	return r.At, r.Explain, nil
}

func (d deadlines) Extend(current, requestedAt, newDue time.Time) (string, error) {
	r, err := d.cal.Extend(current, requestedAt, newDue)
	if err != nil {
		return "", calErr(err)
	}
	return r.Explain, nil
}

func (d deadlines) DayStart(t time.Time) time.Time { return d.cal.DayStart(calendar.DateOf(t)) }

// DeadlinesOf adapts cal to the dossier rules.
func DeadlinesOf(cal *calendar.Calendar) dossier.Deadlines { return deadlines{cal} }

// Deadlines is the calendar arithmetic in force, for views computing timeliness.
func (s *Core) Deadlines() dossier.Deadlines { return deadlines{s.Calendar()} }
