package forms

import "io"

// RenderRefusal writes Form 03, "Phiếu từ chối tiếp nhận giải quyết hồ sơ"
// (Circular 01/2018/TT-VPCP, Mẫu số 03; Circular 03/2025/TT-VPCP Annex I,
// Mẫu số 03). Fields per RULES-VN.md §1.5, after the Thanh Hóa template.
// The legal basis is required: a refusal has to say which provision the
// dossier fails.
func RenderRefusal(w io.Writer, f Refusal) error {
	const form = "refusal (form 03)"
	c := newChecker(form)
	c.text("Applicant.Name", f.Applicant.Name)
	c.text("Procedure", f.Procedure)
	c.text("LegalBasis", f.LegalBasis)
	c.text("Reason", f.Reason)
	c.time("At", f.At)
	if err := c.err(); err != nil {
		return err
	}

	m := meta{form: form, title: "Phiếu từ chối tiếp nhận giải quyết hồ sơ", at: f.At}
	return render(w, m, func(d *doc) {
		d.header(header{agency: f.Agency, suffix: "TCHS", place: f.Place, at: f.At, dated: true})
		d.title("Phiếu từ chối tiếp nhận giải quyết hồ sơ")
		d.pdf.Ln(3)
		unit := orDots(clean(f.Agency.Name))
		d.runs(run{"Bộ phận tiếp nhận: ", ""}, run{unit, "B"})
		applicantFields(d, f.Applicant, "Tiếp nhận hồ sơ của")
		d.field("Nội dung yêu cầu giải quyết", clean(f.Procedure))
		d.pdf.Ln(1)
		d.para("Căn cứ quy định tại " + clean(f.LegalBasis) + ", " + unit +
			" thông báo từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:")
		d.runs(run{clean(f.Reason), "B"})
		d.pdf.Ln(1)
		d.para("Xin thông báo để Ông/Bà được biết và thực hiện./.")
		d.signatures(signature{"Người tiếp nhận hồ sơ", "Ký và ghi rõ họ tên", clean(f.Officer)})
	})
}
