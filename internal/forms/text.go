package forms

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ict is the zone every printed time is shown in. A fixed zone rather than
// time.LoadLocation("Asia/Ho_Chi_Minh") keeps rendering independent of the
// host's tzdata; Vietnam has had no DST since 1975.
var ict = time.FixedZone("ICT", 7*3600)

// dots stands in for a value left blank so that it can be filled in by hand,
// as on the printed templates.
const dots = "…………"

// clean NFC-normalises s, trims it and replaces what the PDF fonts cannot
// carry. fpdf indexes glyph widths by rune in a 65 536-entry table, so a rune
// outside the BMP (an emoji pasted into a name) would panic; control
// characters would print as boxes.
func clean(s string) string {
	s = norm.NFC.String(strings.TrimSpace(s))
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r':
			return ' '
		case r > 0xFFFF:
			return '?'
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// upper is the upper-case form used for agency names and titles; it
// normalises again because case mapping may in principle leave a
// decomposed sequence.
func upper(s string) string { return norm.NFC.String(strings.ToUpper(clean(s))) }

// orDots returns s, or the blank placeholder when s is empty.
func orDots(s string) string {
	if s == "" {
		return dots
	}
	return s
}

// dayMonth formats the day and month the way Decree 30/2020 Annex I asks:
// days below 10 and the months 1 and 2 get a leading zero (so that "tháng 1"
// cannot be turned into "tháng 11" by hand), other months do not.
func dayMonth(t time.Time) (string, string) {
	m := strconv.Itoa(int(t.Month()))
	if t.Month() <= time.February {
		m = "0" + m
	}
	return fmt.Sprintf("%02d", t.Day()), m
}

// dateLine is the "<Place>, ngày … tháng … năm …" line under the national
// motto; a zero time leaves the date blank for hand filling.
func dateLine(place string, t time.Time) string {
	place = orDots(place)
	if t.IsZero() {
		return place + ", ngày …… tháng …… năm ……"
	}
	t = t.In(ict)
	d, m := dayMonth(t)
	return fmt.Sprintf("%s, ngày %s tháng %s năm %d", place, d, m, t.Year())
}

// dateText is "ngày … tháng … năm …" for use inside sentences.
func dateText(t time.Time) string {
	if t.IsZero() {
		return "ngày …… tháng …… năm ……"
	}
	t = t.In(ict)
	d, m := dayMonth(t)
	return fmt.Sprintf("ngày %s tháng %s năm %d", d, m, t.Year())
}

// clockText is the "… giờ … phút, ngày … tháng … năm …" form the 2018
// templates use for receipt, return and hand-over times, in Vietnam time
// whatever zone the input carries.
func clockText(t time.Time) string {
	if t.IsZero() {
		return "…… giờ …… phút, " + dateText(t)
	}
	t = t.In(ict)
	return fmt.Sprintf("%02d giờ %02d phút, %s", t.Hour(), t.Minute(), dateText(t))
}

// vnd prints an amount the Vietnamese way, with dots between thousands:
// 1.250.000 đồng. Zero means no fee, which the forms spell out as "Không".
func vnd(amount int64) string {
	if amount == 0 {
		return "Không"
	}
	neg := amount < 0
	if neg {
		amount = -amount
	}
	digits := strconv.FormatInt(amount, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	b.WriteString(" đồng")
	return b.String()
}

// count prints a component count; zero means the form does not say, and the
// cell stays empty rather than claiming "0 bản".
func count(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("%02d", n)
}

func itoa(n int) string { return strconv.Itoa(n) }
