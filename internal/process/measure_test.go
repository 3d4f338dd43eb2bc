package process

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/calendar"
)

// Supplementation pauses the step that holds the dossier, like the dossier's
// own clock (RULES-VN.md §3.1(4)): 1582/QĐ-UBND step 7 (2 days) drafts the
// supplementation notice on Tuesday 3/3/2026 at 10:00; the applicant
// supplements on Monday 9/3 at 14:00. 9 h were used before the pause (Mon
// 09:00–17:00 6 h, Tue 07:00–10:00 3 h), 7 h remain from the resumption
// (Mon 14:00–17:00, Tue 07:00–11:00): due Tuesday 10/3 at 11:00 instead of
// Wednesday 4/3 at 09:00.
func TestMeasure_SupplementationPausesStep7(t *testing.T) {
	c := NewClock(calendar.Default())
	start := at(t, "2026-03-02 09:00")
	pause := []Pause{{From: at(t, "2026-03-03 10:00"), To: at(t, "2026-03-09 14:00")}}
	for _, tc := range []struct {
		name       string
		pauses     []Pause
		end, now   string
		due        string
		timeliness Timeliness
		used, over int // working minutes
		paused     bool
	}{
		{"finished in the last quarter of the budget: on time", pause, "2026-03-10 10:00", "", "2026-03-10 11:00", OnTime, 15 * 60, -60, false},
		{"finished with more than a quarter day left: early", pause, "2026-03-10 08:30", "", "2026-03-10 11:00", Early, 13*60 + 30, -150, false},
		{"finished half an hour past its due: late", pause, "2026-03-10 11:30", "", "2026-03-10 11:00", Late, 16*60 + 30, 30, false},
		{"the same hand-over without the pause is 33 h late", nil, "2026-03-10 10:00", "", "2026-03-04 09:00", Late, 49 * 60, 33 * 60, false},
		{"still with the applicant a week later: the clock stands still", []Pause{{From: at(t, "2026-03-03 10:00")}}, "", "2026-03-10 16:00", "2026-03-04 09:00", InTime, 9 * 60, -7 * 60, true},
		{"resumed and open: in time until 11:00 Tuesday", pause, "", "2026-03-10 10:59", "2026-03-10 11:00", InTime, 15*60 + 59, -1, false},
		{"resumed and open past its due: overdue", pause, "", "2026-03-10 13:30", "2026-03-10 11:00", Overdue, 16*60 + 30, 30, false},
	} {
		var end, now time.Time
		if tc.end != "" {
			end = at(t, tc.end)
		}
		if tc.now != "" {
			now = at(t, tc.now)
		}
		m, err := c.Measure(start, end, Days(2), tc.pauses, now)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !m.Due.Equal(at(t, tc.due)) || m.Timeliness != tc.timeliness || m.UsedMinutes() != tc.used || m.OverMinutes() != tc.over || m.Paused != tc.paused || m.BudgetMinutes() != 16*60 {
			t.Errorf("%s: due %s %s used %d over %d paused %v budget %d; want %s %s used %d over %d paused %v",
				tc.name, m.Due.Format("2006-01-02 15:04"), m.Timeliness, m.UsedMinutes(), m.OverMinutes(), m.Paused, m.BudgetMinutes(),
				tc.due, tc.timeliness, tc.used, tc.over, tc.paused)
		}
	}
}

// A hand-over during lunch after an 11:30 due is late (the due instant has
// passed, as for the dossier) though no working time ran over.
func TestMeasure_LateInLunchBreak(t *testing.T) {
	c := NewClock(calendar.Default())
	m, err := c.Measure(at(t, "2026-03-10 09:30"), at(t, "2026-03-10 12:00"), 1, nil, time.Time{})
	if err != nil || m.Timeliness != Late || m.OverMinutes() != 0 || !m.Due.Equal(at(t, "2026-03-10 11:30")) {
		t.Fatalf("%+v %v", m, err)
	}
}

func TestMeasure_Refused(t *testing.T) {
	c := NewClock(calendar.Default())
	start := at(t, "2026-03-02 09:00")
	for _, tc := range []struct {
		name   string
		end    string
		pauses []Pause
	}{
		{"pause before the step starts", "", []Pause{{From: at(t, "2026-03-01 09:00"), To: at(t, "2026-03-02 10:00")}}},
		{"pauses overlapping", "", []Pause{{From: at(t, "2026-03-02 10:00"), To: at(t, "2026-03-03 10:00")}, {From: at(t, "2026-03-03 09:00"), To: at(t, "2026-03-03 11:00")}}},
		{"an open pause before a closed one", "", []Pause{{From: at(t, "2026-03-02 10:00")}, {From: at(t, "2026-03-03 09:00"), To: at(t, "2026-03-03 11:00")}}},
		{"a pause ending before it starts", "", []Pause{{From: at(t, "2026-03-03 10:00"), To: at(t, "2026-03-02 10:00")}}},
		{"finished while paused", "2026-03-04 09:00", []Pause{{From: at(t, "2026-03-03 10:00")}}},
		{"finished before it started", "2026-03-01 09:00", nil},
	} {
		var end time.Time
		if tc.end != "" {
			end = at(t, tc.end)
		}
		if _, err := c.Measure(start, end, Days(1), tc.pauses, at(t, "2026-03-05 09:00")); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}
