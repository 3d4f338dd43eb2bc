package process

import (
	"testing"

	"github.com/motcua/motcua/internal/calendar"
)

// The step clock sits on the paths that will list a workspace's steps with
// their remaining budget: one Due per open step.
func BenchmarkStepDue(b *testing.B) {
	c := NewClock(calendar.Default())
	start := at(b, "2026-02-12 09:00")
	for b.Loop() {
		if _, err := c.Due(start, Days(7), nil); err != nil {
			b.Fatal(err)
		}
	}
}

// Attribution of a finished 12-step dossier (1582/QĐ-UBND) with a
// three-agency consultation.
func BenchmarkAttribute12Steps(b *testing.B) {
	c := NewClock(calendar.Default())
	recs := history(b, []Answer{{Agency: "SXD", At: at(b, "2026-02-27 10:00")}, {Agency: "SNNMT", At: at(b, "2026-03-04 09:00")}, {Agency: "SKHCN", At: at(b, "2026-03-03 09:00")}},
		"2026-03-04 09:00", []string{"2026-03-06 09:00", "2026-03-09 09:00", "2026-03-10 09:00", "2026-03-10 15:00", "2026-03-13 15:00", "2026-03-16 09:00"})
	for b.Loop() {
		if _, err := c.Attribute(recs); err != nil {
			b.Fatal(err)
		}
	}
}
