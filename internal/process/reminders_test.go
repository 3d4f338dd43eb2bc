package process

import (
	"slices"
	"testing"

	"github.com/motcua/motcua/internal/calendar"
)

// Source: issue 13 item 3, reminders at 75 % of a step's budget and when it
// runs over, once each; working time from the calendar (07:00–11:30,
// 13:30–17:00, Monday to Friday), paused during supplementation like the
// step's due (RULES-VN.md §3.1(4)).
func TestReminders_ThreeQuartersAndOverrun(t *testing.T) {
	c := NewClock(calendar.Default())
	for _, tc := range []struct {
		name     string
		start    string
		budget   Budget
		pauses   []Pause
		tq, over string
		now      string
		sent     map[ReminderKind]bool
		want     []ReminderKind
	}{
		{"0.25 day across a weekend: 1 h 30 on Friday and Monday", "2026-03-06 16:00", 1, nil,
			"2026-03-09 07:30", "2026-03-09 08:00", "2026-03-09 07:45", nil, []ReminderKind{RemindThreeQuarters}},
		{"0.5 day across lunch: 1 h 30 before, 2 h 30 after", "2026-03-10 10:00", 2, nil,
			"2026-03-10 15:00", "2026-03-10 16:00", "2026-03-10 13:00", nil, nil},
		{"overrun, the 75 % one never sent: only the overrun", "2026-03-10 10:00", 2, nil,
			"2026-03-10 15:00", "2026-03-10 16:00", "2026-03-10 16:30", nil, []ReminderKind{RemindOverrun}},
		{"each once", "2026-03-10 10:00", 2, nil,
			"2026-03-10 15:00", "2026-03-10 16:00", "2026-03-10 15:30", map[ReminderKind]bool{RemindThreeQuarters: true}, nil},
		{"supplementation (Decree 118/2025 Art. 11(2)) moves both by the paused working time", "2026-02-10 17:00", 2,
			[]Pause{{From: at(t, "2026-02-11 08:00"), To: at(t, "2026-02-11 10:00")}},
			"2026-02-11 14:00", "2026-02-11 15:00", "2026-02-11 14:10", nil, []ReminderKind{RemindThreeQuarters}},
		{"a paused step reminds nobody", "2026-03-10 10:00", 2, []Pause{{From: at(t, "2026-03-10 11:00")}},
			"2026-03-10 15:00", "2026-03-10 16:00", "2026-03-11 16:00", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			closed := tc.pauses
			if n := len(closed); n > 0 && closed[n-1].To.IsZero() {
				closed = closed[:n-1]
			}
			tq, over, err := c.RemindAt(at(t, tc.start), tc.budget, closed)
			if err != nil {
				t.Fatal(err)
			}
			if !tq.Equal(at(t, tc.tq)) || !over.Equal(at(t, tc.over)) {
				t.Fatalf("remind at %s and %s, want %s and %s", tq, over, tc.tq, tc.over)
			}
			got, err := c.Reminders(at(t, tc.start), tc.budget, tc.pauses, at(t, tc.now), tc.sent)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("reminders at %s: %v, want %v", tc.now, got, tc.want)
			}
		})
	}
}
