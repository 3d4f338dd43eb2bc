package web

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// sendPrivate sends a document that belongs to someone (an attachment, a
// result, a form, a receipt): shown in the browser, never cached on the
// way, and never sniffed into another type. The name is given both plain
// (ASCII, for old browsers) and UTF-8 encoded, so Vietnamese names survive.
func sendPrivate(w http.ResponseWriter, contentType, name string, size int64, body io.Reader) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `inline; filename="`+asciiName(name)+`"; filename*=UTF-8''`+url.PathEscape(name))
	h.Set("Content-Length", strconv.FormatInt(size, 10))
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	io.Copy(w, body)
}

// asciiName keeps the letters, digits and separators a quoted filename may
// carry; anything else becomes '_'.
func asciiName(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		}
		return '_'
	}, name)
}
