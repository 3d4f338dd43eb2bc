package calendar

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

type dayCase struct {
	date string
	why  string
}

// officialYears lists, for every official year, each weekday day off and
// each make-up working Saturday, copied from the cited reference
// (shared/reference/holidays-vn-official.json: weekday_days_off,
// working_weekend_days and the kind/occasion of each detail), which compiles
// the Government notices named there (e.g. 2025: Công văn 8726/VPCP-KGVX and
// Thông báo 6150/TB-LĐTBXH). Kept as literals so the test does not read back
// the package's embedded data.
var officialYears = []struct {
	year   int
	law    string
	off    []dayCase
	makeUp []dayCase
}{
	{2019, "LaborCode2012_Art115", []dayCase{
		{"2019-01-01", "NewYear_holiday"},
		{"2019-02-04", "Tet_holiday"},
		{"2019-02-05", "Tet_holiday"},
		{"2019-02-06", "Tet_holiday"},
		{"2019-02-07", "Tet_holiday"},
		{"2019-02-08", "Tet_holiday"},
		{"2019-04-15", "HungKings_compensatory_Art115_3"},
		{"2019-04-29", "Reunification_LabourDay_swapped_off_PM_notice"},
		{"2019-04-30", "Reunification_LabourDay_holiday"},
		{"2019-05-01", "Reunification_LabourDay_holiday"},
		{"2019-09-02", "NationalDay_holiday"},
	}, []dayCase{
		{"2019-01-05", "makeup_Saturday"},
		{"2019-05-04", "makeup_Saturday"},
	}},
	{2020, "LaborCode2012_Art115", []dayCase{
		{"2020-01-01", "NewYear_holiday"},
		{"2020-01-23", "Tet_holiday"},
		{"2020-01-24", "Tet_holiday"},
		{"2020-01-27", "Tet_holiday"},
		{"2020-01-28", "Tet_compensatory_Art115_3"},
		{"2020-01-29", "Tet_compensatory_Art115_3"},
		{"2020-04-02", "HungKings_holiday"},
		{"2020-04-30", "Reunification_LabourDay_holiday"},
		{"2020-05-01", "Reunification_LabourDay_holiday"},
		{"2020-09-02", "NationalDay_holiday"},
	}, []dayCase{}},
	{2021, "LaborCode2019_Art112", []dayCase{
		{"2021-01-01", "NewYear_holiday"},
		{"2021-02-10", "Tet_holiday"},
		{"2021-02-11", "Tet_holiday"},
		{"2021-02-12", "Tet_holiday"},
		{"2021-02-15", "Tet_compensatory_Art111_3"},
		{"2021-02-16", "Tet_compensatory_Art111_3"},
		{"2021-04-21", "HungKings_holiday"},
		{"2021-04-30", "Reunification_LabourDay_holiday"},
		{"2021-05-03", "Reunification_LabourDay_compensatory_Art111_3"},
		{"2021-09-02", "NationalDay_holiday"},
		{"2021-09-03", "NationalDay_holiday"},
	}, []dayCase{}},
	{2022, "LaborCode2019_Art112", []dayCase{
		{"2022-01-03", "NewYear_compensatory_Art111_3"},
		{"2022-01-31", "Tet_holiday"},
		{"2022-02-01", "Tet_holiday"},
		{"2022-02-02", "Tet_holiday"},
		{"2022-02-03", "Tet_holiday"},
		{"2022-02-04", "Tet_holiday"},
		{"2022-04-11", "HungKings_compensatory_Art111_3"},
		{"2022-05-02", "Reunification_LabourDay_compensatory_Art111_3"},
		{"2022-05-03", "Reunification_LabourDay_compensatory_Art111_3"},
		{"2022-09-01", "NationalDay_holiday"},
		{"2022-09-02", "NationalDay_holiday"},
	}, []dayCase{}},
	{2023, "LaborCode2019_Art112", []dayCase{
		{"2023-01-02", "NewYear_compensatory_Art111_3"},
		{"2023-01-20", "Tet_holiday"},
		{"2023-01-23", "Tet_holiday"},
		{"2023-01-24", "Tet_holiday"},
		{"2023-01-25", "Tet_compensatory_Art111_3"},
		{"2023-01-26", "Tet_compensatory_Art111_3"},
		{"2023-05-01", "HungKings_30_4_1_5_holiday"},
		{"2023-05-02", "HungKings_30_4_1_5_compensatory_Art111_3"},
		{"2023-05-03", "HungKings_30_4_1_5_compensatory_Art111_3"},
		{"2023-09-01", "NationalDay_holiday"},
		{"2023-09-04", "NationalDay_compensatory_Art111_3"},
	}, []dayCase{}},
	{2024, "LaborCode2019_Art112", []dayCase{
		{"2024-01-01", "NewYear_holiday"},
		{"2024-02-08", "Tet_holiday"},
		{"2024-02-09", "Tet_holiday"},
		{"2024-02-12", "Tet_holiday"},
		{"2024-02-13", "Tet_compensatory_Art111_3"},
		{"2024-02-14", "Tet_compensatory_Art111_3"},
		{"2024-04-18", "HungKings_holiday"},
		{"2024-04-29", "Reunification_LabourDay_swapped_off_PM_notice"},
		{"2024-04-30", "Reunification_LabourDay_holiday"},
		{"2024-05-01", "Reunification_LabourDay_holiday"},
		{"2024-09-02", "NationalDay_holiday"},
		{"2024-09-03", "NationalDay_holiday"},
	}, []dayCase{
		{"2024-05-04", "makeup_Saturday"},
	}},
	{2025, "LaborCode2019_Art112", []dayCase{
		{"2025-01-01", "NewYear_holiday"},
		{"2025-01-27", "Tet_holiday"},
		{"2025-01-28", "Tet_holiday"},
		{"2025-01-29", "Tet_holiday"},
		{"2025-01-30", "Tet_holiday"},
		{"2025-01-31", "Tet_holiday"},
		{"2025-04-07", "HungKings_holiday"},
		{"2025-04-30", "Reunification_LabourDay_holiday"},
		{"2025-05-01", "Reunification_LabourDay_holiday"},
		{"2025-05-02", "Reunification_LabourDay_swapped_off_PM_notice"},
		{"2025-09-01", "NationalDay_holiday"},
		{"2025-09-02", "NationalDay_holiday"},
	}, []dayCase{
		{"2025-04-26", "makeup_Saturday"},
	}},
	{2026, "LaborCode2019_Art112", []dayCase{
		{"2026-01-01", "NewYear_holiday"},
		{"2026-01-02", "NewYear_swapped_off_PM_notice"},
		{"2026-02-16", "Tet_holiday"},
		{"2026-02-17", "Tet_holiday"},
		{"2026-02-18", "Tet_holiday"},
		{"2026-02-19", "Tet_holiday"},
		{"2026-02-20", "Tet_holiday"},
		{"2026-04-27", "HungKings_compensatory_Art111_3"},
		{"2026-04-30", "Reunification_LabourDay_holiday"},
		{"2026-05-01", "Reunification_LabourDay_holiday"},
		{"2026-08-31", "NationalDay_swapped_off_PM_notice"},
		{"2026-09-01", "NationalDay_holiday"},
		{"2026-09-02", "NationalDay_holiday"},
	}, []dayCase{
		{"2026-01-10", "makeup_Saturday"},
		{"2026-08-22", "makeup_Saturday"},
	}},
}

func TestHolidays_OfficialSchedules2019to2026(t *testing.T) {
	c := Default()
	for _, y := range officialYears {
		t.Run(strings.Join([]string{itoa(y.year), y.law}, "_"), func(t *testing.T) {
			var want []Date
			for _, dc := range y.off {
				d := mustDate(t, dc.date)
				want = append(want, d)
				t.Run(dc.date+"_"+dc.why, func(t *testing.T) {
					if c.IsWorkingDay(d) {
						t.Errorf("%s is a working day, want day off (%s)", d, dc.why)
					}
					if off, reason := c.DayOff(d); !off || reason == "" {
						t.Errorf("DayOff(%s) = %v, %q", d, off, reason)
					}
				})
			}
			for _, dc := range y.makeUp {
				d := mustDate(t, dc.date)
				t.Run(dc.date+"_"+dc.why, func(t *testing.T) {
					if d.Weekday() != time.Saturday {
						t.Fatalf("%s is not a Saturday", d)
					}
					if !c.IsWorkingDay(d) {
						t.Errorf("make-up Saturday %s is not a working day", d)
					}
					if off, reason := c.DayOff(d); off || !strings.Contains(reason, "bù") {
						t.Errorf("DayOff(%s) = %v, %q; want a make-up note", d, off, reason)
					}
				})
			}
			got, err := c.Holidays(y.year)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("Holidays(%d) =\n%v\nwant\n%v", y.year, got, want)
			}
			// Every other Saturday and Sunday of the year is a day off, every
			// other weekday is worked.
			for d := (Date{y.year, 1, 1}); d.Year == y.year; d = d.AddDays(1) {
				listed := slices.Contains(want, d)
				makeUp := slices.ContainsFunc(y.makeUp, func(dc dayCase) bool { return dc.date == d.String() })
				wantWork := makeUp || (!isWeekend(d) && !listed)
				if c.IsWorkingDay(d) != wantWork {
					t.Errorf("IsWorkingDay(%s, %s) = %v, want %v", d, d.Weekday(), !wantWork, wantWork)
				}
			}
		})
	}
	// The New Year 2019 period began with Mon 31/12/2018, swapped for Sat 5/1/2019.
	if c.IsWorkingDay(Date{2018, 12, 31}) {
		t.Error("2018-12-31 (swapped for Sat 2019-01-05, notice 3238/TB-LĐTBXH) is a working day")
	}
}

func itoa(n int) string { return Date{n, 1, 1}.String()[:4] }

// The default proposal, applied to the official years, reproduces every
// weekday day off the Government announced except the weekday-for-Saturday
// swaps, which are decided case by case (the literals below are the swaps
// named in the notices).
func TestProposeSchedule_ReproducesOfficialYears_ExceptSwaps(t *testing.T) {
	swaps := map[string]bool{
		"2019-04-29": true, "2024-04-29": true, "2025-05-02": true,
		"2026-01-02": true, "2026-08-31": true,
	}
	for _, y := range officialYears {
		t.Run(itoa(y.year)+"_"+y.law+"_Art111_3_compensatory", func(t *testing.T) {
			p, err := ProposeSchedule(y.year)
			if err != nil {
				t.Fatal(err)
			}
			if p.Official || p.Source == "" {
				t.Errorf("proposal must say it is not official and cite its basis: %+v", p)
			}
			var got, want []string
			for _, d := range p.DaysOff {
				if !isWeekend(d) {
					got = append(got, d.String())
				}
			}
			for _, dc := range y.off {
				if !swaps[dc.date] {
					want = append(want, dc.date)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("ProposeSchedule(%d) weekday days off\n%v\nwant\n%v", y.year, got, want)
			}
		})
	}
}

func TestProposeSchedule_StatutoryDays(t *testing.T) {
	for y := 2027; y <= MaxYear; y++ {
		p, err := ProposeSchedule(y)
		if err != nil {
			t.Fatal(err)
		}
		off := map[Date]bool{}
		for _, d := range p.DaysOff {
			off[d] = true
			if p.Notes[d.String()] == "" {
				t.Errorf("%d: %s has no note", y, d)
			}
		}
		tet, _ := Tet(y)
		hung, _ := LunarToSolar(LunarDate{Year: y, Month: 3, Day: 10})
		must := []Date{{y, 1, 1}, {y, 4, 30}, {y, 5, 1}, {y, 9, 2}, hung,
			tet.AddDays(-2), tet.AddDays(-1), tet, tet.AddDays(1), tet.AddDays(2)}
		for _, d := range must {
			if !off[d] {
				t.Errorf("%d: statutory day %s missing (Labour Code 2019 Art. 112(1))", y, d)
			}
		}
		if !off[Date{y, 9, 1}] && !off[Date{y, 9, 3}] {
			t.Errorf("%d: no day adjacent to 2/9 (Art. 112(1)(đ))", y)
		}
		// Art. 111(3): as many weekday days off as statutory days, each
		// weekend holiday being replaced by a weekday.
		statutory := 11
		if hung == (Date{y, 4, 30}) {
			statutory-- // both on one date: one day off
		}
		weekdays := 0
		for d := range off {
			if !isWeekend(d) {
				weekdays++
			}
		}
		if weekdays != statutory {
			t.Errorf("%d: %d weekday days off, want %d: %v", y, weekdays, statutory, p.DaysOff)
		}
	}
	if _, err := ProposeSchedule(1999); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("ProposeSchedule(1999) error = %v", err)
	}
	if _, err := ProposeSchedule(2101); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("ProposeSchedule(2101) error = %v", err)
	}
}

// 2023 is the case where three holidays in a row hit a weekend: Giỗ Tổ on
// Sat 29/4 and 30/4 on Sunday, then 1/5 on Monday; compensatory days are the
// next free weekdays, Tue 2/5 and Wed 3/5 (Art. 111(3)), as announced.
func TestProposeSchedule_2023_HungKings_30_4_1_5_CompensatoryChain(t *testing.T) {
	p, err := ProposeSchedule(2023)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"2023-05-02", "2023-05-03"} {
		n := p.Notes[s]
		if !strings.Contains(n, "Nghỉ bù") || !strings.Contains(n, "111(3)") {
			t.Errorf("%s note = %q, want a compensatory day citing Art. 111(3)", s, n)
		}
	}
}

func TestLabourCodeByYear(t *testing.T) {
	// 2012 and before: Labour Code 1994, Tết 4 days; Hùng Kings from 2007.
	p2005, _ := ProposeSchedule(2005)
	p2010, _ := ProposeSchedule(2010)
	hung2005, _ := LunarToSolar(LunarDate{Year: 2005, Month: 3, Day: 10})
	hung2010, _ := LunarToSolar(LunarDate{Year: 2010, Month: 3, Day: 10})
	if slices.Contains(p2005.DaysOff, hung2005) {
		t.Error("2005: Hùng Kings' day was not a statutory holiday before 2007")
	}
	if !slices.Contains(p2010.DaysOff, hung2010) {
		t.Error("2010: Hùng Kings' day missing")
	}
	tet2010, _ := Tet(2010)
	if slices.Contains(p2010.DaysOff, tet2010.AddDays(-2)) {
		t.Error("2010: Tết was 4 days under the 1994 code (eve + mùng 1–3)")
	}
	// 2020: Labour Code 2012, National Day one day only.
	p2020, _ := ProposeSchedule(2020)
	if slices.Contains(p2020.DaysOff, Date{2020, 9, 1}) || slices.Contains(p2020.DaysOff, Date{2020, 9, 3}) {
		t.Error("2020: National Day was one day under the 2012 code")
	}
}

func TestOverrides_NewAnnouncement(t *testing.T) {
	cfg := DefaultConfig()
	// A hypothetical 2027 notice: Tết 4–10/2 with Fri 12/2 swapped for Sat 20/2.
	var off []Date
	for d := (Date{2027, 2, 4}); !d.After(Date{2027, 2, 12}); d = d.AddDays(1) {
		off = append(off, d)
	}
	cfg.Overrides = []Schedule{{
		Year:        2027,
		DaysOff:     off,
		WorkingDays: []Date{{2027, 2, 20}},
		Source:      "Thông báo (giả định) / hypothetical notice",
		Official:    true,
		Notes:       map[string]string{"2027-02-12": "Nghỉ hoán đổi / swapped"},
	}}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := c.Holidays(2027)
	want := []Date{{2027, 2, 4}, {2027, 2, 5}, {2027, 2, 8}, {2027, 2, 9}, {2027, 2, 10}, {2027, 2, 11}, {2027, 2, 12}}
	if !slices.Equal(got, want) {
		t.Errorf("Holidays(2027) with override = %v, want %v (the override replaces the whole proposal)", got, want)
	}
	if !c.IsWorkingDay(Date{2027, 2, 20}) {
		t.Error("make-up Saturday 2027-02-20 not worked")
	}
	if _, why := c.DayOff(Date{2027, 2, 12}); why != "Nghỉ hoán đổi / swapped" {
		t.Errorf("reason = %q", why)
	}
	if !c.IsWorkingDay(Date{2027, 1, 1}) {
		t.Error("the override has no 1/1, so 2027-01-01 (a Friday) must be worked")
	}
	s, _ := c.Schedule(2027)
	if s.Source != cfg.Overrides[0].Source {
		t.Errorf("Schedule(2027) = %+v, want the override", s)
	}
	// Other years are untouched.
	if c.IsWorkingDay(Date{2026, 2, 17}) {
		t.Error("2026 official schedule lost")
	}
}

func TestSchedule_Sources(t *testing.T) {
	c := Default()
	s, err := c.Schedule(2025)
	if err != nil || !s.Official || !strings.Contains(s.Source, "8726/VPCP-KGVX") {
		t.Errorf("Schedule(2025) = %+v, %v", s, err)
	}
	s, err = c.Schedule(2030)
	if err != nil || s.Official {
		t.Errorf("Schedule(2030) = %+v, %v; want the proposal", s, err)
	}
	// Copies: changing a returned schedule does not change the calendar.
	s.DaysOff[0] = Date{2030, 6, 6}
	again, _ := c.Schedule(2030)
	if again.DaysOff[0] == (Date{2030, 6, 6}) {
		t.Error("Schedule returned shared data")
	}
	all := OfficialSchedules()
	for y := 2019; y <= 2026; y++ {
		if _, ok := all[y]; !ok {
			t.Errorf("OfficialSchedules lacks %d", y)
		}
	}
	// 24/11 (Vietnam Culture Day) is pending legislation, not a day off in 2026.
	if !c.IsWorkingDay(Date{2026, 11, 24}) {
		t.Error("2026-11-24 must stay a working day until the Labour Code is amended")
	}
	if _, err := c.Holidays(1999); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Holidays(1999) error = %v", err)
	}
}

func TestDayOff_Reasons(t *testing.T) {
	c := Default()
	cases := []struct {
		date    string
		off     bool
		contain string
	}{
		{"2025-03-02", true, "Chủ nhật / Sunday"},
		{"2025-03-01", true, "Thứ bảy / Saturday"},
		{"2025-03-03", false, ""},
		{"2025-01-29", true, "Tết Âm lịch Ất Tỵ"},
		{"2023-05-02", true, "Nghỉ bù"},
		{"2025-05-02", true, "hoán đổi"},
		{"2025-04-26", false, "Làm bù"},
		{"2031-01-01", true, "Tết Dương lịch"},
	}
	for _, tc := range cases {
		off, why := c.DayOff(mustDate(t, tc.date))
		if off != tc.off || !strings.Contains(why, tc.contain) || (tc.contain == "" && why != "") {
			t.Errorf("DayOff(%s) = %v, %q; want %v, containing %q", tc.date, off, why, tc.off, tc.contain)
		}
	}
}

// Every shipped official schedule passes the checks an administrator's
// notice must pass, weekend days inside Tết included; so does a holiday
// period running over a weekend.
func TestScheduleValidateAcceptsOfficialSchedules(t *testing.T) {
	for year, sc := range OfficialSchedules() {
		if err := sc.Validate(); err != nil {
			t.Errorf("%d: %v", year, err)
		}
	}
	tet := Schedule{Year: 2027, DaysOff: []Date{{2027, 2, 5}, {2027, 2, 6}, {2027, 2, 7}, {2027, 2, 8}}}
	if err := tet.Validate(); err != nil {
		t.Errorf("Friday to Monday over a weekend: %v", err)
	}
}

func TestScheduleValidate(t *testing.T) {
	cases := []struct {
		name string
		s    Schedule
	}{
		{"makeup_on_a_weekday", Schedule{Year: 2027, WorkingDays: []Date{{2027, 3, 3}}}},
		{"both_off_and_working", Schedule{Year: 2027, DaysOff: []Date{{2027, 3, 6}}, WorkingDays: []Date{{2027, 3, 6}}}},
		{"impossible_date", Schedule{Year: 2027, DaysOff: []Date{{2027, 2, 30}}}},
		{"date_far_from_year", Schedule{Year: 2027, DaysOff: []Date{{2029, 1, 1}}}},
		{"year_out_of_range", Schedule{Year: 1800}},
		// Saturday 6 March 2027 alone: not a working day anyway (issue 22).
		{"lone_Saturday_as_a_day_off", Schedule{Year: 2027, DaysOff: []Date{{2027, 3, 6}}}},
		{"lone_weekend_as_days_off", Schedule{Year: 2027, DaysOff: []Date{{2027, 3, 6}, {2027, 3, 7}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.s.Validate(); err == nil {
				t.Fatal("accepted")
			} else if !strings.Contains(err.Error(), " / ") {
				t.Errorf("error %q is not bilingual", err)
			}
		})
	}
}

// Used by the tests only (deadcode): kept here rather than in the package.

// OfficialSchedules returns the announced schedules shipped with the
// package (2019–2026), keyed by year. The result is a fresh copy.
func OfficialSchedules() map[int]Schedule {
	src := officialSchedules()
	out := make(map[int]Schedule, len(src))
	for y, s := range src {
		out[y] = s.Clone()
	}
	return out
}
