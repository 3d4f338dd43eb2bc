package process

import (
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
)

// Clock measures steps in working time on one calendar. A quarter day is a
// quarter of the calendar's working day: 2 h on the national 07:00–11:30,
// 13:30–17:00 day of 8 h.
type Clock struct {
	cal *calendar.Calendar
	day time.Duration
}

// NewClock returns a clock on cal.
func NewClock(cal *calendar.Calendar) *Clock {
	var day time.Duration
	for _, p := range cal.Config().Hours {
		day += p.End - p.Start
	}
	return &Clock{cal: cal, day: day}
}

// Day is the length of the calendar's working day.
func (c *Clock) Day() time.Duration { return c.day }

// WorkingTime is budget b as working time on this calendar.
func (c *Clock) WorkingTime(b Budget) time.Duration { return b.WorkingTime(c.day) }

// Pause is a stretch during which a step's clock stood still: the dossier
// waited for the applicant's supplementation (Form 02), or for payment.
// A zero To means the step is still paused.
type Pause struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to,omitzero"`
}

// Timeliness of a step against its own budget.
type Timeliness string

// Step timeliness. A finished step is early when it used fewer quarter days
// than its budget, on time when it ended in the last quarter of its budget,
// and late when it ended after its due instant: RULES-VN.md §3.2 ("early if
// processed in less than the allotted time; on time if exactly equal; late if
// longer"; Circular 01/2018 index 2), counted in the unit the budget is set
// in, as the dossier's own timeliness is counted in days (early: finished
// before the due date's working day began).
const (
	Early   Timeliness = "early"
	OnTime  Timeliness = "on_time"
	Late    Timeliness = "late"
	InTime  Timeliness = "in_time" // unfinished, not yet due
	Overdue Timeliness = "overdue" // unfinished and past due
)

// Measure is where a step stands against its budget.
type Measure struct {
	Due        time.Time     `json:"due"`    // the step's own due instant, pauses added; while paused, as if resumed at the pause
	Paused     bool          `json:"paused"` // the clock stands still now
	Budget     time.Duration `json:"budget"` // working time allotted
	Used       time.Duration `json:"used"`   // working time used, pauses excluded
	Timeliness Timeliness    `json:"timeliness"`
}

// UsedMinutes is the working time used, in whole minutes, a begun minute
// counting as used.
func (m Measure) UsedMinutes() int { return ceilMinutes(m.Used) }

// BudgetMinutes is the working time allotted in minutes.
func (m Measure) BudgetMinutes() int { return ceilMinutes(m.Budget) }

// OverMinutes is how far the step is over its budget, in working minutes;
// negative while it still has time left (the remaining budget).
func (m Measure) OverMinutes() int { return m.UsedMinutes() - m.BudgetMinutes() }

func ceilMinutes(d time.Duration) int { return int((d + time.Minute - 1) / time.Minute) }

// Due is the due instant of a step that started at start with budget b:
// b of working time later (lunch breaks, weekends, holidays and swapped days
// as the calendar has them), moved later by the working time of each closed
// pause, as the dossier's due date moves after supplementation (RULES-VN
// §3.1(4), calendar.Resume). An open pause adds nothing: the due instant is
// then the one the step would have if it resumed at once.
func (c *Clock) Due(start time.Time, b Budget, pauses []Pause) (time.Time, error) {
	if b <= 0 {
		return time.Time{}, apperr.New(apperr.Invalid, "process_step_budget",
			"Bước chưa có thời gian giải quyết.", "The step has no time budget.")
	}
	if err := checkPauses(start, pauses); err != nil {
		return time.Time{}, err
	}
	due, err := c.cal.AddWorkingTime(start, c.WorkingTime(b))
	if err != nil {
		return time.Time{}, err
	}
	if p := c.paused(pauses, time.Time{}); p > 0 {
		return c.cal.AddWorkingTime(due, p)
	}
	return due, nil
}

// paused is the working time of the closed pauses, and of an open one up to
// now when now is not zero; each rounded down to the minute like the
// dossier's supplementation wait (calendar.SuspendedTime).
func (c *Clock) paused(pauses []Pause, now time.Time) time.Duration {
	var total time.Duration
	for _, p := range pauses {
		to := p.To
		if to.IsZero() {
			if now.IsZero() {
				continue
			}
			to = now
		}
		total += calendar.SuspendedTime(c.cal.WorkingTime(p.From, to))
	}
	return total
}

// Measure says where a step stands at now: started at start with budget b,
// finished at end (zero while it is open), paused during pauses. A step still
// paused is measured at the pause, the request instant standing as its end
// while the applicant has the dossier (RULES-VN §3.2).
func (c *Clock) Measure(start, end time.Time, b Budget, pauses []Pause, now time.Time) (Measure, error) {
	due, err := c.Due(start, b, pauses)
	if err != nil {
		return Measure{}, err
	}
	if !end.IsZero() {
		if end.Before(start) {
			return Measure{}, apperr.New(apperr.Invalid, "process_step_times",
				"Bước kết thúc trước khi bắt đầu.", "The step ends before it starts.")
		}
		for _, p := range pauses {
			if p.To.IsZero() || p.To.After(end) {
				return Measure{}, apperr.New(apperr.Invalid, "process_step_pause",
					"Bước đã kết thúc khi hồ sơ còn đang tạm dừng.", "The step ended while its clock was still paused.")
			}
		}
	}
	m := Measure{Due: due, Budget: c.WorkingTime(b)}
	at := end
	if at.IsZero() {
		at = now
		if n := len(pauses); n > 0 && pauses[n-1].To.IsZero() {
			m.Paused = true
			if pauses[n-1].From.Before(at) {
				at = pauses[n-1].From
			}
		}
	}
	m.Used = c.cal.WorkingTime(start, at) - c.paused(pauses, at)
	if m.Used < 0 {
		m.Used = 0
	}
	switch {
	case end.IsZero() && at.After(due):
		m.Timeliness = Overdue
	case end.IsZero():
		m.Timeliness = InTime
	case end.After(due):
		m.Timeliness = Late
	case m.Used <= m.Budget-c.WorkingTime(1):
		m.Timeliness = Early
	default:
		m.Timeliness = OnTime
	}
	return m, nil
}

func checkPauses(start time.Time, pauses []Pause) error {
	prev := start
	for i, p := range pauses {
		open := p.To.IsZero()
		switch {
		case p.From.Before(prev):
			return apperr.New(apperr.Invalid, "process_step_pause",
				"Các lần tạm dừng phải theo thứ tự, sau khi bước bắt đầu và không chồng lên nhau.",
				"Pauses must be in order, after the step starts, and must not overlap.")
		case open && i != len(pauses)-1:
			return apperr.New(apperr.Invalid, "process_step_pause",
				"Chỉ lần tạm dừng cuối cùng mới có thể chưa kết thúc.", "Only the last pause may still be open.")
		case !open && p.To.Before(p.From):
			return apperr.New(apperr.Invalid, "process_step_pause",
				"Lần tạm dừng kết thúc trước khi bắt đầu.", "A pause ends before it starts.")
		}
		prev = p.To
	}
	return nil
}
