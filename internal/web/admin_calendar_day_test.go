package web_test

import (
	"net/url"
	"testing"

	"github.com/motcua/motcua/internal/calendar"
)

// The administrator picks single days on a calendar; a day that is not
// worked anyway is refused with a message beside the field, in the page's
// language only (issue 22 item 9; Labour Code 2019 Art. 112(3): a holiday
// on a weekend gives the next working day off, so the weekend day itself is
// never the entry).
func TestAdminCalendarDayPicker(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("admin")
	b.get("/admin/calendar?year=2031").must(t, 200, `type="date"`, `name="kind"`)
	src := "Công văn số 45/VPCP-KGVX"
	day := func(date, kind string) url.Values {
		return url.Values{"date": {date}, "kind": {kind}, "note": {"Nghỉ bù"}, "source": {src}}
	}
	cases := []struct {
		name, date, kind string
		status           int
		texts            []string
	}{
		{"a lone Saturday is not a day off", "2031-03-08", "off", 422, []string{"là Thứ bảy", "vốn không phải ngày làm việc", `id="day-error"`, `value="2031-03-08"`}},
		{"a make-up working day on a weekday", "2031-03-05", "working", 422, []string{"không phải cuối tuần"}},
		{"no date picked", "", "off", 422, []string{"Hãy chọn một ngày trên lịch."}},
		{"a weekday day off is taken", "2031-03-10", "off", 200, []string{"Đã lưu lịch nghỉ", "10/03/2031", src}},
		{"the same day twice", "2031-03-10", "off", 422, []string{"đã là ngày nghỉ"}},
		{"a Saturday worked in exchange", "2031-03-15", "working", 200, []string{"Đã lưu lịch nghỉ", "15/03/2031"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := b.post("/admin/calendar/day", day(c.date, c.kind)).must(t, c.status, c.texts...)
			if c.status != 200 {
				p.lacks(t, "not a working day", "is a weekday", "Pick a day")
			}
		})
	}
	cal := e.svc.Calendar()
	if cal.IsWorkingDay(calendar.Date{Year: 2031, Month: 3, Day: 10}) || !cal.IsWorkingDay(calendar.Date{Year: 2031, Month: 3, Day: 15}) {
		t.Fatal("the picked days must be in force")
	}
	// In English, the same refusal is English only.
	b.post("/lang", url.Values{"to": {"en"}, "back": {"/"}})
	b.post("/admin/calendar/day", day("2031-03-22", "off")).must(t, 422, "is a Saturday, not a working day anyway").lacks(t, "vốn không phải")
}
