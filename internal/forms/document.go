package forms

import (
	"fmt"
	"io"
	"time"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/go-pdf/fpdf"
)

// Page geometry in millimetres. Decree 30/2020 Annex I sets the margins of
// administrative documents at 20–25 mm top and bottom, 30–35 mm left (for
// binding) and 15–20 mm right; the forms use the smallest of each so that a
// one-page form stays on one page.
const (
	pageW        = 210.0
	pageH        = 297.0
	marginLeft   = 30.0
	marginRight  = 15.0
	marginTop    = 20.0
	marginBottom = 20.0
	textW        = pageW - marginLeft - marginRight
)

// Type sizes in points and line heights in millimetres. DejaVu Sans is wider
// than the Times New Roman of official templates, so 11 pt here sets about
// as much text per line as 13 pt Times does.
const (
	family    = "DejaVuSans"
	bodySize  = 11.0
	smallSize = 9.5
	titleSize = 13.0
	lineH     = 5.4
	smallH    = 4.3
)

// doc wraps one fpdf document with the drawing helpers the forms share.
type doc struct {
	pdf   *fpdf.Fpdf
	pages int    // total page count, known on the second pass only
	code  string // dossier code repeated in the footer of multi-page forms
}

// meta is what a form contributes to the document setup.
type meta struct {
	form  string    // name used in error messages
	title string    // PDF title
	at    time.Time // fixes the PDF dates so that output is reproducible
	code  string
}

// render builds a form, and builds it once more when it runs past one page,
// so that each page can say "Trang n/N". fpdf's page-count alias would avoid
// the second pass, but fpdf picks the glyphs to embed as text is written,
// so a digit that first appears through the alias could be missing from
// the font subset; the second pass costs tens of milliseconds, and only for
// the rare multi-page form.
func render(w io.Writer, m meta, build func(d *doc)) error {
	d := newDoc(m, 0)
	build(d)
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("forms: %s: render: %w", m.form, err)
	}
	if n := d.pdf.PageCount(); n > 1 {
		d = newDoc(m, n)
		build(d)
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("forms: %s: write pdf: %w", m.form, err)
	}
	return nil
}

func newDoc(m meta, pages int) *doc {
	p := fpdf.New("P", "mm", "A4", "")
	d := &doc{pdf: p, pages: pages, code: m.code}
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetAutoPageBreak(true, marginBottom)
	// The font bytes are shared, read-only, by every document; fpdf parses
	// and subsets them per document, so only the glyphs used are embedded.
	p.AddUTF8FontFromBytes(family, "", dejavusans.TTF)
	p.AddUTF8FontFromBytes(family, "B", dejavusansbold.TTF)
	p.AddUTF8FontFromBytes(family, "I", dejavusansoblique.TTF)
	p.SetCompression(true)
	p.SetCatalogSort(true)
	// fpdf writes the date without a UTC offset, so give it UTC: a reader
	// then shows the true instant instead of Vietnam time labelled UTC.
	at := m.at.UTC()
	p.SetCreationDate(at)
	p.SetModificationDate(at)
	p.SetTitle(m.title, true)
	p.SetCreator("motcua", true)
	p.SetProducer("motcua forms (go-pdf/fpdf)", true)
	p.SetLang("vi-VN")
	p.SetFooterFunc(d.footer)
	p.AddPage()
	d.font("", bodySize)
	return d
}

// footer numbers the pages of a form that runs past one page and repeats
// the dossier code, because the pages of a control slip travel between
// agencies and can come apart.
func (d *doc) footer() {
	if d.pages < 2 {
		return
	}
	d.pdf.SetY(-marginBottom + 5)
	d.font("I", 8.5)
	s := fmt.Sprintf("Trang %d/%d", d.pdf.PageNo(), d.pages)
	if d.code != "" {
		s = "Mã hồ sơ: " + d.code + " – " + s
	}
	d.pdf.CellFormat(0, 4, s, "", 0, "R", false, 0, "")
}

func (d *doc) font(style string, size float64) { d.pdf.SetFont(family, style, size) }

// space needs h millimetres of page below the cursor and breaks the page
// otherwise; used before blocks that must not be split (signatures).
func (d *doc) space(h float64) {
	if d.pdf.GetY()+h > pageH-marginBottom {
		d.pdf.AddPage()
	}
}

// title prints the centred, upper-case form name.
func (d *doc) title(s string) {
	d.pdf.Ln(4)
	d.font("B", titleSize)
	d.pdf.MultiCell(textW, 6.5, upper(s), "", "C", false)
	d.font("", bodySize)
}

// para prints a justified paragraph, set off from the next by a little
// space as in a letter.
func (d *doc) para(s string) {
	d.font("", bodySize)
	d.pdf.MultiCell(textW, lineH, s, "", "J", false)
	d.pdf.Ln(1.2)
}

// field prints "Label: value" with the value in bold, flowing across lines;
// an empty value becomes a dotted blank to fill by hand.
func (d *doc) field(label, value string) {
	d.runs(run{label + ": ", ""}, run{orDots(value), "B"})
}

// run is a piece of text in one font style.
type run struct{ text, style string }

// runs flows styled pieces of text as one paragraph and ends the line.
func (d *doc) runs(rs ...run) {
	d.pdf.SetX(marginLeft)
	for _, r := range rs {
		d.font(r.style, bodySize)
		d.pdf.Write(lineH, r.text)
	}
	d.font("", bodySize)
	d.pdf.Ln(lineH)
}

// note prints small italic text, used for footnotes.
func (d *doc) note(s string) {
	d.font("I", smallSize)
	// Left-aligned: justifying would stretch the spaces of a line ending
	// in a long URL.
	d.pdf.MultiCell(textW, smallH, s, "", "L", false)
	d.font("", bodySize)
}

// signature is one signing block: the role in capitals, the hint in
// italics ("Ký và ghi rõ họ tên"), room to sign and the signer's name.
type signature struct{ role, hint, name string }

// signatures lays the blocks side by side; a single block takes the right
// half, where Vietnamese documents put the signer.
func (d *doc) signatures(sigs ...signature) {
	const blockH = 34.0
	d.pdf.Ln(4)
	d.space(blockH)
	y := d.pdf.GetY()
	w := textW / float64(len(sigs))
	x := marginLeft
	if len(sigs) == 1 {
		w = textW / 2
		x = marginLeft + textW/2
	}
	for i, s := range sigs {
		cx := x + float64(i)*w
		d.pdf.SetXY(cx, y)
		d.font("B", bodySize)
		d.pdf.MultiCell(w, lineH, upper(s.role), "", "C", false)
		d.pdf.SetX(cx)
		d.font("I", smallSize+0.5)
		d.pdf.MultiCell(w, lineH, "("+s.hint+")", "", "C", false)
		if s.name != "" {
			d.pdf.SetXY(cx, y+blockH-lineH)
			d.font("B", bodySize)
			d.pdf.MultiCell(w, lineH, s.name, "", "C", false)
		}
	}
	d.font("", bodySize)
	d.pdf.SetXY(marginLeft, y+blockH+2)
}
