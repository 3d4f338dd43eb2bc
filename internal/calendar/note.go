package calendar

import "strings"

// Notes on days (why a day is off, or a make-up working day) are written in
// both languages, each part that needs words as "tiếng Việt / English":
//
//	"Tết Âm lịch Bính Ngọ / Lunar New Year 2026 — Nghỉ lễ, Tết / public holiday"
//	"Tết Dương lịch / New Year's Day — 1/1; BLLĐ 2019 Điều 112 / Labour Code 2019 Art. 112"
//
// Parts are separated by " — " or "; " outside parentheses; a part without
// " / " (a date, a note typed by the administrator in one language) belongs
// to both. A page shows only its reader's language (issue 22 item 4): NoteIn.

// NoteIn is the note in lang ("vi" or "en").
func NoteIn(note, lang string) string {
	var b strings.Builder
	depth, start := 0, 0
	part := func(s string) {
		if vi, en, ok := strings.Cut(s, " / "); ok {
			if lang == "en" {
				s = en
			} else {
				s = vi
			}
		}
		b.WriteString(s)
	}
	for i := 0; i < len(note); i++ {
		switch note[i] {
		case '(':
			depth++
			continue
		case ')':
			depth--
			continue
		}
		if depth > 0 {
			continue
		}
		for _, sep := range []string{" — ", "; "} {
			if strings.HasPrefix(note[i:], sep) {
				part(note[start:i])
				b.WriteString(sep)
				i += len(sep) - 1
				start = i + 1
				break
			}
		}
	}
	part(note[start:])
	return b.String()
}
