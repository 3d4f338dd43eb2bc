package process

import (
	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/catalog"
)

// hoursPerDay is the working day used to turn a limit in hours into days:
// 8 hours, as provincial systems count (RULES-VN.md §3.3, Thanh Hóa's
// calculator stores every duration in working hours with 1 day = 8 h, a
// half day 4 h). It is fixed so that a process validated once
// stays valid whatever hours a province opens; the step clock then spends a
// quarter day as a quarter of the calendar's own working day.
const hoursPerDay = 8

// LimitBudget is the time a procedure's statutory limit leaves for the steps
// of its internal process, which must add up to it (RULES-VN §3.1(7): "the
// total statutory time is divided among participating agencies in the
// approved internal process, per step, in days or half-days"). Exact is
// false when the limit cannot be split into quarter days and the budget was
// rounded up (a limit of 3 working hours): such a limit gets a single-step
// process and the dossier's own due date stays the legal bound.
//
//   - working_days N: N days.
//   - days N (calendar days, Civil Code 2015 Art. 147–148: every day
//     counts, from the day after receipt; a last day that is not worked
//     rolls to the next working day): the fewest working days such a period
//     holds whatever the weekday of receipt, holidays aside, so that steps
//     that keep their budgets end by the due date in any ordinary week
//     (7 days → 5, 15 → 11, 30 → 21). A holiday inside the period (Tết)
//     leaves fewer working days than that; the dossier's own due date, not
//     the process, stays the legal bound.
//   - same_day: one working day. Received by 15:00 the result is due at
//     closing time that day, after 15:00 at closing time the next working
//     day (RULES-VN §3.1(3)): never more than one working day.
//   - working_hours N: N/8 days (hoursPerDay), rounded up to a quarter day
//     when not exact.
func LimitBudget(limit catalog.TimeLimit) (b Budget, exact bool, err error) {
	if !limit.Set() {
		return 0, false, apperr.New(apperr.Invalid, "process_no_time_limit",
			"Thủ tục chưa có thời hạn giải quyết: chưa thể lập quy trình nội bộ; hãy nhập thời hạn trước.",
			"The procedure has no statutory time limit: set one before its internal process.")
	}
	switch limit.Unit {
	case catalog.UnitWorkingDays:
		return Days(limit.Amount), true, nil
	case catalog.UnitDays:
		return Days(minWorkingDays(limit.Amount)), true, nil
	case catalog.UnitSameDay:
		return Days(1), true, nil
	case string(calendar.WorkingHours):
		q := limit.Amount * 4
		return Budget((q + hoursPerDay - 1) / hoursPerDay), q%hoursPerDay == 0, nil
	}
	return 0, false, apperr.Newf(apperr.Invalid, "process_time_unit",
		"Đơn vị thời hạn %q không được hỗ trợ.", "Time limit unit %q is not supported.", limit.Unit)
}

// minWorkingDays is the fewest Monday–Friday days in a period of n calendar
// days counted from the day after receipt, its end rolled over a weekend to
// the next Monday (Civil Code Art. 147–148), over the seven weekdays of
// receipt.
func minWorkingDays(n int) int {
	best := -1
	for start := 0; start < 7; start++ { // 0 = the receipt day is a Monday
		weekday := func(d int) bool { return (start+d)%7 < 5 }
		count := 0
		for d := 1; d <= n; d++ {
			if weekday(d) {
				count++
			}
		}
		if !weekday(n) {
			count++ // the period ends on the next working day
		}
		if best < 0 || count < best {
			best = count
		}
	}
	return best
}
