package eform_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/eform"
	"github.com/motcua/motcua/internal/langcheck"
)

func minimal() eform.Form {
	return eform.Form{Procedure: "1.001193", Version: 1, Title: eform.Text{Vi: "Tờ khai", En: "Declaration"},
		Groups: []eform.Group{{Key: "child", Label: eform.Text{Vi: "Thông tin trẻ", En: "The child"},
			Fields: []eform.Field{{Key: "full_name", Label: eform.Text{Vi: "Họ tên", En: "Full name"}, Type: eform.TypeText, Required: true}}}}}
}

// An administrator edits definitions; each mistake is named before the
// form reaches a citizen.
func TestCheck_Definition(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*eform.Form)
		code   string
	}{
		{"valid", func(*eform.Form) {}, ""},
		{"procedure_code_not_national_form", func(f *eform.Form) { f.Procedure = "khai-sinh" }, "eform_def_procedure"},
		{"version_zero", func(f *eform.Form) { f.Version = 0 }, "eform_def_version"},
		{"title_without_english", func(f *eform.Form) { f.Title.En = "" }, "eform_def_title"},
		{"no_group", func(f *eform.Form) { f.Groups = nil }, "eform_def_groups"},
		{"group_key_repeated", func(f *eform.Form) { f.Groups = append(f.Groups, f.Groups[0]) }, "eform_def_group_key"},
		{"field_key_with_dot", func(f *eform.Form) { f.Groups[0].Fields[0].Key = "a.b" }, "eform_def_field_key"},
		{"field_label_without_vietnamese", func(f *eform.Form) { f.Groups[0].Fields[0].Label.Vi = "" }, "eform_def_label"},
		{"help_in_one_language_only", func(f *eform.Form) { f.Groups[0].Fields[0].Help = eform.Text{Vi: "Ghi rõ"} }, "eform_def_help"},
		{"unknown_type", func(f *eform.Form) { f.Groups[0].Fields[0].Type = "file" }, "eform_def_type"},
		{"select_without_options", func(f *eform.Form) { f.Groups[0].Fields[0].Type = eform.TypeSelect }, "eform_def_options"},
		{"options_on_text", func(f *eform.Form) {
			f.Groups[0].Fields[0].Options = []eform.Option{{Value: "a", Label: eform.Text{Vi: "A", En: "A"}}}
		}, "eform_def_options"},
		{"pattern_not_compiling", func(f *eform.Form) { f.Groups[0].Fields[0].Pattern = "([" }, "eform_def_pattern"},
		{"pattern_on_a_date", func(f *eform.Form) { f.Groups[0].Fields[0].Type, f.Groups[0].Fields[0].Pattern = eform.TypeDate, "x" }, "eform_def_pattern"},
		{"date_bound_malformed", func(f *eform.Form) {
			f.Groups[0].Fields[0].Type, f.Groups[0].Fields[0].Max = eform.TypeDate, "tomorrow"
		}, "eform_def_bounds"},
		{"number_bounds_reversed", func(f *eform.Form) {
			f.Groups[0].Fields[0].Type, f.Groups[0].Fields[0].Min, f.Groups[0].Fields[0].Max = eform.TypeNumber, "5", "1"
		}, "eform_def_bounds"},
		{"bounds_on_text", func(f *eform.Form) { f.Groups[0].Fields[0].Min = "1" }, "eform_def_bounds"},
		{"not_before_unknown_field", func(f *eform.Form) {
			f.Groups[0].Fields[0].Type, f.Groups[0].Fields[0].NotBefore = eform.TypeDate, "child.nothing"
		}, "eform_def_not_before"},
		{"not_before_itself", func(f *eform.Form) {
			f.Groups[0].Fields[0].Type, f.Groups[0].Fields[0].NotBefore = eform.TypeDate, "child.full_name"
		}, "eform_def_not_before"},
		{"not_before_on_text", func(f *eform.Form) { f.Groups[0].Fields[0].NotBefore = "child.full_name" }, "eform_def_not_before"},
		{"max_len_over_limit", func(f *eform.Form) { f.Groups[0].Fields[0].MaxLen = eform.MaxValueLen + 1 }, "eform_def_max_len"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := minimal()
			c.mutate(&f)
			err := f.Check()
			if c.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			e, ok := apperr.As(err)
			if !ok || e.Code != c.code {
				t.Fatalf("got %v, want %s", err, c.code)
			}
			if w := langcheck.English(e.MessageVi); len(w) > 0 {
				t.Errorf("English %q in %q", w, e.MessageVi)
			}
			if w := langcheck.Vietnamese(e.Message); len(w) > 0 {
				t.Errorf("Vietnamese %q in %q", w, e.Message)
			}
		})
	}
}

// A misspelt key must not silently make a required field optional.
func TestParse_RefusesUnknownKeys(t *testing.T) {
	f := minimal()
	b, _ := json.Marshal(f)
	if _, err := eform.Parse(strings.NewReader(string(b))); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(b), `"required":true`, `"requried":true`, 1)
	if _, err := eform.Parse(strings.NewReader(bad)); err == nil {
		t.Fatal("unknown key accepted")
	}
	huge := `{"procedure":"1.001193","title":{"vi":"` + strings.Repeat("a", eform.MaxDefinitionBytes) + `"}}`
	if _, err := eform.Parse(strings.NewReader(huge)); err == nil {
		t.Fatal("definition over the size bound accepted")
	}
}
