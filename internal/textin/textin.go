// Package textin holds the rules for which characters a text input may
// carry. It is pure (no HTTP, no SQL) so that every transport and the domain
// apply the same rules.
//
// Why: PostgreSQL refuses the NUL byte in text columns (an error, answered as
// a 500), while SQLite stores it; other C0/C1 control characters (ESC, BEL…)
// and the Unicode bidirectional overrides (U+202A–U+202E, U+2066–U+2069) make
// a stored name print differently from what it is ("Trojan Source") on a
// receipt, a register or a terminal. None has a use in Vietnamese
// administrative text, so they are refused at the edge with a clear 400
// rather than stored or stripped silently.
//
// Line breaks and tabs are legitimate only in free text that a person types
// across lines: notes, reasons, complaint texts, addresses. So the rule has two
// forms: Line (paths, query parameters, names, codes, field and file names)
// refuses every control character; Block (request bodies' values) keeps
// TAB, LF and CR and refuses the rest. Single-line domain fields (the
// applicant's name) are checked with Line by the domain itself.
package textin

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Problem says what is wrong with a text; the zero value means nothing.
type Problem struct {
	Rune    rune // the offending character (utf8.RuneError for bad UTF-8)
	Offset  int  // its byte offset
	Invalid bool // the text is not valid UTF-8
	Blank   bool // the text has no visible character
}

// Vi and En describe the problem for a person, in both languages.
func (p Problem) Vi() string {
	switch {
	case p.Invalid:
		return "không phải văn bản UTF-8 hợp lệ"
	case p.Blank:
		return "không có ký tự nào nhìn thấy được"
	case unicode.Is(unicode.Cf, p.Rune) && !IsBidiControl(p.Rune):
		return fmt.Sprintf("chứa ký tự định dạng vô hình (U+%04X)", p.Rune)
	}
	return fmt.Sprintf("chứa ký tự điều khiển không được phép (U+%04X)", p.Rune)
}

func (p Problem) En() string {
	switch {
	case p.Invalid:
		return "is not valid UTF-8 text"
	case p.Blank:
		return "has no visible character"
	case unicode.Is(unicode.Cf, p.Rune) && !IsBidiControl(p.Rune):
		return fmt.Sprintf("contains an invisible formatting character (U+%04X)", p.Rune)
	}
	return fmt.Sprintf("contains a control character that is not allowed (U+%04X)", p.Rune)
}

// IsBidiControl reports the explicit directional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069) that reorder how text displays.
func IsBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// Line checks a single-line text: no control character at all.
func Line(s string) (Problem, bool) { return check(s, false) }

// Block checks a multi-line text: TAB, LF and CR are allowed, nothing else.
func Block(s string) (Problem, bool) { return check(s, true) }

func check(s string, multiline bool) (Problem, bool) {
	// Fast path: plain printable ASCII, the overwhelming case.
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7F {
			ascii = false
			break
		}
	}
	if ascii {
		return Problem{}, true
	}
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return Problem{Rune: r, Offset: i, Invalid: true}, false
			}
		case multiline && (r == '\t' || r == '\n' || r == '\r'):
		case unicode.IsControl(r), IsBidiControl(r):
			return Problem{Rune: r, Offset: i}, false
		}
	}
	return Problem{}, true
}

// IsInvisible reports characters that show nothing on their own: format
// characters (zero-width space and joiners, BOM, soft hyphen, bidi marks),
// white space and controls. A name made only of them is no name.
func IsInvisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r) || r == 0x3164 || r == 0x115F || r == 0x1160 || r == 0xFFA0
}

// Name checks a person's or thing's name as the domain stores it: a single
// line, no format characters (zero-width, bidi marks) which would let two
// different-looking names collide or one name hide another, and at least
// one visible character.
func Name(s string) (Problem, bool) {
	if p, ok := Line(s); !ok {
		return p, false
	}
	visible := false
	for i, r := range s {
		if unicode.Is(unicode.Cf, r) {
			return Problem{Rune: r, Offset: i}, false
		}
		if !IsInvisible(r) {
			visible = true
		}
	}
	if !visible && s != "" {
		return Problem{Blank: true}, false
	}
	return Problem{}, true
}
