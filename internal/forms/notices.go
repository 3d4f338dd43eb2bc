package forms

import (
	"io"
	"strings"
	"time"
)

// StopNotice is Form 05 of Circular 03/2025/TT-VPCP Annex I, "Thông báo dừng
// giải quyết hồ sơ" (new in that regime; Decree 118/2025/NĐ-CP Art. 21,
// RULES-VN.md §1.6). The agency in charge tells the applicant that it stops
// handling the dossier and why. The 2018 regime had no such form.
type StopNotice struct {
	Agency      Agency // the agency in charge of the dossier
	Place       string
	At          time.Time
	Code        string
	Applicant   Applicant
	Procedure   string
	ReceivedAt  time.Time
	LegalBasis  string // the provision the stop rests on
	Reason      string
	Signer      string
	SignerTitle string // defaults to "THỦ TRƯỞNG CƠ QUAN"
}

// Rejection is the written notice a dossier found not eligible after
// appraisal must receive: the law requires the refusal to settle to be
// "bằng văn bản và nêu rõ lý do" (in writing, with its reasons; Decree
// 118/2025/NĐ-CP, RULES-VN.md §1 status 3 "rejected"). Circular 03/2025 gives
// no form number for it; it is returned to the applicant like a result.
type Rejection struct {
	Agency      Agency
	Place       string
	At          time.Time
	Code        string
	Applicant   Applicant
	Procedure   string
	ReceivedAt  time.Time
	LegalBasis  string
	Reason      string
	Signer      string
	SignerTitle string
}

// RenderStopNotice writes Form 05 (Circular 03/2025), the stop notice.
func RenderStopNotice(w io.Writer, f StopNotice) error {
	return renderNotice(w, notice{
		form: "stop notice (form 05, circular 03/2025)", title: "Thông báo dừng giải quyết hồ sơ", suffix: "TB-DGQ",
		lead:   "Mẫu số 05 — Thông tư số 03/2025/TT-VPCP",
		verb:   "thông báo dừng giải quyết hồ sơ của Ông/Bà",
		Agency: f.Agency, Place: f.Place, At: f.At, Code: f.Code, Applicant: f.Applicant, Procedure: f.Procedure,
		ReceivedAt: f.ReceivedAt, LegalBasis: f.LegalBasis, Reason: f.Reason, Signer: f.Signer, SignerTitle: f.SignerTitle,
	})
}

// RenderRejection writes the notice that a dossier is not eligible.
func RenderRejection(w io.Writer, f Rejection) error {
	return renderNotice(w, notice{
		form: "rejection notice", title: "Thông báo từ chối giải quyết hồ sơ", suffix: "TB-TC",
		verb:   "thông báo từ chối giải quyết hồ sơ của Ông/Bà",
		Agency: f.Agency, Place: f.Place, At: f.At, Code: f.Code, Applicant: f.Applicant, Procedure: f.Procedure,
		ReceivedAt: f.ReceivedAt, LegalBasis: f.LegalBasis, Reason: f.Reason, Signer: f.Signer, SignerTitle: f.SignerTitle,
	})
}

// notice is what the stop and rejection notices share: a letter from the
// agency in charge to the applicant, with the legal basis and the reasons,
// signed and sealed by its head.
type notice struct {
	form, title, suffix, lead, verb string

	Agency                              Agency
	Place                               string
	At, ReceivedAt                      time.Time
	Code, Procedure, LegalBasis, Reason string
	Applicant                           Applicant
	Signer, SignerTitle                 string
}

func renderNotice(w io.Writer, f notice) error {
	c := newChecker(f.form)
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
	m := meta{form: f.form, title: f.title + " " + code, at: f.At, code: code}
	return render(w, m, func(d *doc) {
		d.header(header{agency: f.Agency, suffix: f.suffix, place: f.Place, at: f.At, dated: true})
		d.title(f.title)
		if f.lead != "" {
			d.note(f.lead)
		}
		d.pdf.Ln(3)
		agency := orDots(clean(f.Agency.Name))
		d.pdf.SetX(marginLeft + 20)
		d.font("", bodySize)
		d.pdf.Write(lineH, "Kính gửi: ")
		d.font("B", bodySize)
		d.pdf.Write(lineH, "Ông/Bà "+clean(f.Applicant.Name))
		d.pdf.Ln(lineH + 2)
		d.field("Địa chỉ", orDots(clean(f.Applicant.Address)))
		d.para("Ngày " + strings.TrimPrefix(dateText(f.ReceivedAt), "ngày ") + ", " + agency +
			" tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính: " + clean(f.Procedure) +
			" (mã hồ sơ: " + code + ").")
		d.para("Căn cứ quy định tại " + clean(f.LegalBasis) + ", " + agency + " " + f.verb + " với lý do cụ thể như sau:")
		d.runs(run{strings.TrimRight(clean(f.Reason), ".") + ".", "B"})
		d.pdf.Ln(1)
		d.para("Ông/Bà có quyền phản ánh, kiến nghị, khiếu nại về nội dung thông báo này theo quy định của pháp luật.")
		d.para("Xin thông báo để Ông/Bà được biết./.")
		d.signatures(signature{title, "Ký tên, đóng dấu", clean(f.Signer)})
	})
}
