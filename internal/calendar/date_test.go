package calendar

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	good := []string{"2025-01-29", "2024-02-29", "2000-02-29", "1900-01-01", "2100-12-31"}
	for _, s := range good {
		d, err := ParseDate(s)
		if err != nil || d.String() != s {
			t.Errorf("ParseDate(%q) = %v, %v", s, d, err)
		}
	}
	bad := []string{"2025-02-30", "2023-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31",
		"2025-2-3", "25-02-03", "2025/02/03", "+025-01-01", "2025-01-0x", "", "2025-01-011", "0000-01-01"}
	for _, s := range bad {
		if _, err := ParseDate(s); !errors.Is(err, ErrInvalidDate) {
			t.Errorf("ParseDate(%q) error = %v, want ErrInvalidDate", s, err)
		}
	}
}

// Day numbers, weekdays and AddDays agree with the time package over the
// whole range the package uses, and well beyond.
func TestDateArithmeticAgainstTimePackage(t *testing.T) {
	start := time.Date(1800, 1, 1, 12, 0, 0, 0, time.UTC)
	for i := 0; i < 400*366; i += 3 {
		tt := start.AddDate(0, 0, i)
		d := Date{tt.Year(), tt.Month(), tt.Day()}
		if d.Weekday() != tt.Weekday() {
			t.Fatalf("%s weekday %s, want %s", d, d.Weekday(), tt.Weekday())
		}
		if got := dateOfDayNumber(d.dayNumber()); got != d {
			t.Fatalf("day number round trip %s -> %s", d, got)
		}
		if got := d.AddDays(45); got != DateOf(time.Date(d.Year, d.Month, d.Day+45, 12, 0, 0, 0, Zone)) {
			t.Fatalf("%s + 45 = %s", d, got)
		}
	}
	if (Date{1970, 1, 1}).dayNumber() != 0 {
		t.Error("epoch")
	}
}

func TestDateOfUsesICT(t *testing.T) {
	// 2025-01-28 17:30 UTC is already 2025-01-29 00:30 in Vietnam (mùng 1 Tết).
	if got := DateOf(time.Date(2025, 1, 28, 17, 30, 0, 0, time.UTC)); got != (Date{2025, 1, 29}) {
		t.Errorf("DateOf = %s", got)
	}
	if !(Date{2025, 1, 1}).Before(Date{2025, 1, 2}) || !(Date{2025, 2, 1}).After(Date{2025, 1, 31}) {
		t.Error("Before/After")
	}
}

func TestDateJSON(t *testing.T) {
	b, err := json.Marshal(struct {
		D Date `json:"d"`
	}{Date{2025, 4, 7}})
	if err != nil || string(b) != `{"d":"2025-04-07"}` {
		t.Fatalf("%s %v", b, err)
	}
	var v struct {
		D Date `json:"d"`
	}
	if err := json.Unmarshal([]byte(`{"d":"2025-02-30"}`), &v); err == nil {
		t.Error("impossible date accepted")
	}
	if err := json.Unmarshal([]byte(`{"d":"2026-02-17"}`), &v); err != nil || v.D != (Date{2026, 2, 17}) {
		t.Errorf("%v %v", v, err)
	}
}
