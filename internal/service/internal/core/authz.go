package core

import (
	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
)

var ErrAdminOnly = apperr.New(apperr.Forbidden, "admin_only",
	"Chỉ quản trị viên được thực hiện thao tác này.", "Only an administrator may do this.")

// RequireAdmin refuses anyone but an administrator.
func RequireAdmin(actor org.Actor) error {
	if actor.Role != org.RoleAdmin {
		return ErrAdminOnly
	}
	return nil
}
