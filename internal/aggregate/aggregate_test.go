package aggregate

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
)

func TestRanges(t *testing.T) {
	cases := []struct {
		name        string
		first, last int32
		want        []Range
	}{
		{"a few days", 20261203, 20261210, []Range{{GrainDay, 20261203, 20261210}}},
		{"a whole month", 20261101, 20261130, []Range{{GrainMonth, 202611, 202611}}},
		{"a quarter", 20261001, 20261231, []Range{{GrainQuarter, 20264, 20264}}},
		{"two months across quarters", 20260301, 20260430, []Range{{GrainMonth, 202603, 202603}, {GrainMonth, 202604, 202604}}},
		{"three quarters", 20260101, 20260930, []Range{{GrainQuarter, 20261, 20263}}},
		{"a year and a bit", 20250101, 20260105, []Range{{GrainYear, 2025, 2025}, {GrainDay, 20260101, 20260105}}},
		{"ragged both ends", 20241215, 20260510, []Range{{GrainDay, 20241215, 20241231}, {GrainYear, 2025, 2025},
			{GrainQuarter, 20261, 20261}, {GrainMonth, 202604, 202604}, {GrainDay, 20260501, 20260510}}},
		{"leap February", 20240201, 20240229, []Range{{GrainMonth, 202402, 202402}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Ranges(c.first, c.last); !slices.Equal(got, c.want) {
				t.Fatalf("got %v want %v", got, c.want)
			}
		})
	}
	// Every day of a random span is covered exactly once.
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		a := civil(20200101).AddDate(0, 0, r.IntN(2000))
		b := a.AddDate(0, 0, r.IntN(900))
		seen := map[int32]int{}
		for _, rg := range Ranges(dayKey(a), dayKey(b)) {
			for d := a; !d.After(b); d = d.AddDate(0, 0, 1) {
				k := dayKey(d)
				var in bool
				switch rg.Grain {
				case GrainDay:
					in = k >= rg.From && k <= rg.To
				case GrainMonth:
					in = k/100 >= rg.From && k/100 <= rg.To
				case GrainQuarter:
					q := quarterKey(k/10000, k/100%100)
					in = q >= rg.From && q <= rg.To
				case GrainYear:
					in = k/10000 >= rg.From && k/10000 <= rg.To
				}
				if in {
					seen[k]++
				}
			}
		}
		for d := a; !d.After(b); d = d.AddDate(0, 0, 1) {
			if seen[dayKey(d)] != 1 {
				t.Fatalf("%s covered %d times in %v", d.Format(time.DateOnly), seen[dayKey(d)], Ranges(dayKey(a), dayKey(b)))
			}
		}
	}
}

var ict = time.FixedZone("ICT", 7*3600)

func at(day, hour int) *time.Time {
	t := time.Date(2026, 12, day, hour, 0, 0, 0, ict)
	return &t
}

func dayStart(t time.Time) time.Time {
	y, m, d := t.In(ict).Date()
	return time.Date(y, m, d, 7, 0, 0, 0, ict)
}

// sumBefore evaluates a sweep column at the end of day.
func sumBefore(d Delta, c Column, day int32) int64 {
	var n int64
	for k, row := range d {
		if k.Day <= day {
			n += row[c]
		}
	}
	return n
}

// The point-in-time rules of the national portal (RULES-VN.md §3.1–3.2).
func TestContributionFollowsTheOnTimeRules_RULES_3_2(t *testing.T) {
	due := at(10, 17)
	cases := []struct {
		name    string
		d       dossier.Dossier
		settled Column // -1 when unfinished
		open    map[int32]int64
		overdue map[int32]int64
	}{
		{"settled the day before the due day is early", dossier.Dossier{ReceivedAt: at(1, 9), DueAt: due, FinishedAt: at(9, 15)}, SettledEarly,
			map[int32]int64{20261208: 1, 20261209: 0}, map[int32]int64{20261210: 0}},
		{"settled on the due day before 17:00 is on time", dossier.Dossier{ReceivedAt: at(1, 9), DueAt: due, FinishedAt: at(10, 16)}, SettledOnTime,
			map[int32]int64{20261210: 0}, map[int32]int64{20261210: 0}},
		{"settled after the due instant is late, overdue from the due day's end", dossier.Dossier{ReceivedAt: at(1, 9), DueAt: due, FinishedAt: at(14, 9)}, SettledLate,
			map[int32]int64{20261211: 1, 20261214: 0}, map[int32]int64{20261209: 0, 20261210: 1, 20261213: 1, 20261214: 0}},
		{"unfinished past due counts as overdue (RULES §3.2)", dossier.Dossier{ReceivedAt: at(1, 9), DueAt: due}, -1,
			map[int32]int64{20261230: 1}, map[int32]int64{20261209: 0, 20261210: 1, 20261231: 1}},
		{"waiting for a supplement asked in time stays within time: the clock stops (RULES §3.1(4))", dossier.Dossier{ReceivedAt: at(1, 9), DueAt: due, SuspendedAt: at(5, 9), SupplementCount: 1}, -1,
			map[int32]int64{20261230: 1}, map[int32]int64{20261231: 0}},
		{"a second supplementation request counts as late (RULES §3.1(5), Decree 118 Art. 11(2))", dossier.Dossier{ReceivedAt: at(1, 9), DueAt: due, FinishedAt: at(3, 9), SupplementCount: 2}, SettledLate,
			map[int32]int64{20261203: 0}, map[int32]int64{20261201: 1, 20261203: 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.d.ProcessingAgencyID, c.d.ProcedureCode, c.d.Channel = 7, "1.000001", dossier.ChannelOnline
			got := Contribution(&c.d, dayStart)
			for _, col := range []Column{SettledEarly, SettledOnTime, SettledLate} {
				want := int64(0)
				if col == c.settled {
					want = 1
				}
				if n := sumBefore(got, col, 20261231); n != want {
					t.Fatalf("column %s: %d, want %d", ColumnNames[col], n, want)
				}
			}
			for day, want := range c.open {
				if n := sumBefore(got, Open, day); n != want {
					t.Fatalf("open at the end of %d: %d, want %d", day, n, want)
				}
			}
			for day, want := range c.overdue {
				if n := sumBefore(got, Overdue, day); n != want {
					t.Fatalf("overdue at the end of %d: %d, want %d", day, n, want)
				}
			}
			if sumBefore(got, RecvOnline, 20261231) != 1 {
				t.Fatal("received once, online")
			}
		})
	}
}

func TestDiffIsAfterMinusBefore(t *testing.T) {
	before := &dossier.Dossier{ProcessingAgencyID: 1, ProcedureCode: "p", Channel: dossier.ChannelCounter, ReceivedAt: at(1, 9), DueAt: at(10, 17)}
	after := *before
	after.FinishedAt = at(4, 10)
	after.Rating = dossier.Dissatisfied
	d := Diff(before, &after, dayStart)
	// Settling early on the 4th: +1 early, −1 open on the 4th, and the
	// overdue sweep that would have started on the due day (the 10th) goes;
	// the receipt is unchanged.
	if len(d) != 2 || *d[Key{1, "p", 20261204}] != (Counts{SettledEarly: 1, Open: -1, Rated: 1, Dislikes: 1}) ||
		*d[Key{1, "p", 20261210}] != (Counts{Overdue: -1}) {
		t.Fatalf("diff %v", d)
	}
	if len(Diff(before, before, dayStart)) != 0 {
		t.Fatal("no change, no delta")
	}
	// A transfer moves everything to the new agency.
	moved := *before
	moved.ProcessingAgencyID = 2
	d = Diff(before, &moved, dayStart)
	if (*d[Key{1, "p", 20261201}])[RecvCounter] != -1 || (*d[Key{2, "p", 20261201}])[RecvCounter] != 1 {
		t.Fatalf("transfer: %v", d)
	}
}
