package calendar

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"sync"
)

// The Vietnamese lunisolar calendar (âm lịch), computed the way Hồ Ngọc Đức
// describes it (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html):
//
//  1. a month starts on the local day that contains the new moon (điểm Sóc);
//  2. a year has 12 months, or 13 in a leap year;
//  3. the winter solstice (Đông chí) always falls in month 11;
//  4. in a 13-month year (counted from month 11 to the next month 11), the
//     first month after the solstice that contains no major solar term
//     (trung khí, a multiple of 30° of solar longitude) is the leap month and
//     takes the number of the month before it;
//  5. everything is reckoned at the 105°E meridian, i.e. UTC+7.
//
// Rule 5 is why a Chinese-calendar library (UTC+8) is wrong for Vietnam: a new
// moon between 23:00 and 24:00 Hanoi time starts the month one day earlier in
// Vietnam, and a solstice or major term near midnight can even move a leap
// month (Tết 1985: 21 January in Vietnam, 20 February in China).
//
// New moons use Jean Meeus' series (Astronomical Formulae for Calculators,
// accurate to a few minutes) and solar longitude the low-precision series of
// Meeus' Astronomical Algorithms (1998), as in Hồ Ngọc Đức's programs. The
// whole range is computed once into a table of month starts, so conversions
// are binary searches and round trips are exact by construction.

const (
	vietnamTZ     = 7.0               // hours east of UTC used for the lunar calendar
	synodicMonth  = 29.530588853      // mean lunation, days
	newMoonEpoch  = 2415021.076998695 // JD of the new moon of 1900-01-01 13:52 UT (lunation k = 0)
	jdnUnixEpoch  = 2440588           // Julian day number of 1970-01-01
	degreesToRads = math.Pi / 180
)

// LunarDate is a date of the Vietnamese lunar calendar. Leap marks the
// intercalary month (tháng nhuận), which repeats the number of the month before it.
type LunarDate struct {
	Year, Month, Day int
	Leap             bool
}

// String formats as "YYYY-MM-DD", or "YYYY-MM*-DD" for a day of a leap month.
func (l LunarDate) String() string {
	b := make([]byte, 0, 11)
	b = appendInt(b, l.Year, 4)
	b = append(b, '-')
	b = appendInt(b, l.Month, 2)
	if l.Leap {
		b = append(b, '*')
	}
	b = append(b, '-')
	return string(appendInt(b, l.Day, 2))
}

// Errors of the lunar conversions.
var (
	ErrOutOfRange       = errors.New("ngoài phạm vi hỗ trợ / outside the supported range")
	ErrInvalidLunarDate = errors.New("ngày âm lịch không tồn tại / lunar date does not exist")
)

// newMoonJD returns the Julian date (UT) of the k-th new moon after the one
// of 1900-01-01, from Meeus' series: mean phase plus periodic terms in the
// Sun's mean anomaly M, the Moon's mean anomaly M' and its argument of
// latitude F, minus ΔT (ephemeris to universal time).
func newMoonJD(k int) float64 {
	kf := float64(k)
	t := kf / 1236.85 // Julian centuries since 1900 January 0.5
	t2 := t * t
	t3 := t2 * t
	jd := 2415020.75933 + 29.53058868*kf + 0.0001178*t2 - 0.000000155*t3 +
		0.00033*math.Sin((166.56+132.87*t-0.009173*t2)*degreesToRads)
	m := (359.2242 + 29.10535608*kf - 0.0000333*t2 - 0.00000347*t3) * degreesToRads
	mp := (306.0253 + 385.81691806*kf + 0.0107306*t2 + 0.00001236*t3) * degreesToRads
	f := (21.2964 + 390.67050646*kf - 0.0016528*t2 - 0.00000239*t3) * degreesToRads
	corr := (0.1734-0.000393*t)*math.Sin(m) +
		0.0021*math.Sin(2*m) -
		0.4068*math.Sin(mp) +
		0.0161*math.Sin(2*mp) -
		0.0004*math.Sin(3*mp) +
		0.0104*math.Sin(2*f) -
		0.0051*math.Sin(m+mp) -
		0.0074*math.Sin(m-mp) +
		0.0004*math.Sin(2*f+m) -
		0.0004*math.Sin(2*f-m) -
		0.0006*math.Sin(2*f+mp) +
		0.0010*math.Sin(2*f-mp) +
		0.0005*math.Sin(m+2*mp)
	var deltaT float64
	if t < -11 {
		deltaT = 0.001 + 0.000839*t + 0.0002261*t2 - 0.00000845*t3 - 0.000000081*t*t3
	} else {
		deltaT = -0.000278 + 0.000265*t + 0.000262*t2
	}
	return jd + corr - deltaT
}

// sunLongitude returns the Sun's apparent ecliptic longitude in degrees
// [0, 360) at Julian date jd (UT), from the equation of the centre.
func sunLongitude(jd float64) float64 {
	t := (jd - 2451545.0) / 36525 // Julian centuries since J2000.0
	t2 := t * t
	m := (357.52910 + 35999.05030*t - 0.0001559*t2 - 0.00000048*t*t2) * degreesToRads
	l0 := 280.46645 + 36000.76983*t + 0.0003032*t2
	c := (1.914600-0.004817*t-0.000014*t2)*math.Sin(m) +
		(0.019993-0.000101*t)*math.Sin(2*m) +
		0.000290*math.Sin(3*m)
	l := math.Mod(l0+c, 360)
	if l < 0 {
		l += 360
	}
	return l
}

// lunarCalc computes month boundaries for one time zone (hours east of UTC).
// Only Vietnam's zone is used by the package; tests also use UTC+8 to show
// that the zone alone explains the known Vietnam/China differences.
type lunarCalc struct{ tz float64 }

// newMoonDay is the day number (days since 1970-01-01) of the local civil day
// that contains the k-th new moon.
func (c lunarCalc) newMoonDay(k int) int {
	return int(math.Floor(newMoonJD(k)+0.5+c.tz/24)) - jdnUnixEpoch
}

// termSector is the 30° sector (0..11) of the Sun's longitude at local
// midnight starting the given day. A month contains a major solar term
// exactly when the sector at its first day differs from the sector at the
// first day of the next month.
func (c lunarCalc) termSector(day int) int {
	jd := float64(day+jdnUnixEpoch) - 0.5 - c.tz/24
	return int(sunLongitude(jd) / 30)
}

// month11 returns the lunation number k of month 11 of the lunar year that
// ends in Gregorian year y: the month that contains the December solstice.
func (c lunarCalc) month11(y int) int {
	dec31 := Date{y, 12, 31}.dayNumber() + jdnUnixEpoch
	k := int(math.Floor((float64(dec31) - newMoonEpoch) / synodicMonth))
	// The solstice (270°) is about 9 days before 31 December. If the last
	// new moon before the year's end already has the Sun past 270°, the
	// solstice fell in the month before.
	if c.termSector(c.newMoonDay(k)) >= 9 {
		k--
	}
	return k
}

// lunarMonth is one row of the precomputed table.
type lunarMonth struct {
	start int32 // day number of the first day
	year  int16
	month int8
	leap  bool
}

type lunarTable struct {
	months    []lunarMonth // contiguous, sorted by start
	end       int          // day number after the last month
	firstYear int          // lunar year of yearIndex[0]
	yearIndex []int32      // index in months of month 1 of each lunar year
	minDay    int          // supported solar range, day numbers inclusive
	maxDay    int
}

// buildLunarTable computes every month from month 11 of fromYear-1 to month
// 11 of toYear+1, so that every solar date of [fromYear, toYear] is covered.
func buildLunarTable(tz float64, fromYear, toYear int) *lunarTable {
	c := lunarCalc{tz}
	t := &lunarTable{
		firstYear: fromYear - 1,
		minDay:    Date{fromYear, 1, 1}.dayNumber(),
		maxDay:    Date{toYear, 12, 31}.dayNumber(),
	}
	kPrev := c.month11(fromYear - 2)
	for y := fromYear - 1; y <= toYear+1; y++ {
		k11 := c.month11(y)
		count := k11 - kPrev // lunations from month 11 of y-1 to month 11 of y: 12 or 13
		starts := make([]int, count+1)
		for i := range starts {
			starts[i] = c.newMoonDay(kPrev + i)
		}
		leapAt := -1
		if count == 13 {
			for i := 1; i < count; i++ {
				if c.termSector(starts[i]) == c.termSector(starts[i+1]) {
					leapAt = i
					break
				}
			}
		}
		for i := 0; i < count; i++ {
			num := i + 11
			leap := false
			if leapAt > 0 && i >= leapAt {
				num--
				leap = i == leapAt
			}
			num = (num-1)%12 + 1
			ly := y
			if num >= 11 && i < 4 { // months 11 and 12 at the start belong to the previous lunar year
				ly = y - 1
			}
			t.months = append(t.months, lunarMonth{start: int32(starts[i]), year: int16(ly), month: int8(num), leap: leap})
		}
		t.end = starts[count]
		kPrev = k11
	}
	// Index month 1 of each lunar year for O(1) lunar → solar lookups. The
	// table starts with months 11 and 12 of fromYear-2, which stay unindexed.
	for i, m := range t.months {
		if m.month == 1 && !m.leap {
			if int(m.year) != t.firstYear+len(t.yearIndex) {
				panic("calendar: lunar table is not contiguous") // invariant of the construction above
			}
			t.yearIndex = append(t.yearIndex, int32(i))
		}
	}
	return t
}

// find returns the index of the month containing day number n, or -1.
func (t *lunarTable) find(n int) int {
	if n < int(t.months[0].start) || n >= t.end {
		return -1
	}
	i := sort.Search(len(t.months), func(i int) bool { return int(t.months[i].start) > n })
	return i - 1
}

func (t *lunarTable) monthLen(i int) int {
	next := t.end
	if i+1 < len(t.months) {
		next = int(t.months[i+1].start)
	}
	return next - int(t.months[i].start)
}

// monthIndex returns the table index of lunar month (year, month, leap), or -1.
func (t *lunarTable) monthIndex(year, month int, leap bool) int {
	yi := year - t.firstYear
	if month < 1 || month > 12 || yi < 0 || yi >= len(t.yearIndex) || t.yearIndex[yi] < 0 {
		return -1
	}
	for i := int(t.yearIndex[yi]); i < len(t.months) && i <= int(t.yearIndex[yi])+13; i++ {
		m := t.months[i]
		if int(m.year) != year {
			break
		}
		if int(m.month) == month && m.leap == leap {
			return i
		}
	}
	return -1
}

func (t *lunarTable) toLunar(d Date) (LunarDate, error) {
	n := d.dayNumber()
	if !d.Valid() {
		return LunarDate{}, fmt.Errorf("%w %q", ErrInvalidDate, d.String())
	}
	if n < t.minDay || n > t.maxDay {
		return LunarDate{}, fmt.Errorf("%w %d–%d: %s", ErrOutOfRange, MinYear, MaxYear, d)
	}
	i := t.find(n)
	m := t.months[i]
	return LunarDate{Year: int(m.year), Month: int(m.month), Day: n - int(m.start) + 1, Leap: m.leap}, nil
}

func (t *lunarTable) toSolar(l LunarDate) (Date, error) {
	i := t.monthIndex(l.Year, l.Month, l.Leap)
	if i < 0 || l.Day < 1 || l.Day > t.monthLen(i) {
		return Date{}, fmt.Errorf("%w %q", ErrInvalidLunarDate, l.String())
	}
	n := int(t.months[i].start) + l.Day - 1
	if n < t.minDay || n > t.maxDay {
		return Date{}, fmt.Errorf("%w %d–%d: %s", ErrOutOfRange, MinYear, MaxYear, l)
	}
	return dateOfDayNumber(n), nil
}

var (
	vnLunarOnce  sync.Once
	vnLunarTable *lunarTable
)

// vnLunar returns the Vietnamese table, computed on first use (about a
// millisecond: ~2,500 new moons and solar longitudes).
func vnLunar() *lunarTable {
	vnLunarOnce.Do(func() { vnLunarTable = buildLunarTable(vietnamTZ, MinYear, MaxYear) })
	return vnLunarTable
}

// SolarToLunar converts a Gregorian date of MinYear..MaxYear to the Vietnamese lunar calendar.
func SolarToLunar(d Date) (LunarDate, error) { return vnLunar().toLunar(d) }

// LunarToSolar converts a Vietnamese lunar date to the Gregorian calendar. It
// fails for dates that do not exist (day 30 of a 29-day month, a leap month
// the year does not have) and for results outside MinYear..MaxYear.
func LunarToSolar(l LunarDate) (Date, error) { return vnLunar().toSolar(l) }

// Tet returns the Gregorian date of mùng 1 Tết (lunar 1/1) of a year.
func Tet(year int) (Date, error) { return LunarToSolar(LunarDate{Year: year, Month: 1, Day: 1}) }

// lunarYearName is the can-chi name of a lunar year, used in explanations (e.g. "Ất Tỵ").
func lunarYearName(year int) string {
	can := [...]string{"Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ"}
	chi := [...]string{"Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi"}
	return can[((year%10)+10)%10] + " " + chi[((year%12)+12)%12]
}
