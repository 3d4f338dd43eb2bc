package notify

import "strings"

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

// Scrub removes the recipient from a provider's error text before it is
// stored or logged (SMTP servers quote the refused address).
func Scrub(text, recipient string) string {
	if recipient == "" {
		return text
	}
	text = strings.ReplaceAll(text, recipient, Mask(recipient))
	if p := ZaloPhone(recipient); p != "" && p != recipient {
		text = strings.ReplaceAll(text, p, Mask(p))
	}
	return text
}
