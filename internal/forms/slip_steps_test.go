package forms

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// With an internal process, each hand-over of the control slip names the
// step it ends, with the step's budget and own due instant, and is judged
// against that due, not the dossier's (issue 13 item 3: "Form 05/06 lists
// every real step with its budget, the hand-over times, and early / on
// time / late per step"; Circular 01/2018 Form 05, RULES-VN.md §1.5).
func TestControlSlipNamesEachStep_Decision1582(t *testing.T) {
	f := slip(2)
	f.Handovers[0].Step, f.Handovers[0].Budget = "1. Tiếp nhận, số hoá", "0,5 ngày làm việc"
	f.Handovers[0].StepDue = time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC) // 16:30 ICT
	f.Handovers[1].Step, f.Handovers[1].Budget = "2. Phân công (Lãnh đạo Phòng chuyên môn)", "0,25 ngày làm việc"
	var b bytes.Buffer
	if err := RenderControlSlip(&b, f); err != nil {
		t.Fatal(err)
	}
	text, ok := pdfText(t, b.Bytes())
	if !ok {
		t.Skip("pdftotext not installed")
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, w := range []string{"Bước 1. Tiếp nhận, số hoá (0,5 ngày làm việc; hạn 16:30 03/12/2026)", "Chuyển qua dịch vụ bưu chính công ích",
		"Bước 2. Phân công (Lãnh đạo Phòng chuyên môn) (0,25 ngày làm việc)"} {
		if !strings.Contains(flat, w) {
			t.Errorf("slip lacks %q:\n%s", w, flat)
		}
	}
}
