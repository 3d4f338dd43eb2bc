package calendar

import (
	"errors"
	"fmt"
	"time"
)

// Unit is how a procedure's time limit is expressed (DVCQG DonViTinh).
type Unit string

// Units of a time limit.
const (
	WorkingDays  Unit = "working_days"  // ngày làm việc
	Days         Unit = "days"          // ngày (calendar days)
	SameDay      Unit = "same_day"      // trong ngày, 15:00 cut-off
	WorkingHours Unit = "working_hours" // giờ làm việc (internal steps, half-day budgets)
)

// ErrInvalidRule is wrapped by errors about a Rule or a Unit.
var ErrInvalidRule = errors.New("thời hạn không hợp lệ / invalid time limit")

// ParseUnit accepts exactly the Unit constants' values.
func ParseUnit(s string) (Unit, error) {
	switch u := Unit(s); u {
	case WorkingDays, Days, SameDay, WorkingHours:
		return u, nil
	}
	return "", fmt.Errorf("%w: đơn vị không hợp lệ / unknown unit %q (working_days, days, same_day, working_hours)", ErrInvalidRule, s)
}

// Rule is a time limit. For WorkingHours, Amount is hours; for SameDay,
// Amount is ignored (it may be 0 or 1).
type Rule struct {
	Amount int  `json:"amount"`
	Unit   Unit `json:"unit"`
}

// Validate checks the unit and that the amount is not negative.
func (r Rule) Validate() error {
	if _, err := ParseUnit(string(r.Unit)); err != nil {
		return err
	}
	if r.Amount < 0 {
		return fmt.Errorf("%w: số lượng âm / negative amount %d", ErrInvalidRule, r.Amount)
	}
	return nil
}

func (r Rule) String() string {
	if r.Unit == SameDay {
		return string(SameDay)
	}
	return fmt.Sprintf("%d %s", r.Amount, r.Unit)
}

// Skipped is a non-working day passed over by a computation, with its reason.
type Skipped struct {
	Date   Date   `json:"date"`
	Reason string `json:"reason"`
}

// Due is a computed due date with everything needed to explain it.
type Due struct {
	At        time.Time     `json:"at"`                  // in Zone
	Rule      Rule          `json:"rule,omitzero"`       // zero for Resume and Extend
	From      time.Time     `json:"from"`                // receipt, or the previous due date for Resume/Extend
	Skipped   []Skipped     `json:"skipped"`             // non-working days passed over, with reasons
	Suspended time.Duration `json:"suspended,omitempty"` // working time added by Resume (nanoseconds in JSON)
	Explain   string        `json:"explain"`             // Vietnamese, then English
}

// DueAt is the fast path of Due: only the instant, no explanation. It does
// not allocate and does not walk over days.
func (c *Calendar) DueAt(received time.Time, r Rule) (time.Time, error) {
	day, _, err := c.dueDay(received, r)
	if err != nil {
		return time.Time{}, err
	}
	if r.Unit == WorkingHours {
		return c.AddWorkingTime(received, time.Duration(r.Amount)*time.Hour)
	}
	return instant(day, c.close), nil
}

// dueDay returns the day number of the due date for the day-based units and
// the receipt day; for WorkingHours it only validates.
func (c *Calendar) dueDay(received time.Time, r Rule) (due, recv int, err error) {
	if r.Amount < 0 {
		return 0, 0, fmt.Errorf("%w: số lượng âm / negative amount %d", ErrInvalidRule, r.Amount)
	}
	day, off := split(received)
	i, ok := c.idx(day)
	if !ok {
		return 0, 0, fmt.Errorf("%w: ngày tiếp nhận %s / receipt date %s", ErrOutOfRange, dateOfDayNumber(day), dateOfDayNumber(day))
	}
	working := c.flags[i]&flagWorking != 0
	switch r.Unit {
	case WorkingDays:
		// Civil Code 2015 Art. 147: the period starts the day after receipt,
		// so the due date is the Nth working day after the receipt date,
		// whatever the receipt time or the kind of day.
		if r.Amount == 0 {
			if working {
				return day, day, nil
			}
			d, err := c.workingAfter(i, 1)
			return d, day, err
		}
		d, err := c.workingAfter(i, r.Amount)
		return d, day, err
	case Days:
		// Art. 147–148: receipt date + N; if that is not a working day, the
		// period ends with the next working day.
		t := day + r.Amount
		j, ok := c.idx(t)
		if !ok {
			return 0, 0, c.rangeErr()
		}
		if c.flags[j]&flagWorking != 0 {
			return t, day, nil
		}
		d, err := c.workingAfter(j, 1)
		return d, day, err
	case SameDay:
		if working && off <= c.cutoff {
			return day, day, nil
		}
		d, err := c.workingAfter(i, 1)
		return d, day, err
	case WorkingHours:
		return 0, day, nil
	}
	_, err = ParseUnit(string(r.Unit))
	return 0, 0, err
}

// Due computes the due date of a dossier received at received under rule r,
// with the non-working days skipped and a bilingual explanation.
func (c *Calendar) Due(received time.Time, r Rule) (Due, error) {
	at, err := c.DueAt(received, r)
	if err != nil {
		return Due{}, err
	}
	recv := DateOf(received)
	dueDay := DateOf(at).dayNumber()
	var from int
	switch r.Unit {
	case WorkingDays:
		from = recv.dayNumber() + 1 // the receipt date is never counted (Art. 147)
	case Days:
		from = recv.dayNumber() + r.Amount // days inside the period count; only the roll-over is skipped
	default:
		from = recv.dayNumber()
	}
	d := Due{At: at, Rule: r, From: received.In(Zone), Skipped: c.nonWorkingBetween(from, dueDay)}
	d.Explain = c.explainDue(d)
	return d, nil
}

// WorkingTime returns the working time inside [from, to): time within the
// working hours of working days. Parts outside the index count as nothing.
func (c *Calendar) WorkingTime(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	return c.workedUntil(to) - c.workedUntil(from)
}

// workedUntil is the working time from the start of the index to t: whole
// working days from cum, plus the part of t's own day. O(periods).
func (c *Calendar) workedUntil(t time.Time) time.Duration {
	day, off := split(t)
	i := day - c.first
	switch {
	case i < 0:
		return 0
	case i >= c.n:
		return time.Duration(c.cum[c.n]) * c.perDay
	}
	w := time.Duration(c.cum[i]) * c.perDay
	if c.flags[i]&flagWorking != 0 {
		w += c.workedBefore(off)
	}
	return w
}

// AddWorkingTime returns the earliest instant at which d of working time has
// passed since t. Time outside working hours does not count: 2 h added at
// 16:00 on a Friday end at 08:00 the next working day.
func (c *Calendar) AddWorkingTime(t time.Time, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, fmt.Errorf("%w: thời gian âm / negative duration %s", ErrInvalidRule, d)
	}
	day, off := split(t)
	i, ok := c.idx(day)
	if !ok {
		return time.Time{}, fmt.Errorf("%w: %s", ErrOutOfRange, DateOf(t))
	}
	if d == 0 {
		return t.In(Zone), nil
	}
	used := c.perDay // a non-working day has no working time left
	if c.flags[i]&flagWorking != 0 {
		used = c.workedBefore(off)
	}
	rem := c.perDay - used
	if d <= rem {
		return instant(day, c.offsetAt(used+d)), nil
	}
	d -= rem
	k := int((d + c.perDay - 1) / c.perDay) // working days needed after t's day
	target, err := c.workingAfter(i, k)
	if err != nil {
		return time.Time{}, err
	}
	return instant(target, c.offsetAt(d-time.Duration(k-1)*c.perDay)), nil
}

// Resume moves a due date after a supplementation pause (Form 02): the clock
// stopped at suspendedAt and restarts at resumedAt, so the new due date is
// the old one plus the working time that passed in between (RULES-VN
// §3.1(4); DVCQG keeps both NgayHenTraTruoc and NgayHenTraMoi).
func (c *Calendar) Resume(due, suspendedAt, resumedAt time.Time) (Due, error) {
	if resumedAt.Before(suspendedAt) {
		return Due{}, fmt.Errorf("%w: thời điểm bổ sung %s trước thời điểm yêu cầu bổ sung %s / resumption %s is before suspension %s",
			ErrInvalidRule, fmtTime(resumedAt), fmtTime(suspendedAt), fmtTime(resumedAt), fmtTime(suspendedAt))
	}
	for _, t := range []time.Time{suspendedAt, resumedAt} {
		if _, ok := c.idx(DateOf(t).dayNumber()); !ok {
			return Due{}, fmt.Errorf("%w: %s", ErrOutOfRange, fmtTime(t))
		}
	}
	elapsed := SuspendedTime(c.WorkingTime(suspendedAt, resumedAt))
	at, err := c.AddWorkingTime(due, elapsed)
	if err != nil {
		return Due{}, err
	}
	d := Due{
		At:        at,
		From:      due.In(Zone),
		Suspended: elapsed,
		Skipped:   c.nonWorkingBetween(DateOf(due).dayNumber()+1, DateOf(at).dayNumber()),
	}
	d.Explain = c.explainResume(d, suspendedAt.In(Zone), resumedAt.In(Zone))
	return d, nil
}

// SuspendedTime rounds the working time a dossier waited for the applicant
// down to the whole minute. The law counts the wait as the time between the
// request and the completed supplementation (RULES-VN §3.1(4); DVCQG S9 §2.1)
// and sets no unit; the appointment is written and shown to the minute
// (Form 01: "… giờ … phút"), so the wait is counted in the same unit. Down,
// because a supplementation answered within the minute did not hold the
// dossier for a minute of working time: a due date at 17:00 must not become
// 07:00 the next morning for a few seconds nobody can see.
func SuspendedTime(d time.Duration) time.Duration { return d.Truncate(time.Minute) }

// Extend validates a new due date set by a person (Form 04, apology and
// re-appointment): it must be requested before the current due date and be
// later than it, on a working day. Only one extension is allowed; the
// dossier package enforces that, the calendar cannot know.
func (c *Calendar) Extend(current, requestedAt, newDue time.Time) (Due, error) {
	if !requestedAt.Before(current) {
		return Due{}, fmt.Errorf("%w: phải gia hạn trước hạn hiện tại %s (yêu cầu lúc %s) / an extension must be requested before the current due date %s (requested %s)",
			ErrInvalidRule, fmtTime(current), fmtTime(requestedAt), fmtTime(current), fmtTime(requestedAt))
	}
	if !newDue.After(current) {
		return Due{}, fmt.Errorf("%w: hạn mới %s phải sau hạn hiện tại %s / the new due date %s must be after the current one %s",
			ErrInvalidRule, fmtTime(newDue), fmtTime(current), fmtTime(newDue), fmtTime(current))
	}
	nd := DateOf(newDue)
	if _, ok := c.idx(nd.dayNumber()); !ok {
		return Due{}, fmt.Errorf("%w: %s", ErrOutOfRange, nd)
	}
	if off, why := c.DayOff(nd); off {
		return Due{}, fmt.Errorf("%w: hạn mới %s là ngày nghỉ (%s), hãy chọn ngày làm việc / the new due date %s is not a working day (%s); choose a working day",
			ErrInvalidRule, nd, why, nd, why)
	}
	d := Due{
		At:      newDue.In(Zone),
		From:    current.In(Zone),
		Skipped: c.nonWorkingBetween(DateOf(current).dayNumber()+1, nd.dayNumber()),
	}
	d.Explain = c.explainExtend(d, requestedAt.In(Zone))
	return d, nil
}
