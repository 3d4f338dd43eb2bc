package process

import (
	"os"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
)

// Source: reference/procedures.json, 1.009645 province_variant, Decision
// 1582/QĐ-UBND Bắc Ninh (operations-and-figures.md §5): 12 steps, 17 days.
func TestImport_BacNinh1582_TwelveSteps(t *testing.T) {
	f, err := os.Open("../demo/data/procedures.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, issues, err := ParseFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("imported %d processes, want the one variant the catalogue carries", len(got))
	}
	g := got[0]
	p := g.Process
	if p.ProcedureCode != "1.009645" || p.VariantCode != "1.009645.H05" || p.Province != "Bắc Ninh" || !p.Variant() || p.Derived {
		t.Fatalf("identity = %q %q %q variant=%v derived=%v", p.ProcedureCode, p.VariantCode, p.Province, p.Variant(), p.Derived)
	}
	if p.Decision != "1582/QĐ-UBND" {
		t.Errorf("decision = %q", p.Decision)
	}
	if g.Limit != (catalog.TimeLimit{Amount: 17, Unit: catalog.UnitWorkingDays}) {
		t.Errorf("limit = %+v", g.Limit)
	}
	want := []struct {
		budget string
		role   Role
		holder HolderKind
		output OutputKind
		prefix string
	}{
		{"0.5", RoleOneStop, HolderCenter, OutputForm, "Tiếp nhận, số hoá"},
		{"0.25", RoleDivisionLeader, HolderProcessing, OutputAssignment, "Phân công"},
		{"0.5", RoleSpecialist, HolderProcessing, OutputDocument, "Thẩm định"},
		{"0.25", RoleDivisionLeader, HolderProcessing, OutputDocument, "Lãnh đạo phòng trình"},
		{"0.5", RoleAgencyLeader, HolderProcessing, OutputDocument, "Lãnh đạo Sở ký văn bản lấy ý kiến"},
		{"7", RoleConsulted, HolderConsulted, OutputOpinion, "Các Sở, ban, ngành cho ý kiến"},
		{"2", RoleSpecialist, HolderProcessing, OutputDocument, "Tổng hợp ý kiến"},
		{"1", RoleDivisionLeader, HolderProcessing, OutputDocument, "Lãnh đạo phòng xem xét"},
		{"1", RoleAgencyLeader, HolderProcessing, OutputDocument, "Lãnh đạo Sở ký"},
		{"0.5", RoleClerk, HolderProcessing, OutputDocument, "Văn thư Sở"},
		{"3", RolePPCLeader, HolderPPC, OutputDecision, "UBND tỉnh"},
		{"0.5", RoleOneStop, HolderCenter, OutputResult, "Số hoá, trả kết quả"},
	}
	if len(p.Steps) != len(want) {
		t.Fatalf("%d steps, want %d", len(p.Steps), len(want))
	}
	for i, w := range want {
		s := p.Steps[i]
		if s.Budget.String() != w.budget || s.Role != w.role || s.Holder.Kind != w.holder || s.Output.Kind != w.output || !strings.HasPrefix(s.Name, w.prefix) {
			t.Errorf("step %d = %q %s %s %s %s, want %q… %s %s %s %s", i+1, s.Name, s.Budget, s.Role, s.Holder.Kind, s.Output.Kind, w.prefix, w.budget, w.role, w.holder, w.output)
		}
	}
	if f := p.Steps[0].Output; f.Form != "01" || f.Circular != Circular012018 {
		t.Errorf("step 1 output = %+v, want Form 01 of Circular 01/2018", f)
	}
	if p.Total() != Days(17) {
		t.Errorf("total = %s days, want 17", p.Total())
	}
	// The source names no consulted agency: reported, and refused until named.
	if len(issues) != 2 || issues[0].Step != 6 || issues[1].Step != 0 {
		t.Fatalf("issues = %+v, want step 6 unnamed agencies and the validation failure", issues)
	}
	e, ok := apperr.As(p.Validate(g.Limit))
	if !ok || e.Code != "process_step_consulted" || !strings.Contains(e.MessageVi, "Bước 6") {
		t.Fatalf("validate before naming agencies = %v", e)
	}
	p.Steps[5].Holder.Agencies = consulted
	if err := p.Validate(g.Limit); err != nil {
		t.Fatalf("with agencies named: %v", err)
	}
}

func TestParseDays(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Budget
		ok   bool
	}{
		{"0.25", 1, true}, {"0,5", 2, true}, {"0.75", 3, true}, {"7", 28, true}, {"17.0", 68, true}, {".5", 2, true},
		{"0.3", 0, false}, {"0.125", 0, false}, {"-1", 0, false}, {"abc", 0, false}, {"", 0, true},
	} {
		got, err := ParseDays(c.in)
		if (err == nil) != c.ok || (c.ok && got != c.want) {
			t.Errorf("ParseDays(%q) = %d, %v; want %d ok=%v", c.in, got, err, c.want, c.ok)
		}
	}
}
