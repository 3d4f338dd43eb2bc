package process

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/calendar"
)

// Bắc Ninh 1582/QĐ-UBND, 1.009645: the 12 steps run back to back, each
// handed over at its own due instant, on the calendar's real 2026 schedule
// (Tết: Saturday 14 to Sunday 22 February 2026 off). A quarter day is 2 h of
// the 8-hour day (07:00–11:30, 13:30–17:00). Expected instants worked out by
// hand, not by the code.
func TestStepDue_BacNinh1582_Tet2026(t *testing.T) {
	p := bacNinh1582(t).Process
	c := NewClock(calendar.Default())
	if c.Day() != 8*time.Hour || c.WorkingTime(1) != 2*time.Hour {
		t.Fatalf("day %s, quarter %s; want 8h and 2h", c.Day(), c.WorkingTime(1))
	}
	want := []struct{ due, why string }{
		{"2026-02-10 15:00", "step 1, 0.5 day from Tue 09:00: 2.5 h to 11:30, lunch, 1.5 h"},
		{"2026-02-10 17:00", "step 2, 0.25 day ends at closing, not the next morning"},
		{"2026-02-11 11:00", "step 3, 0.5 day from 17:00: overnight, 4 h Wednesday morning"},
		{"2026-02-11 15:00", "step 4, 0.25 day across lunch: 0.5 h + 1.5 h"},
		{"2026-02-12 09:00", "step 5, 0.5 day: 2 h Wednesday, 2 h Thursday"},
		{"2026-03-02 09:00", "step 6, 7 days: Thu 6 h, Fri 8 h, Tết 14–22/2 off, 23–27/2 40 h, weekend, Mon 2 h"},
		{"2026-03-04 09:00", "step 7, 2 days"},
		{"2026-03-05 09:00", "step 8, 1 day"},
		{"2026-03-06 09:00", "step 9, 1 day"},
		{"2026-03-06 15:00", "step 10, 0.5 day across lunch"},
		{"2026-03-11 15:00", "step 11, 3 days over a weekend: Fri 2 h, Mon, Tue, Wed 6 h"},
		{"2026-03-12 09:00", "step 12, 0.5 day"},
	}
	start := at(t, "2026-02-10 09:00")
	for i, s := range p.Steps {
		due, err := c.Due(start, s.Budget, nil)
		if err != nil {
			t.Fatal(err)
		}
		if w := at(t, want[i].due); !due.Equal(w) {
			t.Errorf("%s: due %s, want %s", want[i].why, due.Format("2006-01-02 15:04"), want[i].due)
		}
		start = due
	}
	// The steps end within the dossier's own due date: 17 working days from
	// the day after receipt (Civil Code Art. 147), 17:00 on Thursday 12/3.
	dossierDue, err := calendar.Default().DueAt(at(t, "2026-02-10 09:00"), calendar.Rule{Amount: 17, Unit: calendar.WorkingDays})
	if err != nil || start.After(dossierDue) || !dossierDue.Equal(at(t, "2026-03-12 17:00")) {
		t.Fatalf("steps end %s, dossier due %s (%v)", start, dossierDue, err)
	}
}

// Single steps across weekends, swapped days and Tết 2027 (the calendar's
// proposed 2027 schedule: Thursday 4 to Wednesday 10 February off).
func TestStepDue_Calendar(t *testing.T) {
	short, err := calendar.New(calendar.Config{
		Hours:         []calendar.Period{{Start: 7*time.Hour + 30*time.Minute, End: 11*time.Hour + 30*time.Minute}, {Start: 13*time.Hour + 30*time.Minute, End: 17 * time.Hour}},
		SameDayCutoff: 15 * time.Hour, FirstYear: 2020, LastYear: 2030,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		cal    *calendar.Calendar
		start  string
		budget Budget
		due    string
	}{
		{"0.25 day from Friday 16:00 ends Monday 08:00 (weekend)", nil, "2026-03-06 16:00", 1, "2026-03-09 08:00"},
		{"0.5 day from 10:30: 1 h, lunch, 3 h to 16:30", nil, "2026-03-10 10:30", 2, "2026-03-10 16:30"},
		{"a step handed over during lunch starts at 13:30", nil, "2026-03-10 12:15", 1, "2026-03-10 15:30"},
		{"a step handed over on a Sunday starts Monday morning", nil, "2026-03-08 10:00", 2, "2026-03-09 11:00"},
		{"1 day from Friday 9/1/2026 15:00 ends on the make-up Saturday 10/1 at 15:00", nil, "2026-01-09 15:00", 4, "2026-01-10 15:00"},
		{"1 day from Wednesday 3/2/2027 15:00 jumps Tết 2027 to Thursday 11/2 15:00", nil, "2027-02-03 15:00", 4, "2027-02-11 15:00"},
		{"0.75 day from Wednesday 29/4/2026 15:00 over 30/4, 1/5 and the weekend", nil, "2026-04-29 15:00", 3, "2026-05-04 11:00"},
		{"7.5-hour day: a quarter is 1 h 52.5 min", short, "2026-03-10 07:30", 1, "2026-03-10 09:22"},
		{"7.5-hour day: half a day from 09:30 crosses lunch", short, "2026-03-10 09:30", 2, "2026-03-10 15:15"},
	} {
		cal := c.cal
		if cal == nil {
			cal = calendar.Default()
		}
		got, err := NewClock(cal).Due(at(t, c.start), c.budget, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if w := at(t, c.due); !got.Truncate(time.Minute).Equal(w) {
			t.Errorf("%s: due %s, want %s", c.name, got.Format("2006-01-02 15:04:05"), c.due)
		}
	}
}
