package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/go-pdf/fpdf"
)

// Page geometry of the PDF in millimetres: A4 landscape, with a wider left
// margin for binding the printed report.
const (
	pdfW       = 297.0
	pdfH       = 210.0
	pdfLeft    = 18.0
	pdfRight   = 12.0
	pdfTop     = 12.0
	pdfBottom  = 14.0 // the footer sits inside this margin
	pdfTextW   = pdfW - pdfLeft - pdfRight
	pdfSTTW    = 13.0
	pdfNameW   = 78.0
	pdfNumW    = (pdfTextW - pdfSTTW - pdfNameW) / 11
	pdfFamily  = "DejaVuSans"
	pdfBody    = 8.0 // pt; DejaVu Sans is wide, and eleven figures must fit
	pdfLineH   = 3.6 // mm per line of body text
	pdfPad     = 1.1 // vertical padding inside a cell
	pdfIndent  = 3.0 // procedures are indented under their agency
	pdfMinSize = 5.0 // smallest size a figure is shrunk to to fit its column
)

// WritePDF writes s as an A4 landscape PDF. The table's heading rows are
// repeated on every page and the pages are numbered "Trang n/N". The output
// depends only on s.
func WritePDF(w io.Writer, s Settlement) error {
	if err := validate(s); err != nil {
		return err
	}
	// The page total is known only once the table is laid out, so a report
	// that runs past one page is rendered a second time with it. fpdf's
	// page-count alias would avoid the second pass, but fpdf subsets the
	// font from the text written, so digits that appear only through the
	// alias could be missing from the embedded font.
	p := renderPDF(s, 1)
	if n := p.PageCount(); n > 1 && p.Error() == nil {
		p = renderPDF(s, n)
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("report: render pdf: %w", err)
	}
	if err := p.Output(w); err != nil {
		return fmt.Errorf("report: write pdf: %w", err)
	}
	return nil
}

// pdfWriter lays out one rendering of the report.
type pdfWriter struct {
	p      *fpdf.Fpdf
	pages  int    // page total printed in the footer
	period string // short period repeated in the footer of every page
}

func renderPDF(s Settlement, pages int) *fpdf.Fpdf {
	p := fpdf.New("L", "mm", "A4", "")
	d := &pdfWriter{p: p, pages: pages}
	last := s.To.Add(-time.Nanosecond).In(ict)
	d.period = "Kỳ báo cáo " + s.From.In(ict).Format("02/01/2006") + " – " + last.Format("02/01/2006")

	p.SetMargins(pdfLeft, pdfTop, pdfRight)
	// Page breaks are placed by the table code, which knows where a row
	// ends and repeats the heading; an automatic break could tear a row.
	p.SetAutoPageBreak(false, pdfBottom)
	// fpdf parses and subsets the fonts per document, so only the glyphs
	// used are embedded.
	p.AddUTF8FontFromBytes(pdfFamily, "", dejavusans.TTF)
	p.AddUTF8FontFromBytes(pdfFamily, "B", dejavusansbold.TTF)
	p.AddUTF8FontFromBytes(pdfFamily, "I", dejavusansoblique.TTF)
	p.SetCompression(true)
	p.SetCatalogSort(true)
	// fpdf stamps the current time unless told otherwise; AsOf (or the end
	// of the period) keeps the output reproducible. fpdf writes the date
	// without an offset, hence UTC.
	at := s.AsOf
	if at.IsZero() {
		at = s.To
	}
	p.SetCreationDate(at.UTC())
	p.SetModificationDate(at.UTC())
	p.SetTitle(title(s), true)
	if u := clean(s.Unit); u != "" {
		p.SetAuthor(u, true)
	}
	p.SetCreator("motcua", true)
	p.SetProducer("motcua report (go-pdf/fpdf)", true)
	p.SetLang("vi-VN")
	p.SetFooterFunc(d.footer)
	p.AddPage()

	d.heading(s)
	d.table(s)
	return p
}

func (d *pdfWriter) font(style string, size float64) { d.p.SetFont(pdfFamily, style, size) }

// footer prints the period and the page number on every page, because the
// pages of a long report are handled separately once printed.
func (d *pdfWriter) footer() {
	p := d.p
	p.SetXY(pdfLeft, pdfH-pdfBottom+5)
	d.font("I", 7.5)
	p.CellFormat(pdfTextW/2, 4, d.period, "", 0, "L", false, 0, "")
	p.CellFormat(pdfTextW/2, 4, fmt.Sprintf("Trang %d/%d", p.PageNo(), d.pages), "", 0, "R", false, 0, "")
}

// heading prints the title and the lines under it, on the first page only.
func (d *pdfWriter) heading(s Settlement) {
	p := d.p
	d.font("B", 13)
	p.SetX(pdfLeft)
	p.MultiCell(pdfTextW, 6, title(s), "", "C", false)
	p.Ln(1)
	for _, l := range infoLines(s) {
		style := ""
		if strings.HasPrefix(l, "Kỳ báo cáo") || strings.HasPrefix(l, "Số liệu") {
			style = "I"
		}
		d.font(style, 10)
		p.SetX(pdfLeft)
		p.MultiCell(pdfTextW, 5, l, "", "C", false)
	}
	p.Ln(3)
}

// table prints the heading rows, the body, the total row and the rate.
func (d *pdfWriter) table(s Settlement) {
	p := d.p
	d.header()
	ls := lines(s.Rows)
	if len(ls) == 0 {
		d.font("I", 9)
		h := 2*pdfLineH + 2*pdfPad
		y := p.GetY()
		p.Rect(pdfLeft, y, pdfTextW, h, "D")
		p.SetXY(pdfLeft, y)
		p.CellFormat(pdfTextW, h, emptyText, "", 0, "C", false, 0, "")
		p.SetXY(pdfLeft, y+h)
	}
	for i, l := range ls {
		cells := d.bodyCells(l)
		h := rowHeight(cells)
		// An agency row keeps its first procedure with it, so that a page
		// does not end on a subtotal whose details are overleaf.
		need := h
		if l.kind == agencyLine && i+1 < len(ls) && ls[i+1].kind == procedureLine {
			need += rowHeight(d.bodyCells(ls[i+1]))
		}
		d.room(need)
		d.row(cells, h, l.kind == agencyLine)
	}

	total := bodyLine{labelLines: []string{totalText}, nums: s.Total.columns()}
	h := rowHeight(total)
	d.room(h)
	d.totalRow(total, h)

	d.font("I", 9.5)
	text := rateLine(s.Total)
	if pdfH-pdfBottom-p.GetY() < 10 {
		p.AddPage() // below the table, so no heading rows are repeated
	}
	p.Ln(3)
	p.SetX(pdfLeft)
	p.MultiCell(pdfTextW, 4.5, text, "", "L", false)
}

// bodyLine is a table row measured for the PDF.
type bodyLine struct {
	stt        string
	labelLines []string
	indent     float64
	nums       [11]int64
}

func rowHeight(b bodyLine) float64 {
	return float64(max(1, len(b.labelLines)))*pdfLineH + 2*pdfPad
}

// maxLabelLines caps a pathological procedure name so that every row fits
// on a page below the heading rows.
const maxLabelLines = 30

func (d *pdfWriter) bodyCells(l line) bodyLine {
	b := bodyLine{stt: l.stt, nums: l.nums}
	if l.kind == agencyLine {
		d.font("B", pdfBody)
	} else {
		d.font("", pdfBody)
		b.indent = pdfIndent
	}
	b.labelLines = d.p.SplitText(l.label, pdfNameW-b.indent)
	if len(b.labelLines) > maxLabelLines {
		b.labelLines = b.labelLines[:maxLabelLines]
		b.labelLines[maxLabelLines-1] += " …"
	}
	return b
}

// room starts a new page, with the heading rows, unless h millimetres are
// left above the bottom margin.
func (d *pdfWriter) room(h float64) {
	if d.p.GetY()+h <= pdfH-pdfBottom {
		return
	}
	d.p.AddPage()
	d.header()
}

// header draws the two heading rows: STT and the name column span both,
// each group heading spans its columns in the first row, and the second
// row has one heading per figure.
func (d *pdfWriter) header() {
	p := d.p
	const lh = 3.2
	// Headings are set small and with half the usual cell margin so that
	// "Trước hạn", "Đúng hạn" and "Trong hạn" each fit on one line of the
	// narrow figure columns.
	d.font("B", 7)
	margin := p.GetCellMargin()
	p.SetCellMargin(0.5)
	defer p.SetCellMargin(margin)
	g1 := 1
	for _, g := range groups {
		g1 = max(g1, len(p.SplitText(g.title, float64(g.span)*pdfNumW)))
	}
	subs := make([][]string, len(subheads))
	g2 := 1
	for i, s := range subheads {
		subs[i] = p.SplitText(s, pdfNumW)
		g2 = max(g2, len(subs[i]))
	}
	h1 := float64(g1)*lh + 2*pdfPad
	h2 := float64(g2)*lh + 2*pdfPad
	y := p.GetY()
	p.SetFillColor(231, 230, 230)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)

	box := func(x, y, w, h float64, ls []string) {
		p.Rect(x, y, w, h, "FD")
		top := y + (h-float64(len(ls))*lh)/2
		for i, l := range ls {
			p.SetXY(x, top+float64(i)*lh)
			p.CellFormat(w, lh, l, "", 0, "C", false, 0, "")
		}
	}
	box(pdfLeft, y, pdfSTTW, h1+h2, []string{"STT"})
	box(pdfLeft+pdfSTTW, y, pdfNameW, h1+h2, p.SplitText(nameHeading, pdfNameW))
	x := pdfLeft + pdfSTTW + pdfNameW
	for _, g := range groups {
		w := float64(g.span) * pdfNumW
		box(x, y, w, h1, p.SplitText(g.title, w))
		x += w
	}
	x = pdfLeft + pdfSTTW + pdfNameW
	for i := range subheads {
		box(x, y+h1, pdfNumW, h2, subs[i])
		x += pdfNumW
	}
	p.SetXY(pdfLeft, y+h1+h2)
	p.SetFillColor(255, 255, 255)
}

// row draws one body row of height h at the cursor. Agency rows are bold on
// a light ground, as subtotals.
func (d *pdfWriter) row(b bodyLine, h float64, bold bool) {
	p := d.p
	style, fillStyle := "", "D"
	if bold {
		style, fillStyle = "B", "FD"
		p.SetFillColor(242, 242, 242)
	}
	y := p.GetY()
	x := pdfLeft
	d.font(style, pdfBody)
	p.Rect(x, y, pdfSTTW, h, fillStyle)
	d.middle(x, y, pdfSTTW, h, []string{b.stt}, "C")
	x += pdfSTTW
	p.Rect(x, y, pdfNameW, h, fillStyle)
	d.middle(x+b.indent, y, pdfNameW-b.indent, h, b.labelLines, "L")
	x += pdfNameW
	d.figures(x, y, h, b.nums, style, fillStyle)
	p.SetXY(pdfLeft, y+h)
	p.SetFillColor(255, 255, 255)
}

// totalRow draws the total row, its label across the STT and name columns.
func (d *pdfWriter) totalRow(b bodyLine, h float64) {
	p := d.p
	p.SetFillColor(231, 230, 230)
	y := p.GetY()
	d.font("B", pdfBody)
	p.Rect(pdfLeft, y, pdfSTTW+pdfNameW, h, "FD")
	d.middle(pdfLeft, y, pdfSTTW+pdfNameW, h, b.labelLines, "C")
	d.figures(pdfLeft+pdfSTTW+pdfNameW, y, h, b.nums, "B", "FD")
	p.SetXY(pdfLeft, y+h)
	p.SetFillColor(255, 255, 255)
}

// figures draws the eleven number cells from x. A figure too wide for its
// column is set smaller rather than overflowing into the next one.
func (d *pdfWriter) figures(x, y, h float64, nums [11]int64, style, fillStyle string) {
	p := d.p
	for _, n := range nums {
		s := thousands(n)
		p.Rect(x, y, pdfNumW, h, fillStyle)
		size := pdfBody
		d.font(style, size)
		for size > pdfMinSize && p.GetStringWidth(s) > pdfNumW-2 {
			size -= 0.5
			d.font(style, size)
		}
		d.middle(x, y, pdfNumW, h, []string{s}, "R")
		x += pdfNumW
	}
	d.font(style, pdfBody)
}

// middle prints lines centred vertically in the cell at x, y of width w and
// height h; CellFormat adds fpdf's 1 mm cell margin left and right, the
// same margin SplitText allowed for.
func (d *pdfWriter) middle(x, y, w, h float64, ls []string, align string) {
	top := y + (h-float64(len(ls))*pdfLineH)/2
	for i, l := range ls {
		d.p.SetXY(x, top+float64(i)*pdfLineH)
		d.p.CellFormat(w, pdfLineH, l, "", 0, align, false, 0, "")
	}
}
