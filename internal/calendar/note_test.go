package calendar

import (
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/langcheck"
)

// Every note of every schedule, official or proposed, and every weekday
// name reads in one language per page (issue 22 item 4): the calendar page
// showed "(Thu 1/1; Fri 2/1 swapped…) / public holiday" to Vietnamese readers.
func TestEveryDayNoteInOneLanguage(t *testing.T) {
	c, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	// Names of holidays and lunar years are Vietnamese words an English
	// reader sees as names ("Tết" is not translated in English texts about
	// Vietnam either); they may stay.
	names := strings.NewReplacer("Tết", "", "Canh", "", "Tý", "", "Tân", "", "Sửu", "", "Nhâm", "", "Dần", "",
		"Quý", "", "Mão", "", "Giáp", "", "Thìn", "", "Ất", "", "Tỵ", "", "Bính", "", "Ngọ", "", "Kỷ", "", "Hợi", "",
		"Đinh", "", "Mùi", "", "Mậu", "", "Thân", "", "Dậu", "", "Tuất", "")
	seen := 0
	for y := c.cfg.FirstYear; y <= c.cfg.LastYear; y++ {
		for d := (Date{y, 1, 1}); d.Year == y; d = d.AddDays(1) {
			_, note := c.DayOff(d)
			if note == "" {
				continue
			}
			seen++
			vi, en := NoteIn(note, "vi"), NoteIn(note, "en")
			if w := langcheck.English(vi); len(w) > 0 {
				t.Fatalf("%s in Vietnamese reads %q: English %q (note %q)", d, vi, w, note)
			}
			if w := langcheck.Vietnamese(names.Replace(en)); len(w) > 0 {
				t.Fatalf("%s in English reads %q: Vietnamese %q (note %q)", d, en, w, note)
			}
		}
	}
	if seen < 1000 {
		t.Fatalf("only %d notes looked at", seen)
	}
}

func TestNoteInParts(t *testing.T) {
	cases := []struct{ note, vi, en string }{
		{"Tết Âm lịch Bính Ngọ / Lunar New Year 2026 — Nghỉ lễ, Tết / public holiday", "Tết Âm lịch Bính Ngọ — Nghỉ lễ, Tết", "Lunar New Year 2026 — public holiday"},
		{"Tết Dương lịch / New Year's Day — 1/1; BLLĐ 2019 Điều 112 / Labour Code 2019 Art. 112", "Tết Dương lịch — 1/1; BLLĐ 2019 Điều 112", "New Year's Day — 1/1; Labour Code 2019 Art. 112"},
		{"Tết Dương lịch 2019 (29/12/2018–1/1/2019; làm bù thứ bảy 5/1/2019) / New Year's Day 2019 (29/12/2018–1/1/2019; made up Sat 5/1/2019) — Nghỉ hoán đổi / swapped day off",
			"Tết Dương lịch 2019 (29/12/2018–1/1/2019; làm bù thứ bảy 5/1/2019) — Nghỉ hoán đổi", "New Year's Day 2019 (29/12/2018–1/1/2019; made up Sat 5/1/2019) — swapped day off"},
		{"Nghỉ bù", "Nghỉ bù", "Nghỉ bù"}, // typed by the administrator in one language
		{"Thứ bảy / Saturday", "Thứ bảy", "Saturday"},
	}
	for _, c := range cases {
		if vi, en := NoteIn(c.note, "vi"), NoteIn(c.note, "en"); vi != c.vi || en != c.en {
			t.Errorf("NoteIn(%q) = %q, %q; want %q, %q", c.note, vi, en, c.vi, c.en)
		}
	}
}
