package dvcqg

import (
	"fmt"
	"time"
)

// TimeLayout is yyyyMMddHHmmss, the only time format in the evidence.
const TimeLayout = "20060102150405"

// Zone is Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving
// since 1975, so a fixed zone is exact and does not depend on the host's
// tzdata (a container without it would otherwise fail at start).
var Zone = time.FixedZone("Asia/Ho_Chi_Minh", 7*3600)

// FormatTime writes t as the wire wants it: Vietnam's wall clock, and the
// empty string for an unknown time (DVCQG-NOTES.md "A dossier").
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Zone).Format(TimeLayout)
}

// FormatTimePtr is FormatTime of an optional time.
func FormatTimePtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return FormatTime(*t)
}

// ParseTime reads a wire time as Vietnam's wall clock; "" is the zero time.
func ParseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(TimeLayout, s, Zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("dvcqg: time %q is not yyyyMMddHHmmss: %w", s, err)
	}
	return t, nil
}
