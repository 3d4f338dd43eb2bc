package dossiers

import (
	"crypto/rand"
	"regexp"
	"strings"
)

// refAlphabet is Crockford's base 32: no I, L, O or U, so that a
// reference read over the phone cannot be mistaken for another.
const refAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

var refRe = regexp.MustCompile(`^TC-[0-9A-HJKMNP-TV-Z]{8}$`)

// NewRef is a tracking reference ("TC-7KQ2M9XA"): 40 random bits, enough
// that references cannot be walked through, short enough to say aloud. The
// database's unique index refuses the rare repeat, and the filing is tried
// again like any conflict.
func NewRef() string {
	b := make([]byte, 8)
	rand.Read(b)
	var s strings.Builder
	s.WriteString("TC-")
	for _, c := range b {
		s.WriteByte(refAlphabet[c&31])
	}
	return s.String()
}

// IsRef reports whether s has the shape of a tracking reference.
func IsRef(s string) bool { return refRe.MatchString(strings.ToUpper(strings.TrimSpace(s))) }
