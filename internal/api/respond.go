package api

import (
	"encoding/json"
	"net/http"
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
