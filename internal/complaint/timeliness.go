package complaint

import (
	"time"

	"github.com/motcua/motcua/internal/calendar"
)

// Deadlines are the due instants of a complaint's stages; a zero one does
// not apply yet (no answer, no publication deadline).
type Deadlines struct {
	Refuse, Supplement, Handle, Publish time.Time
}

// DeadlinesOf computes c's deadlines on the calendar: refusal and a
// supplementation request counted from the receipt, handling from receipt,
// transfer or completion, publication from the answer (RULES-VN.md §6
// group 5, indicator 5.2).
func DeadlinesOf(c *Complaint, cal *calendar.Calendar) (Deadlines, error) {
	days := func(from time.Time, n int) (time.Time, error) {
		return cal.DueAt(from, calendar.Rule{Amount: n, Unit: calendar.WorkingDays})
	}
	var d Deadlines
	var err error
	if d.Refuse, err = days(c.ReceivedAt, RefuseDays); err != nil {
		return d, err
	}
	if d.Supplement, err = days(c.ReceivedAt, SupplementDays); err != nil {
		return d, err
	}
	if d.Handle, err = days(c.HandlingFrom, HandleDays); err != nil {
		return d, err
	}
	if c.AnsweredAt != nil {
		if d.Publish, err = days(*c.AnsweredAt, PublishDays); err != nil {
			return d, err
		}
	}
	return d, nil
}

// Timeliness is how a complaint stands against its deadlines at now: Done
// once refused or its answer published; OnTime while every stage taken so
// far kept its deadline and the one under way is not past its own. While the
// complainant completes the complaint the clock is theirs: a request made in
// time keeps it on time.
type Timeliness struct {
	Done, OnTime bool
}

// TimelinessAt judges c at now.
func TimelinessAt(c *Complaint, cal *calendar.Calendar, now time.Time) (Timeliness, error) {
	d, err := DeadlinesOf(c, cal)
	if err != nil {
		return Timeliness{}, err
	}
	by := func(t *time.Time, due time.Time) bool { return t != nil && !t.After(due) }
	if c.AskedAt != nil && !by(c.AskedAt, d.Supplement) {
		return Timeliness{Done: c.Status == Refused || c.Status == Published}, nil
	}
	switch c.Status {
	case Refused:
		return Timeliness{Done: true, OnTime: by(c.RefusedAt, d.Refuse)}, nil
	case SupplementRequested:
		return Timeliness{OnTime: true}, nil
	case Received, Handling:
		return Timeliness{OnTime: !now.After(d.Handle)}, nil
	case Answered:
		return Timeliness{OnTime: by(c.AnsweredAt, d.Handle) && !now.After(d.Publish)}, nil
	case Published:
		return Timeliness{Done: true, OnTime: by(c.AnsweredAt, d.Handle) && by(c.PublishedAt, d.Publish)}, nil
	}
	return Timeliness{}, nil
}

// Dissatisfied reports whether the complainant was not satisfied with how
// c was handled (indicator 5.3): more dislikes than likes of the answer, or
// raised again.
func (c *Complaint) Dissatisfied() bool { return c.Dislikes > c.Likes || c.Reraised }
