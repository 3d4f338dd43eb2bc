package index766

import "testing"

// BenchmarkCompute: the whole index (6 groups, every indicator) from one
// scope's inputs; the ranking of a province computes it once per agency.
func BenchmarkCompute(b *testing.B) {
	in := Inputs{SettledEarly: 90_000, SettledOnTime: 8_000, SettledLate: 2_000, OpenWithin: 3_000, OpenOverdue: 150,
		CarriedOver: 2_500, Received: 110_000, ReceivedOnline: 70_000, ReceivedCounter: 36_000, ReceivedPostal: 4_000,
		OnlineCounted: 70_000, DigitizedDossiers: 95_000, PopulationDataDossiers: 60_000, ResultDossiers: 100_000,
		EResultDossiers: 84_000, SettledComplainedOrDisliked: 300,
		PublishedOnTime: Pair{true, 9, 12}}
	for b.Loop() {
		if r := Compute(in); r.Total <= 0 {
			b.Fatal("no points")
		}
	}
}
