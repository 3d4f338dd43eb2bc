package catalog

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/textfold"
)

var (
	amountUnitRe = regexp.MustCompile(`^(?:trong (?:thời hạn )?|không quá )?0*([0-9]{1,4})\s*(ngày làm việc|ngày|giờ)?(?:\s|$|[,.;(])`)
	sameDayRe    = regexp.MustCompile(`^(?:ngay )?trong (?:ngày|ngày làm việc)(?:\s|$|[,.;(])|^ngay(?:\s|$|[,.;(])`)
)

// ParseTimeLimit reads a time limit as the national catalogue writes it on
// a channel ("15 Ngày làm việc", "30 Ngày", "Trong ngày", "1 Giờ"), so that
// the national pull can build the published version that Correct compares
// with the local one. ok is false when the text gives no whole amount with
// its unit ("1", "Không có thông tin", "0,5 ngày làm việc"): a bare number
// is what left 17 shipped procedures without a unit, and guessing it here would hide that.
func ParseTimeLimit(text string) (TimeLimit, bool) {
	s := strings.ToLower(strings.Join(strings.Fields(textfold.NFC(text)), " "))
	if sameDayRe.MatchString(s) {
		return TimeLimit{Unit: UnitSameDay}, true
	}
	m := amountUnitRe.FindStringSubmatch(s)
	if m == nil || m[2] == "" {
		return TimeLimit{}, false
	}
	n, _ := strconv.Atoi(m[1])
	if n == 0 {
		return TimeLimit{}, false
	}
	switch m[2] {
	case "ngày làm việc":
		return TimeLimit{n, UnitWorkingDays}, true
	case "ngày":
		return TimeLimit{n, UnitDays}, true
	}
	// Hours: the calendar counts days; a limit of a working day's hours or
	// fewer is settled the same day.
	if n <= 8 {
		return TimeLimit{Unit: UnitSameDay}, true
	}
	return TimeLimit{}, false
}
