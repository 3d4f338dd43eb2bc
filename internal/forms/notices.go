package forms

import (
	"io"
	"strings"
	"time"
)

// Notice is what the stop and the rejection notices carry: a letter from the
// agency in charge to the applicant, with the legal basis and the reasons,
// signed and sealed by its head.
type Notice struct {
	Agency      Agency // the agency in charge of the dossier
	Place       string
	At          time.Time
	Code        string
	Applicant   Applicant
	Procedure   string
	ReceivedAt  time.Time
	LegalBasis  string // the provision the notice rests on
	Reason      string
	Signer      string
	SignerTitle string // defaults to "THỦ TRƯỞNG CƠ QUAN"
}

// StopNotice is Form 05 of Circular 03/2025/TT-VPCP Annex I, "Thông báo dừng
// giải quyết hồ sơ" (new in that regime; Decree 118/2025/NĐ-CP Art. 21,
// RULES-VN.md §1.6). The 2018 regime had no such form.
type StopNotice Notice

// Rejection is the written notice a dossier found not eligible after
// appraisal must receive: the refusal to settle is made "bằng văn bản và nêu
// rõ lý do" (in writing, with its reasons; Decree 118/2025/NĐ-CP, RULES-VN.md
// §1 status 3 "rejected"). Circular 03/2025 gives it no form number; it is
// returned to the applicant like a result.
type Rejection Notice

// RenderStopNotice writes Form 05 (Circular 03/2025), the stop notice.
func RenderStopNotice(w io.Writer, f StopNotice) error {
	return renderNotice(w, Notice(f), noticeKind{
		form: "stop notice (form 05, circular 03/2025)", title: "Thông báo dừng giải quyết hồ sơ", suffix: "TB-DGQ",
		lead: "Mẫu số 05 — Thông tư số 03/2025/TT-VPCP", verb: "thông báo dừng giải quyết hồ sơ của Ông/Bà",
	})
}

// RenderRejection writes the notice that a dossier is not eligible.
func RenderRejection(w io.Writer, f Rejection) error {
	return renderNotice(w, Notice(f), noticeKind{
		form: "rejection notice", title: "Thông báo từ chối giải quyết hồ sơ", suffix: "TB-TC",
		verb: "thông báo từ chối giải quyết hồ sơ của Ông/Bà",
	})
}

// noticeKind is what tells the two notices apart.
type noticeKind struct{ form, title, suffix, lead, verb string }

func renderNotice(w io.Writer, f Notice, k noticeKind) error {
	c := newChecker(k.form)
	c.text("Code", f.Code)
	c.text("Applicant.Name", f.Applicant.Name)
	c.text("Procedure", f.Procedure)
	c.text("LegalBasis", f.LegalBasis)
	c.text("Reason", f.Reason)
	c.time("At", f.At)
	c.time("ReceivedAt", f.ReceivedAt)
	if err := c.err(); err != nil {
		return err
	}
	code := clean(f.Code)
	title := upper(f.SignerTitle)
	if title == "" {
		title = "THỦ TRƯỞNG CƠ QUAN"
	}
	m := meta{form: k.form, title: k.title + " " + code, at: f.At, code: code}
	return render(w, m, func(d *doc) {
		d.header(header{agency: f.Agency, suffix: k.suffix, place: f.Place, at: f.At, dated: true})
		d.title(k.title)
		if k.lead != "" {
			d.note(k.lead)
		}
		d.pdf.Ln(3)
		agency := orDots(clean(f.Agency.Name))
		d.addressee(f.Applicant.Name)
		d.field("Địa chỉ", orDots(clean(f.Applicant.Address)))
		d.para("Ngày " + strings.TrimPrefix(dateText(f.ReceivedAt), "ngày ") + ", " + agency +
			" tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính: " + clean(f.Procedure) +
			" (mã hồ sơ: " + code + ").")
		d.para("Căn cứ quy định tại " + clean(f.LegalBasis) + ", " + agency + " " + k.verb + " với lý do cụ thể như sau:")
		d.runs(run{strings.TrimRight(clean(f.Reason), ".") + ".", "B"})
		d.pdf.Ln(1)
		d.para("Ông/Bà có quyền phản ánh, kiến nghị, khiếu nại về nội dung thông báo này theo quy định của pháp luật.")
		d.para("Xin thông báo để Ông/Bà được biết./.")
		d.signatures(signature{title, "Ký tên, đóng dấu", clean(f.Signer)})
	})
}

// addressee writes the "Kính gửi: Ông/Bà …" line of a letter to the
// applicant, indented as Vietnamese letters set it.
func (d *doc) addressee(name string) {
	d.pdf.SetX(marginLeft + 20)
	d.font("", bodySize)
	d.pdf.Write(lineH, "Kính gửi: ")
	d.font("B", bodySize)
	d.pdf.Write(lineH, "Ông/Bà "+clean(name))
	d.pdf.Ln(lineH + 2)
}
