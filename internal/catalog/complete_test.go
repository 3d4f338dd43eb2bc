package catalog

import (
	"strings"
	"testing"
)

// A procedure without a time limit takes no online dossier: the due date
// cannot be computed (RULES-VN §3). Every procedure
// of the shipped catalogue has one, or is marked as looked up and not found;
// a new procedure without one fails here until someone looks it up.
func TestShippedCatalogue_EveryTimeLimitSetOrMarked(t *testing.T) {
	by := shipped(t)
	var procs []Procedure
	for _, p := range by {
		procs = append(procs, p)
	}
	kinds := map[string]map[string]int{}
	for _, g := range Check(procs) {
		if g.Kind == GapMissing {
			t.Errorf("%s: no %s and not marked: fill it in with its basis (\"filled\" in procedures.json) or mark it unknown", g.Code, g.Field)
		}
		if g.Kind != GapMissing && g.Basis == "" {
			t.Errorf("%s: %s marked without a basis", g.Code, g.Field)
		}
		if kinds[g.Field] == nil {
			kinds[g.Field] = map[string]int{}
		}
		kinds[g.Field][g.Kind]++
	}
	// The crawl: 6 importable procedures publish no time limit (a 7th record
	// without one has no code and is skipped), 17 lost their unit.
	if n := kinds[FieldTimeLimit][GapFilled]; n != 6 {
		t.Errorf("filled time limits: %d, want 6", n)
	}
	if n := kinds[FieldTimeUnit][GapFilled]; n != 17 {
		t.Errorf("filled time units: %d, want 17", n)
	}
	for _, code := range []string{"2.000635", "2.000815", "2.000884", "2.001035", "2.001019", "2.001263"} {
		if !by[code].TimeLimit.Set() {
			t.Errorf("%s: time limit still unset", code)
		}
	}
	if by["2.001263"].TimeLimit != (TimeLimit{30, UnitDays}) {
		t.Errorf("adoption (Law 52/2010 Art. 19): %+v", by["2.001263"].TimeLimit)
	}
	if f, _ := by["1.001193"].FilledIn(FieldTimeUnit); !strings.Contains(f.Basis, "60/2014/QH13") {
		t.Errorf("birth registration unit basis: %q", f.Basis)
	}
}

func TestCheck_Kinds(t *testing.T) {
	procs := []Procedure{
		{Code: "1.000001"},
		{Code: "1.000002", Filled: []Fill{{Field: FieldTimeLimit, Basis: "tra cứu 01/2026", Unknown: true}}},
		{Code: "1.000003", TimeLimit: TimeLimit{3, UnitWorkingDays}},
		{Code: "1.000004", TimeLimit: TimeLimit{3, ""}},
	}
	got := map[string]string{}
	for _, g := range Check(procs) {
		got[g.Code+" "+g.Field] = g.Kind
	}
	want := map[string]string{"1.000001 time_limit": GapMissing, "1.000002 time_limit": GapUnknown, "1.000004 time_limit": GapMissing, "1.000004 time_unit": GapMissing}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}

// The national catalogue pull replaces filled-in values it publishes and
// keeps the fills it still lacks.
func TestCorrect_NationalPullReplacesFills(t *testing.T) {
	local := Procedure{Code: "2.000635", TimeLimit: TimeLimit{0, UnitSameDay},
		Filled: []Fill{{Field: FieldTimeLimit, Basis: "123/2015/NĐ-CP Điều 64"}}}
	if got := Correct(local, Procedure{Code: "2.000635"}); got.TimeLimit != local.TimeLimit || len(got.Filled) != 1 {
		t.Fatalf("a national version still without a limit must keep the fill: %+v", got)
	}
	got := Correct(local, Procedure{Code: "2.000635", TimeLimit: TimeLimit{1, UnitWorkingDays}})
	if got.TimeLimit != (TimeLimit{1, UnitWorkingDays}) || len(got.Filled) != 0 {
		t.Fatalf("the published limit must replace the fill: %+v", got)
	}
	unit := Procedure{Code: "1.001193", TimeLimit: TimeLimit{1, UnitWorkingDays}, Filled: []Fill{{Field: FieldTimeUnit, Basis: "x"}}}
	filledThere := Procedure{Code: "1.001193", TimeLimit: TimeLimit{1, UnitDays}, Filled: []Fill{{Field: FieldTimeUnit, Basis: "y"}}}
	if got := Correct(unit, filledThere); got.TimeLimit.Unit != UnitWorkingDays {
		t.Fatalf("a value filled in elsewhere is no correction: %+v", got)
	}
}

func TestParseFile_Fills(t *testing.T) {
	in := `[
	 {"code":"1.000001","name_vi":"A","filled":[{"field":"time_limit","amount":0,"unit":"same_day","basis":"123/2015/NĐ-CP Điều 64"}]},
	 {"code":"1.000002","name_vi":"B","filled":[{"field":"time_limit","amount":3,"unit":"working_days"}]},
	 {"code":"1.000003","name_vi":"C","filled":[{"field":"time_limit","amount":-2,"unit":"days","basis":"x"}]},
	 {"code":"1.000004","name_vi":"D","filled":[{"field":"time_limit","unknown":true,"basis":"tra cứu CSDL 12/2026"}]},
	 {"code":"1.000005","name_vi":"E","processing_days":5,"filled":[{"field":"time_unit","unit":"days","basis":"Luật X Điều 1"}]},
	 {"code":"1.000006","name_vi":"F","processing_days":5}
	]`
	procs, issues, err := ParseFile(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]Procedure{}
	for _, p := range procs {
		by[p.Code] = p
	}
	skipped := map[string]string{}
	for _, is := range issues {
		if is.Skipped {
			skipped[is.Code] = is.Reason
		}
	}
	if !strings.Contains(skipped["1.000002"], "basis") || !strings.Contains(skipped["1.000003"], "not a time limit") {
		t.Errorf("a fill without basis or with a bad value must be refused: %v", skipped)
	}
	if by["1.000001"].TimeLimit != (TimeLimit{0, UnitSameDay}) {
		t.Errorf("same-day fill: %+v", by["1.000001"])
	}
	if d := by["1.000004"]; d.TimeLimit.Set() || len(d.Filled) != 1 || !d.Filled[0].Unknown {
		t.Errorf("unknown fill: %+v", d)
	}
	if e := by["1.000005"]; e.TimeLimit != (TimeLimit{5, UnitDays}) {
		t.Errorf("unit fill: %+v", e)
	}
	if f, ok := by["1.000006"].FilledIn(FieldTimeUnit); !ok || by["1.000006"].TimeLimit.Unit != UnitWorkingDays || !strings.Contains(f.Basis, "RULES-VN") {
		t.Errorf("an assumed unit must be marked with its convention: %+v", by["1.000006"])
	}
}
