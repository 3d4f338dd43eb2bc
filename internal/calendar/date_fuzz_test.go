package calendar

import (
	"errors"
	"testing"
)

// ParseDate accepts exactly the dates it prints: whatever it accepts prints
// back as the same text and is a real day; whatever it refuses is
// ErrInvalidDate (which the API turns into a bilingual 400).
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-12-01", "2024-02-29", "2026-02-29", "0000-01-01", "+026-01-01", "2026-1-01", "2026-12-01\x00", "２０２６-12-01", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidDate) {
				t.Fatalf("ParseDate(%q): unexpected error kind %v", s, err)
			}
			return
		}
		if !d.Valid() || d.String() != s {
			t.Fatalf("ParseDate(%q) = %v (valid %v), does not print back", s, d, d.Valid())
		}
		var back Date
		if err := back.UnmarshalText([]byte(s)); err != nil || back != d {
			t.Fatalf("text form of %q: %v %v", s, back, err)
		}
	})
}

// ParseLunarDate checks the shape only; whatever it accepts prints back.
func FuzzParseLunarDate(f *testing.F) {
	for _, s := range []string{"2026-01-01", "2025-06*-15", "2025-06-*15", "2025-6-15", "", "2025-06*-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseLunarDate(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidLunarDate) {
				t.Fatalf("ParseLunarDate(%q): unexpected error kind %v", s, err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseLunarDate(%q) prints back as %q", s, d.String())
		}
		LunarToSolar(d) // must not panic whatever the shape let through
	})
}
