// Package langcheck finds words of the other language in a text that should
// be in one: the tests of every page and message use it to hold the rule
// that a page speaks the language its reader chose, every word (issue 22
// item 4). It is a test aid: the product never guesses a language, so only
// tests import it (deadcode lists it as unreachable; kept on purpose, shared
// by the tests of several packages).
package langcheck

import (
	"regexp"
	"strings"
	"unicode"
)

// englishWords never occur in Vietnamese text, so one of them in a
// Vietnamese page is English that leaked. Short words Vietnamese shares
// ("a", "an", "do", "to", "me", "in", "no", "ban", "thu") are left out on purpose.
var englishWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the of and is are was were not has have with for this that from
		your you they their which what when where who will would should must may been being into
		only than then there these those about after before because between both each every
		other such here how our its it's can't don't doesn't isn't
		dossier dossiers procedure procedures agency agencies request requested received receipt
		result results applicant payment reason required invalid please signed sign submit submitted
		supplementation supplement approve approved reject rejected refuse refused return returned
		working day days date time limit due overdue settled within late early holiday weekend
		public make-up compensatory swapped monday tuesday wednesday thursday friday saturday sunday
		mon tue wed fri sat sun january february march april june july august september october
		november december page next back search filter show save cancel change password user name
		number phone address email file files upload download print form forms notice
		list status counter officer leader specialist director chair citizen`) {
		englishWords[w] = true
	}
}

// Allowed are words both languages use as they are: formats, products,
// systems and acronyms.
var allowed = map[string]bool{"pdf": true, "xlsx": true, "vneid": true, "zalo": true, "email": true,
	"e-mail": true, "ok": true, "id": true, "qr": true, "url": true, "api": true, "vnpay": true, "sms": true,
	"dvcqg": true, "oidc": true, "csv": true, "json": true}

// Names of API fields and values ("(procedure_code)", "(counter, postal,
// online)", "\"file\""), and paths ("POST /api/v1/files"), are the same in
// both languages: an API client sends them as they are.
var (
	identifierList = regexp.MustCompile(`\([a-z_]+(, [a-z_]+)*\)`)
	quotedName     = regexp.MustCompile(`"[a-z_]+"`)
	urlPath        = regexp.MustCompile(`/[A-Za-z0-9_/{}.-]+`)
)

// English lists the English words found in s (in order, once each).
func English(s string) []string {
	var out []string
	seen := map[string]bool{}
	s = urlPath.ReplaceAllString(quotedName.ReplaceAllString(identifierList.ReplaceAllString(s, ""), ""), "")
	for _, w := range words(s) {
		lw := strings.ToLower(w)
		if englishWords[lw] && !allowed[lw] && !seen[lw] {
			seen[lw] = true
			out = append(out, w)
		}
	}
	return out
}

// Vietnamese lists the words of s written with a Vietnamese letter (ă â đ ê
// ô ơ ư or a tone mark), in order, once each. Proper names of people and
// places carry them too: the caller removes names it put in on purpose.
func Vietnamese(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range words(s) {
		if hasVietnameseLetter(w) && !documentCode(w) && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// documentCode tells the abbreviations in legal document numbers
// ("118/2025/NĐ-CP", "QĐ-TTg"), which an English text cites as they are.
func documentCode(w string) bool {
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		r := []rune(p)
		if len(r) == 0 || len(r) > 5 || !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

func hasVietnameseLetter(w string) bool {
	for _, r := range w {
		if r > unicode.MaxASCII && unicode.IsLetter(r) && unicode.In(r, unicode.Latin) {
			return true
		}
	}
	return false
}

func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '-'
	})
}
