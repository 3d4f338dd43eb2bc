package eform_test

import (
	"testing"

	"github.com/motcua/motcua/internal/langcheck"
)

func TestDisplay_ReaderLanguage(t *testing.T) {
	f := shippedForm(t, "1.001193")
	d, errs := f.Validate(birthValues(), today)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	find := func(lang, label string) string {
		for _, l := range f.Display(d, lang) {
			if l.Label == label {
				return l.Value
			}
		}
		return "(absent)"
	}
	if got := find("vi", "Giới tính"); got != "Nam" {
		t.Errorf("select label vi: %q", got)
	}
	if got := find("en", "Sex"); got != "Male" {
		t.Errorf("select label en: %q", got)
	}
	if got := find("vi", "Ngày, tháng, năm sinh"); got != "30/11/2026" {
		t.Errorf("date vi: %q", got)
	}
	if got := find("en", "Number of certified copies requested"); got != "2" {
		t.Errorf("number: %q", got)
	}
	if got := find("en", "I declare that the above is true and I am responsible before the law for it."); got != "Yes" {
		t.Errorf("checkbox en: %q", got)
	}
	// The page speaks its reader's language: labels and fixed words of the
	// English lines are English (values are the citizen's own words).
	for _, l := range f.Display(d, "en") {
		if w := langcheck.Vietnamese(l.Group + " " + l.Label); len(w) > 0 {
			t.Errorf("Vietnamese %q in an English line %+v", w, l)
		}
	}
	for _, l := range f.Display(d, "vi") {
		if w := langcheck.English(l.Group + " " + l.Label + " " + l.Value); len(w) > 0 {
			t.Errorf("English %q in a Vietnamese line %+v", w, l)
		}
	}
}
