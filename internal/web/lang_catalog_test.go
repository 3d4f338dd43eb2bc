package web

import (
	"sort"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/langcheck"
)

// Every text of the pages' catalogue says its Vietnamese in Vietnamese and
// its English in English, every word (issue 22 item 4).
func TestMessageCatalogOneLanguageEach(t *testing.T) {
	// Vietnamese an English text keeps on purpose: names (the product, the
	// language switch, Tết), and the examples of what an administrator types
	// in Vietnamese into the catalogue and the calendar.
	names := strings.NewReplacer("Tiếng Việt", "", "Một Cửa", "", "Tết Nguyên Đán", "", "Tết", "",
		"Tờ khai", "", "Công văn số", "", "Công dân Việt Nam", "", "Doanh nghiệp", "")
	keys := make([]string, 0, len(messages))
	for k := range messages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		m := messages[k]
		if w := langcheck.English(m[0]); len(w) > 0 {
			t.Errorf("%s: the Vietnamese text has English %q: %q", k, w, m[0])
		}
		if w := langcheck.Vietnamese(names.Replace(m[1])); len(w) > 0 {
			t.Errorf("%s: the English text has Vietnamese %q: %q", k, w, m[1])
		}
	}
}
