package calendar

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"
)

func at(t testing.TB, s string) time.Time {
	t.Helper()
	layout := "2006-01-02 15:04"
	if len(s) > len(layout) {
		layout += ":05"
	}
	v, err := time.ParseInLocation(layout, s, Zone)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Due-date cases worked out by hand from the official schedules (see
// holidays_test.go) and the rules of Civil Code 2015 Art. 147–148.
func TestDue(t *testing.T) {
	c := Default()
	cases := []struct {
		name     string
		received string
		rule     Rule
		want     string
		skipped  int // non-working days reported as skipped
	}{
		// Tết Ất Tỵ: Sat 25/1 – Sun 2/2/2025 off. From Friday 24/1 the 1st–5th
		// working days are 3, 4, 5, 6, 7 February.
		{"working_days_5_across_Tet_2025_LaborCode2019_Art112", "2025-01-24 16:20", Rule{5, WorkingDays}, "2025-02-07 17:00", 9},
		{"working_days_1_received_on_Tet_eve_2025", "2025-01-26 10:00", Rule{1, WorkingDays}, "2025-02-03 17:00", 7},
		// Civil Code Art. 147: the receipt day never counts, even at 07:00.
		{"working_days_1_received_at_opening_CivilCode_Art147", "2025-03-03 07:00", Rule{1, WorkingDays}, "2025-03-04 17:00", 0},
		{"working_days_1_received_Friday_after_closing", "2025-03-07 17:30", Rule{1, WorkingDays}, "2025-03-10 17:00", 2},
		// Online filing on a Sunday: the Nth working day after that date.
		{"working_days_1_online_on_Sunday", "2025-03-02 20:00", Rule{1, WorkingDays}, "2025-03-03 17:00", 0},
		{"working_days_0_on_Sunday_next_working_day", "2025-03-02 20:00", Rule{0, WorkingDays}, "2025-03-03 17:00", 0},
		{"working_days_0_on_working_day_same_day", "2025-03-04 09:00", Rule{0, WorkingDays}, "2025-03-04 17:00", 0},
		// 30/4–1/5/2025: Fri 2/5 swapped for Sat 26/4 (Công văn 8726/VPCP-KGVX).
		{"working_days_1_makeup_Saturday_2025_04_26", "2025-04-25 10:00", Rule{1, WorkingDays}, "2025-04-26 17:00", 0},
		{"working_days_4_across_30_4_swap_2025", "2025-04-25 10:00", Rule{4, WorkingDays}, "2025-05-05 17:00", 6},
		// 2019: Mon 29/4 swapped for Sat 4/5 (Thông báo 3238/TB-LĐTBXH).
		{"working_days_1_across_30_4_2019_swap_LaborCode2012_Art115", "2019-04-26 15:00", Rule{1, WorkingDays}, "2019-05-02 17:00", 5},
		{"working_days_3_ends_on_makeup_Saturday_2019_05_04", "2019-04-26 15:00", Rule{3, WorkingDays}, "2019-05-04 17:00", 5},
		// New Year 2026: Thu 1/1 and Fri 2/1 (swapped for Sat 10/1) off.
		{"working_days_1_across_New_Year_2026_swap", "2025-12-31 09:00", Rule{1, WorkingDays}, "2026-01-05 17:00", 4},
		{"working_days_5_through_makeup_Saturday_2026_01_10", "2026-01-05 09:00", Rule{5, WorkingDays}, "2026-01-10 17:00", 0},
		// 2023: Sat 29/4 Hùng Kings, Sun 30/4, Mon 1/5, compensatory Tue 2/5, Wed 3/5.
		{"working_days_1_across_2023_compensatory_Art111_3", "2023-04-28 11:00", Rule{1, WorkingDays}, "2023-05-04 17:00", 5},
		{"working_days_20_long_span_across_Tet_2025", "2025-01-02 08:00", Rule{20, WorkingDays}, "2025-02-06 17:00", 15},
		// Calendar days (Art. 148): only the last day rolls over.
		{"days_10_ends_on_working_day_CivilCode_Art147", "2025-01-24 16:20", Rule{10, Days}, "2025-02-03 17:00", 0},
		{"days_3_ends_in_Tet_rolls_to_next_working_day_Art148", "2025-01-24 16:20", Rule{3, Days}, "2025-02-03 17:00", 7},
		{"days_1_ends_on_Saturday_rolls_to_Monday_Art148", "2025-03-06 09:00", Rule{1, Days}, "2025-03-07 17:00", 0},
		{"days_2_ends_on_Saturday_rolls_to_Monday_Art148", "2025-03-06 09:00", Rule{2, Days}, "2025-03-10 17:00", 2},
		{"days_1_online_on_Sunday", "2025-03-02 20:00", Rule{1, Days}, "2025-03-03 17:00", 0},
		{"days_1_ends_on_makeup_Saturday_is_a_working_day", "2025-04-25 09:00", Rule{1, Days}, "2025-04-26 17:00", 0},
		{"days_0_same_day", "2025-03-04 16:59", Rule{0, Days}, "2025-03-04 17:00", 0},
		// Same day, 15:00 cut-off.
		{"same_day_before_cutoff", "2025-03-03 14:59", Rule{0, SameDay}, "2025-03-03 17:00", 0},
		{"same_day_at_cutoff_15_00", "2025-03-03 15:00", Rule{1, SameDay}, "2025-03-03 17:00", 0},
		{"same_day_after_cutoff_next_working_day", "2025-03-03 15:01", Rule{0, SameDay}, "2025-03-04 17:00", 0},
		{"same_day_before_opening", "2025-03-03 06:30", Rule{0, SameDay}, "2025-03-03 17:00", 0},
		{"same_day_after_cutoff_before_Tet_2025", "2025-01-24 15:30", Rule{0, SameDay}, "2025-02-03 17:00", 9},
		{"same_day_on_Saturday", "2025-03-01 09:00", Rule{0, SameDay}, "2025-03-03 17:00", 2},
		{"same_day_on_makeup_Saturday_2025_04_26", "2025-04-26 09:00", Rule{0, SameDay}, "2025-04-26 17:00", 0},
		// Working hours and half-day budgets for internal steps.
		{"half_day_from_opening", "2025-03-03 07:00", HalfDays(1), "2025-03-03 11:00", 0},
		{"half_day_across_lunch_break", "2025-03-03 10:00", HalfDays(1), "2025-03-03 16:00", 0},
		{"half_day_from_lunch_break", "2025-03-03 12:00", HalfDays(1), "2025-03-04 07:30", 0},
		{"two_half_days_is_one_working_day", "2025-03-03 07:00", HalfDays(2), "2025-03-03 17:00", 0},
		{"half_day_ending_exactly_at_11_30_not_13_30", "2025-03-03 07:30", HalfDays(1), "2025-03-03 11:30", 0},
		{"half_day_after_closing_Friday", "2025-03-07 17:30", HalfDays(1), "2025-03-10 11:00", 2},
		{"working_hours_4_across_Tet_2025", "2025-01-24 16:20", Rule{4, WorkingHours}, "2025-02-03 10:20", 9},
		{"working_hours_0", "2025-03-03 12:00", Rule{0, WorkingHours}, "2025-03-03 12:00", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			recv := at(t, tc.received)
			d, err := c.Due(recv, tc.rule)
			if err != nil {
				t.Fatal(err)
			}
			want := at(t, tc.want)
			if !d.At.Equal(want) {
				t.Errorf("Due(%s, %v) = %s, want %s", tc.received, tc.rule, d.At.Format("2006-01-02 15:04 Mon"), tc.want)
			}
			if _, off := d.At.Zone(); off != 7*3600 {
				t.Errorf("due date not in +07:00: %s", d.At)
			}
			if len(d.Skipped) != tc.skipped {
				t.Errorf("skipped %d days %v, want %d", len(d.Skipped), d.Skipped, tc.skipped)
			}
			for _, s := range d.Skipped {
				if s.Reason == "" || c.IsWorkingDay(s.Date) {
					t.Errorf("bad skipped entry %+v", s)
				}
			}
			if !strings.Contains(d.Explain, "Hạn trả kết quả") || !strings.Contains(d.Explain, "Due ") {
				t.Errorf("explanation is not bilingual: %s", d.Explain)
			}
			fast, err := c.DueAt(recv, tc.rule)
			if err != nil || !fast.Equal(d.At) {
				t.Errorf("DueAt = %s, %v; Due = %s", fast, err, d.At)
			}
		})
	}
}

func TestDue_ExplanationNamesTheHoliday(t *testing.T) {
	d, err := Default().Due(at(t, "2025-01-24 16:20"), Rule{5, WorkingDays})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Tết Âm lịch Ất Tỵ", "Điều 147", "Art. 147", "17:00 07/02/2025", "2025-02-07 17:00", "Thứ sáu"} {
		if !strings.Contains(d.Explain, s) {
			t.Errorf("explanation lacks %q:\n%s", s, d.Explain)
		}
	}
}

func TestDue_Errors(t *testing.T) {
	c := Default()
	cases := []struct {
		name     string
		received time.Time
		rule     Rule
		want     error
	}{
		{"negative_amount", at(t, "2025-03-03 09:00"), Rule{-1, WorkingDays}, ErrInvalidRule},
		{"unknown_unit", at(t, "2025-03-03 09:00"), Rule{1, "weeks"}, ErrInvalidRule},
		{"receipt_before_index", at(t, "1999-12-31 09:00"), Rule{1, WorkingDays}, ErrOutOfRange},
		{"due_after_index", at(t, "2100-12-20 09:00"), Rule{30, WorkingDays}, ErrOutOfRange},
		{"days_after_index", at(t, "2100-12-20 09:00"), Rule{30, Days}, ErrOutOfRange},
		{"hours_after_index", at(t, "2100-12-30 09:00"), Rule{100, WorkingHours}, ErrOutOfRange},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := c.Due(tc.received, tc.rule); !errors.Is(err, tc.want) {
				t.Errorf("Due error = %v, want %v", err, tc.want)
			}
			if _, err := c.DueAt(tc.received, tc.rule); !errors.Is(err, tc.want) {
				t.Errorf("DueAt error = %v, want %v", err, tc.want)
			}
		})
	}
}

// Supplementation (Form 02) stops the clock; on resumption the due date moves
// by the working time that passed (RULES-VN §3.1(4)).
func TestResume(t *testing.T) {
	c := Default()
	cases := []struct {
		name                    string
		due, suspended, resumed string
		wantSuspended           time.Duration
		want                    string
	}{
		// Mon 3/2 09:00 → Wed 5/2 09:00: 6h + 8h + 2h = 16h = two working days.
		{"supplementation_pause_after_Tet_2025", "2025-02-07 17:00", "2025-02-03 09:00", "2025-02-05 09:00", 16 * time.Hour, "2025-02-11 17:00"},
		// Fri 25/4 16:00 → Mon 5/5 08:00 2025: 1h Fri + 8h Sat 26/4 (make-up)
		// + 8h Mon 28/4 + 8h Tue 29/4 + 1h Mon 5/5 = 26h (30/4, 1/5, 2/5 off);
		// from Tue 6/5 17:00: Wed, Thu, Fri = 24h, then 2h on Mon 12/5.
		{"pause_across_30_4_with_makeup_Saturday_2025", "2025-05-06 17:00", "2025-04-25 16:00", "2025-05-05 08:00", 26 * time.Hour, "2025-05-12 09:00"},
		{"pause_over_a_weekend_only_adds_nothing", "2025-03-12 17:00", "2025-03-07 17:00", "2025-03-10 07:00", 0, "2025-03-12 17:00"},
		{"pause_of_two_hours_moves_due_into_next_morning", "2025-03-12 17:00", "2025-03-10 08:00", "2025-03-10 10:00", 2 * time.Hour, "2025-03-13 09:00"},
		{"pause_during_lunch_break_adds_nothing", "2025-03-12 17:00", "2025-03-10 11:30", "2025-03-10 13:30", 0, "2025-03-12 17:00"},
		// The wait is counted in whole minutes, rounded down (SuspendedTime):
		// a due instant at closing time stays 17:00 of its day.
		{"supplementation_answered_at_once_keeps_17_00_RULES_3_1_4", "2026-12-14 17:00", "2026-12-03 09:00:00", "2026-12-03 09:00:40", 0, "2026-12-14 17:00"},
		{"answered_within_the_minute_keeps_17_00", "2026-12-14 17:00", "2026-12-03 09:00:10", "2026-12-03 09:01:09", 0, "2026-12-14 17:00"},
		{"answered_a_minute_later_moves_into_next_morning", "2026-12-14 17:00", "2026-12-03 09:00:00", "2026-12-03 09:01:30", time.Minute, "2026-12-15 07:01"},
		// 11:20 → 13:40: 10 min before and 10 min after the lunch break.
		{"answered_across_lunch_counts_only_working_minutes", "2026-12-14 17:00", "2026-12-03 11:20", "2026-12-03 13:40", 20 * time.Minute, "2026-12-15 07:20"},
		// Fri 16:50 → Mon 07:10: 10 min + 10 min; the weekend counts nothing.
		{"answered_across_a_weekend", "2026-12-14 17:00", "2026-12-04 16:50", "2026-12-07 07:10", 20 * time.Minute, "2026-12-15 07:20"},
		// Fri 29/8/2025 16:30 → Wed 3/9 07:30: 1/9 and 2/9 are National Day
		// (Labour Code 2019 Art. 112): 30 min + 30 min.
		{"answered_across_National_Day_2025", "2025-09-10 17:00", "2025-08-29 16:30", "2025-09-03 07:30", time.Hour, "2025-09-11 08:00"},
		// A wait that ends the day exactly: the due instant is the closing
		// time of the day it falls on, not the next opening.
		{"wait_filling_the_due_day_ends_at_17_00", "2025-03-12 16:00", "2025-03-10 08:00", "2025-03-10 09:00", time.Hour, "2025-03-12 17:00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := c.Resume(at(t, tc.due), at(t, tc.suspended), at(t, tc.resumed))
			if err != nil {
				t.Fatal(err)
			}
			if d.Suspended != tc.wantSuspended {
				t.Errorf("suspended %s, want %s", d.Suspended, tc.wantSuspended)
			}
			if !d.At.Equal(at(t, tc.want)) {
				t.Errorf("new due %s, want %s", d.At.Format("2006-01-02 15:04 Mon"), tc.want)
			}
			if !d.From.Equal(at(t, tc.due)) {
				t.Errorf("From = %s, want the previous due date", d.From)
			}
			if !strings.Contains(d.Explain, "bổ sung") || !strings.Contains(d.Explain, "supplementation") {
				t.Errorf("explanation: %s", d.Explain)
			}
		})
	}
	if _, err := c.Resume(at(t, "2025-03-12 17:00"), at(t, "2025-03-10 10:00"), at(t, "2025-03-10 09:00")); !errors.Is(err, ErrInvalidRule) {
		t.Errorf("resume before suspension: error = %v", err)
	}
}

// A full lifecycle: received before Tết, suspended for supplementation, then
// extended once (Form 04).
func TestDue_TetThenSupplementationThenExtension(t *testing.T) {
	c := Default()
	d, err := c.Due(at(t, "2025-01-24 16:20"), Rule{5, WorkingDays})
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Resume(d.At, at(t, "2025-02-03 09:00"), at(t, "2025-02-05 09:00"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Extend(r.At, at(t, "2025-02-10 10:00"), at(t, "2025-02-14 17:00"))
	if err != nil {
		t.Fatal(err)
	}
	if !e.At.Equal(at(t, "2025-02-14 17:00")) || !e.From.Equal(r.At) {
		t.Errorf("extension %+v", e)
	}
	if !strings.Contains(e.Explain, "Mẫu 04") || !strings.Contains(e.Explain, "24h") {
		t.Errorf("explanation: %s", e.Explain)
	}
}

func TestExtend_Validation(t *testing.T) {
	c := Default()
	cur := at(t, "2025-03-12 17:00")
	cases := []struct {
		name          string
		requested, nd string
		ok            bool
	}{
		{"valid_extension_Form04", "2025-03-11 09:00", "2025-03-19 17:00", true},
		{"requested_after_due_date", "2025-03-12 17:30", "2025-03-19 17:00", false},
		{"requested_exactly_at_due_date", "2025-03-12 17:00", "2025-03-19 17:00", false},
		{"new_due_not_after_current", "2025-03-11 09:00", "2025-03-12 17:00", false},
		{"new_due_before_current", "2025-03-11 09:00", "2025-03-12 09:00", false},
		{"new_due_on_Sunday", "2025-03-11 09:00", "2025-03-16 17:00", false},
		{"new_due_on_Reunification_Day", "2025-03-11 09:00", "2025-04-30 17:00", false},
		{"new_due_on_makeup_Saturday", "2025-03-11 09:00", "2025-04-26 17:00", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := c.Extend(cur, at(t, tc.requested), at(t, tc.nd))
			if tc.ok != (err == nil) {
				t.Fatalf("Extend error = %v, want ok=%v", err, tc.ok)
			}
			if err != nil && !strings.Contains(err.Error(), " / ") {
				t.Errorf("error is not bilingual: %v", err)
			}
			if err == nil && !d.At.Equal(at(t, tc.nd)) {
				t.Errorf("At = %s", d.At)
			}
		})
	}
}

func TestWorkingTimeAndAddWorkingTime(t *testing.T) {
	c := Default()
	cases := []struct {
		from, to string
		want     time.Duration
	}{
		{"2025-03-03 07:00", "2025-03-03 17:00", 8 * time.Hour},
		{"2025-03-03 00:00", "2025-03-04 00:00", 8 * time.Hour},
		{"2025-03-03 11:00", "2025-03-03 14:00", time.Hour},
		{"2025-03-07 16:00", "2025-03-10 08:00", 2 * time.Hour},
		{"2025-01-24 00:00", "2025-02-04 00:00", 16 * time.Hour}, // Fri 24/1 + Mon 3/2
		{"2025-03-03 10:00", "2025-03-03 09:00", 0},
		{"2025-04-26 00:00", "2025-04-27 00:00", 8 * time.Hour}, // make-up Saturday
	}
	for _, tc := range cases {
		if got := c.WorkingTime(at(t, tc.from), at(t, tc.to)); got != tc.want {
			t.Errorf("WorkingTime(%s, %s) = %s, want %s", tc.from, tc.to, got, tc.want)
		}
	}
	if _, err := c.AddWorkingTime(at(t, "2025-03-03 09:00"), -time.Minute); !errors.Is(err, ErrInvalidRule) {
		t.Errorf("negative duration: %v", err)
	}
	// Property: WorkingTime(t, AddWorkingTime(t, d)) == d, and the result is
	// the earliest such instant (one minute less of budget lands earlier).
	rng := rand.New(rand.NewPCG(1, 2))
	base := at(t, "2019-01-01 00:00")
	for i := 0; i < 20000; i++ {
		start := base.Add(time.Duration(rng.IntN(8*365*24*60)) * time.Minute)
		d := time.Duration(rng.IntN(200*60)+1) * time.Minute
		end, err := c.AddWorkingTime(start, d)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.WorkingTime(start, end); got != d {
			t.Fatalf("WorkingTime(%s, AddWorkingTime(+%s) = %s) = %s", start, d, end, got)
		}
		if c.WorkingTime(start, end.Add(-time.Minute)) >= d {
			t.Fatalf("AddWorkingTime(%s, %s) = %s is not the earliest instant", start, d, end)
		}
	}
}

// naiveDue is the reference: the rules of DESIGN.md applied day by day,
// using only IsWorkingDay. The index must agree with it everywhere.
func naiveDue(c *Calendar, recv time.Time, r Rule) time.Time {
	day := DateOf(recv)
	next := func(d Date) Date {
		for d = d.AddDays(1); !c.IsWorkingDay(d); d = d.AddDays(1) {
		}
		return d
	}
	var due Date
	switch r.Unit {
	case WorkingDays:
		due = day
		if r.Amount == 0 && !c.IsWorkingDay(day) {
			due = next(day)
		}
		for i := 0; i < r.Amount; i++ {
			due = next(due)
		}
	case Days:
		due = day.AddDays(r.Amount)
		if !c.IsWorkingDay(due) {
			due = next(due)
		}
	case SameDay:
		h, m, s := recv.In(Zone).Clock()
		due = day
		if !c.IsWorkingDay(day) || time.Duration(h)*time.Hour+time.Duration(m)*time.Minute+time.Duration(s)*time.Second > 15*time.Hour {
			due = next(day)
		}
	}
	return c.DayEnd(due)
}

func TestDueAt_AgreesWithDayByDayReference(t *testing.T) {
	c := Default()
	rng := rand.New(rand.NewPCG(7, 11))
	base := at(t, "2018-06-01 00:00")
	units := []Unit{WorkingDays, Days, SameDay}
	for i := 0; i < 50000; i++ {
		recv := base.Add(time.Duration(rng.IntN(9*365*24*60)) * time.Minute)
		r := Rule{rng.IntN(60), units[rng.IntN(len(units))]}
		got, err := c.DueAt(recv, r)
		if err != nil {
			t.Fatal(err)
		}
		if want := naiveDue(c, recv, r); !got.Equal(want) {
			t.Fatalf("DueAt(%s, %v) = %s, reference %s", recv, r, got, want)
		}
	}
}

func TestDue_JSON(t *testing.T) {
	d, err := Default().Due(at(t, "2025-01-24 16:20"), Rule{5, WorkingDays})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"at", "rule", "from", "skipped", "explain"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
	if m["at"] != "2025-02-07T17:00:00+07:00" {
		t.Errorf("at = %v", m["at"])
	}
	if rule := m["rule"].(map[string]any); rule["unit"] != "working_days" || rule["amount"] != 5.0 {
		t.Errorf("rule = %v", rule)
	}
	first := m["skipped"].([]any)[0].(map[string]any)
	if first["date"] != "2025-01-25" || first["reason"] == "" {
		t.Errorf("skipped[0] = %v", first)
	}
	if _, ok := m["suspended"]; ok {
		t.Error("suspended should be omitted when zero")
	}
}

func TestConfig(t *testing.T) {
	h := func(a, b float64) Period {
		return Period{time.Duration(a * float64(time.Hour)), time.Duration(b * float64(time.Hour))}
	}
	good := DefaultConfig()
	cases := []struct {
		name string
		edit func(*Config)
	}{
		{"no_hours", func(c *Config) { c.Hours = nil }},
		{"period_ends_before_start", func(c *Config) { c.Hours = []Period{h(11, 7)} }},
		{"periods_overlap", func(c *Config) { c.Hours = []Period{h(7, 12), h(11, 17)} }},
		{"periods_out_of_order", func(c *Config) { c.Hours = []Period{h(13.5, 17), h(7, 11.5)} }},
		{"period_outside_the_day", func(c *Config) { c.Hours = []Period{h(20, 25)} }},
		{"negative_start", func(c *Config) { c.Hours = []Period{h(-1, 5)} }},
		{"cutoff_after_closing", func(c *Config) { c.SameDayCutoff = 18 * time.Hour }},
		{"cutoff_zero", func(c *Config) { c.SameDayCutoff = 0 }},
		{"year_range_reversed", func(c *Config) { c.FirstYear, c.LastYear = 2050, 2040 }},
		{"year_range_too_wide", func(c *Config) { c.LastYear = 2200 }},
		{"override_twice", func(c *Config) { c.Overrides = []Schedule{{Year: 2030}, {Year: 2030}} }},
		{"override_outside_range", func(c *Config) { c.FirstYear = 2020; c.Overrides = []Schedule{{Year: 2010}} }},
		{"override_makeup_on_weekday", func(c *Config) {
			c.Overrides = []Schedule{{Year: 2030, WorkingDays: []Date{{2030, 1, 2}}}}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tc.edit(&cfg)
			if _, err := New(cfg); !errors.Is(err, ErrConfig) {
				t.Fatalf("New error = %v, want ErrConfig", err)
			} else if !strings.Contains(err.Error(), " / ") {
				t.Errorf("error is not bilingual: %v", err)
			}
		})
	}
	// A province with one continuous shift 08:00–16:00 and a 12:00 cut-off.
	cfg := good
	cfg.Hours = []Period{h(8, 16)}
	cfg.SameDayCutoff = 12 * time.Hour
	cfg.FirstYear, cfg.LastYear = 2024, 2026
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := c.DueAt(at(t, "2025-03-03 12:30"), Rule{0, SameDay}); !got.Equal(at(t, "2025-03-04 16:00")) {
		t.Errorf("custom same_day = %s", got)
	}
	if got, _ := c.DueAt(at(t, "2025-03-03 15:00"), HalfDays(1)); !got.Equal(at(t, "2025-03-04 11:00")) {
		t.Errorf("custom half day = %s", got)
	}
	if c.DayStart(Date{2025, 3, 3}) != at(t, "2025-03-03 08:00") || !c.DayEnd(Date{2025, 3, 3}).Equal(at(t, "2025-03-03 16:00")) {
		t.Error("DayStart/DayEnd")
	}
	if _, err := c.DueAt(at(t, "2026-12-30 09:00"), Rule{5, WorkingDays}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("past LastYear: %v", err)
	}
	if !c.IsWorkingDay(Date{2030, 1, 1}) || c.IsWorkingDay(Date{2030, 1, 5}) {
		t.Error("outside the index only weekends are known")
	}
}

func TestUnitsAndRules(t *testing.T) {
	for _, s := range []string{"working_days", "days", "same_day", "working_hours"} {
		if u, err := ParseUnit(s); err != nil || string(u) != s {
			t.Errorf("ParseUnit(%q) = %v, %v", s, u, err)
		}
	}
	for _, s := range []string{"", "WORKING_DAYS", "hours", "working-days"} {
		if _, err := ParseUnit(s); !errors.Is(err, ErrInvalidRule) {
			t.Errorf("ParseUnit(%q) accepted", s)
		}
	}
	if HalfDays(3) != (Rule{12, WorkingHours}) {
		t.Error("HalfDays")
	}
	if (Rule{-2, Days}).Validate() == nil || (Rule{2, Days}).Validate() != nil {
		t.Error("Rule.Validate")
	}
}

func TestCalendar_ConcurrentUse(t *testing.T) {
	c := Default()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			recv := time.Date(2025, 1, 20+g, 10, 0, 0, 0, Zone)
			for i := 0; i < 1000; i++ {
				if _, err := c.Due(recv, Rule{i % 30, WorkingDays}); err != nil {
					t.Error(err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

// Each explanation has a Vietnamese and an English part, so that a page
// shows only the language its reader chose (issue 22 item 4).
func TestExplainInOneLanguage(t *testing.T) {
	c := Default()
	d, err := c.Due(at(t, "2026-12-01 09:00"), Rule{10, WorkingDays})
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Resume(d.At, at(t, "2026-12-03 09:00"), at(t, "2026-12-03 10:00"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Extend(r.At, at(t, "2026-12-10 09:00"), at(t, "2026-12-22 17:00"))
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []string{d.Explain, r.Explain, e.Explain} {
		vi, en := ExplainIn(x, "vi"), ExplainIn(x, "en")
		for _, w := range []string{"Received", "The clock", "Extension", "working days", "Due "} {
			if strings.Contains(vi, w) {
				t.Errorf("Vietnamese part holds %q: %s", w, vi)
			}
		}
		for _, w := range []string{"Hạn", "Tiếp nhận", "ngày"} {
			if strings.Contains(en, w) {
				t.Errorf("English part holds %q: %s", w, en)
			}
		}
	}
	if got := ExplainIn("chỉ một phần", "en"); got != "chỉ một phần" {
		t.Errorf("an old explanation is shown whole: %q", got)
	}
}

// Used by the tests only (deadcode): kept here rather than in the package.

// HalfDays is a budget of n half working days for an internal step: four
// working hours each (one working day = 8 h, as provincial systems count).
func HalfDays(n int) Rule { return Rule{Amount: 4 * n, Unit: WorkingHours} }
