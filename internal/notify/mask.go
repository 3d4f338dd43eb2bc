package notify

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/motcua/motcua/internal/model"
)

// Mask shows enough of a recipient for an administrator to tell messages
// apart, never the whole phone or address: 09******78, ng****@gmail.com.
func Mask(recipient string) string {
	r := []rune(recipient)
	if at := strings.LastIndexByte(recipient, '@'); at >= 0 {
		local := []rune(recipient[:at])
		keep := min(2, len(local)/2)
		return string(local[:keep]) + strings.Repeat("*", max(4, len(local)-keep)) + recipient[at:]
	}
	if strings.HasPrefix(recipient, "http://") || strings.HasPrefix(recipient, "https://") {
		// A partner's endpoint is not personal data; its path may hold a
		// secret, so show the host only.
		rest := recipient[strings.Index(recipient, "//")+2:]
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			rest = rest[:i]
		}
		return rest + "/…"
	}
	if len(r) <= 4 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:2]) + strings.Repeat("*", len(r)-4) + string(r[len(r)-2:])
}

var (
	// A run of nine digits or more, the digits optionally separated by one
	// space, dot or dash and led by a plus: phone numbers in any writing
	// (+84 912 345 678, 0912.345.678, 84912345678), ID numbers (CMND 9,
	// CCCD 12 digits), tax IDs (10, 13). Nothing else the notifier logs
	// (message ids, HTTP statuses, SMTP codes, dates) is that long.
	longNumber = regexp.MustCompile(`\+?\d(?:[ .\-]?\d){8,}`)
	// An e-mail address, quoted or not (SMTP servers quote the refused one).
	emailAddr = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+`)
)

// ScrubPatterns masks every phone number, ID number and e-mail address in
// text, whoever's they are (Decree 13/2023/NĐ-CP: personal data only where
// the purpose needs it; a log is not such a place).
func ScrubPatterns(text string) string {
	text = emailAddr.ReplaceAllStringFunc(text, Mask)
	var b strings.Builder
	last := 0
	for _, m := range longNumber.FindAllStringIndex(text, -1) {
		if m[0] > 0 && inToken(text[m[0]-1]) {
			// Part of a longer token: a dossier code's date and number
			// (000.00.10.H99-261201-0001), a hash. Not a phone or an ID.
			continue
		}
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, text[m[0]:m[1]])
		b.WriteString(text[last:m[0]])
		b.WriteString(Mask(digits))
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

func inToken(c byte) bool {
	return c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// Scrub removes the recipient from a provider's error text before it is
// stored or logged (SMTP servers quote the refused address), then every
// phone number, ID number and e-mail address by pattern.
func Scrub(text, recipient string) string {
	if recipient != "" {
		text = strings.ReplaceAll(text, recipient, Mask(recipient))
		if p := ZaloPhone(recipient); p != "" && p != recipient {
			text = strings.ReplaceAll(text, p, Mask(p))
		}
	}
	return ScrubPatterns(text)
}

// ScrubMessage cleans a delivery error of a message: a peer may echo what it
// was sent (the text with the applicant's name, a template's data), which no
// pattern recognises, so each of those values is cut out before the
// recipient and the patterns are scrubbed.
func ScrubMessage(text string, m model.OutboxMessage) string {
	for _, v := range messageValues(m) {
		text = strings.ReplaceAll(text, v, "[…]")
	}
	return Scrub(text, m.Recipient)
}

// messageValues are the texts a message carries: its subject and body, their
// lines, and every string of its JSON payload, longest first so that a value
// is cut whole before a part of it.
func messageValues(m model.OutboxMessage) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); len([]rune(s)) >= 3 {
			out = append(out, s)
		}
	}
	for _, t := range []string{m.Subject, m.Body} {
		add(t)
		for _, line := range strings.Split(t, "\n") {
			add(line)
		}
	}
	var payload any
	if json.Unmarshal([]byte(m.Payload), &payload) == nil {
		var walk func(any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				add(v)
			case map[string]any:
				for _, x := range v {
					walk(x)
				}
			case []any:
				for _, x := range v {
					walk(x)
				}
			}
		}
		walk(payload)
	}
	// Longest first.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
