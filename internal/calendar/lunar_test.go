package calendar

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func mustDate(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Lunar dates stated in the official Tết notices 2019–2026 (source:
// shared/reference/holidays-vn-official.json, "occasion" of each Tết period,
// e.g. 2025 "statutory 27-31/1 = 28 Chạp - mùng 3"), and the Hùng Kings' day
// (10/3 lunar) of each year's notice. None of these come from this code.
var officialLunarDates = []struct {
	name  string
	solar string
	lunar string
}{
	{"Tet_2019_Ky_Hoi_period_starts_28_Chap", "2019-02-02", "2018-12-28"},
	{"Tet_2019_mung_1", "2019-02-05", "2019-01-01"},
	{"Tet_2019_period_ends_mung_6", "2019-02-10", "2019-01-06"},
	{"HungKings_2019_10_3_on_Sunday", "2019-04-14", "2019-03-10"},
	{"Tet_2020_Canh_Ty_period_starts_29_Chap", "2020-01-23", "2019-12-29"},
	{"Tet_2020_mung_1_on_Saturday", "2020-01-25", "2020-01-01"},
	{"Tet_2020_period_ends_mung_5", "2020-01-29", "2020-01-05"},
	{"HungKings_2020", "2020-04-02", "2020-03-10"},
	{"Tet_2021_Tan_Suu_period_starts_29_Chap", "2021-02-10", "2020-12-29"},
	{"Tet_2021_mung_1", "2021-02-12", "2021-01-01"},
	{"Tet_2021_period_ends_mung_5", "2021-02-16", "2021-01-05"},
	{"HungKings_2021", "2021-04-21", "2021-03-10"},
	{"Tet_2022_Nham_Dan_statutory_starts_29_Chap", "2022-01-31", "2021-12-29"},
	{"Tet_2022_mung_1", "2022-02-01", "2022-01-01"},
	{"Tet_2022_statutory_ends_mung_4", "2022-02-04", "2022-01-04"},
	{"HungKings_2022_on_Sunday", "2022-04-10", "2022-03-10"},
	{"Tet_2023_Quy_Mao_29_Chap", "2023-01-20", "2022-12-29"},
	{"Tet_2023_30_Chap_on_Saturday", "2023-01-21", "2022-12-30"},
	{"Tet_2023_mung_1_on_Sunday", "2023-01-22", "2023-01-01"},
	{"Tet_2023_period_ends_mung_5", "2023-01-26", "2023-01-05"},
	{"HungKings_2023_on_Saturday", "2023-04-29", "2023-03-10"},
	{"Tet_2024_Giap_Thin_29_Chap", "2024-02-08", "2023-12-29"},
	{"Tet_2024_mung_1_on_Saturday", "2024-02-10", "2024-01-01"},
	{"Tet_2024_period_ends_mung_5", "2024-02-14", "2024-01-05"},
	{"HungKings_2024", "2024-04-18", "2024-03-10"},
	{"Tet_2025_At_Ty_statutory_starts_28_Chap", "2025-01-27", "2024-12-28"},
	{"Tet_2025_mung_1", "2025-01-29", "2025-01-01"},
	{"Tet_2025_statutory_ends_mung_3", "2025-01-31", "2025-01-03"},
	{"HungKings_2025", "2025-04-07", "2025-03-10"},
	{"Tet_2026_Binh_Ngo_statutory_starts_29_Chap", "2026-02-16", "2025-12-29"},
	{"Tet_2026_mung_1", "2026-02-17", "2026-01-01"},
	{"Tet_2026_statutory_ends_mung_4", "2026-02-20", "2026-01-04"},
	{"HungKings_2026_on_Sunday", "2026-04-26", "2026-03-10"},
}

func TestLunar_OfficialSchedules2019to2026(t *testing.T) {
	for _, tc := range officialLunarDates {
		t.Run(tc.name, func(t *testing.T) {
			d := mustDate(t, tc.solar)
			got, err := SolarToLunar(d)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tc.lunar {
				t.Errorf("SolarToLunar(%s) = %s, want %s", d, got, tc.lunar)
			}
			want, err := ParseLunarDate(tc.lunar)
			if err != nil {
				t.Fatal(err)
			}
			back, err := LunarToSolar(want)
			if err != nil || back != d {
				t.Errorf("LunarToSolar(%s) = %s, %v; want %s", want, back, err, d)
			}
		})
	}
}

// Years where Vietnam's Tết differs from China's because of UTC+7 vs UTC+8.
// Sources: Hồ Ngọc Đức, "Âm lịch Việt Nam" / calrules_en
// (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_en.html):
// 1985 Vietnam 21/01 vs China 20/02; "In 2007 the Vietnamese New Year is on
// 17/02/2007, the Chinese one on 18/02/2007. In 2030 the dates are 02/02/2030
// and 03/02/2030, and in 2053 they are 18/02/2053 and 19/02/2053" (quoted by
// kientruc2014.com; 1985 also in r/todayilearned citing that page). 1968: North
// Vietnam adopted UTC+7 by the decree of 8 August 1967 and celebrated Tết Mậu
// Thân on 29/01/1968, the South (still UTC+8) on 30/01/1968.
var vietnamVsChina = []struct {
	name         string
	year         int
	vietnam, prc string
}{
	{"Tet_1968_Mau_Than_North_UTC7_vs_South_UTC8", 1968, "1968-01-29", "1968-01-30"},
	{"Tet_1985_At_Suu_a_month_apart", 1985, "1985-01-21", "1985-02-20"},
	{"Tet_2007_Dinh_Hoi_one_day_apart", 2007, "2007-02-17", "2007-02-18"},
	{"Tet_2030_Canh_Tuat_one_day_apart", 2030, "2030-02-02", "2030-02-03"},
	{"Tet_2053_Quy_Dau_one_day_apart", 2053, "2053-02-18", "2053-02-19"},
}

func TestLunar_VietnamDiffersFromChina(t *testing.T) {
	china := buildLunarTable(8, MinYear, MaxYear) // the same rules at UTC+8
	for _, tc := range vietnamVsChina {
		t.Run(tc.name, func(t *testing.T) {
			vn, err := Tet(tc.year)
			if err != nil {
				t.Fatal(err)
			}
			if vn.String() != tc.vietnam {
				t.Errorf("Vietnam's Tết %d = %s, want %s", tc.year, vn, tc.vietnam)
			}
			cn, err := china.toSolar(LunarDate{Year: tc.year, Month: 1, Day: 1})
			if err != nil {
				t.Fatal(err)
			}
			if cn.String() != tc.prc {
				t.Errorf("UTC+8 Tết %d = %s, want %s (China)", tc.year, cn, tc.prc)
			}
			// The day China celebrates is not mùng 1 in Vietnam.
			l, _ := SolarToLunar(mustDate(t, tc.prc))
			if l.Month == 1 && l.Day == 1 && !l.Leap {
				t.Errorf("%s should not be Vietnam's mùng 1", tc.prc)
			}
		})
	}
}

// Well-known leap months (tháng nhuận) of the Vietnamese calendar.
func TestLunar_LeapMonths(t *testing.T) {
	cases := []struct{ year, leap int }{
		{2012, 4}, {2014, 9}, {2017, 6}, {2020, 4}, {2023, 2}, {2025, 6},
		{2019, 0}, {2021, 0}, {2022, 0}, {2024, 0}, {2026, 0},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%d_leap_%d", tc.year, tc.leap), func(t *testing.T) {
			if got := LeapMonth(tc.year); got != tc.leap {
				t.Fatalf("LeapMonth(%d) = %d, want %d", tc.year, got, tc.leap)
			}
			if tc.leap == 0 {
				return
			}
			// The leap month follows the regular month of the same number.
			reg, err := LunarToSolar(LunarDate{Year: tc.year, Month: tc.leap, Day: 1})
			if err != nil {
				t.Fatal(err)
			}
			leap, err := LunarToSolar(LunarDate{Year: tc.year, Month: tc.leap, Day: 1, Leap: true})
			if err != nil {
				t.Fatal(err)
			}
			n, _ := LunarMonthLength(tc.year, tc.leap, false)
			if reg.AddDays(n) != leap {
				t.Errorf("leap month %d of %d starts %s, want the day after regular month (%s + %d)", tc.leap, tc.year, leap, reg, n)
			}
			l, _ := SolarToLunar(leap)
			if l.String() != fmt.Sprintf("%d-%02d*-01", tc.year, tc.leap) {
				t.Errorf("SolarToLunar(%s) = %s", leap, l)
			}
		})
	}
	// 2025's leap 6th month, as printed on Vietnamese calendars: 25/7/2025 = mùng 1 tháng 6 nhuận.
	if l, _ := SolarToLunar(Date{2025, 7, 25}); l.String() != "2025-06*-01" {
		t.Errorf("2025-07-25 = %s, want 2025-06*-01", l)
	}
}

// Properties over every lunar year whose months lie in 1900..2100: month
// lengths, month count, order of months, Tết window, and the round trip of
// every single day.
func TestLunar_Properties1900to2100(t *testing.T) {
	for y := MinYear; y <= MaxYear; y++ {
		tet, err := Tet(y)
		if err != nil {
			t.Fatalf("Tet(%d): %v", y, err)
		}
		if tet.Before(Date{y, time.January, 21}) || tet.After(Date{y, time.February, 20}) {
			t.Errorf("Tết %d = %s, outside 21 Jan – 20 Feb", y, tet)
		}
		if y == MaxYear {
			break // lunar year 2100 ends in 2101, outside the range
		}
		next, err := Tet(y + 1)
		if err != nil {
			t.Fatal(err)
		}
		months, leaps := 0, 0
		expect := 1
		for d := tet; d.Before(next); {
			l, err := SolarToLunar(d)
			if err != nil {
				t.Fatal(err)
			}
			if l.Day != 1 || l.Year != y {
				t.Fatalf("%s: month start is %s", d, l)
			}
			if l.Leap {
				leaps++
				if l.Month != expect-1 {
					t.Errorf("%d: leap month %d does not follow month %d", y, l.Month, expect-1)
				}
			} else {
				if l.Month != expect {
					t.Errorf("%d: month %d where %d expected", y, l.Month, expect)
				}
				expect++
			}
			n, err := LunarMonthLength(l.Year, l.Month, l.Leap)
			if err != nil {
				t.Fatal(err)
			}
			if n != 29 && n != 30 {
				t.Errorf("%s has %d days", l, n)
			}
			months++
			d = d.AddDays(n)
		}
		if months != 12 && months != 13 {
			t.Errorf("lunar year %d has %d months", y, months)
		}
		if (months == 13) != (leaps == 1) || leaps > 1 {
			t.Errorf("lunar year %d: %d months, %d leap months", y, months, leaps)
		}
		if days := tet.DaysUntil(next); days < 353 || days > 385 {
			t.Errorf("lunar year %d has %d days", y, days)
		}
	}
	// Every day round-trips, and consecutive days are consecutive lunar days.
	first, last := Date{MinYear, 1, 1}, Date{MaxYear, 12, 31}
	prev, _ := SolarToLunar(first)
	for d := first; !d.After(last); d = d.AddDays(1) {
		l, err := SolarToLunar(d)
		if err != nil {
			t.Fatalf("SolarToLunar(%s): %v", d, err)
		}
		back, err := LunarToSolar(l)
		if err != nil || back != d {
			t.Fatalf("round trip %s -> %s -> %s, %v", d, l, back, err)
		}
		if d != first && l.Day != 1 && (l.Day != prev.Day+1 || l.Month != prev.Month || l.Leap != prev.Leap || l.Year != prev.Year) {
			t.Fatalf("%s: %s does not follow %s", d, l, prev)
		}
		prev = l
	}
}

// The solstice always falls in month 11 (rule 3). The December solstice is
// on 21 or 22 December at UTC+7 throughout 1900–2100, so at least one of
// those days must be in (regular) month 11.
func TestLunar_WinterSolsticeInMonth11(t *testing.T) {
	for y := MinYear; y <= MaxYear; y++ {
		a, err1 := SolarToLunar(Date{y, time.December, 21})
		b, err2 := SolarToLunar(Date{y, time.December, 22})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		in11 := func(l LunarDate) bool { return l.Month == 11 && !l.Leap }
		if !in11(a) && !in11(b) {
			t.Errorf("%d: 21–22 December are lunar %s and %s, neither in month 11", y, a, b)
		}
	}
}

func TestLunarToSolar_RejectsNonExistentDates(t *testing.T) {
	cases := []struct {
		name string
		l    LunarDate
		want error
	}{
		{"day_30_of_a_29_day_month_2025_12", LunarDate{2025, 12, 30, false}, ErrInvalidLunarDate},
		{"leap_month_2024_has_none", LunarDate{2024, 4, 1, true}, ErrInvalidLunarDate},
		{"leap_5_in_2025_which_has_leap_6", LunarDate{2025, 5, 1, true}, ErrInvalidLunarDate},
		{"month_13", LunarDate{2025, 13, 1, false}, ErrInvalidLunarDate},
		{"month_0", LunarDate{2025, 0, 1, false}, ErrInvalidLunarDate},
		{"day_0", LunarDate{2025, 1, 0, false}, ErrInvalidLunarDate},
		{"day_31", LunarDate{2025, 1, 31, false}, ErrInvalidLunarDate},
		{"year_before_range", LunarDate{1850, 1, 1, false}, ErrInvalidLunarDate},
		{"lunar_2100_12_ends_in_2101", LunarDate{2100, 12, 29, false}, ErrOutOfRange},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := LunarToSolar(tc.l); !errors.Is(err, tc.want) {
				t.Fatalf("LunarToSolar(%+v) error = %v, want %v", tc.l, err, tc.want)
			}
		})
	}
	if n, _ := LunarMonthLength(2025, 12, false); n != 29 {
		t.Fatalf("month 12 of Ất Tỵ has %d days; the 2026 notice calls 16/2/2026 '29 Chạp', the eve of Tết", n)
	}
}

func TestSolarToLunar_Range(t *testing.T) {
	for _, s := range []string{"1899-12-31", "2101-01-01"} {
		if _, err := SolarToLunar(mustDate(t, s)); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("SolarToLunar(%s) error = %v, want ErrOutOfRange", s, err)
		}
	}
	if _, err := SolarToLunar(Date{2025, 2, 30}); !errors.Is(err, ErrInvalidDate) {
		t.Errorf("SolarToLunar(2025-02-30) error = %v, want ErrInvalidDate", err)
	}
	// 1900-01-01 was a new-moon day (13:52 UT, 20:52 at UTC+7): the first day of month 12.
	if l, _ := SolarToLunar(Date{1900, 1, 1}); l.String() != "1899-12-01" {
		t.Errorf("1900-01-01 = %s, want 1899-12-01", l)
	}
}

func TestLunarDate_StringAndParse(t *testing.T) {
	for _, s := range []string{"2025-06*-01", "2025-01-01", "1985-12-30"} {
		l, err := ParseLunarDate(s)
		if err != nil || l.String() != s {
			t.Errorf("ParseLunarDate(%q) = %v, %v", s, l, err)
		}
	}
	for _, s := range []string{"2025-6-01", "2025-06**-01", "2025/06/01", "abcd-01-01", "2025-06-1"} {
		if _, err := ParseLunarDate(s); err == nil {
			t.Errorf("ParseLunarDate(%q) accepted", s)
		}
	}
}

func FuzzLunarRoundTrip(f *testing.F) {
	f.Add(0, 2025, 6, 15, true)
	f.Add(20000, 1985, 1, 1, false)
	f.Add(73000, 2100, 11, 30, false)
	f.Add(-5, 1899, 12, 1, false)
	span := Date{MaxYear, 12, 31}.dayNumber() - Date{MinYear, 1, 1}.dayNumber() + 1
	f.Fuzz(func(t *testing.T, offset, y, m, d int, leap bool) {
		// Solar → lunar → solar for any day in range.
		sd := Date{MinYear, 1, 1}.AddDays(((offset % span) + span) % span)
		l, err := SolarToLunar(sd)
		if err != nil {
			t.Fatalf("SolarToLunar(%s): %v", sd, err)
		}
		if l.Day < 1 || l.Day > 30 || l.Month < 1 || l.Month > 12 {
			t.Fatalf("SolarToLunar(%s) = %+v", sd, l)
		}
		back, err := LunarToSolar(l)
		if err != nil || back != sd {
			t.Fatalf("round trip %s -> %s -> %s (%v)", sd, l, back, err)
		}
		// Lunar → solar → lunar for any input that exists.
		in := LunarDate{Year: y, Month: m, Day: d, Leap: leap}
		s, err := LunarToSolar(in)
		if err != nil {
			if !errors.Is(err, ErrInvalidLunarDate) && !errors.Is(err, ErrOutOfRange) {
				t.Fatalf("LunarToSolar(%+v): unexpected error %v", in, err)
			}
			return
		}
		l2, err := SolarToLunar(s)
		if err != nil || l2 != in {
			t.Fatalf("round trip %+v -> %s -> %+v (%v)", in, s, l2, err)
		}
	})
}

// Used by the tests only (deadcode): kept here rather than in the package.

// ParseLunarDate parses the String form ("YYYY-MM-DD" or "YYYY-MM*-DD").
// It checks the shape only; LunarToSolar checks that the date exists.
func ParseLunarDate(s string) (LunarDate, error) {
	bad := fmt.Errorf("%w %q", ErrInvalidLunarDate, s)
	leap := len(s) == 11 && s[7] == '*'
	if leap {
		s = s[:7] + s[8:]
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return LunarDate{}, bad
	}
	y, e1 := atoiDigits(s[0:4])
	m, e2 := atoiDigits(s[5:7])
	d, e3 := atoiDigits(s[8:10])
	if e1 != nil || e2 != nil || e3 != nil {
		return LunarDate{}, bad
	}
	return LunarDate{Year: y, Month: m, Day: d, Leap: leap}, nil
}

// LunarMonthLength returns 29 or 30 for an existing lunar month.
func LunarMonthLength(year, month int, leap bool) (int, error) {
	t := vnLunar()
	i := t.monthIndex(year, month, leap)
	if i < 0 {
		star := ""
		if leap {
			star = "*"
		}
		return 0, fmt.Errorf("%w: tháng / month %04d-%02d%s", ErrInvalidLunarDate, year, month, star)
	}
	return t.monthLen(i), nil
}

// LeapMonth returns the number of the leap month of a lunar year, or 0.
func LeapMonth(year int) int {
	t := vnLunar()
	yi := year - t.firstYear
	if yi < 0 || yi >= len(t.yearIndex) {
		return 0
	}
	for i := int(t.yearIndex[yi]); i < len(t.months) && int(t.months[i].year) == year; i++ {
		if t.months[i].leap {
			return int(t.months[i].month)
		}
	}
	return 0
}
