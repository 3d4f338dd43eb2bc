package web

import (
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/langcheck"
	"github.com/motcua/motcua/internal/locale"
)

// Every text of the pages' catalogue says its Vietnamese in Vietnamese and
// its English in English, every word (issue 22 item 4).
func TestMessageCatalogOneLanguageEach(t *testing.T) {
	// Vietnamese an English text keeps on purpose: names (the product, the
	// language switch, Tết), and the examples of what an administrator types
	// in Vietnamese into the catalogue and the calendar.
	names := strings.NewReplacer("Tiếng Việt", "", "Một Cửa", "", "Tết Nguyên Đán", "", "Tết", "",
		"Tờ khai", "", "Công văn số", "", "Công dân Việt Nam", "", "Doanh nghiệp", "")
	for _, k := range locale.Keys() {
		vi, en, _ := locale.Pair(k)
		if w := langcheck.English(vi); len(w) > 0 {
			t.Errorf("%s: the Vietnamese text has English %q: %q", k, w, vi)
		}
		if w := langcheck.Vietnamese(names.Replace(en)); len(w) > 0 {
			t.Errorf("%s: the English text has Vietnamese %q: %q", k, w, en)
		}
	}
}
