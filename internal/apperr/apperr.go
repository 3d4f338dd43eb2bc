// Package apperr carries errors meant for people: a stable code, a message in
// English and one in Vietnamese, and a kind the HTTP layer maps to a status.
// Anything that is not an *Error is an internal failure: it is logged, and the
// client only sees a generic message.
package apperr

import (
	"errors"
	"fmt"
)

// Kind classifies an error for the transport layer.
type Kind int

const (
	Invalid      Kind = iota + 1 // malformed request or a rule the state forbids (422 / 400)
	BadInput                     // the request itself cannot be read (400)
	Forbidden                    // the actor may not do this (403)
	NotFound                     // nothing there, or nothing the actor may see (404)
	Conflict                     // stale version or concurrent change (409)
	Unauthorized                 // no or bad credentials (401)
	TooLarge                     // request body over the limit (413)
	Locked                       // account temporarily locked (429)
)

// Error is a client-safe error.
type Error struct {
	Kind      Kind
	Code      string
	Message   string // English
	MessageVi string // Vietnamese
	// Field names the input the error concerns ("reason"), when one does,
	// so that a form shows the message beside it rather than at the top.
	Field string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// On is a copy of e that concerns the input field.
func (e *Error) On(field string) *Error {
	c := *e
	c.Field = field
	return &c
}

// New builds a client-safe error.
func New(kind Kind, code, vi, en string) *Error {
	return &Error{Kind: kind, Code: code, Message: en, MessageVi: vi}
}

// Newf is New with formatting applied to both messages using the same args.
func Newf(kind Kind, code, vi, en string, args ...any) *Error {
	return &Error{Kind: kind, Code: code, Message: fmt.Sprintf(en, args...), MessageVi: fmt.Sprintf(vi, args...)}
}

// As returns the client-safe error inside err, if any.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// Common errors shared across packages.
var (
	ErrNotFound     = New(NotFound, "not_found", "Không tìm thấy.", "Not found.")
	ErrForbidden    = New(Forbidden, "forbidden", "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this.")
	ErrUnauthorized = New(Unauthorized, "unauthorized", "Cần đăng nhập (thiếu hoặc sai mã truy cập).", "Authentication required (missing or invalid token).")
	ErrStale        = New(Conflict, "version_conflict", "Hồ sơ vừa được người khác cập nhật; hãy tải lại và thử lại.", "The dossier was changed by someone else; reload it and try again.")
)
