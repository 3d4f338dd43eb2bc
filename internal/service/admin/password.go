package admin

import (
	"context"
	"fmt"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/auth"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
)

var (
	errPasswordCurrentWrong = apperr.New(apperr.Invalid, "password_current_wrong",
		"Mật khẩu hiện tại không đúng.", "The current password is wrong.")
	errPasswordSame = apperr.New(apperr.Invalid, "password_unchanged",
		"Mật khẩu mới phải khác mật khẩu hiện tại.", "The new password must differ from the current one.")
	errPasswordMismatch = apperr.New(apperr.Invalid, "password_mismatch",
		"Hai lần nhập mật khẩu mới không giống nhau.", "The two entries of the new password differ.")
	errPasswordCitizen = apperr.New(apperr.Forbidden, "password_citizen",
		"Công dân đăng nhập bằng định danh điện tử, không dùng mật khẩu ở đây.", "Citizens sign in with their electronic ID and have no password here.")
)

// ChangeOwnPassword lets a staff member replace their password. The current
// one is checked by the sign-in rule itself (Login), so a wrong guess here
// counts towards the same lockout as at the sign-in page and cannot be used
// to try passwords faster. Every other session of the account ends, as on an
// administrator's reset; the returned token is a new session for the person
// who made the change.
func (s *Admin) ChangeOwnPassword(ctx context.Context, actor org.Actor, current, next, confirm string) (string, error) {
	if !actor.Role.Staff() || actor.Role == org.RoleSystem || actor.Username == "" {
		return "", errPasswordCitizen
	}
	if next != confirm {
		return "", errPasswordMismatch
	}
	if err := checkPassword(next); err != nil {
		return "", err
	}
	if next == current {
		return "", errPasswordSame
	}
	probe, _, err := s.Login(ctx, actor.Username, current)
	if err != nil {
		if e, ok := apperr.As(err); ok && e.Kind == apperr.Unauthorized {
			return "", errPasswordCurrentWrong
		}
		return "", err
	}
	hash, err := auth.HashPassword(next)
	if err != nil {
		return "", err
	}
	// SetUserPassword revokes every token of the account, the probe's too.
	if err := s.Store.InTx(ctx, func(tx *store.Tx) error { return tx.SetUserPassword(ctx, actor.UserID, hash) }); err != nil {
		_ = s.Logout(ctx, probe)
		return "", fmt.Errorf("service: change password of user %d: %w", actor.UserID, err)
	}
	s.Log.Info("password changed by its owner", "user_id", actor.UserID)
	return s.IssueToken(ctx, actor.UserID)
}
