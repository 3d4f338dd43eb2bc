package api_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// An administrator enters a year's official notice; due dates issued after it
// follow the new days off (Labor Code 2019 Art. 112: Tết days are chosen each
// year by the Prime Minister).
func TestCalendarOverride_LaborCode2019_Art112(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		r := e.do("GET", "/api/v1/calendar/2026", "", nil, nil)
		sched := r.body["schedule"].(map[string]any)
		if r.status != 200 || sched["official"] != true || !strings.Contains(string(r.raw), `"2026-02-16"`) {
			t.Fatalf("2026 official schedule: %d %s", r.status, r.raw)
		}
		// Suppose the Government announces Monday 28/12/2026 and Tuesday
		// 29/12/2026 off, made up on Saturday 19/12/2026 (a hypothetical notice).
		notice := map[string]any{"days_off": []string{"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
			"2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02", "2026-12-28", "2026-12-29"},
			"working_days": []string{"2026-01-10", "2026-08-22", "2026-12-19"}, "source": "Công văn giả định số 1/VPCP-KGVX (kiểm thử)"}
		cases := []struct {
			user   string
			body   any
			status int
			code   string
		}{
			{"leader", notice, 403, "admin_only"},
			{"", notice, 401, "unauthorized"},
			{"admin", map[string]any{"days_off": []string{"2026-02-30"}, "source": "x"}, 400, "json_date"},
			{"admin", map[string]any{"days_off": []string{}, "working_days": []string{"2026-12-21"}, "source": "x"}, 422, "schedule_invalid"},
			{"admin", map[string]any{"days_off": []string{"2026-12-28"}}, 422, "schedule_source_required"},
		}
		for _, c := range cases {
			if r := e.do("PUT", "/api/v1/calendar/2026", c.user, c.body, nil); r.status != c.status || r.errCode() != c.code {
				t.Fatalf("%s: %d %s, want %d %s", c.user, r.status, r.raw, c.status, c.code)
			}
		}
		// Before the notice: 3 working days from Monday 21/12 → Thursday 24/12.
		e.setNow(time.Date(2026, 12, 21, 9, 0, 0, 0, ict))
		first, _ := e.submitAndReceive(businessReg)
		if r := e.do("PUT", "/api/v1/calendar/2026", "admin", notice, nil); r.status != 200 {
			t.Fatalf("admin entry: %d %s", r.status, r.raw)
		}
		got := e.do("GET", "/api/v1/calendar/2026", "", nil, nil)
		if !strings.Contains(string(got.raw), `"2026-12-28"`) || !strings.Contains(string(got.raw), "giả định") {
			t.Fatalf("override not in force: %s", got.raw)
		}
		// After it: 3 working days from Thursday 24/12 are Fri 25, then (28
		// and 29 off) Wed 30 and Thu 31.
		e.setNow(time.Date(2026, 12, 24, 9, 0, 0, 0, ict))
		second, _ := e.submitAndReceive(businessReg)
		d := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", second), "counter", nil, nil)
		if d.str("due_at") != "2026-12-31T17:00:00+07:00" {
			t.Fatalf("3 working days from Thu 24/12 skipping the announced 28–29/12 must end Thu 31/12: %s", d.raw)
		}
		// A due date already promised on a receipt is not rewritten.
		d = e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", first), "counter", nil, nil)
		if d.str("due_at") != "2026-12-24T17:00:00+07:00" {
			t.Fatalf("earlier receipt changed: %s", d.raw)
		}
		if r := e.do("GET", "/api/v1/calendar/1800", "", nil, nil); r.status != 422 {
			t.Fatalf("year out of range: %d", r.status)
		}
	})
}
