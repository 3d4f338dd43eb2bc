package forms

import "io"

// RenderSupplementRequest writes Form 02, "Phiếu yêu cầu bổ sung, hoàn thiện
// hồ sơ" (Circular 01/2018/TT-VPCP, Mẫu số 02; Circular 03/2025/TT-VPCP
// Annex I, Mẫu số 02). Fields per RULES-VN.md §1.5, after the Thanh Hóa
// template.
func RenderSupplementRequest(w io.Writer, f SupplementRequest) error {
	const form = "supplement request (form 02)"
	c := newChecker(form)
	c.text("Applicant.Name", f.Applicant.Name)
	c.text("Procedure", f.Procedure)
	c.text("Reason", f.Reason)
	c.time("At", f.At)
	c.require(len(f.Items) > 0, "Items must list what to supplement")
	c.components("Items", f.Items)
	if err := c.err(); err != nil {
		return err
	}

	code := clean(f.Code)
	m := meta{form: form, title: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", at: f.At, code: code}
	return render(w, m, func(d *doc) {
		d.header(header{agency: f.Agency, suffix: "HDHS", place: f.Place, at: f.At, dated: true})
		d.title("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ")
		d.pdf.Ln(3)
		unit := orDots(clean(f.Agency.Name))
		d.runs(run{"Bộ phận tiếp nhận: ", ""}, run{unit, "B"})
		applicantFields(d, f.Applicant, "Tiếp nhận hồ sơ/yêu cầu của Ông/Bà")
		if code != "" {
			d.field("Mã hồ sơ", code)
		}
		d.field("Nội dung yêu cầu giải quyết", clean(f.Procedure))
		d.pdf.Ln(1)
		d.runs(run{"Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung sau:", ""})
		d.components(f.Items)
		d.runs(run{"Lý do: ", "B"}, run{clean(f.Reason), ""})
		d.pdf.Ln(1)
		if u := clean(f.LookupURL); u != "" {
			// Flowed, not justified: a URL cannot break, and justifying the
			// line before it would stretch its spaces across the page.
			d.runs(run{"Quy định về thủ tục hành chính này được công khai tại: ", ""}, run{u, "B"})
			d.pdf.Ln(1.2)
		}
		d.para("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ " +
			orDots(clean(f.Officer)) + ", số điện thoại " + orDots(clean(f.OfficerPhone)) +
			" để được hướng dẫn.")
		d.para("Xin trân trọng cảm ơn Ông/Bà./.")
		d.signatures(signature{"Người hướng dẫn", "Ký và ghi rõ họ tên", clean(f.Officer)})
	})
}
