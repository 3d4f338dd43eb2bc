package core

import (
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
)

// ShownApplicant is the applicant as the actor's role may see it by default
// (org.AccessPolicy): in full for the people who process the dossier and
// for its owner; masked for supervisors; name, phone and address for the
// postal operator. Masking twice gives the same result.
func ShownApplicant(actor org.Actor, a dossier.Applicant) dossier.Applicant {
	switch org.AccessOf(actor.Role).Shown {
	case org.ShownFull:
		return a
	case org.ShownMasked:
		return dossier.Applicant{Name: a.Name, IDNumber: MaskDigits(a.IDNumber, 4, 3), Phone: MaskDigits(a.Phone, 2, 2),
			Email: MaskEmail(a.Email), Address: MaskAddress(a.Address)}
	default: // delivery
		return dossier.Applicant{Name: a.Name, Phone: a.Phone, Address: a.Address}
	}
}

// MaskDigits keeps the first head and last tail characters of s and stars
// the rest: 001234567890 → 0012*****890; a value too short to keep both
// ends is starred whole.
func MaskDigits(s string, head, tail int) string {
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return ""
	}
	r := []rune(s)
	if n <= head+tail+1 {
		return strings.Repeat("*", n)
	}
	return string(r[:head]) + strings.Repeat("*", n-head-tail) + string(r[n-tail:])
}

// MaskEmail keeps the first letter and the domain: an***@example.com → a***@example.com.
func MaskEmail(s string) string {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" {
		return MaskDigits(s, 0, 0)
	}
	first, _ := utf8.DecodeRuneInString(local)
	return string(first) + "***@" + domain
}

// MaskAddress keeps the last part of an address (the commune or province,
// after the last comma) and hides the street and house number.
func MaskAddress(s string) string {
	if s == "" {
		return ""
	}
	if i := strings.LastIndex(s, ","); i >= 0 {
		return "***," + s[i+1:]
	}
	return "***"
}

// LooksLikeIDNumber: a query of digits only is an ID number (or a phone),
// never a receipt code (which has dots and dashes) or a name.
func LooksLikeIDNumber(q string) bool {
	q = strings.TrimSpace(q)
	if len(q) < 6 {
		return false
	}
	for _, c := range q {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

var ErrIDSearch = apperr.New(apperr.Forbidden, "id_search_not_allowed",
	"Vai trò của bạn không tìm hồ sơ theo số định danh; hãy tìm theo mã hồ sơ hoặc họ tên.",
	"Your role does not search dossiers by ID number; search by dossier code or name.")
