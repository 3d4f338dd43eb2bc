package forms

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func handover() HandoverReceipt {
	return HandoverReceipt{
		Agency: Agency{Parent: "UBND tỉnh H99", Name: "Trung tâm Phục vụ hành chính công"}, Place: "Hà Nội", Code: code,
		Applicant: hang, Procedure: procedure, ReceivedAt: receivedAt, DueAt: dueAt,
		FinishedAt: dueAt.Add(-26 * time.Hour), Timeliness: ResultEarly, Method: "Tại Bộ phận Một cửa",
		Items:   []HandoverItem{{Name: "Phiếu lý lịch tư pháp số 12/LLTP", Copies: 1}, {Name: "Bản điện tử của phiếu", Electronic: true}},
		Officer: "Trần Văn Bình",
	}
}

// The receipt the applicant signs for a result is the tracking book's
// "Trả kết quả" date and "Ký nhận" column for one dossier (Circular
// 01/2018 Form 06; Circular 03/2025 Form 07): what was handed over, in
// which form, when, by whom, signed by the receiver.
func TestRenderHandover_TrackingBookSignOff_Circular01_2018_Form06(t *testing.T) {
	returned := handover()
	returned.ReturnedAt = time.Date(2026, 12, 7, 2, 5, 0, 0, time.UTC) // 09:05 ICT
	rejection := handover()
	rejection.Items = []HandoverItem{{Name: "Thông báo từ chối giải quyết hồ sơ", Copies: 1}}
	rejection.Timeliness = ""
	for _, c := range []struct {
		name string
		f    HandoverReceipt
		want []string
	}{
		{"result, time to be written by hand", handover(), []string{
			"BIÊN NHẬN TRẢ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "Mẫu số 06 — Thông tư số 01/2018/TT-VPCP",
			"Mẫu số 07 — Thông tư số 03/2025/TT-VPCP", "Mã hồ sơ: " + code, "Nguyễn Thị Hằng",
			"Phiếu lý lịch tư pháp số 12/LLTP", "Bản giấy", "Bản điện tử của phiếu", "Bản điện tử", "Trước hạn",
			"Tại Bộ phận Một cửa", "Thời gian trả: …… giờ …… phút", "NGƯỜI NHẬN KẾT QUẢ", "NGƯỜI TRẢ KẾT QUẢ", "Trần Văn Bình"}},
		{"returned at 09:05", returned, []string{"Thời gian trả: 09 giờ 05 phút, ngày 07 tháng 12 năm 2026", "Hà Nội, ngày 07 tháng 12 năm 2026"}},
		{"rejection notice", rejection, []string{"Thông báo từ chối giải quyết hồ sơ", "Bản giấy"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := RenderHandover(&b, c.f); err != nil {
				t.Fatal(err)
			}
			saveSample(t, "handover-"+strings.ReplaceAll(c.name, " ", "-"), b.Bytes())
			text, ok := pdfText(t, b.Bytes())
			if !ok {
				t.Skip("pdftotext not installed")
			}
			flat := strings.Join(strings.Fields(text), " ")
			for _, w := range c.want {
				if !strings.Contains(flat, w) {
					t.Errorf("missing %q in:\n%s", w, flat)
				}
			}
		})
	}
	empty := handover()
	empty.Items = nil
	if err := RenderHandover(&bytes.Buffer{}, empty); err == nil || !strings.Contains(err.Error(), "Items") {
		t.Fatalf("a receipt that hands over nothing must be refused: %v", err)
	}
}
