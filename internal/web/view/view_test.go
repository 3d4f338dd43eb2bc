package view

import (
	"testing"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/locale"
)

func TestMoneyDotsBetweenThousands(t *testing.T) {
	for _, c := range []struct {
		in   int64
		want string
	}{{0, "0 đ"}, {999, "999 đ"}, {1000, "1.000 đ"}, {1500000, "1.500.000 đ"}} {
		if got := Money(c.in); got != c.want {
			t.Errorf("Money(%d) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A ?ok= key the catalogue does not know must not become a flash: the link
// is the visitor's to craft.
func TestFlashOnlyForKnownKeys(t *testing.T) {
	locale.Add(map[string][2]string{"ok.view_test": {"Đã lưu.", "Saved."}})
	if v := New(Request{Lang: "en", OK: "view_test"}, "x", nil); v.Flash != "Saved." {
		t.Errorf("known key: flash %q", v.Flash)
	}
	if v := New(Request{Lang: "en", OK: "<script>"}, "x", nil); v.Flash != "" {
		t.Errorf("unknown key: flash %q", v.Flash)
	}
}

func TestErrorShownBesideItsField(t *testing.T) {
	v := New(Request{Lang: "en"}, "x", nil)
	err := apperr.New(apperr.BadInput, "t", "Sai.", "Wrong.")
	err.Field = "phone"
	v.SetError(err)
	if v.FieldError("phone") != "Wrong." || v.FieldError("name") != "" {
		t.Errorf("FieldError: phone %q, name %q", v.FieldError("phone"), v.FieldError("name"))
	}
	if v.Is("counter") {
		t.Error("an anonymous page must not pass a role check")
	}
}
