package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/textfold"
)

// What administrators change besides creating rows: agencies switched off,
// users' roles, agencies, passwords and whether they may sign in.

// SetAgencyActive switches an agency on or off. An inactive agency keeps its
// dossiers and history; it only stops being offered for new work.
func (t *Tx) SetAgencyActive(ctx context.Context, id int64, active bool) error {
	res, err := t.Exec(ctx, `UPDATE agencies SET active = ? WHERE id = ?`, boolInt(active), id)
	return affectedOne(res, err, "agency", id)
}

const accountCols = userCols + `, active, locked_until, created_at`

func scanAccount(row interface{ Scan(...any) error }) (model.UserAccount, error) {
	var (
		a              model.UserAccount
		active         int
		locked, create int64
	)
	u, err := scanUser(row, &active, &locked, &create)
	a.User, a.Active = u, active != 0
	a.LockedUntil, a.CreatedAt = time.UnixMilli(locked).UTC(), time.UnixMilli(create).UTC()
	return a, err
}

// Users lists accounts by username.
func (s *Store) Users(ctx context.Context, f model.UserFilter) ([]model.UserAccount, error) {
	query := `SELECT ` + accountCols + ` FROM users WHERE 1=1`
	if f.Staff {
		query += ` AND role <> 'citizen'`
	}
	// Names and usernames are matched in Go after folding diacritics (users
	// have no folded column); a province's staff list is small.
	q := textfold.Fold(f.Q)
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 500
	}
	query += ` ORDER BY username`
	rows, err := s.Query(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("store: list users: %w", err)
	}
	defer rows.Close()
	out := []model.UserAccount{}
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list users: %w", err)
		}
		if q != "" && !strings.Contains(textfold.Fold(a.Username+" "+a.Name), q) {
			continue
		}
		out = append(out, a)
		if len(out) == f.Limit {
			break
		}
	}
	return out, rows.Err()
}

// UserAccount loads one account.
func (s *Store) UserAccount(ctx context.Context, id int64) (model.UserAccount, error) {
	a, err := scanAccount(s.QueryRow(ctx, `SELECT `+accountCols+` FROM users WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, model.ErrNotFound
	}
	return a, err
}

// SetUserRole changes a user's role and agency.
func (t *Tx) SetUserRole(ctx context.Context, id int64, role org.Role, agencyID *int64) error {
	res, err := t.Exec(ctx, `UPDATE users SET role = ?, agency_id = ? WHERE id = ?`, role, nullID(agencyID), id)
	return affectedOne(res, err, "user", id)
}

// SetUserActive allows or stops a user's sign-in. Stopping also ends every
// session and API token the user holds.
func (t *Tx) SetUserActive(ctx context.Context, id int64, active bool) error {
	res, err := t.Exec(ctx, `UPDATE users SET active = ? WHERE id = ?`, boolInt(active), id)
	if err := affectedOne(res, err, "user", id); err != nil {
		return err
	}
	if !active {
		return t.DeleteUserTokens(ctx, id)
	}
	return nil
}

// SetUserPassword replaces a user's password hash, clears a lockout and ends
// the user's sessions (whoever knew the old password is signed out).
func (t *Tx) SetUserPassword(ctx context.Context, id int64, hash string) error {
	res, err := t.Exec(ctx, `UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = 0 WHERE id = ?`, hash, id)
	if err := affectedOne(res, err, "user", id); err != nil {
		return err
	}
	return t.DeleteUserTokens(ctx, id)
}

// DeleteUserTokens revokes every session and API token of a user.
func (t *Tx) DeleteUserTokens(ctx context.Context, userID int64) error {
	if _, err := t.Exec(ctx, `DELETE FROM api_tokens WHERE user_id = ?`, userID); err != nil {
		return fmt.Errorf("store: revoke tokens of user %d: %w", userID, err)
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// affectedOne turns an UPDATE of one row by id into ErrNotFound when no row
// matched.
func affectedOne(res sql.Result, err error, what string, id int64) error {
	if err != nil {
		return fmt.Errorf("store: update %s %d: %w", what, id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return model.ErrNotFound
	}
	return nil
}
