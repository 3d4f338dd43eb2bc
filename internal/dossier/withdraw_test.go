package dossier

import (
	"testing"
	"time"
)

// Source: RULES-VN.md §1.2, which lists "Công dân yêu cầu rút hồ sơ" among
// the terminal statuses for timeliness, and §3.2 (withdrawal ends the
// processing time); issue 17 item 3. Received at t0+1h and due five days
// later, the applicant asks to withdraw on day 4: however long the stop
// notice takes, the dossier is never overdue, and once stopped it counts as
// settled at the request. A withdrawal asked while waiting for
// supplementation keeps the clock where the supplementation stopped it.
func TestWithdrawalEndsProcessingTime_RULES_VN_1_2(t *testing.T) {
	dayStart := fixedDeadlines{}.DayStart
	for _, c := range []struct {
		name       string
		from       Status
		requestAt  time.Time
		wantFinish func(d *Dossier, request time.Time) time.Time
	}{
		{"while processing", Processing, t0.Add(4 * 24 * time.Hour), func(_ *Dossier, r time.Time) time.Time { return r }},
		{"while waiting for supplementation", SupplementRequested, t0.Add(4 * 24 * time.Hour), func(d *Dossier, _ time.Time) time.Time { return *d.SuspendedAt }},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := at(t, c.from)
			due := *d.DueAt
			if _, err := Apply(d, Command{Action: ActWithdraw, Actor: owner, At: c.requestAt, Reason: "Không cần nữa"}, env); err != nil {
				t.Fatal(err)
			}
			want := c.wantFinish(d, c.requestAt)
			if d.SuspendedAt == nil || !d.SuspendedAt.Equal(want) {
				t.Fatalf("clock stopped at %v, want %s", d.SuspendedAt, want)
			}
			late := due.Add(10 * 24 * time.Hour)
			if got := d.Timeliness(late, dayStart); got != InTime {
				t.Fatalf("ten days past due, waiting for the stop notice: %s, want in time", got)
			}
			if _, err := Apply(d, Command{Action: ActStop, Actor: counter, At: late}, env); err != nil {
				t.Fatal(err)
			}
			if d.FinishedAt == nil || !d.FinishedAt.Equal(want) || d.SuspendedAt != nil {
				t.Fatalf("stopped: finished %v, suspended %v; want finished at %s", d.FinishedAt, d.SuspendedAt, want)
			}
			if got := d.Timeliness(late, dayStart); got == Late {
				t.Fatalf("a withdrawal asked in time is not late: %s", got)
			}
		})
	}
	// An agency's own stop (Decree 118/2025 Art. 21) ends when it is made.
	d := at(t, Processing)
	stopAt := t0.Add(3 * 24 * time.Hour)
	if _, err := Apply(d, Command{Action: ActStop, Actor: leader, At: stopAt, Reason: "Cơ quan có thẩm quyền yêu cầu dừng"}, env); err != nil {
		t.Fatal(err)
	}
	if !d.FinishedAt.Equal(stopAt) {
		t.Fatalf("an agency's stop ends at %s, want %s", d.FinishedAt, stopAt)
	}
}
