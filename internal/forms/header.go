package forms

import "time"

// Header columns. Decree 30/2020 puts the issuing agency on the left and the
// national title on the right, each centred in its own column; the right
// column is the wider because the national title is the longer line.
const (
	leftColW  = 68.0
	rightColX = marginLeft + leftColW
	rightColW = textW - leftColW
)

// header describes the standard administrative header of a form.
type header struct {
	agency Agency
	suffix string    // number suffix: "TNHS" prints "Số: ……/TNHS"; empty prints no number line
	number string    // the number before the suffix; blank prints dots to write by hand
	dated  bool      // whether to print the place-and-date line under the motto
	place  string    // place of issue; blank prints dots
	at     time.Time // date of issue; zero prints dots
}

// header prints the header and leaves the cursor under it, at the left margin.
func (d *doc) header(h header) {
	p := d.pdf
	top := p.GetY()

	// Left column: parent agency, agency name in bold, a short rule.
	p.SetXY(marginLeft, top)
	if parent := upper(h.agency.Parent); parent != "" {
		d.font("", bodySize)
		p.MultiCell(leftColW, lineH, parent, "", "C", false)
		p.SetX(marginLeft)
	}
	d.font("B", bodySize)
	p.MultiCell(leftColW, lineH, orDots(upper(h.agency.Name)), "", "C", false)
	leftY := p.GetY() + 0.8
	rule(d, marginLeft+leftColW/2, leftY, leftColW/3)
	leftY += 1.5

	// Right column: national title and motto, the motto underlined by a rule
	// as long as the motto itself.
	p.SetXY(rightColX, top)
	national := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	d.font("B", fitSize(d, national, "B", bodySize, rightColW-2))
	p.MultiCell(rightColW, lineH, national, "", "C", false)
	p.SetX(rightColX)
	motto := "Độc lập - Tự do - Hạnh phúc"
	d.font("B", bodySize+0.5)
	p.MultiCell(rightColW, lineH+0.4, motto, "", "C", false)
	rightY := p.GetY() + 0.8
	rule(d, rightColX+rightColW/2, rightY, p.GetStringWidth(motto))
	rightY += 1.5

	// The number line and the place-and-date line share a baseline.
	y := max(leftY, rightY) + 1.5
	bottom := y
	if h.suffix != "" {
		p.SetXY(marginLeft, y)
		// A dossier code as the number is long: shrink it onto one line
		// rather than break "HDHS" in two.
		line := "Số: " + orDots(h.number) + "/" + h.suffix
		d.font("", fitSize(d, line, "", bodySize, leftColW-2))
		p.MultiCell(leftColW, lineH, line, "", "C", false)
		bottom = max(bottom, p.GetY())
	}
	if h.dated {
		p.SetXY(rightColX, y)
		d.font("I", bodySize)
		p.MultiCell(rightColW, lineH, dateLine(clean(h.place), h.at), "", "C", false)
		bottom = max(bottom, p.GetY())
	}
	d.font("", bodySize)
	p.SetXY(marginLeft, bottom)
}

// rule draws a horizontal line of width w centred on cx.
func rule(d *doc, cx, y, w float64) {
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(cx-w/2, y, cx+w/2, y)
	d.pdf.SetLineWidth(0.2)
}

// fitSize returns the largest size not above size at which s fits in w, so
// that the national title stays on one line whatever the column width.
func fitSize(d *doc, s, style string, size, w float64) float64 {
	d.font(style, size)
	for size > 8 && d.pdf.GetStringWidth(s) > w {
		size -= 0.25
		d.font(style, size)
	}
	return size
}
