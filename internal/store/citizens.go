package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
)

// UserByOIDC finds the user holding an OpenID Connect identity, active or not
// (a deactivated citizen must be refused, not created again).
func (s *Store) UserByOIDC(ctx context.Context, issuer, subject string) (model.OIDCAccount, error) {
	var (
		a      model.OIDCAccount
		active int
	)
	if subject == "" {
		return a, model.ErrNotFound
	}
	u, err := scanUser(s.QueryRow(ctx, `SELECT `+userCols+`, active FROM users WHERE oidc_issuer = ? AND oidc_subject = ?`, issuer, subject), &active)
	if errors.Is(err, sql.ErrNoRows) {
		return a, model.ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("store: user by oidc identity: %w", err)
	}
	a.User, a.Active = u, active != 0
	return a, nil
}

// CreateOIDCUser inserts a user identified by an OpenID Connect identity. It
// has no password: such users cannot use the password form. A second
// insertion of the same identity fails with a unique violation (see
// IsUniqueViolation); callers then read the row the other insertion made.
func (t *Tx) CreateOIDCUser(ctx context.Context, u org.User, issuer, subject string, now time.Time) (int64, error) {
	if subject == "" {
		return 0, errors.New("store: create oidc user: empty subject")
	}
	var id int64
	err := t.QueryRow(ctx, `INSERT INTO users (username, name, role, agency_id, password_hash, id_number, phone, email, created_at, oidc_issuer, oidc_subject)
		VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?) RETURNING id`,
		u.Username, u.Name, u.Role, nullID(u.AgencyID), u.IDNumber, u.Phone, u.Email, ms(now), issuer, subject).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: create oidc user: %w", err)
	}
	return id, nil
}

// UpdateUserProfile replaces a user's name, email, phone and ID number (the
// identity provider's latest word on them).
func (s *Store) UpdateUserProfile(ctx context.Context, userID int64, name, email, phone, idNumber string) error {
	_, err := s.Exec(ctx, `UPDATE users SET name = ?, email = ?, phone = ?, id_number = ? WHERE id = ?`, name, email, phone, idNumber, userID)
	if err != nil {
		return fmt.Errorf("store: update user profile: %w", err)
	}
	return nil
}
