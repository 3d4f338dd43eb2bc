// Package report renders the periodic report on the settlement of
// administrative procedures (báo cáo tình hình, kết quả giải quyết thủ tục
// hành chính) as XLSX and PDF.
//
// The package only lays out figures it is given: counting dossiers, deciding
// which are early, on time or late, and summing agency subtotals belong to
// the caller, so that both formats print exactly the same numbers and the
// layout can be tested without a database.
//
// Both formats share one layout, the one provincial reports use: STT, the
// agency or procedure, four columns of dossiers received (total, online and
// at the counter or by post in the period, carried over), four of dossiers
// settled (total, early, on time, late) and three of dossiers still open
// (total, within time, overdue), under two rows of merged headings; agency
// subtotal rows in bold with their procedures under them; a total row; and
// under the table the share of dossiers settled on time.
package report

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// DefaultTitle is printed when Settlement.Title is empty.
const DefaultTitle = "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"

// Counts are the dossier figures of one report row.
type Counts struct {
	ReceivedOnline int64 // received in the period, filed online
	ReceivedDirect int64 // received in the period at the counter or by post
	CarriedOver    int64 // received before the period, unfinished at its start
	SettledEarly   int64
	SettledOnTime  int64
	SettledLate    int64
	OpenWithin     int64 // unfinished at the period's end (or now), within time
	OpenOverdue    int64 // unfinished at the period's end (or now), past due
}

// Received is the number of dossiers to settle in the period: those received
// in it, online or not, and those carried over from earlier periods.
func (c Counts) Received() int64 { return c.ReceivedOnline + c.ReceivedDirect + c.CarriedOver }

// Settled is the number of dossiers settled in the period.
func (c Counts) Settled() int64 { return c.SettledEarly + c.SettledOnTime + c.SettledLate }

// Open is the number of dossiers still unfinished.
func (c Counts) Open() int64 { return c.OpenWithin + c.OpenOverdue }

// Add returns the field-by-field sum of c and o, for callers that build
// subtotals and the total from procedure rows.
func (c Counts) Add(o Counts) Counts {
	return Counts{
		ReceivedOnline: c.ReceivedOnline + o.ReceivedOnline,
		ReceivedDirect: c.ReceivedDirect + o.ReceivedDirect,
		CarriedOver:    c.CarriedOver + o.CarriedOver,
		SettledEarly:   c.SettledEarly + o.SettledEarly,
		SettledOnTime:  c.SettledOnTime + o.SettledOnTime,
		SettledLate:    c.SettledLate + o.SettledLate,
		OpenWithin:     c.OpenWithin + o.OpenWithin,
		OpenOverdue:    c.OpenOverdue + o.OpenOverdue,
	}
}

// columns returns the eleven figures in the order of the table's numeric
// columns, so that both writers and the tests agree on it.
func (c Counts) columns() [11]int64 {
	return [11]int64{
		c.Received(), c.ReceivedOnline, c.ReceivedDirect, c.CarriedOver,
		c.Settled(), c.SettledEarly, c.SettledOnTime, c.SettledLate,
		c.Open(), c.OpenWithin, c.OpenOverdue,
	}
}

// Row is one line of the table. A row with an empty ProcedureCode is the
// subtotal of its agency and is printed in bold above the agency's
// procedures.
type Row struct {
	AgencyCode    string
	AgencyName    string
	ProcedureCode string
	ProcedureName string
	Counts
}

// Subtotal reports whether r is an agency subtotal row.
func (r Row) Subtotal() bool { return r.ProcedureCode == "" }

// Settlement is the whole report.
type Settlement struct {
	Title string    // e.g. DefaultTitle, which is used when Title is empty
	Unit  string    // reporting unit, e.g. "Trung tâm Phục vụ hành chính công tỉnh H99"
	Scope string    // agency (with sub-agencies) or province
	From  time.Time // the period [From, To), shown in Asia/Ho_Chi_Minh
	To    time.Time
	AsOf  time.Time // when the figures were computed; omitted when zero
	Rows  []Row     // grouped by agency then procedure, printed in this order
	Total Counts    // printed as given, not recomputed from Rows
}

// ict is Vietnam's civil time. A fixed zone rather than
// time.LoadLocation("Asia/Ho_Chi_Minh") keeps rendering independent of the
// host's tzdata; Vietnam has had no daylight saving since 1975.
var ict = time.FixedZone("ICT", 7*3600)

// Texts shared by both formats.
const (
	emptyText   = "Không có hồ sơ trong kỳ"
	totalText   = "Tổng cộng"
	rateLabel   = "Tỷ lệ giải quyết đúng hạn (trước hạn + đúng hạn) / đã giải quyết: "
	noRate      = "—"
	nameHeading = "Lĩnh vực/Cơ quan, Thủ tục"
)

// groups are the merged headings of the first header row over the numeric
// columns, and subheads the headings of the second row, one per column.
var (
	groups = []struct {
		title string
		span  int
	}{
		{"Số hồ sơ nhận giải quyết", 4},
		{"Số hồ sơ đã giải quyết", 4},
		{"Số hồ sơ đang giải quyết", 3},
	}
	subheads = [11]string{
		"Tổng số", "Trong kỳ: Trực tuyến", "Trong kỳ: Trực tiếp, bưu chính", "Từ kỳ trước chuyển qua",
		"Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
		"Tổng số", "Trong hạn", "Quá hạn",
	}
)

// validate rejects what would print a misleading official report rather
// than publish it: a missing or inverted period, or a negative count, which
// can only come from a bug upstream.
func validate(s Settlement) error {
	if s.From.IsZero() || s.To.IsZero() {
		return errors.New("report: period not set")
	}
	if !s.To.After(s.From) {
		return fmt.Errorf("report: period ends (%s) before it starts (%s)", s.To.Format(time.RFC3339), s.From.Format(time.RFC3339))
	}
	check := func(where string, c Counts) error {
		for _, v := range c.columns() {
			if v < 0 {
				return fmt.Errorf("report: negative count in %s", where)
			}
		}
		return nil
	}
	for i, r := range s.Rows {
		if err := check(fmt.Sprintf("row %d (%s %s)", i+1, r.AgencyCode, r.ProcedureCode), r.Counts); err != nil {
			return err
		}
	}
	return check("total", s.Total)
}

func title(s Settlement) string {
	if t := clean(s.Title); t != "" {
		return t
	}
	return DefaultTitle
}

// infoLines are the centred lines between the title and the table.
func infoLines(s Settlement) []string {
	var ls []string
	if u := clean(s.Unit); u != "" {
		ls = append(ls, "Đơn vị báo cáo: "+u)
	}
	if sc := clean(s.Scope); sc != "" {
		ls = append(ls, "Phạm vi báo cáo: "+sc)
	}
	ls = append(ls, periodLine(s.From, s.To))
	if !s.AsOf.IsZero() {
		ls = append(ls, asOfLine(s.AsOf))
	}
	return ls
}

// periodLine prints the period [from, to) with its last day inclusive, as
// people read it. The last day is the date of the last instant before to,
// which is the day before a midnight boundary and to's own day for a period
// cut short at "now".
func periodLine(from, to time.Time) string {
	last := to.Add(-time.Nanosecond).In(ict)
	return "Kỳ báo cáo: từ ngày " + from.In(ict).Format("02/01/2006") + " đến ngày " + last.Format("02/01/2006")
}

func asOfLine(t time.Time) string {
	t = t.In(ict)
	return "Số liệu tính đến " + t.Format("15:04") + " ngày " + t.Format("02/01/2006")
}

// rateLine is the on-time rate printed under the table.
func rateLine(c Counts) string {
	return rateLabel + percent(c.SettledEarly+c.SettledOnTime, c.Settled())
}

// percent prints num/den as a percentage with two decimals and a decimal
// comma, rounded half up, or a dash when den is zero. It divides integers
// (big, so that no count can overflow) because a float would round some
// exact halves the wrong way.
func percent(num, den int64) string {
	if den <= 0 {
		return noRate
	}
	n := new(big.Int).Mul(big.NewInt(num), big.NewInt(20000)) // 2 × 100 % × 100 hundredths
	n.Add(n, big.NewInt(den))
	n.Quo(n, new(big.Int).Mul(big.NewInt(den), big.NewInt(2)))
	hundredths := n.Int64()
	return fmt.Sprintf("%d,%02d%%", hundredths/100, hundredths%100)
}

// thousands prints n with dots between groups of three digits, the
// Vietnamese convention (1.234.567).
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// line is one table row as both writers print it.
type line struct {
	kind  lineKind
	stt   string
	label string
	nums  [11]int64
}

type lineKind int

const (
	agencyLine lineKind = iota
	procedureLine
)

// lines numbers the rows: agencies 1, 2, … and their procedures 1.1, 1.2, …;
// procedures that come before any agency row are numbered 1, 2, ….
func lines(rows []Row) []line {
	out := make([]line, 0, len(rows))
	agency, proc := 0, 0
	for _, r := range rows {
		l := line{nums: r.Counts.columns()}
		if r.Subtotal() {
			agency++
			proc = 0
			l.kind = agencyLine
			l.stt = strconv.Itoa(agency)
			l.label = firstNonEmpty(clean(r.AgencyName), clean(r.AgencyCode))
		} else {
			proc++
			l.kind = procedureLine
			l.stt = strconv.Itoa(proc)
			if agency > 0 {
				l.stt = strconv.Itoa(agency) + "." + l.stt
			}
			l.label = firstNonEmpty(clean(r.ProcedureName), clean(r.ProcedureCode))
		}
		out = append(out, l)
	}
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// clean NFC-normalises s, folds line breaks and tabs into spaces and drops
// what neither format can carry: control characters are invalid in XLSX's
// XML and print as boxes in the PDF, and fpdf indexes glyph widths by rune
// in a 65 536-entry table, so a rune outside the BMP (an emoji pasted into a
// name) would make it panic.
func clean(s string) string {
	s = norm.NFC.String(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case r > 0xFFFF:
			return '?'
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
