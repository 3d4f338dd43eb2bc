package web_test

import (
	"strings"
	"testing"
)

// The online filing form of birth registration (1.001193) asks for each
// paper the way the procedure's published text does (issue 21 item 2):
// required papers marked so, conditional ones with their case in plain
// words, and not at all the paper declaration, which only counter and postal
// filings carry (the e-form takes its place online); no count of originals
// and copies, meaningless online.
func TestFilingFormMarksRequiredAndConditionalPapers(t *testing.T) {
	e := sqliteEnv(t)
	p := e.signedIn("citizen").get("/procedures/1.001193/file").must(t, 200,
		"Giấy chứng sinh", "Bắt buộc", "Chỉ khi: trẻ em bị bỏ rơi", "Mẫu hộ tịch điện tử tương tác")
	p.lacks(t, "Tờ khai đăng ký khai sinh theo mẫu", "Bản chính: 1")
	// Each paper's mark is tied to its file input for screen readers.
	if !strings.Contains(p.Body, `class="hint req req-required"`) || !strings.Contains(p.Body, `class="hint req req-conditional"`) {
		t.Fatalf("requirements not marked:\n%s", p.Body)
	}
}
