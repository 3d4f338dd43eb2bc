package calendar

import (
	"errors"
	"fmt"
	"time"
)

// Period is one stretch of working hours, as offsets from midnight in Zone.
type Period struct {
	Start time.Duration `json:"start"`
	End   time.Duration `json:"end"`
}

func (p Period) String() string { return clock(p.Start) + "–" + clock(p.End) }

// Config sets up a Calendar. Every province may set its own hours; the
// defaults are those of the one-stop counters (RULES-VN §3.3).
type Config struct {
	// Hours are the working periods of a working day, in order, e.g.
	// 07:00–11:30 and 13:30–17:00. The first start is the opening time and
	// the last end the closing time (the instant a due date falls on).
	Hours []Period
	// SameDayCutoff: a same_day dossier received on a working day at or
	// before this time is due that day (15:00, RULES-VN §3.1(3)).
	SameDayCutoff time.Duration
	// Overrides are an administrator's schedules for whole years (a new
	// Government notice, or a correction). Each replaces the official or
	// proposed schedule of its Year.
	Overrides []Schedule
	// FirstYear and LastYear bound the precomputed working-day index
	// (default 2000..2100). Dates outside it have no holidays and due-date
	// computations that reach outside it fail with ErrOutOfRange.
	FirstYear, LastYear int
}

// DefaultConfig returns the national defaults: 07:00–11:30 and 13:30–17:00,
// Monday to Friday, same-day cut-off 15:00, index 2000..2100, no overrides.
func DefaultConfig() Config {
	return Config{
		Hours: []Period{
			{7 * time.Hour, 11*time.Hour + 30*time.Minute},
			{13*time.Hour + 30*time.Minute, 17 * time.Hour},
		},
		SameDayCutoff: 15 * time.Hour,
		FirstYear:     2000,
		LastYear:      2100,
	}
}

// ErrConfig is wrapped by every configuration error.
var ErrConfig = errors.New("cấu hình lịch không hợp lệ / invalid calendar configuration")

func (cfg Config) validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrConfig}, a...)...)
	}
	if len(cfg.Hours) == 0 {
		return bad("chưa có giờ làm việc / no working hours")
	}
	var prevEnd time.Duration
	for i, p := range cfg.Hours {
		if p.Start < 0 || p.End > 24*time.Hour {
			return bad("khoảng %s nằm ngoài một ngày / period %s is not inside one day (00:00–24:00)", p, p)
		}
		if p.End <= p.Start {
			return bad("khoảng %s kết thúc trước khi bắt đầu / period %s ends before it starts", p, p)
		}
		if i > 0 && p.Start < prevEnd {
			return bad("khoảng %s chồng lên hoặc đứng trước khoảng trước / period %s overlaps or precedes the previous one (periods must be in order, non-overlapping)", p, p)
		}
		prevEnd = p.End
	}
	open, close := cfg.Hours[0].Start, cfg.Hours[len(cfg.Hours)-1].End
	if cfg.SameDayCutoff <= open || cfg.SameDayCutoff > close {
		return bad("giờ chốt trong ngày %s phải sau giờ mở cửa %s và không muộn hơn giờ đóng cửa %s / same-day cut-off %s must be after opening %s and no later than closing %s",
			clock(cfg.SameDayCutoff), clock(open), clock(close), clock(cfg.SameDayCutoff), clock(open), clock(close))
	}
	if cfg.FirstYear < ProposeFirstYear || cfg.LastYear > MaxYear || cfg.FirstYear > cfg.LastYear {
		return bad("phạm vi năm %d–%d phải nằm trong %d–%d / year range %d–%d must lie within %d–%d",
			cfg.FirstYear, cfg.LastYear, ProposeFirstYear, MaxYear, cfg.FirstYear, cfg.LastYear, ProposeFirstYear, MaxYear)
	}
	seen := map[int]bool{}
	for _, s := range cfg.Overrides {
		if seen[s.Year] {
			return bad("năm %d được ghi đè hai lần / year %d is overridden twice", s.Year, s.Year)
		}
		seen[s.Year] = true
		if s.Year < cfg.FirstYear || s.Year > cfg.LastYear {
			return bad("lịch ghi đè năm %d nằm ngoài phạm vi %d–%d / override for year %d is outside the index range %d–%d",
				s.Year, cfg.FirstYear, cfg.LastYear, s.Year, cfg.FirstYear, cfg.LastYear)
		}
		if err := s.Validate(); err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
	}
	return nil
}

// clock formats an offset from midnight as HH:MM (HH:MM:SS if it has seconds).
func clock(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	h := int(d / time.Hour)
	m := int(d % time.Hour / time.Minute)
	s := int(d % time.Minute / time.Second)
	out := fmt.Sprintf("%02d:%02d", h, m)
	if s != 0 {
		out += fmt.Sprintf(":%02d", s)
	}
	if neg {
		out = "-" + out
	}
	return out
}
