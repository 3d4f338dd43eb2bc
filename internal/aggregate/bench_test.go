package aggregate_test

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/dossier"
)

var ict = time.FixedZone("ICT", 7*3600)

func benchDayStart(t time.Time) time.Time {
	y, m, d := t.In(ict).Date()
	return time.Date(y, m, d, 7, 30, 0, 0, ict)
}

func tp(t time.Time) *time.Time { return &t }

// settled is a dossier received, supplemented once, settled late and rated:
// every column of its contribution is touched.
func settled() *dossier.Dossier {
	recv := time.Date(2026, 3, 2, 9, 0, 0, 0, ict)
	return &dossier.Dossier{ProcessingAgencyID: 3, ProcedureCode: "1.001193", Channel: dossier.ChannelOnline,
		ReceivedAt: tp(recv), DueAt: tp(recv.Add(10 * 24 * time.Hour)), FinishedAt: tp(recv.Add(12 * 24 * time.Hour)),
		SupplementCount: 1, Rating: dossier.Dissatisfied, VNeIDVerified: true, ResultFileIDs: []string{"kq"},
		Components: []dossier.ComponentFiles{{Name: "Tờ khai", FileIDs: []string{"f"}}}}
}

// BenchmarkContribution: what one dossier adds to the counters (a rebuild
// computes it once per dossier).
func BenchmarkContribution(b *testing.B) {
	d := settled()
	for b.Loop() {
		if len(aggregate.Contribution(d, benchDayStart)) == 0 {
			b.Fatal("empty contribution")
		}
	}
}

// BenchmarkDiff: what one event changes (computed in every action's transaction).
func BenchmarkDiff(b *testing.B) {
	after := settled()
	before := *after
	before.FinishedAt, before.Rating = nil, dossier.Unrated
	for b.Loop() {
		if len(aggregate.Diff(&before, after, benchDayStart)) == 0 {
			b.Fatal("approval changes the counters")
		}
	}
}

// BenchmarkMergeYear: summing a year of one agency's contributions, 10,000
// dossiers over 250 days and 40 procedures (the shape of a rebuild).
func BenchmarkMergeYear(b *testing.B) {
	parts := make([]aggregate.Delta, 10_000)
	for i := range parts {
		d := settled()
		shift := time.Duration(i%250) * 24 * time.Hour
		*d.ReceivedAt, *d.DueAt, *d.FinishedAt = d.ReceivedAt.Add(shift), d.DueAt.Add(shift), d.FinishedAt.Add(shift)
		d.ProcedureCode = []string{"1.001193", "2.000001", "1.000894", "3.000333"}[i%4] + string(rune('a'+i%10))
		parts[i] = aggregate.Contribution(d, benchDayStart)
	}
	b.ResetTimer()
	for b.Loop() {
		total := aggregate.Delta{}
		for _, p := range parts {
			total.Merge(p)
		}
	}
}

// BenchmarkReplay: rebuilding a dossier's counted facts from its event log
// (`motcua index rebuild|check`, once per dossier).
func BenchmarkReplay(b *testing.B) {
	base := settled()
	at := *base.ReceivedAt
	evs := []aggregate.Event{
		{Action: "submit", At: at.Add(-time.Hour), Payload: []byte(`{"channel":"online"}`)},
		{Action: "receive", At: at, Payload: []byte(`{"code":"c","due_at":"2026-03-12T17:00:00+07:00"}`)},
		{Action: "transfer", At: at.Add(time.Hour), Payload: []byte(`{"from_agency_id":1,"to_agency_id":3}`)},
		{Action: "request_supplement", At: at.Add(48 * time.Hour), Payload: []byte(`{"reason":"r"}`)},
		{Action: "supplement", At: at.Add(96 * time.Hour), Payload: []byte(`{"components":null,"due_at":"2026-03-16T17:00:00+07:00"}`)},
		{Action: "approve", At: at.Add(300 * time.Hour), Payload: []byte(`{"result_file_ids":["kq"],"result_kind":"electronic"}`)},
		{Action: "return_result", At: at.Add(301 * time.Hour), Payload: []byte(`{"return_method":"online"}`)},
		{Action: "rate", At: at.Add(302 * time.Hour), Payload: []byte(`{"rating":1}`)},
	}
	for b.Loop() {
		if d := aggregate.Replay(base, evs); d.FinishedAt == nil {
			b.Fatal("replay lost the settlement")
		}
	}
}

// BenchmarkRanges: the buckets a 32-month ragged period reads.
func BenchmarkRanges(b *testing.B) {
	for b.Loop() {
		if len(aggregate.Ranges(20240317, 20261105)) == 0 {
			b.Fatal("no ranges")
		}
	}
}
