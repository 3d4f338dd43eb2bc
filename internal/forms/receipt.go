package forms

import (
	"fmt"
	"io"
)

// RenderReceipt writes Form 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
// (Circular 01/2018/TT-VPCP, Mẫu số 01; Circular 03/2025/TT-VPCP Annex I,
// Mẫu số 01). Fields per RULES-VN.md §1.5; the QR code in the top-left
// corner is required by Circular 01/2023/TT-VPCP (§8.4).
func RenderReceipt(w io.Writer, f Receipt) error {
	const form = "receipt (form 01)"
	c := newChecker(form)
	c.text("Code", f.Code)
	c.text("Applicant.Name", f.Applicant.Name)
	c.text("Procedure", f.Procedure)
	c.text("TrackURL", f.TrackURL)
	c.time("ReceivedAt", f.ReceivedAt)
	c.time("DueAt", f.DueAt)
	c.require(f.DueAt.IsZero() || f.ReceivedAt.IsZero() || f.DueAt.After(f.ReceivedAt), "DueAt must be after ReceivedAt")
	c.require(f.Sets >= 0, "Sets must not be negative")
	c.require(f.FeeVND >= 0, "FeeVND must not be negative")
	c.components("Components", f.Components)
	if err := c.err(); err != nil {
		return err
	}
	trackURL := clean(f.TrackURL)
	qr, err := qrPNG(trackURL)
	if err != nil {
		return fmt.Errorf("forms: %s: %w", form, err)
	}

	code := clean(f.Code)
	m := meta{form: form, title: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả " + code, at: f.ReceivedAt, code: code}
	return render(w, m, func(d *doc) {
		p := d.pdf
		// The QR code sits in the top-left corner, inside the binding
		// margin, so that the header keeps its standard layout.
		d.qr(qr, marginLeft-qrSize-2, marginTop-12)
		if cp := clean(f.Copy); cp != "" {
			p.SetXY(marginLeft, marginTop-12)
			d.font("I", smallSize)
			p.CellFormat(textW, smallH, cp, "", 0, "R", false, 0, "")
			p.SetXY(marginLeft, marginTop)
		}
		d.header(header{agency: f.Agency, suffix: "TNHS", place: f.Place, at: f.ReceivedAt, dated: true})
		d.title("Giấy tiếp nhận hồ sơ và hẹn trả kết quả")
		d.font("B", bodySize+1)
		p.MultiCell(textW, 6.5, "Mã hồ sơ: "+code, "", "C", false)
		if k := clean(f.TrackKey); k != "" {
			d.font("", bodySize)
			p.MultiCell(textW, 6, "Mã tra cứu: "+k, "", "C", false)
		}
		p.Ln(3)

		applicantFields(d, f.Applicant, "Tiếp nhận hồ sơ của")
		d.field("Nội dung yêu cầu giải quyết", clean(f.Procedure))

		d.runs(run{"1. Thành phần hồ sơ nộp gồm:", ""})
		d.components(f.Components)
		sets := max(f.Sets, 1)
		d.runs(run{"2. Số lượng hồ sơ: ", ""}, run{fmt.Sprintf("%02d", sets), "B"}, run{" bộ.", ""})
		d.runs(run{"3. Thời gian giải quyết hồ sơ theo quy định là: ", ""}, run{orDots(clean(f.TimeLimit)), "B"})
		d.runs(run{"4. Thời gian nhận hồ sơ: ", ""}, run{clockText(f.ReceivedAt), "B"})
		d.runs(run{"5. Thời gian trả kết quả giải quyết hồ sơ: ", ""}, run{clockText(f.DueAt), "B"})
		d.runs(run{"6. Đăng ký nhận kết quả tại: ", ""}, run{orDots(clean(f.ReturnAt)), "B"})
		d.runs(run{"Phí, lệ phí: ", ""}, run{vnd(f.FeeVND), "B"})
		d.runs(run{"Vào Sổ theo dõi hồ sơ, Quyển số: " + dots + "  Số thứ tự: " + dots, ""})

		d.signatures(
			signature{"Người nộp hồ sơ", "Ký và ghi rõ họ tên", clean(f.Applicant.Name)},
			signature{"Người tiếp nhận hồ sơ", "Ký và ghi rõ họ tên", clean(f.Receiver)},
		)
		d.space(4 * smallH)
		d.note("Ghi chú: Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên; " +
			"01 liên giao cho cá nhân, tổ chức nộp hồ sơ; 01 liên chuyển kèm theo " +
			"Phiếu kiểm soát quá trình giải quyết hồ sơ và lưu tại Bộ phận Một cửa.")
		d.note("Tra cứu tình trạng giải quyết hồ sơ bằng mã QR ở góc trên bên trái hoặc tại: " + trackURL)
	})
}

// applicantFields prints the applicant block shared by forms 01–03.
func applicantFields(d *doc, a Applicant, lead string) {
	d.field(lead, clean(a.Name))
	if id := clean(a.IDNumber); id != "" {
		d.field("Số định danh cá nhân/Mã số thuế", id)
	}
	d.field("Địa chỉ", clean(a.Address))
	d.runs(
		run{"Số điện thoại: ", ""}, run{orDots(clean(a.Phone)), "B"},
		run{"    Email: ", ""}, run{orDots(clean(a.Email)), "B"},
	)
}
