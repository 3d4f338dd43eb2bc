package aggregate

import "time"

// Grains of the stored counters: each day's counts are also kept summed by
// month and by year, so that any period, and the "everything before" sums
// the sweeps need, read a few dozen rows per agency instead of every day
// since the system started.
const (
	GrainDay     = "d"
	GrainMonth   = "m"
	GrainQuarter = "q"
	GrainYear    = "y"
)

// Range is a run of buckets of one grain, both ends included: days as
// YYYYMMDD, months as YYYYMM, quarters as YYYYQ, years as YYYY.
type Range struct {
	Grain    string
	From, To int32
}

// Buckets are the four buckets a day's counts are stored under.
func Buckets(day int32) [4]Range {
	q := quarterKey(day/10000, day/100%100)
	return [4]Range{{GrainDay, day, day}, {GrainMonth, day / 100, day / 100}, {GrainQuarter, q, q}, {GrainYear, day / 10000, day / 10000}}
}

// quarterKey is YYYYQ for a year and a month.
func quarterKey(year, month int32) int32 { return year*10 + (month-1)/3 + 1 }

func civil(day int32) time.Time {
	return time.Date(int(day/10000), time.Month(day/100%100), int(day%100), 0, 0, 0, 0, time.UTC)
}

func dayKey(t time.Time) int32 { return int32(t.Year()*10000 + int(t.Month())*100 + t.Day()) }

// Ranges covers the days from first to last (YYYYMMDD, both included) with
// whole years where it can, then whole quarters, whole months, and days
// elsewhere.
func Ranges(first, last int32) []Range {
	var out []Range
	cur, end := civil(first), civil(last)
	for !cur.After(end) {
		yearEnd := time.Date(cur.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
		monthEnd := time.Date(cur.Year(), cur.Month()+1, 0, 0, 0, 0, 0, time.UTC)
		switch {
		case cur.YearDay() == 1 && !yearEnd.After(end):
			y := cur.Year()
			for !time.Date(y+1, 12, 31, 0, 0, 0, 0, time.UTC).After(end) {
				y++
			}
			out = append(out, Range{GrainYear, int32(cur.Year()), int32(y)})
			cur = time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC)
		case cur.Day() == 1 && (cur.Month()-1)%3 == 0 && !time.Date(cur.Year(), cur.Month()+3, 0, 0, 0, 0, 0, time.UTC).After(end):
			q := cur // the last whole quarter of the run, within the year
			for q.Month() < time.October && !time.Date(q.Year(), q.Month()+6, 0, 0, 0, 0, 0, time.UTC).After(end) {
				q = time.Date(q.Year(), q.Month()+3, 1, 0, 0, 0, 0, time.UTC)
			}
			out = append(out, Range{GrainQuarter, quarterKey(int32(cur.Year()), int32(cur.Month())), quarterKey(int32(q.Year()), int32(q.Month()))})
			cur = time.Date(q.Year(), q.Month()+3, 1, 0, 0, 0, 0, time.UTC)
		case cur.Day() == 1 && !monthEnd.After(end):
			m := cur // the last whole month of the run, within the quarter
			for {
				next := time.Date(m.Year(), m.Month()+1, 1, 0, 0, 0, 0, time.UTC)
				if (next.Month()-1)%3 == 0 || time.Date(next.Year(), next.Month()+1, 0, 0, 0, 0, 0, time.UTC).After(end) {
					break
				}
				m = next
			}
			out = append(out, Range{GrainMonth, int32(cur.Year()*100 + int(cur.Month())), int32(m.Year()*100 + int(m.Month()))})
			cur = time.Date(m.Year(), m.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		default:
			stop := monthEnd
			if stop.After(end) {
				stop = end
			}
			out = append(out, Range{GrainDay, dayKey(cur), dayKey(stop)})
			cur = stop.AddDate(0, 0, 1)
		}
	}
	return out
}

// Epoch is the first day the counters can hold.
const Epoch int32 = 20000101

// Before covers every day before day.
func Before(day int32) []Range {
	last := dayKey(civil(day).AddDate(0, 0, -1))
	if last < Epoch {
		return nil
	}
	return Ranges(Epoch, last)
}
