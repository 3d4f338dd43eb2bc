package api

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/textin"
)

// inputOK refuses an API request whose path or query carries a character the
// text-input rules refuse (NUL, other controls, bidi overrides, bad UTF-8),
// before any handler or database sees it: PostgreSQL fails on NUL with an
// error that would be a 500, SQLite would store it. Request bodies are
// checked where they are read (decode, the multipart upload). Web pages are
// checked by the web server, which answers with a page instead of JSON.
func (s *Server) inputOK(w http.ResponseWriter, r *http.Request) bool {
	if !strings.HasPrefix(r.URL.Path, "/api/") {
		return true
	}
	if err := CheckURL(r.URL); err != nil {
		s.writeError(w, r, err)
		return false
	}
	return true
}

// CheckURL applies the single-line rule to a URL's path, query keys and
// query values: none of them is multi-line text.
func CheckURL(u *url.URL) error {
	if p, ok := textin.Line(u.Path); !ok {
		return apperr.Newf(apperr.BadInput, "text_control_char", "Đường dẫn %[1]s.", "The path %[2]s.", p.Vi(), p.En())
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		// Handlers read the query leniently (Go drops a malformed pair), so
		// only what parsed is checked; the raw text must still be clean.
		if p, ok := textin.Line(u.RawQuery); !ok {
			return apperr.Newf(apperr.BadInput, "text_control_char", "Chuỗi truy vấn %[1]s.", "The query string %[2]s.", p.Vi(), p.En())
		}
	}
	for k, vs := range q {
		if p, ok := textin.Line(k); !ok {
			return apperr.Newf(apperr.BadInput, "text_control_char", "Tên một tham số truy vấn %[1]s.", "A query parameter name %[2]s.", p.Vi(), p.En())
		}
		for _, v := range vs {
			if p, ok := textin.Line(v); !ok {
				return apperr.Newf(apperr.BadInput, "text_control_char", "Tham số %[1]q %[2]s.", "Query parameter %[1]q %[3]s.", k, p.Vi(), p.En())
			}
		}
	}
	return nil
}
