package process

import (
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
)

// A process whose budgets do not add up to the statutory limit is refused,
// saying by how much (RULES-VN.md §3.1(7)); so is a malformed step.
func TestValidate_Refused(t *testing.T) {
	limit17 := catalog.TimeLimit{Amount: 17, Unit: catalog.UnitWorkingDays}
	for _, c := range []struct {
		name   string
		edit   func(p *Process)
		limit  catalog.TimeLimit
		code   string
		vi, en string
	}{
		{"1582/QĐ-UBND step 11 cut to 2.5 days: half a day short", func(p *Process) { p.Steps[10].Budget = 10 }, limit17,
			"process_budget_short", "thiếu 0,5 ngày làm việc", "0.5 working day short"},
		{"1582/QĐ-UBND step 6 raised to 8 days: over by a day", func(p *Process) { p.Steps[5].Budget = Days(8) }, limit17,
			"process_budget_over", "thừa 1 ngày làm việc", "by 1 working day"},
		{"1582/QĐ-UBND against a 15-working-day limit: over by 2 days", func(p *Process) {}, catalog.TimeLimit{Amount: 15, Unit: catalog.UnitWorkingDays},
			"process_budget_over", "thừa 2 ngày làm việc", "by 2 working days"},
		{"step 12 with no time", func(p *Process) { p.Steps[11].Budget = 0 }, limit17,
			"process_step_budget", "Bước 12", "Step 12"},
		{"step 6 consultation with no agency", func(p *Process) { p.Steps[5].Holder.Agencies = nil }, limit17,
			"process_step_consulted", "Bước 6", "Step 6"},
		{"step 6 consulting one agency twice", func(p *Process) { p.Steps[5].Holder.Agencies = []string{"SXD", "SXD"} }, limit17,
			"process_step_consulted", "trùng", "repeated"},
		{"consulted agencies acting outside a consultation", func(p *Process) { p.Steps[2].Role = RoleConsulted }, limit17,
			"process_step_consulted", "Bước 3", "Step 3"},
		{"step without a name", func(p *Process) { p.Steps[0].Name = " " }, limit17,
			"process_step_name", "Bước 1", "Step 1"},
		{"step without a role", func(p *Process) { p.Steps[1].Role = "" }, limit17,
			"process_step_role", "Bước 2", "Step 2"},
		{"named agency without a code", func(p *Process) { p.Steps[2].Holder = Holder{Kind: HolderAgency} }, limit17,
			"process_step_agency", "Bước 3", "Step 3"},
		{"form output without its number", func(p *Process) { p.Steps[0].Output.Form = "" }, limit17,
			"process_step_form", "Bước 1", "Step 1"},
		{"no steps", func(p *Process) { p.Steps = nil }, limit17,
			"process_no_steps", "ít nhất một bước", "at least one step"},
		{"procedure without a time limit", func(p *Process) {}, catalog.TimeLimit{},
			"process_no_time_limit", "chưa có thời hạn", "no statutory time limit"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := bacNinh1582(t).Process
			p.Steps = append([]Step(nil), p.Steps...)
			c.edit(&p)
			e, ok := apperr.As(p.Validate(c.limit))
			if !ok {
				t.Fatalf("accepted, want %s", c.code)
			}
			if e.Code != c.code || e.Kind != apperr.Invalid || !strings.Contains(e.MessageVi, c.vi) || !strings.Contains(e.Message, c.en) {
				t.Fatalf("got %s %q / %q, want %s with %q / %q", e.Code, e.MessageVi, e.Message, c.code, c.vi, c.en)
			}
		})
	}
}

func TestValidate_ShortMessageInFull(t *testing.T) {
	p := bacNinh1582(t).Process
	p.Steps[10].Budget = 10
	e, _ := apperr.As(p.Validate(catalog.TimeLimit{Amount: 17, Unit: catalog.UnitWorkingDays}))
	if e == nil || e.MessageVi != "Tổng thời gian các bước là 16,5 ngày làm việc, thiếu 0,5 ngày làm việc so với thời hạn giải quyết 17 ngày làm việc." ||
		e.Message != "The steps add up to 16.5 working days: 0.5 working day short of the statutory 17 working days." {
		t.Fatalf("got %+v", e)
	}
}

// Limits in other units convert as LimitBudget says (RULES-VN §3.1, §3.3).
func TestLimitBudget(t *testing.T) {
	for _, c := range []struct {
		name  string
		limit catalog.TimeLimit
		want  Budget
		exact bool
	}{
		{"17 working days (1.009645)", catalog.TimeLimit{Amount: 17, Unit: catalog.UnitWorkingDays}, Days(17), true},
		{"1 calendar day, Civil Code Art. 148 rolls a weekend end to Monday", catalog.TimeLimit{Amount: 1, Unit: catalog.UnitDays}, Days(1), true},
		{"2 calendar days received on a Friday hold only Monday", catalog.TimeLimit{Amount: 2, Unit: catalog.UnitDays}, Days(1), true},
		{"7 calendar days hold 5 working days", catalog.TimeLimit{Amount: 7, Unit: catalog.UnitDays}, Days(5), true},
		{"15 calendar days hold at least 11", catalog.TimeLimit{Amount: 15, Unit: catalog.UnitDays}, Days(11), true},
		{"30 calendar days hold at least 21", catalog.TimeLimit{Amount: 30, Unit: catalog.UnitDays}, Days(21), true},
		{"same day (15:00 cut-off) is at most one working day", catalog.TimeLimit{Unit: catalog.UnitSameDay}, Days(1), true},
		{"4 working hours are half a day of 8 h", catalog.TimeLimit{Amount: 4, Unit: "working_hours"}, 2, true},
		{"24 working hours are 3 days", catalog.TimeLimit{Amount: 24, Unit: "working_hours"}, Days(3), true},
		{"3 working hours round up to half a day", catalog.TimeLimit{Amount: 3, Unit: "working_hours"}, 2, false},
	} {
		got, exact, err := LimitBudget(c.limit)
		if err != nil || got != c.want || exact != c.exact {
			t.Errorf("%s: LimitBudget(%+v) = %s days exact=%v %v, want %s exact=%v", c.name, c.limit, got, exact, err, c.want, c.exact)
		}
	}
}
