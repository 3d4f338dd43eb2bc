package calendar

import (
	"testing"
	"time"
)

// The server computes a due date on every receipt and recomputes them when
// it (re)builds deadlines; DueAt is that path. Receipts are spread over ten
// years so that the index, not a cache line, is measured.
func benchReceipts() []time.Time {
	out := make([]time.Time, 4096)
	base := time.Date(2019, 1, 1, 7, 0, 0, 0, Zone)
	for i := range out {
		out[i] = base.Add(time.Duration(i*7919%(10*365*24*60)) * time.Minute)
	}
	return out
}

func BenchmarkDueAt_WorkingDays(b *testing.B) {
	c := Default()
	recv := benchReceipts()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := c.DueAt(recv[i&4095], Rule{Amount: 1 + i%40, Unit: WorkingDays}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkDueAt_MixedUnits(b *testing.B) {
	c := Default()
	recv := benchReceipts()
	rules := []Rule{{5, WorkingDays}, {15, Days}, {0, SameDay}, HalfDays(3), {20, WorkingDays}, {30, Days}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := c.DueAt(recv[i&4095], rules[i%len(rules)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkDue_WithExplanation(b *testing.B) {
	c := Default()
	recv := benchReceipts()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := c.Due(recv[i&4095], Rule{Amount: 1 + i%40, Unit: WorkingDays}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkResume(b *testing.B) {
	c := Default()
	due := time.Date(2025, 2, 7, 17, 0, 0, 0, Zone)
	s := time.Date(2025, 2, 3, 9, 0, 0, 0, Zone)
	r := time.Date(2025, 2, 5, 9, 0, 0, 0, Zone)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Resume(due, s, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWorkingTime(b *testing.B) {
	c := Default()
	recv := benchReceipts()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.WorkingTime(recv[i&4095], recv[(i+1)&4095])
		i++
	}
}

func BenchmarkSolarToLunar(b *testing.B) {
	d := Date{1900, 1, 1}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := SolarToLunar(d.AddDays(i % 73000)); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkNewDefaultConfig(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(DefaultConfig()); err != nil {
			b.Fatal(err)
		}
	}
}
