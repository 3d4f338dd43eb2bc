package calendar

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Zone is Vietnam's civil time, UTC+07:00 (ICT). A fixed zone is used on
// purpose: Vietnam has kept UTC+7 without daylight saving since 1975, and a
// fixed zone needs no tzdata on the host.
var Zone = time.FixedZone("ICT", 7*3600)

// MinYear and MaxYear bound the Gregorian years this package supports for
// lunar conversion and holiday proposals.
const (
	MinYear = 1900
	MaxYear = 2100
)

// Date is a civil date (no time, no zone). The zero value is not a valid date.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ErrInvalidDate reports a date that does not exist (2025-02-30) or cannot be parsed.
var ErrInvalidDate = errors.New("ngày không hợp lệ / invalid date")

// Valid reports whether d names a real Gregorian date (years 1..9999).
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

func isLeapYear(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeapYear(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// ParseDate parses "YYYY-MM-DD" strictly: exactly that shape, and the date must exist.
func ParseDate(s string) (Date, error) {
	bad := func() (Date, error) { return Date{}, fmt.Errorf("%w %q", ErrInvalidDate, s) }
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return bad()
	}
	y, err1 := atoiDigits(s[0:4])
	m, err2 := atoiDigits(s[5:7])
	d, err3 := atoiDigits(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil {
		return bad()
	}
	dt := Date{y, time.Month(m), d}
	if !dt.Valid() {
		return bad()
	}
	return dt, nil
}

// atoiDigits accepts only ASCII digits (strconv.Atoi would accept a sign).
func atoiDigits(s string) (int, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, strconv.ErrSyntax
		}
	}
	return strconv.Atoi(s)
}

// String formats the date as YYYY-MM-DD.
func (d Date) String() string {
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

func (d Date) appendTo(b []byte) []byte {
	b = appendInt(b, d.Year, 4)
	b = append(b, '-')
	b = appendInt(b, int(d.Month), 2)
	b = append(b, '-')
	return appendInt(b, d.Day, 2)
}

func appendInt(b []byte, v, width int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	s := strconv.Itoa(v)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// MarshalText makes Date marshal as "YYYY-MM-DD" in JSON (also as a map key).
func (d Date) MarshalText() ([]byte, error) { return d.appendTo(make([]byte, 0, 10)), nil }

// UnmarshalText parses "YYYY-MM-DD".
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// dayNumber counts days since 1970-01-01 (negative before). It uses the
// era-based civil-from-days arithmetic so that it is O(1) and exact for every
// proleptic Gregorian date.
func (d Date) dayNumber() int {
	y := d.Year
	m := int(d.Month)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400 // [0, 399]
	mp := (m + 9) % 12 // March = 0
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateOfDayNumber is the inverse of dayNumber.
func dateOfDayNumber(n int) Date {
	z := n + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{y, time.Month(m), d}
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// Weekday returns the day of the week (1970-01-01 was a Thursday).
func (d Date) Weekday() time.Weekday {
	return time.Weekday(((d.dayNumber()+4)%7 + 7) % 7)
}

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return dateOfDayNumber(d.dayNumber() + n) }

// Before reports whether d is strictly earlier than o.
func (d Date) Before(o Date) bool { return d.compare(o) < 0 }

// After reports whether d is strictly later than o.
func (d Date) After(o Date) bool { return d.compare(o) > 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(o Date) int { return d.compare(o) }

func (d Date) compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return sign(d.Year - o.Year)
	case d.Month != o.Month:
		return sign(int(d.Month) - int(o.Month))
	default:
		return sign(d.Day - o.Day)
	}
}

func sign(v int) int {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}

// DaysUntil returns the number of days from d to o (o − d).
func (d Date) DaysUntil(o Date) int { return o.dayNumber() - d.dayNumber() }

// DateOf returns the civil date of t in Zone.
func DateOf(t time.Time) Date {
	y, m, d := t.In(Zone).Date()
	return Date{y, m, d}
}

// At returns the instant at the given offset from midnight of d in Zone.
func (d Date) At(offset time.Duration) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, Zone).Add(offset)
}

// weekdayName gives the bilingual name of a weekday, used as the reason for
// ordinary weekend days off and in explanations.
func weekdayName(w time.Weekday) string {
	switch w {
	case time.Monday:
		return "Thứ hai / Monday"
	case time.Tuesday:
		return "Thứ ba / Tuesday"
	case time.Wednesday:
		return "Thứ tư / Wednesday"
	case time.Thursday:
		return "Thứ năm / Thursday"
	case time.Friday:
		return "Thứ sáu / Friday"
	case time.Saturday:
		return "Thứ bảy / Saturday"
	}
	return "Chủ nhật / Sunday"
}
