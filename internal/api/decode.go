package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/textin"
)

// decode reads one JSON object strictly: unknown fields and trailing data are
// refused so that a typo never silently drops a value; a key given twice is
// refused because encoding/json keeps the last one silently (a second
// "procedure_code" would win over the first the client showed the user); and
// every string (keys and values) must pass the text-input rules (no NUL, no
// controls but TAB/LF/CR in values, no bidi overrides).
func decode(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return apperr.New(apperr.BadInput, "content_type", "Nội dung phải là JSON (Content-Type: application/json).", "The body must be JSON (Content-Type: application/json).")
	}
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return jsonError(err)
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	if err := scanJSON(raw); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	// Only white space may follow the object: dec.More() alone let a stray
	// "}" or "]" through (found by FuzzDecode, testdata/fuzz).
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return apperr.New(apperr.BadInput, "json_trailing", "Chỉ gửi một đối tượng JSON.", "Send exactly one JSON object.")
	}
	return nil
}

func jsonError(err error) error {
	var maxErr *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	var timeErr *time.ParseError
	var appErr *apperr.Error
	switch {
	case errors.As(err, &appErr):
		// A field's own UnmarshalJSON (dates…) said what is wrong.
		return appErr
	case errors.As(err, &maxErr):
		return apperr.Newf(apperr.TooLarge, "body_too_large", "Nội dung yêu cầu quá lớn (tối đa %d KB).", "The request body is too large (%d KB at most).", maxErr.Limit>>10)
	case errors.Is(err, io.EOF):
		return apperr.New(apperr.BadInput, "body_empty", "Thiếu nội dung JSON.", "The JSON body is missing.")
	case errors.As(err, &typeErr):
		return apperr.Newf(apperr.BadInput, "json_type", "Trường %q sai kiểu dữ liệu.", "Field %q has the wrong type.", typeErr.Field)
	case errors.Is(err, calendar.ErrInvalidDate):
		return apperr.New(apperr.BadInput, "json_date", "Ngày phải có dạng YYYY-MM-DD và là ngày có thật.", "Dates must be YYYY-MM-DD and exist.")
	case errors.As(err, &timeErr):
		return apperr.New(apperr.BadInput, "json_time", "Thời điểm phải theo RFC3339, ví dụ 2026-12-01T17:00:00+07:00.", "Times must be RFC3339, e.g. 2026-12-01T17:00:00+07:00.")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.TrimPrefix(err.Error(), "json: unknown field ")
		if _, ok := textin.Line(field); !ok {
			field = "?"
		}
		return apperr.Newf(apperr.BadInput, "json_unknown_field", "Trường %s không được hỗ trợ.", "Unknown field %s.", field)
	default:
		return apperr.New(apperr.BadInput, "json_invalid", "Nội dung JSON không hợp lệ.", "The body is not valid JSON.")
	}
}

// scanJSON walks the token stream once: it refuses duplicate keys and
// strings the text-input rules refuse. Syntax errors are left to the decoder,
// which words them already (an empty body, a type error…).
func scanJSON(raw []byte) error {
	type frame struct {
		object    bool
		keys      map[string]struct{}
		expectKey bool
		key       string
	}
	var stack []*frame
	field := func() string {
		var parts []string
		for _, f := range stack {
			if f.object && f.key != "" {
				parts = append(parts, f.key)
			}
		}
		return strings.Join(parts, ".")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // end of input or a syntax error: the decoder reports it
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			continue
		}
		if top != nil && top.object && top.expectKey {
			k, _ := tok.(string)
			if p, ok := textin.Line(k); !ok {
				return apperr.Newf(apperr.BadInput, "text_control_char", "Tên một trường JSON %[1]s.", "A JSON field name %[2]s.", p.Vi(), p.En())
			}
			top.key, top.expectKey = k, false
			if _, dup := top.keys[k]; dup {
				return apperr.Newf(apperr.BadInput, "json_duplicate_key", "Trường %q xuất hiện hai lần; mỗi trường chỉ gửi một lần.",
					"Field %q is given twice; send each field once.", field())
			}
			top.keys[k] = struct{}{}
			continue
		}
		// A value: the object it belongs to expects a key next.
		if top != nil && top.object {
			top.expectKey = true
		}
		switch t := tok.(type) {
		case json.Delim: // '{' or '['
			stack = append(stack, &frame{object: t == '{', keys: map[string]struct{}{}, expectKey: t == '{'})
		case string:
			if p, ok := textin.Block(t); !ok {
				return apperr.Newf(apperr.BadInput, "text_control_char", "Trường %[1]q %[2]s.", "Field %[1]q %[3]s.", field(), p.Vi(), p.En())
			}
		}
	}
}
