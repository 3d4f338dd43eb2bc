package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
)

// errorBody is the one shape of every error response.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	MessageVi string `json:"message_vi"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeRaw(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(body)
}

// writeError sends a client-safe error; anything else is logged with its
// detail and answered with a generic 500 so internals never leak.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if e, ok := apperr.As(err); ok {
		status := e.Kind.HTTPStatus()
		if status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="motcua"`)
		}
		writeJSON(w, status, errorBody{errorDetail{e.Code, e.Message, e.MessageVi}})
		return
	}
	s.log.Error("request failed", "route", r.Pattern, "err", err)
	writeJSON(w, http.StatusInternalServerError, errInternal)
}

// errInternal is all a client learns of a failure on our side.
var errInternal = errorBody{errorDetail{"internal",
	"Something went wrong on our side; nothing was changed. Please try again.",
	"Hệ thống gặp lỗi; chưa có thay đổi nào được lưu. Vui lòng thử lại."}}

// decode reads one JSON object strictly: unknown fields and trailing data are
// refused so that a typo never silently drops a value.
func decode(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return apperr.New(apperr.BadInput, "content_type", "Nội dung phải là JSON (Content-Type: application/json).", "The body must be JSON (Content-Type: application/json).")
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var maxErr *http.MaxBytesError
		var typeErr *json.UnmarshalTypeError
		var timeErr *time.ParseError
		switch {
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
			return apperr.Newf(apperr.BadInput, "json_unknown_field", "Trường %s không được hỗ trợ.", "Unknown field %s.", field)
		default:
			return apperr.New(apperr.BadInput, "json_invalid", "Nội dung JSON không hợp lệ.", "The body is not valid JSON.")
		}
	}
	if dec.More() {
		return apperr.New(apperr.BadInput, "json_trailing", "Chỉ gửi một đối tượng JSON.", "Send exactly one JSON object.")
	}
	return nil
}

// Time is an instant shown in Vietnam's time zone, RFC3339 with +07:00.
type Time struct{ time.Time }

// MarshalJSON formats t in Asia/Ho_Chi_Minh.
func (t Time) MarshalJSON() ([]byte, error) {
	return []byte(`"` + t.In(calendar.Zone).Format(time.RFC3339) + `"`), nil
}

func tptr(t *time.Time) *Time {
	if t == nil {
		return nil
	}
	return &Time{*t}
}
