package dvcqg

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/motcua/motcua/internal/apperr"
)

// Client-safe errors, for the administrator's sync page; the peer's own
// words go in the log and in PeerError, not in these.
var (
	ErrRefused = apperr.New(apperr.Invalid, "dvcqg_refused",
		"Cổng Dịch vụ công quốc gia từ chối bản tin; xem chi tiết lỗi trên trang đồng bộ.",
		"The national portal refused the message; see the error on the synchronisation page.")
	ErrUnavailable = apperr.New(apperr.Conflict, "dvcqg_unavailable",
		"Chưa kết nối được Cổng Dịch vụ công quốc gia; bản tin sẽ được gửi lại.",
		"The national portal could not be reached; the message will be sent again.")
	ErrLogin = apperr.New(apperr.Unauthorized, "dvcqg_login",
		"Đăng nhập Cổng Dịch vụ công quốc gia không thành công; kiểm tra tài khoản kết nối.",
		"Signing in to the national portal failed; check the integration account.")
	ErrChangedRepeat = apperr.New(apperr.Conflict, "dvcqg_changed_repeat",
		"Hồ sơ này đã nhận với nội dung khác; bản gửi lại bị từ chối.",
		"This dossier was already received with other content; the repeat is refused.")
	ErrMalformed = apperr.New(apperr.BadInput, "dvcqg_malformed",
		"Bản tin không đúng cấu trúc dữ liệu đồng bộ.",
		"The message does not follow the synchronisation format.")
)

// PeerError is an answer of the peer other than success: the service, the
// HTTP status, and the peer's code and message, for the administrator and
// the log (the message is the peer's, never personal data of ours).
type PeerError struct {
	Service    string
	HTTPStatus int
	Code       string
	Message    string
}

func (e *PeerError) Error() string {
	return fmt.Sprintf("dvcqg: %s: peer answered HTTP %d, error_code %q: %s", e.Service, e.HTTPStatus, e.Code, e.Message)
}

// Temporary reports whether sending the same message again may succeed: the
// peer was down or overloaded. A refusal of the content is permanent: the
// outbox dead-letters it rather than hammering the peer.
func (e *PeerError) Temporary() bool {
	switch {
	case e.Code == CodeUnavailable:
		return true
	case e.HTTPStatus == http.StatusTooManyRequests, e.HTTPStatus == http.StatusRequestTimeout:
		return true
	case e.HTTPStatus >= 500:
		return true
	}
	return false
}

// Unwrap gives the client-safe error, so apperr.As finds it.
func (e *PeerError) Unwrap() error {
	switch {
	case e.Code == CodeChangedRepeat:
		return ErrChangedRepeat
	case e.Temporary():
		return ErrUnavailable
	}
	return ErrRefused
}

// Temporary reports whether err is worth retrying: a transport failure or a
// peer that said it is unavailable. Anything else (schema, refusal, a bad
// table) will fail the same way again.
func Temporary(err error) bool {
	if err == nil {
		return false
	}
	var pe *PeerError
	if errors.As(err, &pe) {
		return pe.Temporary()
	}
	var te *transportError
	return errors.As(err, &te)
}

// transportError wraps a failure to talk to the peer at all.
type transportError struct{ err error }

func (e *transportError) Error() string { return "dvcqg: transport: " + e.err.Error() }
func (e *transportError) Unwrap() error { return e.err }

// ErrNotInCatalogue: the national catalogue has no procedure with the code.
var ErrNotInCatalogue = apperr.New(apperr.NotFound, "dvcqg_no_procedure",
	"Danh mục thủ tục quốc gia không có mã thủ tục này.",
	"The national catalogue has no procedure with this code.")
