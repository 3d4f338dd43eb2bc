package calendar

import (
	"fmt"
	"slices"
	"time"
)

// ProposeFirstYear is the first year ProposeSchedule covers: from October
// 1999 public servants have had Saturday and Sunday off (40-hour week), so the
// weekly-rest rule the proposal relies on holds from 2000.
const ProposeFirstYear = 2000

// holidayLaw is the statutory holiday list in force in a year.
type holidayLaw struct {
	name         string // citation used in notes
	tetDays      int    // 4 (LC 1994) or 5 (LC 2012, LC 2019)
	hungKings    bool   // Giỗ Tổ Hùng Vương, from 2007
	nationalDay2 bool   // LC 2019: 2/9 plus one adjacent day
	compArticle  string // the compensatory-day clause
}

func lawFor(year int) holidayLaw {
	switch {
	case year >= 2021: // Bộ luật Lao động 45/2019/QH14, in force 1/1/2021
		return holidayLaw{"BLLĐ 2019 Điều 112 / Labour Code 2019 Art. 112", 5, true, true, "BLLĐ 2019 Điều 111(3) / Labour Code 2019 Art. 111(3)"}
	case year >= 2013: // Bộ luật Lao động 10/2012/QH13, in force 1/5/2013
		return holidayLaw{"BLLĐ 2012 Điều 115 / Labour Code 2012 Art. 115", 5, true, false, "BLLĐ 2012 Điều 115(3) / Labour Code 2012 Art. 115(3)"}
	default: // Bộ luật Lao động 1994, Art. 73 as amended (Hùng Kings' day added in 2007)
		return holidayLaw{"BLLĐ 1994 Điều 73 / Labour Code 1994 Art. 73", 4, year >= 2007, false, "BLLĐ 1994 Điều 73 / Labour Code 1994 Art. 73"}
	}
}

// ProposeSchedule proposes the days off of a year that has no official
// schedule yet. It is the statute applied mechanically, and a starting point
// for the administrator, who replaces it with the Government's notice when it
// is published (Config.Overrides):
//
//   - 1/1, 30/4, 1/5 and 2/9 (Labour Code 2019 Art. 112(1)(a)(c)(d)(đ));
//   - National Day's second day (from 2021): 1/9, unless 1/9 falls on a
//     weekend or 2/9 is a Thursday, then 3/9 — the choice the Prime Minister
//     made in every year 2021–2026 (a day that bridges to the weekend);
//   - Hùng Kings' day, 10/3 lunar (Art. 112(1)(e));
//   - Tết: the last two days of the old lunar year and mùng 1–3 (five days,
//     Art. 112(1)(b)); this choice gives the official weekday days off of
//     every Tết 2019–2026 once compensatory days are added;
//   - compensatory days (Art. 111(3)): each holiday that falls on Saturday or
//     Sunday gives the next weekday that is not already a day off.
//
// Swaps of a weekday for a make-up Saturday are decided case by case by the
// Prime Minister and are never proposed. Years 2013–2020 follow the Labour
// Code 2012 (Art. 115: the same days, National Day one day only); years
// 2000–2012 the Labour Code 1994 (Art. 73: Tết four days — the last day of the
// year and mùng 1–3 are proposed — and Hùng Kings' day only from 2007); those
// years are historical approximations, not announced schedules.
func ProposeSchedule(year int) (Schedule, error) {
	if year < ProposeFirstYear || year > MaxYear {
		return Schedule{}, fmt.Errorf("đề xuất lịch nghỉ năm %d: %w %d–%d / no proposal for year %d", year, ErrOutOfRange, ProposeFirstYear, MaxYear, year)
	}
	law := lawFor(year)
	holidays := map[Date]string{}
	add := func(d Date, note string) {
		if prev, ok := holidays[d]; ok {
			// Two holidays on one date (10/3 lunar can be 30/4): one day off.
			note = prev + "; " + note
		}
		holidays[d] = note
	}
	add(Date{year, time.January, 1}, "Tết Dương lịch / New Year's Day — 1/1; "+law.name)
	add(Date{year, time.April, 30}, "Ngày Chiến thắng / Reunification Day — 30/4; "+law.name)
	add(Date{year, time.May, 1}, "Ngày Quốc tế lao động / International Labour Day — 1/5; "+law.name)
	add(Date{year, time.September, 2}, "Quốc khánh / National Day — 2/9; "+law.name)
	if law.nationalDay2 {
		add(nationalDayAdjacent(year), "Quốc khánh / National Day — ngày liền kề 2/9 / day adjacent to 2/9; "+law.name)
	}

	tet, err := Tet(year)
	if err != nil {
		return Schedule{}, err
	}
	before := law.tetDays - 3 // days of the old year: 2 (five-day Tết) or 1 (four-day Tết)
	yearName := lunarYearName(year)
	for i := -before; i < 3; i++ {
		d := tet.AddDays(i)
		l, err := SolarToLunar(d)
		if err != nil {
			return Schedule{}, err
		}
		// The occasion comes first and is the same for all five days, so
		// that explanations can group them ("27/01–31/01: Tết …").
		add(d, fmt.Sprintf("Tết Nguyên Đán %s / Lunar New Year — %s / lunar %d/%d; %s", yearName, lunarDayMonth(l), l.Day, l.Month, law.name))
	}
	if law.hungKings {
		d, err := LunarToSolar(LunarDate{Year: year, Month: 3, Day: 10})
		if err != nil {
			return Schedule{}, err
		}
		add(d, "Giỗ Tổ Hùng Vương / Hung Kings' Commemoration Day — 10/3 âm lịch / lunar 10/3; "+law.name)
	}

	// Compensatory days, in date order so that the earlier holiday takes the
	// earlier free weekday (2023: Sat 29/4 → Tue 2/5, Sun 30/4 → Wed 3/5).
	days := make([]Date, 0, len(holidays)+4)
	for d := range holidays {
		days = append(days, d)
	}
	slices.SortFunc(days, Date.Compare)
	notes := make(map[string]string, len(days)+4)
	off := make(map[Date]bool, len(days)+4)
	for _, d := range days {
		off[d] = true
		notes[d.String()] = holidays[d]
	}
	for _, d := range days {
		if !isWeekend(d) {
			continue
		}
		c := d.AddDays(1)
		for isWeekend(c) || off[c] {
			c = c.AddDays(1)
		}
		off[c] = true
		notes[c.String()] = fmt.Sprintf("Nghỉ bù / compensatory day off — cho %s (%s, trùng %s) / for %s (a holiday on %s); %s",
			fmtDateVI(d), shortNote(holidays[d]), viWeekday(d.Weekday()), d, d.Weekday(), law.compArticle)
	}
	out := make([]Date, 0, len(off))
	for d := range off {
		out = append(out, d)
	}
	slices.SortFunc(out, Date.Compare)
	return Schedule{
		Year:     year,
		DaysOff:  out,
		Source:   "Đề xuất mặc định, chưa có thông báo chính thức / default proposal, not yet announced — " + law.name + ", " + law.compArticle,
		Official: false,
		Notes:    notes,
	}, nil
}

// nationalDayAdjacent picks the second National Day holiday (Labour Code 2019
// Art. 112(1)(đ): 2/9 and one day right before or after it).
func nationalDayAdjacent(year int) Date {
	sep1 := Date{year, time.September, 1}
	sep3 := Date{year, time.September, 3}
	if isWeekend(sep1) || (Date{year, time.September, 2}).Weekday() == time.Thursday {
		return sep3
	}
	return sep1
}

func isWeekend(d Date) bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}

// lunarDayMonth formats a lunar day the way notices do: "mùng 1 tháng Giêng", "29 tháng Chạp".
func lunarDayMonth(l LunarDate) string {
	var day string
	if l.Day <= 10 {
		day = fmt.Sprintf("mùng %d", l.Day)
	} else {
		day = fmt.Sprintf("ngày %d", l.Day)
	}
	month := fmt.Sprintf("tháng %d", l.Month)
	switch l.Month {
	case 1:
		month = "tháng Giêng"
	case 12:
		month = "tháng Chạp"
	}
	if l.Leap {
		month += " nhuận"
	}
	return day + " " + month
}

// shortNote keeps the Vietnamese part of a bilingual note ("A / B — law" → "A").
func shortNote(n string) string {
	for i := 0; i+2 < len(n); i++ {
		if n[i] == ' ' && n[i+1] == '/' && n[i+2] == ' ' {
			return n[:i]
		}
	}
	return n
}
