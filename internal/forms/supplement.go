package forms

import (
	"fmt"
	"io"
)

// RenderSupplementRequest writes Form 02, "Phiếu yêu cầu bổ sung, hoàn thiện
// hồ sơ" (Circular 01/2018/TT-VPCP, Mẫu số 02; Circular 03/2025/TT-VPCP
// Annex I, Mẫu số 02). Fields per RULES-VN.md §1.5, after the Thanh Hóa
// template. Each paper gets its row with what is wrong with it: Decree
// 118/2025 Art. 11(2) wants the guidance specific, once, in writing.
func RenderSupplementRequest(w io.Writer, f SupplementRequest) error {
	const form = "supplement request (form 02)"
	c := newChecker(form)
	c.text("Applicant.Name", f.Applicant.Name)
	c.text("Procedure", f.Procedure)
	c.time("At", f.At)
	c.require(len(f.Items) > 0, "Items must list what to supplement")
	comps := make([]Component, len(f.Items))
	explained := len(f.Items) > 0
	for i, it := range f.Items {
		comps[i] = it.Component
		explained = explained && clean(it.Problem) != ""
	}
	// Without a reason each row must say what is wrong, or the applicant
	// learns only that something is.
	c.require(clean(f.Reason) != "" || explained, "Reason is required unless every item says what is wrong")
	c.components("Items", comps)
	if err := c.err(); err != nil {
		return err
	}

	code := clean(f.Code)
	m := meta{form: form, title: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", at: f.At, code: code}
	return render(w, m, func(d *doc) {
		d.header(header{agency: f.Agency, suffix: "HDHS", number: clean(f.Number), place: f.Place, at: f.At, dated: true})
		d.title("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ")
		d.pdf.Ln(3)
		unit := orDots(clean(f.Agency.Name))
		d.runs(run{"Bộ phận tiếp nhận: ", ""}, run{unit, "B"})
		d.runs(run{"Địa chỉ: ", ""}, run{orDots(clean(f.AgencyAddress)), ""},
			run{"    Điện thoại: ", ""}, run{orDots(clean(f.AgencyPhone)), ""})
		applicantFields(d, f.Applicant, "Tiếp nhận hồ sơ/yêu cầu của Ông/Bà")
		if code != "" {
			d.field("Mã hồ sơ", code)
		}
		d.field("Nội dung yêu cầu giải quyết", clean(f.Procedure))
		d.pdf.Ln(1)
		d.runs(run{"Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung sau:", ""})
		d.supplementItems(f.Items)
		if r := clean(f.Reason); r != "" {
			d.runs(run{"Lý do: ", "B"}, run{r, ""})
		}
		d.pdf.Ln(1)
		if u := clean(f.LookupURL); u != "" {
			// Flowed, not justified: a URL cannot break, and justifying the
			// line before it would stretch its spaces across the page.
			d.runs(run{"Quy định về thủ tục hành chính này được công khai tại: ", ""}, run{u, "B"})
			d.pdf.Ln(1.2)
		}
		phone := clean(f.OfficerPhone)
		if phone == "" {
			phone = clean(f.AgencyPhone)
		}
		d.para("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ " +
			orDots(clean(f.Officer)) + ", số điện thoại " + orDots(phone) +
			" để được hướng dẫn.")
		d.para("Xin trân trọng cảm ơn Ông/Bà./.")
		d.signatures(signature{"Người hướng dẫn", "Ký và ghi rõ họ tên", clean(f.Officer)})
	})
}

// supplementItems is Form 02's table: the component table of Form 01 with a
// column saying what to add or put right in each paper.
func (d *doc) supplementItems(items []SupplementItem) {
	const n, cnt, what = 10.0, 17.0, 58.0
	t := newTable(d,
		column{"STT", n, "C"},
		column{"Tên giấy tờ", textW - n - 2*cnt - what, "L"},
		column{"Bản chính", cnt, "C"},
		column{"Bản sao", cnt, "C"},
		column{"Nội dung cần bổ sung, hoàn thiện", what, "L"},
	)
	t.head()
	for i, it := range items {
		t.row(fmt.Sprint(i+1), clean(it.Name), count(it.Originals), count(it.Copies), clean(it.Problem))
	}
	d.pdf.Ln(1.5)
}
