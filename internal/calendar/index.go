package calendar

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

// Calendar answers working-day questions for one configuration. It is
// immutable after New and safe for concurrent use.
//
// Working-day arithmetic never walks day by day: New precomputes, for every
// day of FirstYear..LastYear, whether it is worked and how many working days
// precede it (cum), plus the ordered list of working days (work). Adding N
// working days to a date is then two array reads: the date's rank in work is
// cum[date+1], and the answer is work[rank+N-1].
type Calendar struct {
	cfg Config

	// Working hours: per-day total and prefix sums for O(periods) in-day maths.
	hours   []Period
	prefix  []time.Duration // working time before period i
	perDay  time.Duration   // working time of one working day
	open    time.Duration
	close   time.Duration
	cutoff  time.Duration
	first   int // day number of 1 January FirstYear
	n       int // number of indexed days
	flags   []uint8
	cum     []int32 // cum[i] = working days in [first, first+i), len n+1
	work    []int32 // day numbers of the working days, ascending
	nonWork []int32 // day numbers of the non-working days, ascending
	notes   map[int32]string

	schedules map[int]Schedule
}

const (
	flagWorking uint8 = 1 << iota
	flagListedOff
	flagMakeUp
)

// New validates cfg and builds the working-day index.
func New(cfg Config) (*Calendar, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	c := &Calendar{
		cfg:       cfg,
		hours:     append([]Period(nil), cfg.Hours...),
		cutoff:    cfg.SameDayCutoff,
		first:     Date{cfg.FirstYear, time.January, 1}.dayNumber(),
		notes:     map[int32]string{},
		schedules: map[int]Schedule{},
	}
	c.cfg.Hours = c.hours
	c.cfg.Overrides = make([]Schedule, len(cfg.Overrides))
	for i, s := range cfg.Overrides {
		c.cfg.Overrides[i] = s.Clone()
	}
	for _, p := range c.hours {
		c.prefix = append(c.prefix, c.perDay)
		c.perDay += p.End - p.Start
	}
	c.open, c.close = c.hours[0].Start, c.hours[len(c.hours)-1].End
	c.n = Date{cfg.LastYear, time.December, 31}.dayNumber() - c.first + 1

	overrides := map[int]Schedule{}
	for _, s := range cfg.Overrides {
		overrides[s.Year] = s.Clone()
	}
	official := officialSchedules()
	for y := cfg.FirstYear; y <= cfg.LastYear; y++ {
		if s, ok := overrides[y]; ok {
			c.schedules[y] = s
		} else if s, ok := official[y]; ok {
			c.schedules[y] = s.Clone()
		} else {
			s, err := ProposeSchedule(y)
			if err != nil {
				return nil, err
			}
			c.schedules[y] = s
		}
	}

	c.flags = make([]uint8, c.n)
	for i := range c.flags {
		if !isWeekend(dateOfDayNumber(c.first + i)) {
			c.flags[i] = flagWorking
		}
	}
	// Days off first, then make-up days, so that a conflict between two
	// years' schedules (a period straddling New Year) is caught, not hidden.
	for y := cfg.FirstYear; y <= cfg.LastYear; y++ {
		s := c.schedules[y]
		for _, d := range s.DaysOff {
			if i := d.dayNumber() - c.first; i >= 0 && i < c.n {
				c.flags[i] = flagListedOff
				c.notes[int32(d.dayNumber())] = noteFor(s, d, "Ngày nghỉ lễ / public holiday")
			}
		}
	}
	for y := cfg.FirstYear; y <= cfg.LastYear; y++ {
		s := c.schedules[y]
		for _, d := range s.WorkingDays {
			i := d.dayNumber() - c.first
			if i < 0 || i >= c.n {
				continue
			}
			if c.flags[i]&flagListedOff != 0 {
				return nil, fmt.Errorf("%w: %s vừa là ngày nghỉ vừa là ngày làm bù (lịch năm %d) / %s is both a day off and a make-up working day (schedule %d)", ErrConfig, d, y, d, y)
			}
			c.flags[i] = flagWorking | flagMakeUp
			c.notes[int32(d.dayNumber())] = noteFor(s, d, "Ngày làm bù / make-up working day")
		}
	}

	c.cum = make([]int32, c.n+1)
	for i, f := range c.flags {
		c.cum[i+1] = c.cum[i]
		if f&flagWorking != 0 {
			c.cum[i+1]++
			c.work = append(c.work, int32(c.first+i))
		} else {
			c.nonWork = append(c.nonWork, int32(c.first+i))
		}
	}
	return c, nil
}

func noteFor(s Schedule, d Date, fallback string) string {
	if n, ok := s.Notes[d.String()]; ok && n != "" {
		return n
	}
	return fallback
}

var (
	defaultOnce sync.Once
	defaultCal  *Calendar
)

// Default returns the calendar of DefaultConfig, built once and shared.
func Default() *Calendar {
	defaultOnce.Do(func() {
		c, err := New(DefaultConfig())
		if err != nil {
			panic("calendar: default configuration is invalid: " + err.Error()) // a bug, caught by tests
		}
		defaultCal = c
	})
	return defaultCal
}

// Config returns a copy of the configuration the calendar was built with.
func (c *Calendar) Config() Config {
	cfg := c.cfg
	cfg.Hours = append([]Period(nil), c.cfg.Hours...)
	cfg.Overrides = make([]Schedule, len(c.cfg.Overrides))
	for i, s := range c.cfg.Overrides {
		cfg.Overrides[i] = s.Clone()
	}
	return cfg
}

// Range returns the first and last indexed dates.
func (c *Calendar) Range() (Date, Date) {
	return dateOfDayNumber(c.first), dateOfDayNumber(c.first + c.n - 1)
}

func (c *Calendar) idx(day int) (int, bool) {
	i := day - c.first
	return i, i >= 0 && i < c.n
}

// IsWorkingDay reports whether d is worked. Outside the index it knows no
// holidays and answers Monday–Friday.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if i, ok := c.idx(d.dayNumber()); ok {
		return c.flags[i]&flagWorking != 0
	}
	return !isWeekend(d)
}

// DayOff reports whether d is a day off and why ("Chủ nhật / Sunday", or
// the occasion from the schedule). For a make-up working day it returns
// off=false and the make-up note.
func (c *Calendar) DayOff(d Date) (off bool, reason string) {
	n := d.dayNumber()
	i, ok := c.idx(n)
	if !ok {
		if isWeekend(d) {
			return true, weekdayName(d.Weekday())
		}
		return false, ""
	}
	f := c.flags[i]
	switch {
	case f&flagMakeUp != 0:
		return false, c.notes[int32(n)]
	case f&flagWorking != 0:
		return false, ""
	case f&flagListedOff != 0:
		return true, c.notes[int32(n)]
	}
	return true, weekdayName(d.Weekday())
}

// Holidays returns the days off of a year that fall on weekdays (what the
// CLI prints), from the effective schedule: official, proposed or overridden.
func (c *Calendar) Holidays(year int) ([]Date, error) {
	if year < c.cfg.FirstYear || year > c.cfg.LastYear {
		return nil, fmt.Errorf("năm %d: %w %d–%d / year %d is outside the calendar range", year, ErrOutOfRange, c.cfg.FirstYear, c.cfg.LastYear, year)
	}
	lo := Date{year, time.January, 1}.dayNumber() - c.first
	hi := Date{year, time.December, 31}.dayNumber() - c.first
	var out []Date
	for i := lo; i <= hi; i++ {
		if c.flags[i]&flagListedOff != 0 {
			if d := dateOfDayNumber(c.first + i); !isWeekend(d) {
				out = append(out, d)
			}
		}
	}
	return out, nil
}

// Schedule returns the effective schedule of a year: the administrator's
// override, else the official one, else ProposeSchedule. The result is a copy.
func (c *Calendar) Schedule(year int) (Schedule, error) {
	if s, ok := c.schedules[year]; ok {
		return s.Clone(), nil
	}
	if s, ok := officialSchedules()[year]; ok {
		return s.Clone(), nil
	}
	return ProposeSchedule(year)
}

// DayStart returns the opening time of d in Zone.
func (c *Calendar) DayStart(d Date) time.Time { return instant(d.dayNumber(), c.open) }

// DayEnd returns the closing time of d in Zone (the instant a due date is set to).
func (c *Calendar) DayEnd(d Date) time.Time { return instant(d.dayNumber(), c.close) }

// instant builds the time at offset off from midnight of day number day in
// Zone, without time.Date (which is several times slower).
func instant(day int, off time.Duration) time.Time {
	sec := int64(day)*86400 - 7*3600 + int64(off/time.Second)
	return time.Unix(sec, int64(off%time.Second)).In(Zone)
}

// split returns the day number and the offset from midnight of t in Zone.
func split(t time.Time) (int, time.Duration) {
	s := t.Unix() + 7*3600
	day := s / 86400
	if s%86400 < 0 {
		day--
	}
	return int(day), time.Duration(s-day*86400)*time.Second + time.Duration(t.Nanosecond())
}

// workedBefore is the working time in [opening, off) on a working day.
func (c *Calendar) workedBefore(off time.Duration) time.Duration {
	for i, p := range c.hours {
		if off < p.End {
			if off <= p.Start {
				return c.prefix[i]
			}
			return c.prefix[i] + off - p.Start
		}
	}
	return c.perDay
}

// offsetAt is the earliest offset from midnight at which x of the day's
// working time (0 < x <= perDay) has been worked: a budget that runs out
// exactly at 11:30 ends at 11:30, not at 13:30.
func (c *Calendar) offsetAt(x time.Duration) time.Duration {
	for i, p := range c.hours {
		if x <= c.prefix[i]+p.End-p.Start {
			return p.Start + x - c.prefix[i]
		}
	}
	return c.close
}

// workingAfter returns the day number of the k-th working day after index
// i (i itself excluded; k >= 1), or an error past the end of the index.
func (c *Calendar) workingAfter(i, k int) (int, error) {
	j := int(c.cum[i+1]) + k - 1
	if j >= len(c.work) || j < 0 {
		return 0, c.rangeErr()
	}
	return int(c.work[j]), nil
}

func (c *Calendar) rangeErr() error {
	return fmt.Errorf("%w: lịch chỉ tính đến %d-12-31 / the calendar index ends on %d-12-31", ErrOutOfRange, c.cfg.LastYear, c.cfg.LastYear)
}

// nonWorkingBetween lists the non-working days with day numbers in [from, to).
func (c *Calendar) nonWorkingBetween(from, to int) []Skipped {
	lo := sort.Search(len(c.nonWork), func(i int) bool { return int(c.nonWork[i]) >= from })
	hi := sort.Search(len(c.nonWork), func(i int) bool { return int(c.nonWork[i]) >= to })
	if hi <= lo {
		return nil
	}
	out := make([]Skipped, 0, hi-lo)
	for _, n := range c.nonWork[lo:hi] {
		d := dateOfDayNumber(int(n))
		_, reason := c.DayOff(d)
		out = append(out, Skipped{Date: d, Reason: reason})
	}
	return out
}
