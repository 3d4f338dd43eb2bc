package process

import "time"

// ReminderKind is an automatic reminder to the holder of a step.
type ReminderKind string

// The reminders of a step, each sent once (issue 13 item 3: "automatic
// reminders when a step has used 75 % of its budget and when it runs over,
// once each").
const (
	RemindThreeQuarters ReminderKind = "step_75"
	RemindOverrun       ReminderKind = "step_over"
)

// RemindAt is when the holder of a step started at start with budget b is
// reminded: once three quarters of the budget is used, and at the step's
// due instant, both moved later by the closed pauses as [Clock.Due] moves
// the due instant.
func (c *Clock) RemindAt(start time.Time, b Budget, pauses []Pause) (threeQuarters, over time.Time, err error) {
	over, err = c.Due(start, b, pauses)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	// Three quarters of the working time, to the minute: a 0.25-day step
	// (2 h) is reminded after 1 h 30 min.
	tq := (c.WorkingTime(b) * 3 / 4).Truncate(time.Minute)
	threeQuarters, err = c.cal.AddWorkingTime(start, tq)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	if p := c.paused(pauses, time.Time{}); p > 0 {
		if threeQuarters, err = c.cal.AddWorkingTime(threeQuarters, p); err != nil {
			return time.Time{}, time.Time{}, err
		}
	}
	return threeQuarters, over, nil
}

// Reminders are the reminders due at now for a step still open, leaving out
// those already sent. A paused step reminds nobody: the applicant has the
// dossier.
func (c *Clock) Reminders(start time.Time, b Budget, pauses []Pause, now time.Time, sent map[ReminderKind]bool) ([]ReminderKind, error) {
	if n := len(pauses); n > 0 && pauses[n-1].To.IsZero() {
		return nil, nil
	}
	tq, over, err := c.RemindAt(start, b, pauses)
	if err != nil {
		return nil, err
	}
	var out []ReminderKind
	if !now.Before(tq) && !sent[RemindThreeQuarters] && now.Before(over) {
		out = append(out, RemindThreeQuarters)
	}
	if !now.Before(over) && !sent[RemindOverrun] {
		out = append(out, RemindOverrun)
	}
	return out, nil
}
