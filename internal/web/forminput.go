package web

import (
	"mime/multipart"
	"net/url"
	"sort"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/textin"
)

// checkFormText applies the text-input rules (internal/textin) to a posted
// form before any handler sees it: field names and file names are single
// lines; values may span lines (notes, reasons, addresses are textareas) but
// carry no other control character, no bidi override. PostgreSQL fails on a
// NUL (a 500), SQLite would store it; both now get the same clear error page.
// Single-line fields (names, usernames) are checked again by the domain.
func checkFormText(values url.Values, files map[string][]*multipart.FileHeader, fileNames ...string) error {
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the same form always names the same field first
	for _, k := range keys {
		if p, ok := textin.Line(k); !ok {
			return apperr.Newf(apperr.BadInput, "text_control_char", "Tên một trường của biểu mẫu %[1]s.", "A form field name %[2]s.", p.Vi(), p.En())
		}
		for _, v := range values[k] {
			if p, ok := textin.Block(v); !ok {
				return apperr.Newf(apperr.BadInput, "text_control_char", "Trường %[1]q %[2]s.", "Field %[1]q %[3]s.", k, p.Vi(), p.En())
			}
		}
	}
	for k, fhs := range files {
		if p, ok := textin.Line(k); !ok {
			return apperr.Newf(apperr.BadInput, "text_control_char", "Tên một trường của biểu mẫu %[1]s.", "A form field name %[2]s.", p.Vi(), p.En())
		}
		for _, fh := range fhs {
			fileNames = append(fileNames, fh.Filename)
		}
	}
	for _, n := range fileNames {
		if p, ok := textin.Line(n); !ok {
			return apperr.Newf(apperr.BadInput, "text_control_char", "Tên tệp %[1]s.", "The file name %[2]s.", p.Vi(), p.En())
		}
	}
	return nil
}
