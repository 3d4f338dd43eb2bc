package eform_test

import (
	"testing"
	"unicode/utf8"
)

// Whatever a client posts, the validator answers data or field errors,
// never a panic, and what it accepts is valid UTF-8 within the bounds.
func FuzzValidate_BirthRegistration(f *testing.F) {
	form := shippedFormF(f, "1.001193")
	for _, s := range []string{"", "30/11/2026", "2026-02-30", "\x00", "\xff\xfe", "999999999999999999999", "on", "nam", "Nguyễn\u202eAn"} {
		f.Add("child.birth_date", s)
		f.Add("child.full_name", s)
		f.Add("request.copies", s)
	}
	f.Fuzz(func(t *testing.T, key, value string) {
		v := birthValues()
		v[key] = value
		d, errs := form.Validate(v, today)
		if len(errs) > 0 {
			return
		}
		for _, g := range d {
			for _, x := range g {
				if s, ok := x.(string); ok && (!utf8.ValidString(s) || utf8.RuneCountInString(s) > 2000) {
					t.Fatalf("accepted %q", s)
				}
			}
		}
	})
}
