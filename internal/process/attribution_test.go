package process

import (
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/calendar"
)

// history is a finished 1.009645 dossier under 1582/QĐ-UBND received on
// Tuesday 10/2/2026 at 09:00: steps 1–5 keep their budgets (dues as in
// TestStepDue_BacNinh1582_Tet2026), step 6 (7 days, due Monday 2/3 09:00)
// waits for the last consulted agency, and every later step keeps its budget
// from its real start. holders are the agency codes of steps 1–12.
func history(t testing.TB, answers []Answer, step6End string, finished []string) []StepRecord {
	t.Helper()
	p := bacNinh1582(t).Process
	holder := []string{"TTPVHCC", "STC", "STC", "STC", "STC", "", "STC", "STC", "STC", "STC", "UBND", "TTPVHCC"}
	ends := append([]string{"2026-02-10 15:00", "2026-02-10 17:00", "2026-02-11 11:00", "2026-02-11 15:00", "2026-02-12 09:00", step6End}, finished...)
	start := at(t, "2026-02-10 09:00")
	var out []StepRecord
	for i, s := range p.Steps {
		r := StepRecord{Step: i + 1, Name: s.Name, Budget: s.Budget, Agency: holder[i], Started: start, Finished: at(t, ends[i])}
		if i == 5 {
			r.Answers = answers
		}
		out = append(out, r)
		start = r.Finished
	}
	return out
}

// Source: issue 13 "Done when": the consultation step (step 6, 7 days) runs
// two days over and the dossier is attributed to the consulted agency that
// answered last. SXD answered in time, SKHCN one working day late, SNNMT two.
func TestAttribute_BacNinh1582_Step6TwoDaysOver_LastConsultedAgency(t *testing.T) {
	c := NewClock(calendar.Default())
	recs := history(t, []Answer{
		{Agency: "SXD", At: at(t, "2026-02-27 10:00")},
		{Agency: "SNNMT", At: at(t, "2026-03-04 09:00")},
		{Agency: "SKHCN", At: at(t, "2026-03-03 09:00")},
	}, "2026-03-04 09:00", []string{
		"2026-03-06 09:00", "2026-03-09 09:00", "2026-03-10 09:00", "2026-03-10 15:00", "2026-03-13 15:00", "2026-03-16 09:00",
	})
	a, err := c.Attribute(recs)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Late, []int{6}) {
		t.Fatalf("late steps %v, want [6]", a.Late)
	}
	s6 := a.Steps[5]
	if s6.Over != 16*time.Hour || !s6.Measure.Due.Equal(at(t, "2026-03-02 09:00")) || s6.Measure.Timeliness != Late {
		t.Fatalf("step 6 over %s due %s %s, want 16h past 2026-03-02 09:00", s6.Over, s6.Measure.Due, s6.Measure.Timeliness)
	}
	want := []AgencyDelay{{"SNNMT", 16 * time.Hour}, {"SKHCN", 8 * time.Hour}}
	if !slices.Equal(s6.Responsible, want) || !slices.Equal(a.Agencies, want) || a.Responsible() != "SNNMT" {
		t.Fatalf("responsible %v, agencies %v (%q); want %v", s6.Responsible, a.Agencies, a.Responsible(), want)
	}
	if h := a.Agencies[0].OverHours(); h != 16 {
		t.Errorf("over %v working hours, want 16", h)
	}
	for _, s := range a.Steps {
		if s.Step != 6 && s.Measure.Timeliness != OnTime {
			t.Errorf("step %d %s, want on time (kept its budget from its real start)", s.Step, s.Measure.Timeliness)
		}
	}
	// And the dossier is late: 17 working days end Thursday 12/3 at 17:00.
	due, _ := calendar.Default().DueAt(at(t, "2026-02-10 09:00"), calendar.Rule{Amount: 17, Unit: calendar.WorkingDays})
	if last := recs[len(recs)-1].Finished; !last.After(due) {
		t.Fatalf("dossier finished %s, due %s: the scenario must be a late dossier", last, due)
	}
}

// Several steps over: each agency's overruns add up, the largest first; a
// consultation that ended in time blames nobody.
func TestAttribute_SeveralStepsOver(t *testing.T) {
	c := NewClock(calendar.Default())
	recs := history(t, []Answer{
		{Agency: "SXD", At: at(t, "2026-02-27 10:00")},
		{Agency: "SKHCN"}, // never answered: counted at the step's end, in time here
	}, "2026-03-02 09:00", []string{
		"2026-03-04 09:00", // 7: due 4/3 09:00, in time
		"2026-03-05 11:00", // 8: due 5/3 09:00, 2 h over (STC)
		"2026-03-06 15:00", // 9: from 5/3 11:00 due 6/3 11:00, 2 h over (STC)
		"2026-03-09 09:00", // 10: from Fri 15:00, 2 h + 2 h: due Mon 9/3 09:00, in time
		"2026-03-13 09:00", // 11: from Mon 09:00, 6+8+8+2 h: due Thu 12/3 09:00, 8 h over (UBND)
		"2026-03-13 15:00", // 12: 2.5 h + 1.5 h: due 15:00, in time
	})
	a, err := c.Attribute(recs)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Late, []int{8, 9, 11}) {
		t.Fatalf("late %v, want [8 9 11]", a.Late)
	}
	want := []AgencyDelay{{"UBND", 8 * time.Hour}, {"STC", 4 * time.Hour}}
	if !slices.Equal(a.Agencies, want) || a.Responsible() != "UBND" {
		t.Fatalf("agencies %v, want %v", a.Agencies, want)
	}
	if a.Steps[5].Responsible != nil {
		t.Fatalf("step 6 ended in time but blames %v", a.Steps[5].Responsible)
	}
}

// A step that keeps its budget leaves nobody responsible.
func TestAttribute_AllInTime(t *testing.T) {
	c := NewClock(calendar.Default())
	recs := history(t, nil, "2026-03-02 09:00", []string{
		"2026-03-04 09:00", "2026-03-05 09:00", "2026-03-06 09:00", "2026-03-06 15:00", "2026-03-11 15:00", "2026-03-12 09:00",
	})
	a, err := c.Attribute(recs)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Late) != 0 || a.Responsible() != "" || len(a.Steps) != 12 {
		t.Fatalf("late %v responsible %q steps %d", a.Late, a.Responsible(), len(a.Steps))
	}
}

// Every consulted agency answered in time but the step ended two hours past
// its due: the agency that consults (it holds the step) is responsible.
func TestAttribute_ConsultationInTimeHolderLate(t *testing.T) {
	c := NewClock(calendar.Default())
	recs := history(t, []Answer{{Agency: "SXD", At: at(t, "2026-02-27 10:00")}, {Agency: "SKHCN", At: at(t, "2026-02-27 16:00")}},
		"2026-03-02 11:00", []string{
			"2026-03-04 11:00", "2026-03-05 11:00", "2026-03-06 11:00", "2026-03-06 16:00", "2026-03-11 16:00", "2026-03-12 10:00",
		})
	recs[5].Agency = "STC"
	a, err := c.Attribute(recs)
	if err != nil {
		t.Fatal(err)
	}
	if want := []AgencyDelay{{"STC", 2 * time.Hour}}; !slices.Equal(a.Late, []int{6}) || !slices.Equal(a.Agencies, want) {
		t.Fatalf("late %v agencies %v, want [6] %v", a.Late, a.Agencies, want)
	}
}

func TestAttribute_OpenStepRefused(t *testing.T) {
	c := NewClock(calendar.Default())
	recs := history(t, nil, "2026-03-02 09:00", []string{
		"2026-03-04 09:00", "2026-03-05 09:00", "2026-03-06 09:00", "2026-03-06 15:00", "2026-03-11 15:00", "2026-03-12 09:00",
	})
	recs = recs[:7]
	recs = append(recs, StepRecord{Step: 8, Budget: 4, Agency: "STC", Started: recs[6].Finished})
	if _, err := c.Attribute(recs); err == nil {
		t.Fatal("accounted for a dossier whose step 8 is still open")
	}
}
