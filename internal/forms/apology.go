package forms

import (
	"io"
	"strings"
)

// RenderApology writes Form 04, "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
// (Circular 01/2018/TT-VPCP, Mẫu số 04). Circular 03/2025/TT-VPCP Annex I
// replaces it with Mẫu số 04 "Văn bản xin lỗi và đề nghị gia hạn thời gian
// giải quyết", whose layout has not been retrieved (RULES-VN.md §1.6); the
// 2018 wording carries the same content (§1.5), so it serves both regimes.
// It is issued by the agency in charge of the dossier and signed by its
// head.
func RenderApology(w io.Writer, f Apology) error {
	const form = "apology (form 04)"
	c := newChecker(form)
	c.text("Code", f.Code)
	c.text("Applicant.Name", f.Applicant.Name)
	c.text("Procedure", f.Procedure)
	c.text("Reason", f.Reason)
	c.time("At", f.At)
	c.time("ReceivedAt", f.ReceivedAt)
	c.time("OriginalDueAt", f.OriginalDueAt)
	c.time("NewDueAt", f.NewDueAt)
	c.require(f.NewDueAt.IsZero() || f.OriginalDueAt.IsZero() || f.NewDueAt.After(f.OriginalDueAt),
		"NewDueAt must be after OriginalDueAt")
	if err := c.err(); err != nil {
		return err
	}

	code := clean(f.Code)
	title := upper(f.SignerTitle)
	if title == "" {
		title = "THỦ TRƯỞNG CƠ QUAN"
	}
	m := meta{form: form, title: "Phiếu xin lỗi và hẹn lại ngày trả kết quả " + code, at: f.At, code: code}
	return render(w, m, func(d *doc) {
		d.header(header{agency: f.Agency, suffix: "PXL", place: f.Place, at: f.At, dated: true})
		d.title("Phiếu xin lỗi và hẹn lại ngày trả kết quả")
		d.pdf.Ln(3)
		agency := orDots(clean(f.Agency.Name))
		d.addressee(f.Applicant.Name)

		reason := strings.TrimRight(clean(f.Reason), ".")
		if r := clean(f.Responsible); r != "" && r != clean(f.Agency.Name) {
			reason += " (bước xử lý quá thời hạn được giao tại: " + r + ")"
		}
		d.para("Ngày " + strings.TrimPrefix(dateText(f.ReceivedAt), "ngày ") + ", " + agency +
			" tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính: " + clean(f.Procedure) +
			" (mã hồ sơ: " + code + ").")
		d.para("Theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, thời gian trả kết quả giải quyết hồ sơ là " +
			clockText(f.OriginalDueAt) + ".")
		d.para("Tuy nhiên đến nay, " + agency + " chưa trả kết quả giải quyết hồ sơ cho Ông/Bà. Lý do: " +
			reason + ".")
		d.para("Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại, công sức của Ông/Bà. " + agency +
			" trân trọng xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào:")
		d.runs(run{clockText(f.NewDueAt) + ".", "B"})
		d.para("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.")
		d.signatures(signature{title, "Ký tên, đóng dấu", clean(f.Signer)})
	})
}
