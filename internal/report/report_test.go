package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The sample is two agencies of two procedures each. The subtotals and the
// total are written out rather than computed so that a mistake in Add or in
// the column order cannot hide itself; TestSampleConsistent checks them.
var (
	p11 = Counts{ReceivedOnline: 1000, ReceivedDirect: 150, CarriedOver: 50, SettledEarly: 700, SettledOnTime: 380, SettledLate: 20, OpenWithin: 90, OpenOverdue: 10}
	p12 = Counts{ReceivedOnline: 100, ReceivedDirect: 250, CarriedOver: 0, SettledEarly: 200, SettledOnTime: 90, SettledLate: 30, OpenWithin: 25, OpenOverdue: 5}
	a1  = Counts{ReceivedOnline: 1100, ReceivedDirect: 400, CarriedOver: 50, SettledEarly: 900, SettledOnTime: 470, SettledLate: 50, OpenWithin: 115, OpenOverdue: 15}
	p21 = Counts{ReceivedOnline: 60, ReceivedDirect: 20, CarriedOver: 40, SettledEarly: 30, SettledOnTime: 40, SettledLate: 30, OpenWithin: 15, OpenOverdue: 5}
	p22 = Counts{ReceivedOnline: 80, ReceivedDirect: 10, CarriedOver: 10, SettledEarly: 40, SettledOnTime: 20, SettledLate: 20, OpenWithin: 18, OpenOverdue: 2}
	a2  = Counts{ReceivedOnline: 140, ReceivedDirect: 30, CarriedOver: 50, SettledEarly: 70, SettledOnTime: 60, SettledLate: 50, OpenWithin: 33, OpenOverdue: 7}
	tot = Counts{ReceivedOnline: 1240, ReceivedDirect: 430, CarriedOver: 100, SettledEarly: 970, SettledOnTime: 530, SettledLate: 100, OpenWithin: 148, OpenOverdue: 22}
)

// The eleven figures of each table row as they must appear, column by
// column: received (total, online, direct, carried over), settled (total,
// early, on time, late), open (total, within, overdue).
var wantRows = [][11]int64{
	{1550, 1100, 400, 50, 1420, 900, 470, 50, 130, 115, 15},
	{1200, 1000, 150, 50, 1100, 700, 380, 20, 100, 90, 10},
	{350, 100, 250, 0, 320, 200, 90, 30, 30, 25, 5},
	{220, 140, 30, 50, 180, 70, 60, 50, 40, 33, 7},
	{120, 60, 20, 40, 100, 30, 40, 30, 20, 15, 5},
	{100, 80, 10, 10, 80, 40, 20, 20, 20, 18, 2},
}

var wantTotal = [11]int64{1770, 1240, 430, 100, 1600, 970, 530, 100, 170, 148, 22}

const (
	longName   = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam"
	periodWant = "Kỳ báo cáo: từ ngày 01/10/2026 đến ngày 31/12/2026"
	asOfWant   = "Số liệu tính đến 08:30 ngày 02/01/2027"
)

func sample() Settlement {
	return Settlement{
		Title: DefaultTitle,
		Unit:  "Trung tâm Phục vụ hành chính công tỉnh H99",
		Scope: "Toàn tỉnh",
		// Midnight in Vietnam given in UTC, so that the zone conversion is
		// exercised: the period is the fourth quarter of 2026.
		From: time.Date(2026, 9, 30, 17, 0, 0, 0, time.UTC),
		To:   time.Date(2026, 12, 31, 17, 0, 0, 0, time.UTC),
		AsOf: time.Date(2027, 1, 2, 1, 30, 0, 0, time.UTC),
		Rows: []Row{
			{AgencyCode: "STP", AgencyName: "Sở Tư pháp", Counts: a1},
			{AgencyCode: "STP", AgencyName: "Sở Tư pháp", ProcedureCode: "1.001234", ProcedureName: longName, Counts: p11},
			{AgencyCode: "STP", AgencyName: "Sở Tư pháp", ProcedureCode: "2.000908", ProcedureName: "Chứng thực bản sao từ bản chính", Counts: p12},
			{AgencyCode: "SXD", AgencyName: "Sở Xây dựng", Counts: a2},
			{AgencyCode: "SXD", AgencyName: "Sở Xây dựng", ProcedureCode: "1.009994", ProcedureName: "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II", Counts: p21},
			{AgencyCode: "SXD", AgencyName: "Sở Xây dựng", ProcedureCode: "1.009972", ProcedureName: "Cấp chứng chỉ hành nghề hoạt động xây dựng", Counts: p22},
		},
		Total: tot,
	}
}

func TestSampleConsistent(t *testing.T) {
	if got := p11.Add(p12); got != a1 {
		t.Errorf("agency 1 subtotal: %+v, want %+v", got, a1)
	}
	if got := p21.Add(p22); got != a2 {
		t.Errorf("agency 2 subtotal: %+v, want %+v", got, a2)
	}
	if got := a1.Add(a2); got != tot {
		t.Errorf("total: %+v, want %+v", got, tot)
	}
	if tot.Received() != 1770 || tot.Settled() != 1600 || tot.Open() != 170 {
		t.Errorf("Received/Settled/Open = %d/%d/%d, want 1770/1600/170", tot.Received(), tot.Settled(), tot.Open())
	}
}

func TestFormatting(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 7: "7", 999: "999", 1000: "1.000", 1234: "1.234", 1234567: "1.234.567", -45678: "-45.678"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
	for _, c := range []struct {
		num, den int64
		want     string
	}{
		{1500, 1600, "93,75%"},
		{1, 3, "33,33%"},
		{2, 3, "66,67%"},
		{1, 8, "12,50%"},
		{1, 80000, "0,00%"},
		{1, 40000, "0,00%"}, // 0.0025 %, a quarter of a hundredth
		{1, 20000, "0,01%"}, // 0.005 %, a half, rounded up
		{5, 5, "100,00%"},
		{0, 7, "0,00%"},
		{0, 0, "—"},
	} {
		if got := percent(c.num, c.den); got != c.want {
			t.Errorf("percent(%d, %d) = %q, want %q", c.num, c.den, got, c.want)
		}
	}
	s := sample()
	if got := periodLine(s.From, s.To); got != periodWant {
		t.Errorf("periodLine = %q, want %q", got, periodWant)
	}
	// A period cut short at "now" ends on now's own day.
	now := time.Date(2026, 11, 15, 14, 20, 0, 0, ict)
	if got, want := periodLine(s.From, now), "Kỳ báo cáo: từ ngày 01/10/2026 đến ngày 15/11/2026"; got != want {
		t.Errorf("periodLine(…, now) = %q, want %q", got, want)
	}
	if got := asOfLine(s.AsOf); got != asOfWant {
		t.Errorf("asOfLine = %q, want %q", got, asOfWant)
	}
	if got, want := clean(" Sở\tTư\npháp\x00 🙂 "), "Sở Tư pháp ?"; got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
	// Decomposed input (as some keyboards and databases produce) is
	// composed so that both formats print the precomposed letters.
	if got, want := clean("Tu\u031b pha\u0301p"), "Tư pháp"; got != want {
		t.Errorf("clean(NFD) = %q, want %q", got, want)
	}
}

func TestValidate(t *testing.T) {
	s := sample()
	s.To, s.From = s.From, s.To
	if err := WriteXLSX(&bytes.Buffer{}, s); err == nil {
		t.Error("WriteXLSX accepted an inverted period")
	}
	s = sample()
	s.Rows[2].SettledLate = -1
	if err := WritePDF(&bytes.Buffer{}, s); err == nil {
		t.Error("WritePDF accepted a negative count")
	}
	s = sample()
	s.From = time.Time{}
	if err := WritePDF(&bytes.Buffer{}, s); err == nil {
		t.Error("WritePDF accepted a missing period start")
	}
}

// save writes out to REPORT_OUT when set, for looking at the files.
func save(t *testing.T, name string, data []byte) {
	if dir := os.Getenv("REPORT_OUT"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func openXLSX(t *testing.T, s Settlement) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, s); err != nil {
		t.Fatal(err)
	}
	save(t, t.Name()+".xlsx", buf.Bytes())
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetName}) {
		t.Fatalf("sheets = %q, want [%q]", got, SheetName)
	}
	return f
}

func value(t *testing.T, f *excelize.File, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(SheetName, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// number checks that ref is a numeric cell formatted "#,##0" and returns
// its value.
func number(t *testing.T, f *excelize.File, ref string) int64 {
	t.Helper()
	typ, err := f.GetCellType(SheetName, ref)
	if err != nil {
		t.Fatal(err)
	}
	// excelize writes numbers without a t attribute, which reads back as
	// unset; strings read back as shared or inline strings.
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s: cell type %v, want a number", ref, typ)
	}
	v := value(t, f, ref)
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		t.Errorf("%s: %q is not an integer", ref, v)
	}
	id, err := f.GetCellStyle(SheetName, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.NumFmt != 3 && (st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0") {
		t.Errorf("%s: number format %d/%v, want #,##0", ref, st.NumFmt, st.CustomNumFmt)
	}
	return n
}

func mergedRanges(t *testing.T, f *excelize.File) []string {
	t.Helper()
	mcs, err := f.GetMergeCells(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range mcs {
		out = append(out, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	slices.Sort(out)
	return out
}

func TestXLSX(t *testing.T) {
	f := openXLSX(t, sample())

	// Rows 1–5: title, unit, scope, period, as-of; 6 blank; 7–8 heading;
	// 9–14 body; 15 total; 16 blank; 17 rate.
	for ref, want := range map[string]string{
		"A1":  DefaultTitle,
		"A2":  "Đơn vị báo cáo: Trung tâm Phục vụ hành chính công tỉnh H99",
		"A3":  "Phạm vi báo cáo: Toàn tỉnh",
		"A4":  periodWant,
		"A5":  asOfWant,
		"A7":  "STT",
		"B7":  "Lĩnh vực/Cơ quan, Thủ tục",
		"C7":  "Số hồ sơ nhận giải quyết",
		"G7":  "Số hồ sơ đã giải quyết",
		"K7":  "Số hồ sơ đang giải quyết",
		"C8":  "Tổng số",
		"D8":  "Trong kỳ: Trực tuyến",
		"E8":  "Trong kỳ: Trực tiếp, bưu chính",
		"F8":  "Từ kỳ trước chuyển qua",
		"G8":  "Tổng số",
		"H8":  "Trước hạn",
		"I8":  "Đúng hạn",
		"J8":  "Quá hạn",
		"K8":  "Tổng số",
		"L8":  "Trong hạn",
		"M8":  "Quá hạn",
		"A9":  "1",
		"B9":  "Sở Tư pháp",
		"A10": "1.1",
		"B10": longName,
		"A11": "1.2",
		"A12": "2",
		"B12": "Sở Xây dựng",
		"A14": "2.2",
		"B14": "Cấp chứng chỉ hành nghề hoạt động xây dựng",
		"A15": "Tổng cộng",
		"A17": "Tỷ lệ giải quyết đúng hạn (trước hạn + đúng hạn) / đã giải quyết: 93,75%",
	} {
		if got := value(t, f, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}

	want := []string{"A1:M1", "A2:M2", "A3:M3", "A4:M4", "A5:M5",
		"A7:A8", "B7:B8", "C7:F7", "G7:J7", "K7:M7", "A15:B15", "A17:M17"}
	slices.Sort(want)
	if got := mergedRanges(t, f); !slices.Equal(got, want) {
		t.Errorf("merged ranges = %q, want %q", got, want)
	}

	for i, wr := range wantRows {
		for j, w := range wr {
			ref := cell(3+j, 9+i)
			if got := number(t, f, ref); got != w {
				t.Errorf("%s = %d, want %d", ref, got, w)
			}
		}
	}
	for j, w := range wantTotal {
		ref := cell(3+j, 15)
		if got := number(t, f, ref); got != w {
			t.Errorf("total %s = %d, want %d", ref, got, w)
		}
	}
	// Nothing beyond the rate line.
	rows, err := f.GetRows(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 17 {
		t.Errorf("%d rows, want 17", len(rows))
	}

	// Agency rows bold, procedure rows not; names wrap.
	bold := func(ref string) bool {
		id, _ := f.GetCellStyle(SheetName, ref)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Font != nil && st.Font.Bold
	}
	if !bold("B9") || !bold("C9") || bold("B10") || bold("C10") || !bold("M15") {
		t.Error("agency and total rows must be bold, procedure rows not")
	}
	id, _ := f.GetCellStyle(SheetName, "B10")
	if st, _ := f.GetStyle(id); st.Alignment == nil || !st.Alignment.WrapText {
		t.Error("procedure names do not wrap")
	}
	if h, _ := f.GetRowHeight(SheetName, 10); h <= xlsxLineH {
		t.Errorf("row 10 with a long name is %.1f pt high, want more than one line", h)
	}

	panes, err := f.GetPanes(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 8 || panes.XSplit != 2 {
		t.Errorf("panes = %+v, want frozen at C9", panes)
	}
	layout, err := f.GetPageLayout(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" {
		t.Errorf("page layout = %+v, want A4 landscape", layout)
	}
	var titles bool
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.RefersTo == "'Bao cao'!$7:$8" {
			titles = true
		}
	}
	if !titles {
		t.Errorf("no print titles for rows 7–8 in %+v", f.GetDefinedName())
	}
	if w, _ := f.GetColWidth(SheetName, "B"); w < 30 {
		t.Errorf("column B is %.1f wide, too narrow for procedure names", w)
	}
}

func TestXLSXEmpty(t *testing.T) {
	s := sample()
	s.Rows, s.Total, s.Scope = nil, Counts{}, ""
	f := openXLSX(t, s)
	// Without a scope line the heading moves up a row: 6–7, message 8,
	// total 9, rate 11.
	for ref, want := range map[string]string{
		"A6":  "STT",
		"A8":  "Không có hồ sơ trong kỳ",
		"A9":  "Tổng cộng",
		"A11": "Tỷ lệ giải quyết đúng hạn (trước hạn + đúng hạn) / đã giải quyết: —",
	} {
		if got := value(t, f, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	for j := range 11 {
		if got := number(t, f, cell(3+j, 9)); got != 0 {
			t.Errorf("total %s = %d, want 0", cell(3+j, 9), got)
		}
	}
	if got := mergedRanges(t, f); !slices.Contains(got, "A8:M8") {
		t.Errorf("message row not merged across the table: %q", got)
	}
}

func TestDeterministic(t *testing.T) {
	for name, write := range map[string]func(*bytes.Buffer, Settlement) error{
		"xlsx": func(b *bytes.Buffer, s Settlement) error { return WriteXLSX(b, s) },
		"pdf":  func(b *bytes.Buffer, s Settlement) error { return WritePDF(b, s) },
	} {
		var a, b bytes.Buffer
		if err := write(&a, sample()); err != nil {
			t.Fatal(err)
		}
		if err := write(&b, sample()); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two renderings of the same report differ", name)
		}
	}
}

// pdfText renders s and returns the text of its pages, laid out, split at
// form feeds.
func pdfText(t *testing.T, s Settlement) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, s); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("output starts %q, not %%PDF-", buf.Bytes()[:min(8, buf.Len())])
	}
	save(t, t.Name()+".pdf", buf.Bytes())
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is required in CI")
		}
		t.Skip("pdftotext not installed")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "r.pdf"), filepath.Join(dir, "r.txt")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(bin, "-layout", "-enc", "UTF-8", in, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftotext: %v: %s", err, msg)
	}
	text, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(text), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

func TestPDF(t *testing.T) {
	pages := pdfText(t, sample())
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	text := pages[0]
	for _, want := range []string{
		DefaultTitle,
		"Đơn vị báo cáo: Trung tâm Phục vụ hành chính công tỉnh H99",
		periodWant,
		asOfWant,
		"Sở Tư pháp",
		"Sở Xây dựng",
		"Số hồ sơ nhận giải quyết",
		"Số hồ sơ đang giải quyết",
		"Tỷ lệ giải quyết đúng hạn (trước hạn + đúng hạn) / đã giải quyết: 93,75%",
		"Trang 1/1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// The total row: the label, then the eleven figures with dots.
	var total []string
	for l := range strings.Lines(text) {
		if strings.Contains(l, "Tổng cộng") {
			total = strings.Fields(strings.SplitN(l, "Tổng cộng", 2)[1])
		}
	}
	var want []string
	for _, n := range wantTotal {
		want = append(want, thousands(n))
	}
	if !slices.Equal(total, want) {
		t.Errorf("total row = %q, want %q", total, want)
	}
	if want[0] != "1.770" {
		t.Errorf("thousands separator: %q", want[0])
	}
	// The first agency row, with its figures on the same line.
	if !regexp.MustCompile(`1\s+Sở Tư pháp\s+1\.550\s+1\.100\s+400\s+50\s+1\.420\s+900\s+470\s+50\s+130\s+115\s+15\n`).MatchString(text) {
		t.Errorf("agency row not found in:\n%s", text)
	}
}

func TestPDFManyPages(t *testing.T) {
	s := sample()
	s.Rows = nil
	var total Counts
	// 30 agencies of 9 procedures: 300 rows.
	for a := 1; a <= 30; a++ {
		var sub Counts
		var procs []Row
		for p := 1; p <= 9; p++ {
			n := int64(a*100 + p)
			c := Counts{ReceivedOnline: n, ReceivedDirect: 2, CarriedOver: 1, SettledEarly: n, SettledOnTime: 1, SettledLate: 1, OpenWithin: 1}
			sub = sub.Add(c)
			name := fmt.Sprintf("Thủ tục mẫu số %03d", (a-1)*9+p)
			if p%3 == 0 { // some names wrap
				name += " về việc cấp, cấp lại, điều chỉnh giấy phép hoạt động trong lĩnh vực được phân cấp cho địa phương quản lý"
			}
			procs = append(procs, Row{AgencyCode: fmt.Sprint(a), AgencyName: fmt.Sprintf("Cơ quan thứ %d", a),
				ProcedureCode: fmt.Sprintf("P%d.%d", a, p), ProcedureName: name, Counts: c})
		}
		s.Rows = append(s.Rows, Row{AgencyCode: fmt.Sprint(a), AgencyName: fmt.Sprintf("Cơ quan thứ %d", a), Counts: sub})
		s.Rows = append(s.Rows, procs...)
		total = total.Add(sub)
	}
	s.Total = total
	if len(s.Rows) != 300 {
		t.Fatalf("%d rows", len(s.Rows))
	}
	pages := pdfText(t, s)
	if len(pages) < 3 {
		t.Fatalf("%d pages for 300 rows, want several", len(pages))
	}
	all := strings.Join(pages, "")
	for i, pg := range pages {
		for _, want := range []string{"STT", "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Trước hạn", "Trong hạn",
			fmt.Sprintf("Trang %d/%d", i+1, len(pages))} {
			if !strings.Contains(pg, want) {
				t.Errorf("page %d lacks the repeated heading %q", i+1, want)
			}
		}
	}
	if strings.Contains(pages[1], DefaultTitle) {
		t.Error("the title is repeated on page 2")
	}
	// Every procedure is printed once, none lost at a page break.
	if n := len(regexp.MustCompile(`Thủ tục mẫu số \d{3}`).FindAllString(all, -1)); n != 270 {
		t.Errorf("%d procedure rows printed, want 270", n)
	}
	if !strings.Contains(pages[len(pages)-1], "Tổng cộng") {
		t.Error("the total is not on the last page")
	}
	// No page ends with an agency row whose procedures are overleaf.
	agency := regexp.MustCompile(`^\s*\d+\s+Cơ quan thứ \d+`)
	for i, pg := range pages[:len(pages)-1] {
		var last string
		for l := range strings.Lines(pg) {
			if strings.TrimSpace(l) != "" && !strings.Contains(l, "Trang ") {
				last = l
			}
		}
		if agency.MatchString(last) {
			t.Errorf("page %d ends with an agency row: %q", i+1, last)
		}
	}
}

func TestPDFEmpty(t *testing.T) {
	s := sample()
	s.Rows, s.Total = nil, Counts{}
	pages := pdfText(t, s)
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	for _, want := range []string{DefaultTitle, periodWant, "Không có hồ sơ trong kỳ", "Tổng cộng",
		"Tỷ lệ giải quyết đúng hạn (trước hạn + đúng hạn) / đã giải quyết: —"} {
		if !strings.Contains(pages[0], want) {
			t.Errorf("PDF text lacks %q:\n%s", want, pages[0])
		}
	}
}

// TestPDFKeepsAgencyWithProcedure slides an agency row down the first page,
// one filler row at a time, so that at some offset it falls last on the
// page; it must then move overleaf with its first procedure.
func TestPDFKeepsAgencyWithProcedure(t *testing.T) {
	c := Counts{ReceivedOnline: 1, SettledOnTime: 1}
	moved := false
	for pad := 18; pad <= 30; pad++ {
		s := sample()
		s.Rows = nil
		for i := range pad {
			s.Rows = append(s.Rows, Row{ProcedureCode: fmt.Sprint(i), ProcedureName: fmt.Sprintf("Thủ tục đệm %d", i), Counts: c})
		}
		s.Rows = append(s.Rows,
			Row{AgencyCode: "X", AgencyName: "Cơ quan cuối", Counts: c},
			Row{AgencyCode: "X", ProcedureCode: "X1", ProcedureName: "Thủ tục của cơ quan cuối", Counts: c})
		pages := pdfText(t, s)
		if len(pages) < 2 {
			continue
		}
		if strings.Contains(pages[0], "Cơ quan cuối") != strings.Contains(pages[0], "Thủ tục của cơ quan cuối") {
			t.Errorf("pad %d: the agency row and its first procedure are on different pages", pad)
		}
		if strings.Contains(pages[1], "Cơ quan cuối") {
			moved = true
		}
	}
	if !moved {
		t.Error("the agency row never reached the second page; adjust the padding range")
	}
}
