package report

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-pdf/fpdf"
	"github.com/xuri/excelize/v2"
)

// Book is the tracking book of a one-stop section for a period, "Sổ theo dõi
// hồ sơ": Form 06 of Circular 01/2018/TT-VPCP, Form 07 of Circular
// 03/2025/TT-VPCP Annex I, with the official columns (RULES-VN.md §1.5–1.6).
type Book struct {
	Parent, Unit string    // the province or commune, and the section keeping the book
	From, To     time.Time // [From, To): dossiers received in the period
	Rows         []BookRow
}

// BookRow is one dossier. A zero time prints as an empty cell, to be filled
// when that step happens.
type BookRow struct {
	Code, Procedure    string
	Sets               int
	Applicant, Contact string // name; address and phone
	Agency             string // the agency in charge (cơ quan chủ trì giải quyết)
	Received, Due      time.Time
	Transferred        time.Time // handed to the agency in charge
	ResultIn           time.Time // result (or rejection) back from it
	Returned           time.Time // given to the applicant
	Note               string
}

// bookColumns are the official columns; the dates are grouped under "Ngày,
// tháng, năm" in the heading, and the last two are for the signature and
// notes written by hand.
var bookColumns = []struct {
	title string
	width float64 // mm in the PDF; characters/1.9 in the sheet
}{
	// A dossier code (25 characters) and a date must fit on one line at 6.5 pt.
	{"STT", 8}, {"Mã hồ sơ", 40}, {"Tên TTHC", 34}, {"Số lượng hồ sơ (bộ)", 11}, {"Tên cá nhân, tổ chức", 24},
	{"Địa chỉ, số điện thoại", 28}, {"Cơ quan chủ trì giải quyết", 22}, {"Nhận hồ sơ", 18}, {"Hẹn trả kết quả", 18},
	{"Chuyển hồ sơ đến cơ quan giải quyết", 18}, {"Nhận kết quả từ cơ quan giải quyết", 18}, {"Trả kết quả cho cá nhân, tổ chức", 18},
	{"Ký nhận", 11}, {"Ghi chú", 14},
}

const bookTitle = "SỔ THEO DÕI HỒ SƠ"

func bookTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(ict).Format("15:04 02/01/2006")
}

func (r BookRow) cells(i int) []string {
	sets := ""
	if r.Sets > 0 {
		sets = strconv.Itoa(r.Sets)
	}
	return []string{strconv.Itoa(i + 1), clean(r.Code), clean(r.Procedure), sets, clean(r.Applicant), clean(r.Contact),
		clean(r.Agency), bookTime(r.Received), bookTime(r.Due), bookTime(r.Transferred), bookTime(r.ResultIn),
		bookTime(r.Returned), "", clean(r.Note)}
}

func (b Book) periodLine() string {
	return "Từ ngày " + b.From.In(ict).Format("02/01/2006") + " đến ngày " + b.To.Add(-time.Nanosecond).In(ict).Format("02/01/2006")
}

func (b Book) check() error {
	if clean(b.Unit) == "" || b.From.IsZero() || !b.To.After(b.From) {
		return errors.New("report: tracking book needs its unit and a period")
	}
	return nil
}

// WriteBookXLSX writes the tracking book as one worksheet whose cells are
// text, in the official column order.
func WriteBookXLSX(w io.Writer, b Book) error {
	if err := b.check(); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f}
	x.do(f.SetSheetName("Sheet1", SheetName))
	x.do(f.SetDefaultFont(xlsxFont))
	last := len(bookColumns)
	for i, c := range bookColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		x.do(f.SetColWidth(SheetName, col, col, c.width/1.9+2))
	}
	head := []string{clean(b.Parent), clean(b.Unit), bookTitle, b.periodLine()}
	for i, l := range head {
		x.do(f.MergeCell(SheetName, cell(1, i+1), cell(last, i+1)))
		x.do(f.SetCellStr(SheetName, cell(1, i+1), l))
	}
	row := len(head) + 2
	for i, c := range bookColumns {
		x.do(f.SetCellStr(SheetName, cell(i+1, row), c.title))
	}
	for i, r := range b.Rows {
		for j, v := range r.cells(i) {
			x.do(f.SetCellStr(SheetName, cell(j+1, row+1+i), v))
		}
	}
	if x.err != nil {
		return fmt.Errorf("report: tracking book xlsx: %w", x.err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("report: write tracking book xlsx: %w", err)
	}
	return nil
}

// WriteBookPDF writes the tracking book on A4 landscape pages, the heading
// repeated on each page; rows grow to fit their wrapped text.
func WriteBookPDF(w io.Writer, b Book) error {
	if err := b.check(); err != nil {
		return err
	}
	p := fpdf.New("L", "mm", "A4", "")
	p.SetMargins(pdfLeft, pdfTop, pdfRight)
	p.SetAutoPageBreak(false, pdfBottom)
	p.AddUTF8FontFromBytes(pdfFamily, "", dejavusans.TTF)
	p.AddUTF8FontFromBytes(pdfFamily, "B", dejavusansbold.TTF)
	p.SetCompression(true)
	p.SetCatalogSort(true)
	p.SetCreationDate(b.To.UTC())
	p.SetModificationDate(b.To.UTC())
	p.SetTitle(bookTitle+" — "+clean(b.Unit), true)
	p.SetCreator("motcua", true)
	p.SetLang("vi-VN")
	p.AddPage()
	p.SetFont(pdfFamily, "B", 10)
	for _, l := range []string{clean(b.Parent), clean(b.Unit)} {
		p.CellFormat(pdfTextW, 5, l, "", 1, "L", false, 0, "")
	}
	p.SetFont(pdfFamily, "B", 13)
	p.CellFormat(pdfTextW, 8, bookTitle, "", 1, "C", false, 0, "")
	p.SetFont(pdfFamily, "", 9)
	p.CellFormat(pdfTextW, 5, b.periodLine(), "", 1, "C", false, 0, "")
	p.Ln(2)

	scale := pdfTextW / bookWidth()
	titles := make([]string, len(bookColumns))
	for i, c := range bookColumns {
		titles[i] = c.title
	}
	var row func(texts []string, bold bool)
	row = func(texts []string, bold bool) {
		style := ""
		if bold {
			style = "B"
		}
		p.SetFont(pdfFamily, style, 6.5)
		lines := make([][]string, len(texts))
		n := 1
		for i, t := range texts {
			lines[i] = p.SplitText(t, bookColumns[i].width*scale-1)
			n = max(n, len(lines[i]))
		}
		h := float64(n)*3.2 + 2
		if p.GetY()+h > pdfH-pdfBottom && !bold {
			p.AddPage()
			row(titles, true) // the heading again on every page
			style = ""
			p.SetFont(pdfFamily, style, 6.5)
		}
		x, y := p.GetX(), p.GetY()
		for i := range texts {
			cw := bookColumns[i].width * scale
			p.Rect(x, y, cw, h, "D")
			for k, l := range lines[i] {
				p.SetXY(x+0.5, y+1+float64(k)*3.2)
				p.CellFormat(cw-1, 3.2, l, "", 0, "L", false, 0, "")
			}
			x += cw
		}
		p.SetXY(pdfLeft, y+h)
	}
	row(titles, true)
	for i, r := range b.Rows {
		row(r.cells(i), false)
	}
	if len(b.Rows) == 0 {
		p.SetFont(pdfFamily, "", 9)
		p.CellFormat(pdfTextW, 8, "Không có hồ sơ tiếp nhận trong kỳ.", "1", 1, "C", false, 0, "")
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("report: render tracking book: %w", err)
	}
	return p.Output(w)
}

func bookWidth() float64 {
	w := 0.0
	for _, c := range bookColumns {
		w += c.width
	}
	return w
}
