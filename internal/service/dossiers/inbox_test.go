package dossiers_test

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
)

func TestUrgencyOf(t *testing.T) {
	cal := calendar.Default()
	ict := time.FixedZone("ICT", 7*3600)
	at := func(d, h int) time.Time { return time.Date(2026, 12, d, h, 0, 0, 0, ict) }
	friday := at(11, 17) // due at the close of Friday 11 December 2026
	monday := at(14, 17)
	cases := []struct {
		name string
		due  time.Time
		now  time.Time
		susp bool
		want service.Urgency
	}{
		{"past the due instant is overdue", friday, at(11, 18), false, service.UrgOverdue},
		{"due at today's close", friday, at(11, 8), false, service.UrgDueToday},
		{"due by the next working day's close", friday, at(10, 9), false, service.UrgAtRisk},
		{"the weekend is skipped: Friday sees Monday as next", monday, at(11, 9), false, service.UrgAtRisk},
		{"two working days ahead is within time", friday, at(9, 9), false, service.UrgNormal},
		{"the clock stopped while waiting for the applicant", friday, at(12, 9), true, service.UrgWaiting},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &dossier.Dossier{Status: dossier.Processing, DueAt: &c.due}
			if c.susp {
				d.Status, d.SuspendedAt = dossier.SupplementRequested, &c.now
			}
			if got := service.UrgencyOf(cal, d, c.now); got != c.want {
				t.Fatalf("got %s, want %s", got, c.want)
			}
		})
	}
}
