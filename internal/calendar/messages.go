package calendar

import "strings"

// Messages parts one of this package's errors into its Vietnamese and its
// English wording. The package is pure and carries no message keys, so its
// errors read "tiếng Việt / English", optionally behind a wrapped sentinel
// written the same way ("thời hạn không hợp lệ / invalid time limit: …"); a
// page must show only its reader's language (issue 22 item 4).
func Messages(err error) (vi, en string) { return splitMessage(err.Error()) }

func splitMessage(msg string) (vi, en string) {
	if i := strings.Index(msg, ": "); i >= 0 && strings.Contains(msg[:i], " / ") {
		hv, he, _ := strings.Cut(msg[:i], " / ")
		rv, re := splitMessage(msg[i+2:])
		return hv + ": " + rv, he + ": " + re
	}
	if v, e, ok := strings.Cut(msg, " / "); ok {
		return v, e
	}
	return msg, msg
}
