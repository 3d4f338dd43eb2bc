package forms

import (
	"fmt"
	"io"
	"strings"
)

// blankHandovers is how many empty rows a control slip printed before any
// hand-over gets, so that the officers can record the transfers by hand.
const blankHandovers = 4

// RenderControlSlip writes the control slip, "Phiếu kiểm soát quá trình giải
// quyết hồ sơ": Mẫu số 05 of Circular 01/2018/TT-VPCP, Mẫu số 06 of
// Circular 03/2025/TT-VPCP Annex I. Header fields, table columns and
// footnotes per RULES-VN.md §1.5 (Đồng Nai template). The slip travels with
// the paper dossier and may run to several pages; the table heading is
// repeated on each.
func RenderControlSlip(w io.Writer, f ControlSlip) error {
	const form = "control slip (form 05/06)"
	c := newChecker(form)
	c.text("Code", f.Code)
	c.text("Applicant.Name", f.Applicant.Name)
	c.text("Procedure", f.Procedure)
	c.time("ReceivedAt", f.ReceivedAt)
	c.time("DueAt", f.DueAt)
	c.require(f.DueAt.IsZero() || f.ReceivedAt.IsZero() || f.DueAt.After(f.ReceivedAt), "DueAt must be after ReceivedAt")
	for i, h := range f.Handovers {
		switch clean(h.Result) {
		case "", ResultEarly, ResultOnTime, ResultOverdue:
		default:
			c.require(false, fmt.Sprintf("Handovers[%d].Result %q is not %q, %q, %q or empty",
				i, h.Result, ResultEarly, ResultOnTime, ResultOverdue))
		}
	}
	if err := c.err(); err != nil {
		return err
	}

	code := clean(f.Code)
	m := meta{form: form, title: "Phiếu kiểm soát quá trình giải quyết hồ sơ " + code, at: f.ReceivedAt, code: code}
	return render(w, m, func(d *doc) {
		d.header(header{agency: f.Agency})
		d.title("Phiếu kiểm soát quá trình giải quyết hồ sơ")
		d.pdf.Ln(3)
		d.field("Kèm theo hồ sơ của", clean(f.Applicant.Name))
		d.field("Mã hồ sơ", code)
		d.field("Nội dung yêu cầu giải quyết", clean(f.Procedure))
		d.field("Thời gian nhận hồ sơ", clockText(f.ReceivedAt))
		d.field("Thời gian hẹn trả kết quả", clockText(f.DueAt))
		d.field("Cơ quan (bộ phận) giải quyết hồ sơ", clean(f.Processing))
		d.field("Cơ quan phối hợp giải quyết hồ sơ", clean(f.Coordinating))
		d.pdf.Ln(2)

		t := newTable(d,
			column{"TÊN CƠ QUAN", 50, "L"},
			column{"THỜI GIAN GIAO, NHẬN HỒ SƠ", 56, "C"},
			column{"KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn)", 33, "C"},
			column{"GHI CHÚ", textW - 50 - 56 - 33, "L"},
		)
		t.head()
		rows := f.Handovers
		if len(rows) == 0 {
			rows = make([]Handover, blankHandovers)
		}
		for _, h := range rows {
			t.row(
				"1. Giao: "+orDots(clean(h.From))+"\n2. Nhận: "+orDots(clean(h.To)),
				// Two blank lines under the labels leave room for the
				// giver and the receiver to sign.
				clockText(h.At)+"\nNgười giao\tNgười nhận\n \n ",
				clean(h.Result),
				h.notes(),
			)
		}
		d.pdf.Ln(2)
		d.space(3 * smallH)
		d.note("Ghi chú:\n" +
			"- Trường hợp hồ sơ được chuyển qua dịch vụ bưu chính thì thời gian giao, nhận hồ sơ " +
			"và việc ký nhận thể hiện trong hóa đơn của cơ quan bưu chính;\n" +
			"- Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn) do bên nhận hồ sơ ghi khi nhận bàn giao hồ sơ.")
	})
}

// notes is the GHI CHÚ cell: the process step the hand-over ends, its
// budget and its own due instant, then the officer's note. The official
// columns have no place of their own for the step, and the note column is
// where the templates leave what the province adds.
func (h Handover) notes() string {
	var parts []string
	if st := clean(h.Step); st != "" {
		line := "Bước " + st
		var of []string
		if b := clean(h.Budget); b != "" {
			of = append(of, b)
		}
		if !h.StepDue.IsZero() {
			of = append(of, "hạn "+h.StepDue.In(ict).Format("15:04 02/01/2006"))
		}
		if len(of) > 0 {
			line += " (" + strings.Join(of, "; ") + ")"
		}
		parts = append(parts, line)
	}
	if n := clean(h.Note); n != "" {
		parts = append(parts, n)
	}
	return strings.Join(parts, "\n")
}
