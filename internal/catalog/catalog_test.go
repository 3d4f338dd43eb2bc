package catalog

import (
	"os"
	"strings"
	"testing"
)

func TestParseFile_ReferenceCatalog(t *testing.T) {
	f, err := os.Open("../demo/data/procedures.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	procs, issues, err := ParseFile(f)
	if err != nil {
		t.Fatal(err)
	}
	skipped := 0
	for _, is := range issues {
		if is.Skipped {
			skipped++
		}
	}
	// 90 records; five have no procedure code at all; six carry a Bắc Ninh
	// (H05) suffix, which is a valid province-specific code.
	if len(procs) != 85 || skipped != 5 {
		t.Fatalf("got %d procedures, %d skipped; want 85 and 5 (issues %+v)", len(procs), skipped, issues)
	}
	byCode := map[string]Procedure{}
	for _, p := range procs {
		byCode[p.Code] = p
	}
	birth := byCode["1.001193"]
	if birth.Name != "Thủ tục đăng ký khai sinh" || birth.TimeLimit != (TimeLimit{1, UnitWorkingDays}) {
		t.Fatalf("birth registration parsed wrong: %+v", birth.TimeLimit)
	}
	if byCode["3.000333"].TimeLimit != (TimeLimit{10, UnitDays}) {
		t.Fatalf("calendar-day procedure parsed wrong: %+v", byCode["3.000333"].TimeLimit)
	}
	// The source publishes no time limit for 2.000635; the shipped copy
	// fills it from Decree 123/2015 Art. 64 and says so (issue 21 item 1).
	copyExtract := byCode["2.000635"]
	if fill, ok := copyExtract.FilledIn(FieldTimeLimit); copyExtract.TimeLimit != (TimeLimit{0, UnitSameDay}) || !ok || fill.Basis == "" || copyExtract.FeeVND != 8000 {
		t.Fatalf("2.000635 must be same-day, marked filled with its basis, fee 8000: %+v %+v", copyExtract.TimeLimit, copyExtract.Filled)
	}
	if _, ok := byCode["1.014199.H05"]; !ok {
		t.Fatal("province-specific code 1.014199.H05 must be imported")
	}
	if !strings.Contains(birth.Folded(), "dang ky khai sinh") {
		t.Fatalf("folded key %q", birth.Folded())
	}
}

func TestParseFile_BadRecords(t *testing.T) {
	in := `[
	 {"code":"1.000001","name_vi":"A","processing_days":3,"day_kind":"working","fee_vnd":"Theo quy định"},
	 {"code":"1.000001","name_vi":"A again","processing_days":3},
	 {"code":"x","name_vi":"B"},
	 {"code":"1.000002"},
	 {"code":"1.000003","name_vi":"C","processing_days":-1},
	 7
	]`
	procs, issues, err := ParseFile(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(procs) != 2 {
		t.Fatalf("want 2 imported, got %d", len(procs))
	}
	reasons := map[int]string{}
	for _, is := range issues {
		if is.Skipped {
			reasons[is.Index] = is.Reason
		}
	}
	for i, want := range map[int]string{1: "duplicate", 2: "national form", 3: "no procedure name", 5: "malformed"} {
		if !strings.Contains(reasons[i], want) {
			t.Errorf("record %d: reason %q, want it to mention %q", i, reasons[i], want)
		}
	}
	if procs[0].FeeNote != "Theo quy định" || procs[0].FeeVND != 0 {
		t.Errorf("fee text not kept: %+v", procs[0])
	}
	if _, _, err := ParseFile(strings.NewReader(`{"not":"an array"}`)); err == nil {
		t.Error("an object must be rejected")
	}
}

func TestSameContentIgnoresVersion(t *testing.T) {
	a := Procedure{Code: "1.000001", Name: "A", Version: 1}
	b := a
	b.Version = 2
	if !SameContent(a, b) {
		t.Fatal("versions differ only by number")
	}
	b.FeeVND = 1
	if SameContent(a, b) {
		t.Fatal("fee change must be a new content")
	}
}
