package forms

import "strings"

// column is one table column: heading, width in millimetres and alignment
// of the body cells ("L", "C", "R").
type column struct {
	title string
	width float64
	align string
}

// table draws bordered tables whose rows grow to fit wrapped text. Rows are
// measured with SplitText and drawn line by line with CellFormat, rather than
// with MultiCell, so that the measured height and the drawn height come from
// the same line breaks and the borders always enclose the text.
type table struct {
	d    *doc
	cols []column
	size float64 // body font size
	lh   float64 // body line height
}

const cellPad = 1.2 // vertical padding inside a cell, mm

func newTable(d *doc, cols ...column) *table {
	return &table{d: d, cols: cols, size: bodySize - 0.5, lh: lineH - 0.4}
}

// head draws the heading row, in bold on a light grey ground.
func (t *table) head() {
	p := t.d.pdf
	t.d.font("B", smallSize)
	cells := make([][]string, len(t.cols))
	n := 1
	for i, c := range t.cols {
		cells[i] = p.SplitText(c.title, c.width)
		n = max(n, len(cells[i]))
	}
	h := float64(n)*smallH + 2*cellPad
	if p.GetY()+h+t.lh+2*cellPad > pageH-marginBottom {
		p.AddPage()
	}
	p.SetFillColor(235, 235, 235)
	t.draw(cells, h, smallH, true, func(int) string { return "C" })
	p.SetFillColor(255, 255, 255)
}

// row draws one body row. A row that does not fit under the cursor moves to
// a new page, below a repeated heading; a row taller than a whole page is
// split across pages instead, so no text is ever lost or overflows.
func (t *table) row(texts ...string) {
	p := t.d.pdf
	t.d.font("", t.size)
	cells := make([][]string, len(t.cols))
	for i, c := range t.cols {
		if i < len(texts) {
			cells[i] = p.SplitText(texts[i], c.width)
		}
	}
	align := func(i int) string { return t.cols[i].align }
	fresh := false // whether the cursor is at the top of a new page
	for {
		n := 1
		for _, c := range cells {
			n = max(n, len(c))
		}
		room := int((pageH - marginBottom - p.GetY() - 2*cellPad) / t.lh)
		if n <= room {
			t.draw(cells, float64(n)*t.lh+2*cellPad, t.lh, false, align)
			return
		}
		// Splitting pays only when the row would not fit a new page
		// either, and never leaves fewer than two lines at a page foot.
		full := int((pageH-marginBottom-marginTop-2*cellPad)/t.lh) - 4
		if !fresh && (n <= full || room < 2) {
			p.AddPage()
			t.head()
			t.d.font("", t.size)
			fresh = true
			continue
		}
		room = max(room, 1)
		first := make([][]string, len(cells))
		for i, c := range cells {
			k := min(room, len(c))
			first[i], cells[i] = c[:k], c[k:]
		}
		t.draw(first, float64(room)*t.lh+2*cellPad, t.lh, false, align)
		p.AddPage()
		t.head()
		t.d.font("", t.size)
		fresh = true
	}
}

// draw prints a row of pre-split cells of height h at the cursor and moves
// the cursor below it. A heading row is filled and its cells centred
// vertically. A tab in a line spreads its parts evenly across the cell,
// which is how the control slip puts "Người giao" and "Người nhận" side by
// side over their signatures.
//
// Automatic page breaks are off meanwhile: the caller has made room, and a
// break between two cells would tear the row.
func (t *table) draw(cells [][]string, h, lh float64, heading bool, align func(int) string) {
	p := t.d.pdf
	auto, margin := p.GetAutoPageBreak()
	p.SetAutoPageBreak(false, margin)
	defer p.SetAutoPageBreak(auto, margin)

	y := p.GetY()
	x := marginLeft
	style := "D"
	if heading {
		style = "FD"
	}
	for i, c := range t.cols {
		p.Rect(x, y, c.width, h, style)
		top := y + cellPad
		if heading {
			top = y + (h-float64(len(cells[i]))*lh)/2
		}
		for j, line := range cells[i] {
			ly := top + float64(j)*lh
			parts := strings.Split(line, "\t")
			pw := c.width / float64(len(parts))
			for k, part := range parts {
				a := align(i)
				if len(parts) > 1 {
					a = "C"
				}
				p.SetXY(x+float64(k)*pw, ly)
				p.CellFormat(pw, lh, part, "", 0, a, false, 0, "")
			}
		}
		x += c.width
	}
	p.SetXY(marginLeft, y+h)
}

// components draws the dossier-component table shared by forms 01 and 02.
// An empty list still gets one blank row, to be filled in by hand.
func (d *doc) components(cs []Component) {
	t := newTable(d,
		column{"STT", 12, "C"},
		column{"Tên giấy tờ", textW - 12 - 2*25, "L"},
		column{"Bản chính", 25, "C"},
		column{"Bản sao", 25, "C"},
	)
	t.head()
	if len(cs) == 0 {
		t.row("", "", "", "")
	}
	for i, c := range cs {
		t.row(itoa(i+1), clean(c.Name), count(c.Originals), count(c.Copies))
	}
	d.pdf.Ln(1.5)
}
