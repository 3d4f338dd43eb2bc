package forms

import (
	"bytes"
	"strings"
	"testing"
)

func stopNotice() StopNotice {
	return StopNotice{
		Agency: Agency{Parent: "UBND tỉnh H99", Name: "Sở Tư pháp"}, Place: "Hà Nội", At: newDueAt, Code: code,
		Applicant: hang, Procedure: procedure, ReceivedAt: receivedAt,
		LegalBasis: "Điều 21 Nghị định số 118/2025/NĐ-CP", Reason: "Người yêu cầu đề nghị rút hồ sơ bằng văn bản",
		Signer: "Lê Thị Phương Thảo", SignerTitle: "Giám đốc",
	}
}

// The stop notice (Form 05 of Circular 03/2025; Decree 118/2025 Art. 21) and
// the rejection notice carry the dossier, the legal basis and the reasons,
// addressed to the applicant and signed by the head of the agency.
func TestRenderNotices_Circular03_2025_Form05_and_Rejection(t *testing.T) {
	rej := Rejection(stopNotice())
	rej.LegalBasis, rej.Reason = "khoản 1 Điều 45 Luật Lý lịch tư pháp năm 2009", reason
	for _, c := range []struct {
		name   string
		render func(*bytes.Buffer) error
		want   []string
	}{
		{"stop notice", func(b *bytes.Buffer) error { return RenderStopNotice(b, stopNotice()) }, []string{
			"THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Mẫu số 05 — Thông tư số 03/2025/TT-VPCP", "Số: …………/TB-DGQ",
			"Căn cứ quy định tại Điều 21 Nghị định số 118/2025/NĐ-CP", "thông báo dừng giải quyết hồ sơ của Ông/Bà",
			"Người yêu cầu đề nghị rút hồ sơ bằng văn bản.", "mã hồ sơ: " + code, "GIÁM ĐỐC", "Lê Thị Phương Thảo", "Kính gửi: Ông/Bà Nguyễn Thị Hằng"}},
		{"rejection notice", func(b *bytes.Buffer) error { return RenderRejection(b, rej) }, []string{
			"THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ", "Số: …………/TB-TC", "thông báo từ chối giải quyết hồ sơ của Ông/Bà",
			"khoản 1 Điều 45 Luật Lý lịch tư pháp năm 2009", "cơ quan phối hợp chưa có văn bản trả lời", "GIÁM ĐỐC"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := c.render(&b); err != nil {
				t.Fatal(err)
			}
			saveSample(t, strings.ReplaceAll(c.name, " ", "-"), b.Bytes())
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
	bad := stopNotice()
	bad.Reason, bad.LegalBasis = " ", ""
	if err := RenderStopNotice(&bytes.Buffer{}, bad); err == nil || !strings.Contains(err.Error(), "Reason") || !strings.Contains(err.Error(), "LegalBasis") {
		t.Fatalf("a notice without reasons must be refused: %v", err)
	}
}
