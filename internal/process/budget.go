package process

import (
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
)

// Budget is a time budget in quarter working days: 1 is 0.25 day, 4 is one
// working day. Provincial processes allot time "down to 0.25 day" (Bắc Ninh
// 1582/QĐ-UBND step 2, step 4); counting quarters keeps every sum exact.
type Budget int

// Days returns a budget of n whole working days.
func Days(n int) Budget { return Budget(4 * n) }

// ParseDays reads a decimal number of days as written in a decision ("0.5",
// "0,25", "7") without going through a float, and refuses anything that is
// not a non-negative multiple of 0.25 day.
func ParseDays(s string) (Budget, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	w, err := strconv.Atoi(whole)
	if err != nil || w < 0 || strings.HasPrefix(whole, "+") || strings.HasPrefix(whole, "-") {
		return 0, errBudgetText(s)
	}
	frac = strings.TrimRight(frac, "0")
	q := 0
	switch frac {
	case "":
	case "25":
		q = 1
	case "5":
		q = 2
	case "75":
		q = 3
	default:
		return 0, errNotQuarter(s)
	}
	return Budget(4*w + q), nil
}

// String is the budget in days, with a decimal point ("0.5", "17").
func (b Budget) String() string { return b.format(".") }

// Vi is the budget in days the Vietnamese way, with a decimal comma ("0,5").
func (b Budget) Vi() string { return b.format(",") }

func (b Budget) format(sep string) string {
	neg := b < 0
	if neg {
		b = -b
	}
	s := strconv.Itoa(int(b) / 4)
	switch b % 4 {
	case 1:
		s += sep + "25"
	case 2:
		s += sep + "5"
	case 3:
		s += sep + "75"
	}
	if neg {
		s = "-" + s
	}
	return s
}

// viDays and enDays name an amount of working days in a sentence: "0,5 ngày
// làm việc", "0.5 working day", "2 working days".
func (b Budget) viDays() string { return b.Vi() + " ngày làm việc" }

func (b Budget) enDays() string {
	if b > 4 || b < -4 {
		return b.String() + " working days"
	}
	return b.String() + " working day"
}

// WorkingTime is the budget as working time on a calendar whose working day
// lasts day: a quarter of it per quarter (2 h on the national 8-hour day).
func (b Budget) WorkingTime(day time.Duration) time.Duration { return time.Duration(b) * day / 4 }

func errBudgetText(s string) error {
	return apperr.Newf(apperr.Invalid, "process_budget_text",
		"%q không phải là một số ngày.", "%q is not a number of days.", s)
}

func errNotQuarter(s string) error {
	return apperr.Newf(apperr.Invalid, "process_budget_quarter",
		"%q ngày không phải là bội số của 0,25 ngày.", "%q days is not a multiple of 0.25 day.", s)
}
