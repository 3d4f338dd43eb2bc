package notify

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// SMS texts go without diacritics. Vietnamese letters with marks are not in
// the GSM 03.38 alphabet, so a text keeping them is sent as UCS-2 with 70
// characters per segment instead of 160 — two to three times the price per
// message, and most Vietnamese operators' brandname SMS are sent unaccented
// anyway. Plain strips the marks (đ → d) and replaces whatever else is not
// GSM-7 with '?', and the SMS templates are fitted into one 160-character
// segment by shortening the free text (the reason) when needed.

// SMSLimit is the length of one GSM-7 segment.
const SMSLimit = 160

const gsmBasic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
const gsmExtended = "^{}\\[~]|€\f"

// Plain writes s without Vietnamese diacritics, in the GSM-7 alphabet.
func Plain(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case r == 'Đ':
			r = 'D'
		case r == '\t':
			r = ' '
		case r == '–' || r == '—':
			r = '-'
		case r == '“' || r == '”':
			r = '"'
		case r == '‘' || r == '’':
			r = '\''
		case r == '…':
			b.WriteString("...")
			continue
		}
		if !strings.ContainsRune(gsmBasic, r) && !strings.ContainsRune(gsmExtended, r) {
			r = '?'
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// GSMLength counts the septets a GSM-7 text takes: the extended characters
// need an escape and count twice. ok is false when s is not GSM-7 at all.
func GSMLength(s string) (n int, ok bool) {
	for _, r := range s {
		switch {
		case strings.ContainsRune(gsmExtended, r):
			n += 2
		case strings.ContainsRune(gsmBasic, r):
			n++
		default:
			return 0, false
		}
	}
	return n, true
}

// fitSMS builds an SMS from a template with one free part (the reason),
// shortened with "..." so that the whole fits in one segment. When the
// fixed part alone is too long (a very long base URL) the free part is
// dropped and the message goes in several segments.
func fitSMS(fixed func(free string) string, free string) string {
	const mark = "\x00"
	before, after, _ := strings.Cut(fixed(mark), mark)
	before, after = Plain(before), Plain(after)
	free = Plain(strings.Join(strings.Fields(free), " "))
	base, _ := GSMLength(before + after)
	room := SMSLimit - base
	if n, _ := GSMLength(free); n > room {
		var b strings.Builder
		used := 0
		for _, r := range free {
			w, _ := GSMLength(string(r))
			if used+w > room-3 {
				break
			}
			b.WriteRune(r)
			used += w
		}
		free = strings.TrimRight(b.String(), " ,.;:") + "..."
		if room < 10 {
			free = ""
		}
	}
	return before + free + after
}
