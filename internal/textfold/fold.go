// Package textfold normalises Vietnamese text: NFC for storage and display,
// and a diacritic-free lower-case form for search, so that "dang ky khai sinh"
// finds "Đăng ký khai sinh".
package textfold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode NFC with surrounding space trimmed; every stored
// Vietnamese string goes through it so that equal texts compare equal.
func NFC(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }

// Fold lower-cases s, drops combining marks (after NFD) and maps đ to d, and
// collapses runs of white space to one space.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r):
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = true
			continue
		default:
			r = unicode.ToLower(r)
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ")
}
