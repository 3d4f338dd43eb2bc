package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestCalendarMain(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		stdout string
	}{
		{"lunar_Tet_2025_and_leap_6th_month", []string{"lunar", "2025-01-29", "2025-07-25"},
			"2025-01-29 L:2025-01-01\n2025-07-25 L:2025-06*-01\n"},
		{"lunar_Tet_1985_Vietnam_UTC7", []string{"lunar", "1985-01-21", "1985-02-20"},
			"1985-01-21 L:1985-01-01\n1985-02-20 L:1985-02-01\n"},
		{"lunar_HungKings_2019_10_3", []string{"lunar", "2019-04-14"}, "2019-04-14 L:2019-03-10\n"},
		{"lunar_range_edges", []string{"lunar", "1900-01-01", "2100-12-31"}, "1900-01-01 L:1899-12-01\n2100-12-31 L:2100-12-01\n"},
		{"holidays_2025_official", []string{"holidays", "2025"},
			"2025-01-01\n2025-01-27\n2025-01-28\n2025-01-29\n2025-01-30\n2025-01-31\n2025-04-07\n2025-04-30\n2025-05-01\n2025-05-02\n2025-09-01\n2025-09-02\n"},
		{"holidays_2026_official_with_swaps", []string{"holidays", "2026"},
			"2026-01-01\n2026-01-02\n2026-02-16\n2026-02-17\n2026-02-18\n2026-02-19\n2026-02-20\n2026-04-27\n2026-04-30\n2026-05-01\n2026-08-31\n2026-09-01\n2026-09-02\n"},
		{"due_working_days_5_across_Tet_2025", []string{"due", "--received", "2025-01-24T16:20:00+07:00", "--amount", "5", "--unit", "working_days"},
			"2025-02-07T17:00:00+07:00\n"},
		{"due_received_in_UTC_printed_in_ICT", []string{"due", "--received", "2025-01-24T09:20:00Z", "--amount", "5", "--unit", "working_days"},
			"2025-02-07T17:00:00+07:00\n"},
		{"due_days_3_rolls_over_Tet_CivilCode_Art148", []string{"due", "--received", "2025-01-24T16:20:00+07:00", "--amount", "3", "--unit", "days"},
			"2025-02-03T17:00:00+07:00\n"},
		{"due_same_day_after_cutoff", []string{"due", "--received", "2025-03-03T15:30:00+07:00", "--unit", "same_day"},
			"2025-03-04T17:00:00+07:00\n"},
		{"due_same_day_before_cutoff_with_amount", []string{"due", "--received=2025-03-03T10:00:00+07:00", "--amount=0", "--unit=same_day"},
			"2025-03-03T17:00:00+07:00\n"},
		{"due_makeup_Saturday_2025_04_26", []string{"due", "-received", "2025-04-25T10:00:00+07:00", "-amount", "1", "-unit", "working_days"},
			"2025-04-26T17:00:00+07:00\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := calendarMain(tc.args, &out, &errb)
			if code != 0 || errb.Len() != 0 {
				t.Fatalf("exit %d, stderr %q", code, errb.String())
			}
			if out.String() != tc.stdout {
				t.Errorf("stdout =\n%s\nwant\n%s", out.String(), tc.stdout)
			}
		})
	}
}

func TestCalendarMain_BadInput(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		contain string
	}{
		{"impossible_date", []string{"lunar", "2025-02-30"}, `ngày không hợp lệ / invalid date "2025-02-30"`},
		{"impossible_date_after_good_one", []string{"lunar", "2025-01-29", "2023-02-29"}, `invalid date "2023-02-29"`},
		{"malformed_date", []string{"lunar", "29/01/2025"}, "invalid date"},
		{"date_outside_lunar_range", []string{"lunar", "1899-12-31"}, "outside the supported range"},
		{"lunar_without_date", []string{"lunar"}, "missing DATE"},
		{"year_outside_range", []string{"holidays", "1999"}, "year 1999 outside the supported range 2000–2100"},
		{"year_after_range", []string{"holidays", "2101"}, "outside the supported range"},
		{"year_not_a_number", []string{"holidays", "năm"}, "invalid year"},
		{"holidays_two_years", []string{"holidays", "2025", "2026"}, "exactly one YEAR"},
		{"negative_amount", []string{"due", "--received", "2025-01-24T16:20:00+07:00", "--amount", "-1", "--unit", "working_days"}, "negative amount -1"},
		{"amount_not_a_number", []string{"due", "--received", "2025-01-24T16:20:00+07:00", "--amount", "five", "--unit", "days"}, `invalid amount "five"`},
		{"unknown_unit", []string{"due", "--received", "2025-01-24T16:20:00+07:00", "--amount", "5", "--unit", "weeks"}, `unknown unit "weeks"`},
		{"missing_unit", []string{"due", "--received", "2025-01-24T16:20:00+07:00", "--amount", "5"}, "missing --unit"},
		{"missing_amount", []string{"due", "--received", "2025-01-24T16:20:00+07:00", "--unit", "days"}, "missing --amount"},
		{"missing_received", []string{"due", "--amount", "5", "--unit", "days"}, "missing --received"},
		{"received_not_RFC3339", []string{"due", "--received", "2025-01-24 16:20", "--amount", "5", "--unit", "days"}, "invalid --received"},
		{"received_impossible_date", []string{"due", "--received", "2025-02-30T10:00:00+07:00", "--amount", "5", "--unit", "days"}, "invalid --received"},
		{"received_outside_index", []string{"due", "--received", "1995-01-24T10:00:00+07:00", "--amount", "5", "--unit", "days"}, "outside the supported range"},
		{"unknown_flag", []string{"due", "--recieved", "2025-01-24T10:00:00+07:00"}, "invalid arguments"},
		{"extra_argument", []string{"due", "--received", "2025-01-24T10:00:00+07:00", "--amount", "5", "--unit", "days", "now"}, "unexpected arguments"},
		{"no_subcommand", nil, "missing subcommand"},
		{"unknown_subcommand", []string{"convert"}, `unknown subcommand "convert"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := calendarMain(tc.args, &out, &errb)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if out.Len() != 0 {
				t.Errorf("stdout not empty: %q", out.String())
			}
			msg := errb.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasSuffix(msg, "\n") {
				t.Errorf("stderr is not exactly one line: %q", msg)
			}
			if !strings.HasPrefix(msg, "motcua calendar: ") || !strings.Contains(msg, tc.contain) || !strings.Contains(msg, " / ") {
				t.Errorf("stderr = %q, want a bilingual line containing %q", msg, tc.contain)
			}
		})
	}
}

func TestCalendarMain_Help(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"due", "-h"}} {
		var out, errb bytes.Buffer
		if code := calendarMain(args, &out, &errb); code != 0 || !strings.Contains(out.String(), "usage") || errb.Len() != 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out.String(), errb.String())
		}
	}
}
