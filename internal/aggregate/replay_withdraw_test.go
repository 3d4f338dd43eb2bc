package aggregate_test

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/dossier"
)

// Replay agrees with the live dossier when a withdrawal ends processing time
// (RULES-VN.md §1.2, §3.2): the stop counts from the request, so that
// `motcua index check` finds the counters the live writes produced.
func TestReplayWithdrawal_RULES_VN_1_2(t *testing.T) {
	received := time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)
	due := time.Date(2026, 3, 6, 10, 0, 0, 0, time.UTC)
	base := &dossier.Dossier{ID: 1, ProcedureCode: "1.001193", ProcessingAgencyID: 3}
	evs := []aggregate.Event{
		{Action: "receive", At: received, Payload: []byte(`{"code":"c","due_at":"2026-03-06T17:00:00+07:00"}`)},
		{Action: "withdraw", At: received.Add(48 * time.Hour), Payload: []byte(`{"reason":"không cần nữa"}`)},
		{Action: "stop", At: received.Add(15 * 24 * time.Hour), Payload: []byte(`{}`)},
	}
	d := aggregate.Replay(base, evs)
	if d.FinishedAt == nil || !d.FinishedAt.Equal(received.Add(48*time.Hour)) || d.SuspendedAt != nil {
		t.Fatalf("replayed: finished %v, suspended %v; want finished at the request", d.FinishedAt, d.SuspendedAt)
	}
	if !d.DueAt.Equal(due) {
		t.Fatalf("due %v", d.DueAt)
	}
	open := aggregate.Replay(base, evs[:2])
	if open.SuspendedAt == nil || !open.SuspendedAt.Equal(received.Add(48*time.Hour)) {
		t.Fatalf("waiting for the stop notice: suspended %v, want the request instant", open.SuspendedAt)
	}
}
