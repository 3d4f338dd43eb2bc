package web

import (
	"encoding/xml"
	"strings"
	"testing"
)

// xnode is any element of a parsed chart.
type xnode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []xnode    `xml:",any"`
	Text    string     `xml:",chardata"`
}

func (n xnode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// all lists the elements (depth first) with the given name and, if class is
// not empty, that class.
func (n xnode) all(name, class string) []xnode {
	var out []xnode
	var walk func(xnode)
	walk = func(x xnode) {
		if x.XMLName.Local == name && (class == "" || x.attr("class") == class) {
			out = append(out, x)
		}
		for _, c := range x.Nodes {
			walk(c)
		}
	}
	walk(n)
	return out
}

// text is the element's text with its children's.
func (n xnode) text() string {
	s := n.Text
	for _, c := range n.Nodes {
		s += c.text()
	}
	return s
}

// parseSVG parses a chart as XML and checks what every chart must have: the
// image role, the accessible name and description, the width of the screen,
// and no style attribute (the content security policy refuses them).
func parseSVG(t *testing.T, s string) xnode {
	t.Helper()
	var root xnode
	if err := xml.Unmarshal([]byte(s), &root); err != nil {
		t.Fatalf("chart is not well-formed XML: %v\n%s", err, s)
	}
	if root.XMLName.Local != "svg" || root.attr("role") != "img" || root.attr("width") != "100%" {
		t.Fatalf("root %s role %q width %q", root.XMLName.Local, root.attr("role"), root.attr("width"))
	}
	id := root.attr("id")
	if root.attr("aria-labelledby") != id+"-title "+id+"-desc" {
		t.Fatalf("aria-labelledby %q", root.attr("aria-labelledby"))
	}
	if len(root.all("title", "")) == 0 || len(root.all("desc", "")) != 1 {
		t.Fatal("a chart needs a <title> and a <desc>")
	}
	if strings.Contains(s, "style=") || strings.Contains(s, "<script") {
		t.Fatal("inline style or script in a chart")
	}
	return root
}

func viText(key string, args ...any) string { return translate("vi", key, args...) }

func desc(root xnode) string { return root.all("desc", "")[0].text() }

func TestSVGGroupBarsWidths(t *testing.T) {
	// The full width (99.5 %) stands for the largest maximum, 20 points.
	s := groupsChart("g", "Nhóm", "vi", viText, []groupBar{
		{Name: "Tiến độ", Points: 12, Max: 20, Unmeasured: 4},
		{Name: "Thanh toán", Points: 0, Max: 10},
	})
	root := parseSVG(t, s)
	tracks, earned, unmeasured := root.all("rect", "track"), root.all("rect", "earned"), root.all("rect", "unmeasured")
	if len(tracks) != 2 || len(earned) != 1 || len(unmeasured) != 1 {
		t.Fatalf("%d tracks, %d earned, %d unmeasured", len(tracks), len(earned), len(unmeasured))
	}
	// 20/20 × 99.5 = 99.50; 10/20 × 99.5 = 49.75; 12/20 × 99.5 = 59.70;
	// the unmeasured 4 at the track's end: from 16/20 × 99.5 = 79.60, 4/20 × 99.5 = 19.90 wide.
	for _, c := range []struct{ got, want string }{
		{tracks[0].attr("width"), "99.50%"}, {tracks[1].attr("width"), "49.75%"},
		{earned[0].attr("width"), "59.70%"}, {earned[0].attr("x"), "0"},
		{unmeasured[0].attr("x"), "79.60%"}, {unmeasured[0].attr("width"), "19.90%"},
		{unmeasured[0].attr("fill"), "url(#g-hatch)"},
		{tracks[0].attr("y"), "24.0"}, {tracks[1].attr("y"), "76.0"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if got := desc(root); got != "Tiến độ: 12,00 trên 20 điểm. Chưa đo 4 điểm. Thanh toán: 0,00 trên 10 điểm." {
		t.Errorf("desc %q", got)
	}
	if !strings.Contains(s, "Tiến độ: <tspan font-weight=\"700\">12,00 / 20</tspan>") {
		t.Error("the value is written beside the name, with a decimal comma")
	}
	// The legend names the three fills.
	for _, want := range []string{"Điểm đạt được", "Điểm bị mất (đã đo)", "Chưa đo (cần số liệu ngoài hệ thống)"} {
		if !strings.Contains(s, want) {
			t.Errorf("legend lacks %q", want)
		}
	}
}

func TestSVGTrendGapsAreNotZero(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	weeks := []trendPoint{
		{Label: "01/12", Long: "A"},
		{Label: "08/12", Long: "B", Total: f(50), OnTime: f(100)},
		{Label: "15/12", Long: "C", Total: f(60), OnTime: f(0)},
		{Label: "22/12", Long: "D"},
		{Label: "29/12", Long: "E", Total: f(70)},
	}
	root := parseSVG(t, trendChart("t", "Xu hướng", "vi", viText, weeks))
	var total, ontime xnode
	for _, g := range root.all("g", "") {
		switch g.attr("class") {
		case "series-total":
			total = g
		case "series-ontime":
			ontime = g
		}
	}
	// Lines join neighbours that both have data: only B–C, for each series.
	lines := total.all("line", "")
	if len(lines) != 1 {
		t.Fatalf("%d total lines, want 1 (B–C): a gap must break the line", len(lines))
	}
	// Five weeks from 7 % to 94 %: x = 7 + i × 21.75. y = 24 + (100 − v) × 2.
	l := lines[0]
	if l.attr("x1") != "28.75%" || l.attr("y1") != "124.0" || l.attr("x2") != "50.50%" || l.attr("y2") != "104.0" {
		t.Errorf("line %v", l.Attrs)
	}
	if n := len(total.all("circle", "")); n != 3 {
		t.Errorf("%d total dots, want 3", n)
	}
	// 2.1 at 0 % is a real zero, drawn at the bottom; E has no 2.1 ratio.
	dots := ontime.all("circle", "")
	if len(dots) != 2 || dots[1].attr("cy") != "224.0" || len(ontime.all("line", "")) != 1 {
		t.Errorf("2.1 dots %v", dots)
	}
	// The weeks without data are shaded, one band per run.
	gaps := root.all("rect", "gap")
	if len(gaps) != 2 || gaps[0].attr("x") != "-3.88%" || gaps[1].attr("x") != "61.38%" {
		t.Errorf("gaps %v", gaps)
	}
	if got := desc(root); got != "Tuần A: không có số liệu. Tuần B: tổng 50,00 điểm, chỉ số 2.1 đạt 100,00%. "+
		"Tuần C: tổng 60,00 điểm, chỉ số 2.1 đạt 0,00%. Tuần D: không có số liệu. Tuần E: tổng 70,00 điểm, chỉ số 2.1 chưa phát sinh." {
		t.Errorf("desc %q", got)
	}
}

func TestSVGRankingEscapesAndColours(t *testing.T) {
	rows := []rankBar{
		{Rank: 1, Name: `Sở <Xây> & "Dựng"`, Total: 92.8, BandCode: "excellent", BandName: "Xuất sắc", Href: "/director/index?agency=1&from=2026-12-01", Current: true},
		{Rank: 2, Name: "Sở Tư pháp", Total: 40, BandCode: "weak", BandName: "Yếu", Href: "/director/index?agency=2"},
	}
	s := rankingChart("r", "Xếp hạng <các> cơ quan", "vi", viText, rows)
	if strings.Contains(s, "<Xây>") || strings.Contains(s, "<các>") || strings.Contains(s, `& "`) {
		t.Fatalf("unescaped text in\n%s", s)
	}
	root := parseSVG(t, s)
	if got := root.all("title", "")[0].text(); got != "Xếp hạng <các> cơ quan" {
		t.Errorf("title %q", got)
	}
	links := root.all("a", "")
	if len(links) != 2 || links[0].attr("href") != "/director/index?agency=1&from=2026-12-01" || links[0].attr("tabindex") != "-1" {
		t.Fatalf("links %v", links)
	}
	if !strings.Contains(links[0].text(), `1. Sở <Xây> & "Dựng" (đang xem)`) {
		t.Errorf("name %q", links[0].text())
	}
	bars := root.all("rect", "bar")
	// 92.8 × 0.995 = 92.336 → 92.34 %; 40 × 0.995 = 39.80 %.
	if bars[0].attr("width") != "92.34%" || bars[0].attr("fill") != "#0b6e2e" || bars[1].attr("width") != "39.80%" || bars[1].attr("fill") != "#a50e0e" {
		t.Errorf("bars %v %v", bars[0].Attrs, bars[1].Attrs)
	}
	// A long bar holds its value in white; a short one has it after its end.
	texts := links[1].all("text", "")
	if v := texts[1]; v.attr("x") != "40.80%" || v.attr("fill") != colText || v.text() != "40,00 · Yếu" {
		t.Errorf("value of the short bar %v %q", v.Attrs, v.text())
	}
	if v := links[0].all("text", "")[1]; v.attr("fill") != colWhite || v.attr("text-anchor") != "end" {
		t.Errorf("value of the long bar %v", v.Attrs)
	}
	if got := desc(root); got != `Hạng 1: Sở <Xây> & "Dựng", 92,80 điểm, Xuất sắc. Hạng 2: Sở Tư pháp, 40,00 điểm, Yếu.` {
		t.Errorf("desc %q", got)
	}
	// A very long name is cut on the chart, kept whole in the link's title.
	long := strings.Repeat("Ủy ban nhân dân ", 5)
	root = parseSVG(t, rankingChart("r", "R", "vi", viText, []rankBar{{Rank: 1, Name: long, Total: 10, BandCode: "weak", BandName: "Yếu"}}))
	a := root.all("a", "")[0]
	if a.all("title", "")[0].text() != long || !strings.HasSuffix(a.all("text", "")[0].text(), "…") {
		t.Errorf("long name %q", a.all("text", "")[0].text())
	}
}

func TestSVGEmptyData(t *testing.T) {
	for name, s := range map[string]string{
		"groups":  groupsChart("g", "Nhóm", "vi", viText, nil),
		"trend":   trendChart("t", "Xu hướng", "vi", viText, []trendPoint{{Label: "a"}, {Label: "b"}}),
		"ranking": rankingChart("r", "Xếp hạng", "vi", viText, nil),
	} {
		root := parseSVG(t, s)
		if desc(root) != "Không có số liệu trong kỳ." || len(root.all("rect", "")) != 0 || len(root.all("line", "")) != 0 {
			t.Errorf("%s: empty chart draws something or says nothing:\n%s", name, s)
		}
	}
}

func TestSVGNumberFormats(t *testing.T) {
	for _, c := range []struct {
		lang string
		v    float64
		dec  int
		want string
	}{
		{"vi", 78.4, 2, "78,40"}, {"en", 78.4, 2, "78.40"},
		{"vi", 1234567.891, 2, "1.234.567,89"}, {"en", 1234567.891, 2, "1,234,567.89"},
		{"vi", 0, 2, "0,00"}, {"vi", -0.001, 2, "0,00"}, {"vi", -12.5, 1, "-12,5"}, {"vi", 100, 0, "100"},
	} {
		if got := fmtNum(c.lang, c.v, c.dec); got != c.want {
			t.Errorf("fmtNum(%s, %v, %d) = %q, want %q", c.lang, c.v, c.dec, got, c.want)
		}
	}
	if fmtPts("vi", 54) != "54" || fmtPts("vi", 82.5) != "82,50" || fmtCount("vi", 332000) != "332.000" {
		t.Errorf("fmtPts/fmtCount: %q %q %q", fmtPts("vi", 54), fmtPts("vi", 82.5), fmtCount("vi", 332000))
	}
}
