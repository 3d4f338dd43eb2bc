package complaint

import (
	"time"

	"github.com/motcua/motcua/internal/calendar"
)

// Ratio is a share as a numerator over a denominator, as the 766 index
// reports it.
type Ratio struct{ Num, Den int }

// Index are 766 indicators 5.1–5.3 over the complaints of a period.
type Index struct {
	ByCategory map[Category]int // 5.1: complaints per category (monitored, 0 points)
	OnTime     Ratio            // 5.2: handled on time, or in progress within time / received or handled in the period
	Satisfied  Ratio            // 5.3: neither dissatisfied, re-raised nor late / first received in the period
}

// IndexOf measures the complaints of period [from, to) at now (the end of
// the period, or now if it is running): those received in it, and those
// received before and still handled in it (RULES-VN.md §6 group 5).
func IndexOf(list []*Complaint, cal *calendar.Calendar, from, to, now time.Time) (Index, error) {
	ix := Index{ByCategory: map[Category]int{}}
	for _, c := range list {
		if !c.ReceivedAt.Before(to) {
			continue
		}
		received := !c.ReceivedAt.Before(from)
		t, err := TimelinessAt(c, cal, now)
		if err != nil {
			return Index{}, err
		}
		if ended := c.endedAt(); !received && ended != nil && ended.Before(from) {
			continue // settled before the period: not handled in it
		}
		ix.OnTime.Den++
		if t.OnTime {
			ix.OnTime.Num++
		}
		if received {
			ix.ByCategory[c.Category]++
			ix.Satisfied.Den++
			if t.OnTime && !c.Dissatisfied() {
				ix.Satisfied.Num++
			}
		}
	}
	return ix, nil
}

// endedAt is when c was settled: refused, or its answer published.
func (c *Complaint) endedAt() *time.Time {
	switch c.Status {
	case Refused:
		return c.RefusedAt
	case Published:
		return c.PublishedAt
	}
	return nil
}
