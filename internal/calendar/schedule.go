package calendar

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"
)

// Schedule is the set of days off and make-up working days of one year, as
// announced by the Government (Official) or proposed by this package.
//
// DaysOff lists every day off of the year's holiday periods, weekend days
// inside those periods included, exactly as the notices list them; a period
// may reach into the neighbouring year (the New Year 2019 period swapped Mon
// 2018-12-31, so that date is in the 2019 schedule). WorkingDays lists
// make-up working days (Saturdays worked in exchange for a swapped weekday).
type Schedule struct {
	Year        int               `json:"year"`
	DaysOff     []Date            `json:"days_off"`
	WorkingDays []Date            `json:"working_days"`
	Source      string            `json:"source"`
	Official    bool              `json:"official"`
	Notes       map[string]string `json:"notes,omitempty"` // "YYYY-MM-DD" -> reason or occasion
}

// Clone returns a deep copy, so that callers cannot alter shared data.
func (s Schedule) Clone() Schedule {
	c := s
	c.DaysOff = slices.Clone(s.DaysOff)
	c.WorkingDays = slices.Clone(s.WorkingDays)
	if s.Notes != nil {
		c.Notes = make(map[string]string, len(s.Notes))
		for k, v := range s.Notes {
			c.Notes[k] = v
		}
	}
	return c
}

// Validate checks a schedule (typically an administrator's override) and
// says what is wrong: dates must be real, no date may be both a day off and a
// working day, a make-up working day must be a weekend day (a weekday is
// already worked), and dates must lie in the year or next to it (a holiday
// period may straddle New Year, never more than a month).
func (s Schedule) Validate() error {
	if s.Year < MinYear || s.Year > MaxYear {
		return fmt.Errorf("lịch năm %d: %w %d–%d / schedule year %d is outside the supported range", s.Year, ErrOutOfRange, MinYear, MaxYear, s.Year)
	}
	lo := Date{s.Year - 1, time.December, 1}
	hi := Date{s.Year + 1, time.January, 31}
	off := make(map[Date]bool, len(s.DaysOff))
	for _, d := range s.DaysOff {
		if !d.Valid() {
			return fmt.Errorf("lịch năm %d: %w %q", s.Year, ErrInvalidDate, d.String())
		}
		if d.Before(lo) || d.After(hi) {
			return fmt.Errorf("lịch năm %d: ngày nghỉ %s nằm ngoài năm / schedule %d: day off %s is outside the year", s.Year, d, s.Year, d)
		}
		off[d] = true
	}
	// A weekend day is not worked anyway: the notices list one only inside
	// a holiday period (Tết running over a weekend). A Saturday or Sunday on
	// its own changes nothing and is almost always a slip of the date, so it
	// is refused rather than silently kept; a holiday falling on a weekend
	// gives the next working day off instead (Labour Code 2019 Art. 112(3)).
	for _, d := range s.DaysOff {
		if w := d.Weekday(); (w == time.Saturday || w == time.Sunday) && !inWeekdayRun(off, d) {
			return fmt.Errorf("lịch năm %d: ngày nghỉ %s là %s, vốn không phải ngày làm việc; chỉ ghi ngày cuối tuần khi nó nằm trong một kỳ nghỉ, còn ngày lễ rơi vào cuối tuần thì ghi ngày nghỉ bù / schedule %d: day off %s is a %s, not a working day anyway; list a weekend day only inside a holiday period, and for a holiday on a weekend list the day off in lieu",
				s.Year, d, viWeekday(w), s.Year, d, w)
		}
	}
	for _, d := range s.WorkingDays {
		if !d.Valid() {
			return fmt.Errorf("lịch năm %d: %w %q", s.Year, ErrInvalidDate, d.String())
		}
		if d.Before(lo) || d.After(hi) {
			return fmt.Errorf("lịch năm %d: ngày làm bù %s nằm ngoài năm / schedule %d: make-up working day %s is outside the year", s.Year, d, s.Year, d)
		}
		if off[d] {
			return fmt.Errorf("lịch năm %d: %s vừa là ngày nghỉ vừa là ngày làm bù / schedule %d: %s is both a day off and a working day", s.Year, d, s.Year, d)
		}
		if w := d.Weekday(); w != time.Saturday && w != time.Sunday {
			return fmt.Errorf("lịch năm %d: ngày làm bù %s là %s, không phải cuối tuần / schedule %d: make-up working day %s is a %s, not a weekend day", s.Year, d, viWeekday(w), s.Year, d, w)
		}
	}
	return nil
}

// inWeekdayRun reports whether d lies in a run of consecutive days off that
// holds at least one weekday. New Year's Day counts as one whatever the
// schedule lists: its period straddles two years' notices (the 2022 notice
// lists Saturday 31/12, the 2023 one Monday 2/1).
func inWeekdayRun(off map[Date]bool, d Date) bool {
	for _, step := range []int{-1, 1} {
		for x := d.AddDays(step); off[x] || (x.Month == time.January && x.Day == 1); x = x.AddDays(step) {
			if w := x.Weekday(); (w != time.Saturday && w != time.Sunday) || (x.Month == time.January && x.Day == 1) {
				return true
			}
		}
	}
	return false
}

//go:embed data/holidays-vn-official.json
var officialJSON []byte

type officialFile struct {
	Schedules []struct {
		Year        int               `json:"year"`
		DaysOff     []Date            `json:"days_off"`
		WorkingDays []Date            `json:"working_days"`
		Notes       map[string]string `json:"notes"`
		LegalBasis  string            `json:"legal_basis"`
		Source      string            `json:"source"`
		Sources     []string          `json:"sources"`
	} `json:"schedules"`
}

var (
	officialOnce sync.Once
	official     map[int]Schedule
)

func officialSchedules() map[int]Schedule {
	officialOnce.Do(func() {
		var f officialFile
		if err := json.Unmarshal(officialJSON, &f); err != nil {
			panic("calendar: embedded holiday data is corrupt: " + err.Error()) // caught by every test run
		}
		official = make(map[int]Schedule, len(f.Schedules))
		for _, s := range f.Schedules {
			official[s.Year] = Schedule{
				Year:        s.Year,
				DaysOff:     s.DaysOff,
				WorkingDays: s.WorkingDays,
				Source:      s.Source + "; " + s.LegalBasis,
				Official:    true,
				Notes:       s.Notes,
			}
		}
	})
	return official
}
