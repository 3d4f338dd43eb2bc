package forms

import (
	"io"
	"time"
)

// HandoverReceipt is the receipt the applicant signs when the one-stop hands
// back what a dossier produced: the result, or the written notice of a
// rejection. Neither regime gives it a form of its own; it is the "Trả kết
// quả cho cá nhân, tổ chức" date and "Ký nhận" column of the tracking book
// (Sổ theo dõi hồ sơ: Form 06 of Circular 01/2018/TT-VPCP, Form 07 of Circular
// 03/2025/TT-VPCP; RULES-VN.md §1.5–1.6) for one dossier, on a sheet that is
// filed with the book, so that the return is signed for even when the
// officer is not at the book (a commune counter, a bulk return).
type HandoverReceipt struct {
	Agency     Agency // the one-stop unit that hands over
	Place      string
	Code       string
	Applicant  Applicant
	Procedure  string
	ReceivedAt time.Time
	DueAt      time.Time
	FinishedAt time.Time      // when the agency settled the dossier; zero prints blank
	Items      []HandoverItem // at least one: what is handed over
	Method     string         // how: at the counter, by post, online
	Timeliness string         // ResultEarly, ResultOnTime, ResultOverdue, or ""
	ReturnedAt time.Time      // zero: the time is written by hand at the counter
	Officer    string         // the one-stop officer who hands over; blank to sign by hand
	Receiver   string         // the person who receives; blank to write by hand
}

// HandoverItem is one document handed back.
type HandoverItem struct {
	Name       string
	Electronic bool // an electronic copy (kết quả điện tử) rather than paper
	Copies     int  // 0 prints blank
}

// RenderHandover writes the hand-over receipt.
func RenderHandover(w io.Writer, f HandoverReceipt) error {
	const form = "hand-over receipt (tracking book, form 06/07)"
	c := newChecker(form)
	c.text("Code", f.Code)
	c.text("Applicant.Name", f.Applicant.Name)
	c.text("Procedure", f.Procedure)
	c.time("ReceivedAt", f.ReceivedAt)
	c.require(len(f.Items) > 0, "Items must name what is handed over")
	for _, it := range f.Items {
		c.require(clean(it.Name) != "", "every item needs a Name")
		c.require(it.Copies >= 0, "Copies must not be negative")
	}
	if err := c.err(); err != nil {
		return err
	}
	code := clean(f.Code)
	at := f.ReturnedAt
	if at.IsZero() {
		at = f.FinishedAt
	}
	m := meta{form: form, title: "Biên nhận trả kết quả " + code, at: at, code: code}
	return render(w, m, func(d *doc) {
		d.header(header{agency: f.Agency, place: f.Place, at: f.ReturnedAt, dated: true})
		d.title("Biên nhận trả kết quả giải quyết thủ tục hành chính")
		d.note("Phần ký nhận của Sổ theo dõi hồ sơ (Mẫu số 06 — Thông tư số 01/2018/TT-VPCP; Mẫu số 07 — Thông tư số 03/2025/TT-VPCP)")
		d.font("B", bodySize+1)
		d.pdf.MultiCell(textW, 6.5, "Mã hồ sơ: "+code, "", "C", false)
		d.pdf.Ln(3)
		d.field("Người nộp hồ sơ", clean(f.Applicant.Name))
		d.field("Địa chỉ", orDots(clean(f.Applicant.Address)))
		d.field("Thủ tục hành chính", clean(f.Procedure))
		d.field("Ngày nhận hồ sơ", clockText(f.ReceivedAt))
		if !f.DueAt.IsZero() {
			d.field("Ngày hẹn trả kết quả", clockText(f.DueAt))
		}
		if !f.FinishedAt.IsZero() {
			d.field("Cơ quan giải quyết có kết quả", clockText(f.FinishedAt))
		}
		if f.Timeliness != "" {
			d.field("Kết quả giải quyết", f.Timeliness)
		}
		d.runs(run{"Giấy tờ trả cho người nộp:", "B"})
		t := newTable(d,
			column{"STT", 12, "C"},
			column{"Tên giấy tờ", textW - 12 - 40 - 22, "L"},
			column{"Hình thức", 40, "C"},
			column{"Số bản", 22, "C"},
		)
		t.head()
		for i, it := range f.Items {
			kind := "Bản giấy"
			if it.Electronic {
				kind = "Bản điện tử"
			}
			t.row(itoa(i+1), clean(it.Name), kind, count(it.Copies))
		}
		d.pdf.Ln(1.5)
		d.field("Hình thức trả", orDots(clean(f.Method)))
		d.field("Thời gian trả", clockText(f.ReturnedAt))
		d.para("Người nhận đã nhận đủ các giấy tờ nêu trên và ký nhận dưới đây.")
		d.signatures(
			signature{"Người nhận kết quả", "Ký, ghi rõ họ tên", clean(f.Receiver)},
			signature{"Người trả kết quả", "Ký, ghi rõ họ tên", clean(f.Officer)},
		)
	})
}
