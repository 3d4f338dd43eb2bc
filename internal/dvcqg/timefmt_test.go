package dvcqg

import (
	"testing"
	"time"
)

// Times on the wire are yyyyMMddHHmmss on Vietnam's wall clock, an unknown
// time the empty string (RULES-VN.md §12; DVCQG-NOTES.md), for every
// instant Decision 31/2021/QĐ-TTg Art. 30(3) has synchronised.
func TestWireTime(t *testing.T) {
	cases := []struct {
		name string
		in   time.Time
		want string
	}{
		{"RULES-VN §12: UTC instant written on Vietnam's clock (UTC+7)", time.Date(2026, 12, 4, 1, 2, 3, 0, time.UTC), "20261204080203"},
		{"RULES-VN §12: an instant late in the UTC day is the next Vietnamese day", time.Date(2026, 12, 31, 17, 30, 0, 0, time.UTC), "20270101003000"},
		{"RULES-VN §12: an instant already in another zone is converted", time.Date(2026, 7, 1, 9, 0, 0, 0, time.FixedZone("CET", 3600)), "20260701150000"},
		{"DVCQG-NOTES: an unknown time is the empty string", time.Time{}, ""},
		{"RULES-VN §12: sub-second precision dropped, not rounded", time.Date(2026, 1, 2, 3, 4, 5, 999_000_000, time.UTC), "20260102100405"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := FormatTime(c.in); got != c.want {
				t.Fatalf("FormatTime = %q, want %q", got, c.want)
			}
			back, err := ParseTime(c.want)
			if err != nil {
				t.Fatal(err)
			}
			if !back.Equal(c.in.Truncate(time.Second)) {
				t.Errorf("ParseTime(%q) = %v, want %v", c.want, back, c.in)
			}
		})
	}
	for _, bad := range []string{"2026-12-04", "202612040802", "20261304080203", "20261204250203", "20261204 80203"} {
		if _, err := ParseTime(bad); err == nil {
			t.Errorf("ParseTime(%q) accepted", bad)
		}
	}
	if FormatTimePtr(nil) != "" {
		t.Error("nil time is not the empty string")
	}
}
