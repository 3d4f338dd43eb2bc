package figures

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
)

// The from/to query parameters of the reports: whatever is typed, the answer
// is a period within the bounds or a bilingual client error, never a panic.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range [][2]string{{"2026-12-01", "2026-12-31"}, {"", ""}, {"2026-12-31", "2026-12-01"}, {"1990-01-01", "2026-01-01"},
		{"2026-02-30", ""}, {" 2026-12-01 ", "2026-12-01"}, {"2026-12-01\x00", ""}, {"9999-12-31", "0001-01-01"}} {
		f.Add(s[0], s[1])
	}
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, calendar.Zone)
	f.Fuzz(func(t *testing.T, from, to string) {
		p, err := ParsePeriod(from, to, now)
		if err != nil {
			e, ok := apperr.As(err)
			if !ok || e.Message == "" || e.MessageVi == "" || e.Message == e.MessageVi || e.Kind.HTTPStatus() >= 500 {
				t.Fatalf("ParsePeriod(%q, %q): not a bilingual client error: %#v", from, to, err)
			}
			return
		}
		if !p.From.Valid() || !p.To.Valid() || p.To.Before(p.From) || p.From.DaysUntil(p.To) >= maxPeriodDays {
			t.Fatalf("ParsePeriod(%q, %q) = %v..%v: outside the rules", from, to, p.From, p.To)
		}
	})
}
