package calendar

import (
	"strings"
	"testing"
)

func TestMessagesOneLanguageEach(t *testing.T) {
	c := Default()
	_, extendErr := c.Extend(at(t, "2026-12-14 17:00"), at(t, "2026-12-15 09:00"), at(t, "2026-12-20 17:00"))
	_, negErr := c.AddWorkingTime(at(t, "2026-12-14 17:00"), -1)
	_, dateErr := ParseDate("2026-02-30")
	sched := Schedule{Year: 2027, DaysOff: []Date{{2027, 3, 6}}}.Validate()
	for _, c := range []struct {
		name    string
		err     error
		vi, en  string
		notInVI string
	}{
		{"extension_after_the_due_date_Form04", extendErr, "thời hạn không hợp lệ: phải gia hạn trước hạn hiện tại", "invalid time limit: an extension must be requested before", "extension"},
		{"negative_duration", negErr, "thời hạn không hợp lệ: thời gian âm", "invalid time limit: negative duration", "negative"},
		{"impossible_date", dateErr, "ngày không hợp lệ", "invalid date", "invalid"},
		{"lone_Saturday_day_off", sched, "lịch năm 2027: ngày nghỉ 2027-03-06 là Thứ bảy", "schedule 2027: day off 2027-03-06 is a Saturday", "Saturday"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.err == nil {
				t.Fatal("no error")
			}
			vi, en := Messages(c.err)
			if !strings.HasPrefix(vi, c.vi) || !strings.HasPrefix(en, c.en) {
				t.Fatalf("vi %q\nen %q", vi, en)
			}
			if strings.Contains(vi, c.notInVI) || strings.Contains(vi, " / ") || strings.Contains(en, " / ") {
				t.Fatalf("mixed: vi %q, en %q", vi, en)
			}
		})
	}
}
