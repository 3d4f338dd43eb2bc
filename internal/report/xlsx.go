package report

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// SheetName is the name of the report's only worksheet. It is ASCII because
// some import tools and macros in provincial systems mishandle diacritics in
// sheet names.
const SheetName = "Bao cao"

// Column layout of the worksheet: A is STT, B the agency or procedure, C…M
// the eleven figures.
const (
	xlsxCols      = 13
	xlsxLastCol   = "M"
	xlsxFont      = "Times New Roman" // the typeface of Vietnamese official documents
	xlsxSize      = 11.0
	xlsxNameWidth = 46.0 // characters
	xlsxNumWidth  = 10.5
	xlsxLineH     = 15.0 // points per line of 11 pt text
)

// numFmtThousands is the built-in number format "#,##0": the figures stay
// plain numbers that can be summed, and Excel shows the group separator of
// the reader's locale (a dot in Vietnamese).
const numFmtThousands = 3

// WriteXLSX writes s as an Excel workbook with one sheet, SheetName. The
// figures are numeric cells; the output depends only on s, so the same
// report gives the same bytes.
func WriteXLSX(w io.Writer, s Settlement) error {
	if err := validate(s); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f}
	x.build(s)
	if x.err != nil {
		return fmt.Errorf("report: xlsx: %w", x.err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("report: write xlsx: %w", err)
	}
	return nil
}

// xlsxWriter keeps the first error of the many excelize calls, so that the
// layout code reads as a sequence of steps.
type xlsxWriter struct {
	f      *excelize.File
	err    error
	styles map[string]int
}

func (x *xlsxWriter) do(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func (x *xlsxWriter) build(s Settlement) {
	f := x.f
	x.do(f.SetSheetName("Sheet1", SheetName))
	x.do(f.SetDefaultFont(xlsxFont))
	x.makeStyles()
	x.do(f.SetColWidth(SheetName, "A", "A", 6))
	x.do(f.SetColWidth(SheetName, "B", "B", xlsxNameWidth))
	x.do(f.SetColWidth(SheetName, "C", xlsxLastCol, xlsxNumWidth))

	row := 1
	x.banner(row, title(s), "title")
	x.do(f.SetRowHeight(SheetName, row, 22))
	row++
	for _, l := range infoLines(s) {
		style := "info"
		if strings.HasPrefix(l, "Kỳ báo cáo") || strings.HasPrefix(l, "Số liệu") {
			style = "infoItalic"
		}
		x.banner(row, l, style)
		row++
	}
	row++ // a blank row before the table

	head := row
	x.header(head)
	row += 2

	ls := lines(s.Rows)
	if len(ls) == 0 {
		x.banner(row, emptyText, "empty")
		x.do(f.SetRowHeight(SheetName, row, 2*xlsxLineH))
		row++
	}
	for _, l := range ls {
		if l.kind == agencyLine {
			x.str(1, row, l.stt, "sttBold")
			x.str(2, row, l.label, "agency")
			x.nums(row, l.nums, "numBold")
		} else {
			x.str(1, row, l.stt, "stt")
			x.str(2, row, l.label, "procedure")
			x.nums(row, l.nums, "num")
		}
		// Excel does not grow a row to fit wrapped text when it opens a
		// file, so the height is estimated here from the wrapped lines.
		if n := wrapCount(l.label, int(xlsxNameWidth)-3); n > 1 {
			x.do(f.SetRowHeight(SheetName, row, float64(n)*xlsxLineH+2))
		}
		row++
	}

	x.do(f.MergeCell(SheetName, cell(1, row), cell(2, row)))
	x.str(1, row, totalText, "totalLabel")
	x.style(cell(2, row), cell(2, row), "totalLabel")
	x.nums(row, s.Total.columns(), "total")
	x.do(f.SetRowHeight(SheetName, row, 18))
	row += 2

	x.do(f.MergeCell(SheetName, cell(1, row), cell(xlsxCols, row)))
	x.str(1, row, rateLine(s.Total), "rate")

	x.pageSetup(s, head)
}

// banner writes a line of text across the whole table width.
func (x *xlsxWriter) banner(row int, text, style string) {
	x.do(x.f.MergeCell(SheetName, cell(1, row), cell(xlsxCols, row)))
	x.str(1, row, text, style)
	x.style(cell(1, row), cell(xlsxCols, row), style)
}

func (x *xlsxWriter) str(col, row int, text, style string) {
	x.do(x.f.SetCellStr(SheetName, cell(col, row), text))
	x.style(cell(col, row), cell(col, row), style)
}

func (x *xlsxWriter) nums(row int, v [11]int64, style string) {
	for i, n := range v {
		x.do(x.f.SetCellInt(SheetName, cell(3+i, row), n))
	}
	x.style(cell(3, row), cell(xlsxCols, row), style)
}

func (x *xlsxWriter) style(from, to, name string) {
	id, ok := x.styles[name]
	if !ok {
		x.do(fmt.Errorf("unknown style %q", name))
		return
	}
	x.do(x.f.SetCellStyle(SheetName, from, to, id))
}

// header writes the two heading rows at row and row+1: STT and the name
// column span both rows, each group heading spans its columns.
func (x *xlsxWriter) header(row int) {
	f := x.f
	x.do(f.MergeCell(SheetName, cell(1, row), cell(1, row+1)))
	x.do(f.SetCellStr(SheetName, cell(1, row), "STT"))
	x.do(f.MergeCell(SheetName, cell(2, row), cell(2, row+1)))
	x.do(f.SetCellStr(SheetName, cell(2, row), nameHeading))
	col := 3
	for _, g := range groups {
		x.do(f.MergeCell(SheetName, cell(col, row), cell(col+g.span-1, row)))
		x.do(f.SetCellStr(SheetName, cell(col, row), g.title))
		col += g.span
	}
	for i, h := range subheads {
		x.do(f.SetCellStr(SheetName, cell(3+i, row+1), h))
	}
	// Styling the whole block, merged cells included, draws the borders of
	// every merged area on all its sides.
	x.style(cell(1, row), cell(xlsxCols, row+1), "header")
	x.do(f.SetRowHeight(SheetName, row, 2*xlsxLineH+4))
	x.do(f.SetRowHeight(SheetName, row+1, 4*xlsxLineH+4))
}

// pageSetup prints the sheet on A4 landscape, one page wide, with the
// heading rows repeated on every page and page numbers in the footer, and
// freezes the title and heading rows and the first two columns on screen.
func (x *xlsxWriter) pageSetup(s Settlement, head int) {
	f := x.f
	size, orient := 9, "landscape" // 9 is A4 in the ECMA-376 paper size list
	fitW, fitH := 1, 0             // 0: as many pages tall as needed
	fit := true
	x.do(f.SetPageLayout(SheetName, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH,
	}))
	x.do(f.SetSheetProps(SheetName, &excelize.SheetPropsOptions{FitToPage: &fit}))
	// Margins in inches: about 1.5 cm around, 2 cm on the left for binding.
	l, r, t, b, hf := 0.8, 0.6, 0.6, 0.7, 0.3
	x.do(f.SetPageMargins(SheetName, &excelize.PageLayoutMarginsOptions{
		Left: &l, Right: &r, Top: &t, Bottom: &b, Header: &hf, Footer: &hf,
	}))
	x.do(f.SetHeaderFooter(SheetName, &excelize.HeaderFooterOptions{
		OddFooter: "&R&8Trang &P/&N",
	}))
	x.do(f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", SheetName, head, head+1),
		Scope:    SheetName,
	}))
	x.do(f.SetPanes(SheetName, &excelize.Panes{
		Freeze:      true,
		XSplit:      2,
		YSplit:      head + 1,
		TopLeftCell: cell(3, head+2),
		ActivePane:  "bottomRight",
		Selection:   []excelize.Selection{{SQRef: cell(3, head+2), ActiveCell: cell(3, head+2), Pane: "bottomRight"}},
	}))
	// The document dates default to a constant in excelize; AsOf makes them
	// meaningful while keeping the output a function of s.
	props := &excelize.DocProperties{
		Title:    title(s),
		Subject:  periodLine(s.From, s.To),
		Creator:  "motcua",
		Language: "vi-VN",
	}
	if !s.AsOf.IsZero() {
		props.Created = s.AsOf.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	x.do(f.SetDocProps(props))
}

func (x *xlsxWriter) makeStyles() {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(bold, italic bool, size float64) *excelize.Font {
		return &excelize.Font{Family: xlsxFont, Size: size, Bold: bold, Italic: italic}
	}
	fill := func(rgb string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rgb}}
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	specs := map[string]*excelize.Style{
		"title":      {Font: font(true, false, 14), Alignment: center},
		"info":       {Font: font(false, false, 12), Alignment: center},
		"infoItalic": {Font: font(false, true, 12), Alignment: center},
		"header":     {Font: font(true, false, xlsxSize), Alignment: center, Border: border, Fill: fill("E7E6E6")},
		"stt":        {Font: font(false, false, xlsxSize), Alignment: center, Border: border},
		"sttBold":    {Font: font(true, false, xlsxSize), Alignment: center, Border: border, Fill: fill("F2F2F2")},
		"agency": {Font: font(true, false, xlsxSize), Border: border, Fill: fill("F2F2F2"),
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}},
		"procedure": {Font: font(false, false, xlsxSize), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true, Indent: 1}},
		"num": {Font: font(false, false, xlsxSize), Border: border, NumFmt: numFmtThousands,
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}},
		"numBold": {Font: font(true, false, xlsxSize), Border: border, NumFmt: numFmtThousands, Fill: fill("F2F2F2"),
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}},
		"totalLabel": {Font: font(true, false, xlsxSize), Alignment: center, Border: border, Fill: fill("E7E6E6")},
		"total": {Font: font(true, false, xlsxSize), Border: border, NumFmt: numFmtThousands, Fill: fill("E7E6E6"),
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}},
		"empty": {Font: font(false, true, xlsxSize), Alignment: center, Border: border},
		"rate": {Font: font(false, true, 12),
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}},
	}
	// Styles are registered in a fixed order so that their ids, and with
	// them the bytes of the file, do not depend on map iteration.
	names := []string{"title", "info", "infoItalic", "header", "stt", "sttBold", "agency", "procedure",
		"num", "numBold", "totalLabel", "total", "empty", "rate"}
	x.styles = make(map[string]int, len(names))
	for _, n := range names {
		id, err := x.f.NewStyle(specs[n])
		x.do(err)
		x.styles[n] = id
	}
}

// wrapCount estimates how many lines text takes when wrapped at width
// characters, breaking between words as Excel does.
func wrapCount(text string, width int) int {
	n, cur := 1, 0
	for _, w := range strings.Fields(text) {
		l := utf8.RuneCountInString(w)
		switch {
		case cur == 0:
			cur = l
		case cur+1+l <= width:
			cur += 1 + l
		default:
			n++
			cur = l
		}
		for cur > width { // a word longer than the line is broken
			n++
			cur -= width
		}
	}
	return n
}
