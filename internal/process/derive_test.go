package process

import (
	"testing"

	"github.com/motcua/motcua/internal/catalog"
)

// Procedures without an approved process get one derived from the time
// limit; its budgets add up exactly and it validates.
func TestDerive(t *testing.T) {
	for _, c := range []struct {
		name   string
		limit  catalog.TimeLimit
		steps  []string // budgets in days
		detail string
	}{
		{"17 working days (1.009645 without the Bắc Ninh variant)", catalog.TimeLimit{Amount: 17, Unit: catalog.UnitWorkingDays}, []string{"0.5", "0.25", "14.75", "1", "0.5"}, ""},
		{"5 working days: the long split starts", catalog.TimeLimit{Amount: 5, Unit: catalog.UnitWorkingDays}, []string{"0.5", "0.25", "2.75", "1", "0.5"}, ""},
		{"3 working days (1.008498 first tax registration)", catalog.TimeLimit{Amount: 3, Unit: catalog.UnitWorkingDays}, []string{"0.25", "0.25", "2", "0.25", "0.25"}, ""},
		{"2 working days", catalog.TimeLimit{Amount: 2, Unit: catalog.UnitWorkingDays}, []string{"0.25", "0.25", "1", "0.25", "0.25"}, ""},
		{"1 working day: single step", catalog.TimeLimit{Amount: 1, Unit: catalog.UnitWorkingDays}, []string{"1"}, ""},
		{"same day: single step", catalog.TimeLimit{Unit: catalog.UnitSameDay}, []string{"1"}, ""},
		{"15 calendar days: 11 working days", catalog.TimeLimit{Amount: 15, Unit: catalog.UnitDays}, []string{"0.5", "0.25", "8.75", "1", "0.5"}, ""},
		{"4 working hours: single step of half a day", catalog.TimeLimit{Amount: 4, Unit: "working_hours"}, []string{"0.5"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := Derive("1.000001", 3, c.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !p.Derived || p.ProcedureCode != "1.000001" || p.ProcedureVersion != 3 || p.Variant() {
				t.Fatalf("identity %+v", p)
			}
			var got []string
			for _, s := range p.Steps {
				got = append(got, s.Budget.String())
			}
			if len(got) != len(c.steps) {
				t.Fatalf("budgets %v, want %v", got, c.steps)
			}
			for i := range got {
				if got[i] != c.steps[i] {
					t.Fatalf("budgets %v, want %v", got, c.steps)
				}
			}
			if err := p.Validate(c.limit); err != nil {
				t.Fatalf("derived process does not validate: %v", err)
			}
		})
	}
	if _, err := Derive("1.000001", 1, catalog.TimeLimit{}); err == nil {
		t.Fatal("derived a process for a procedure without a time limit")
	}
}
