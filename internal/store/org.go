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

const agencyCols = `id, code, name, level, kind, parent_id, one_stop_id, active, address, phone`

func scanAgency(row interface{ Scan(...any) error }) (org.Agency, error) {
	var (
		a              org.Agency
		parent, oneStp sql.NullInt64
		active         int
	)
	err := row.Scan(&a.ID, &a.Code, &a.Name, &a.Level, &a.Kind, &parent, &oneStp, &active, &a.Address, &a.Phone)
	if parent.Valid {
		a.ParentID = &parent.Int64
	}
	if oneStp.Valid {
		a.OneStopID = &oneStp.Int64
	}
	a.Active = active != 0
	return a, err
}

func nullID(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// CreateAgency inserts an agency and returns its ID.
func (t *Tx) CreateAgency(ctx context.Context, a org.Agency) (int64, error) {
	if !org.ValidCode(a.Code) {
		return 0, fmt.Errorf("store: agency code %q is not an electronic code of Decision 20/2020 Art. 4(1)", a.Code)
	}
	var id int64
	err := t.QueryRow(ctx, `INSERT INTO agencies (code, name, level, kind, parent_id, one_stop_id, active, address, phone)
		VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id`,
		a.Code, a.Name, a.Level, a.Kind, nullID(a.ParentID), nullID(a.OneStopID), a.Address, a.Phone).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: create agency %s: %w", a.Code, err)
	}
	return id, nil
}

// Agencies lists every agency.
func (s *Store) Agencies(ctx context.Context) ([]org.Agency, error) {
	rows, err := s.Query(ctx, `SELECT `+agencyCols+` FROM agencies ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: list agencies: %w", err)
	}
	defer rows.Close()
	var out []org.Agency
	for rows.Next() {
		a, err := scanAgency(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AgencyByCode finds an agency by its electronic code.
func (s *Store) AgencyByCode(ctx context.Context, code string) (org.Agency, error) {
	a, err := scanAgency(s.QueryRow(ctx, `SELECT `+agencyCols+` FROM agencies WHERE code = ?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return a, model.ErrNotFound
	}
	return a, err
}

// AgencyByID finds an agency.
func (s *Store) AgencyByID(ctx context.Context, id int64) (org.Agency, error) {
	a, err := scanAgency(s.QueryRow(ctx, `SELECT `+agencyCols+` FROM agencies WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, model.ErrNotFound
	}
	return a, err
}

// CreateUser inserts a user with an already hashed password.
func (t *Tx) CreateUser(ctx context.Context, u org.User, passwordHash string) (int64, error) {
	var id int64
	err := t.QueryRow(ctx, `INSERT INTO users (username, name, role, agency_id, password_hash, id_number, phone, email, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		u.Username, u.Name, u.Role, nullID(u.AgencyID), passwordHash, u.IDNumber, u.Phone, u.Email, ms(time.Now())).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: create user %s: %w", u.Username, err)
	}
	return id, nil
}

const userCols = `id, username, name, role, agency_id, id_number, phone, email, oidc_subject <> ''`

func scanUser(row interface{ Scan(...any) error }, extra ...any) (org.User, error) {
	var (
		u      org.User
		agency sql.NullInt64
	)
	err := row.Scan(append([]any{&u.ID, &u.Username, &u.Name, &u.Role, &agency, &u.IDNumber, &u.Phone, &u.Email, &u.Verified}, extra...)...)
	if agency.Valid {
		u.AgencyID = &agency.Int64
	}
	return u, err
}

// CredentialsByUsername loads a user for sign-in.
func (s *Store) CredentialsByUsername(ctx context.Context, username string) (model.Credentials, error) {
	var (
		c      model.Credentials
		locked int64
	)
	u, err := scanUser(s.QueryRow(ctx, `SELECT `+userCols+`, password_hash, failed_logins, locked_until FROM users WHERE username = ? AND active = 1`, username),
		&c.PasswordHash, &c.FailedLogins, &locked)
	if errors.Is(err, sql.ErrNoRows) {
		return c, model.ErrNotFound
	}
	c.User, c.LockedUntil = u, time.UnixMilli(locked)
	return c, err
}

// RecordLogin stores the outcome of a sign-in attempt: failures count up and
// lock the account until lockedUntil; a success resets the count.
func (s *Store) RecordLogin(ctx context.Context, userID int64, failed int, lockedUntil time.Time) error {
	_, err := s.Exec(ctx, `UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?`, failed, ms(lockedUntil), userID)
	return err
}

// UserByID loads a user.
func (s *Store) UserByID(ctx context.Context, id int64) (org.User, error) {
	u, err := scanUser(s.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, model.ErrNotFound
	}
	return u, err
}

// SaveToken stores the hash of an API token.
func (s *Store) SaveToken(ctx context.Context, hash string, userID int64, expires time.Time) error {
	_, err := s.Exec(ctx, `INSERT INTO api_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)`,
		hash, userID, ms(time.Now()), ms(expires))
	return err
}

// DeleteToken revokes a token (signing out).
func (s *Store) DeleteToken(ctx context.Context, hash string) error {
	_, err := s.Exec(ctx, `DELETE FROM api_tokens WHERE token_hash = ?`, hash)
	return err
}

// UserByToken finds the user owning an unexpired token hash.
func (s *Store) UserByToken(ctx context.Context, hash string, now time.Time) (org.User, error) {
	u, err := scanUser(s.QueryRow(ctx, `SELECT u.id, u.username, u.name, u.role, u.agency_id, u.id_number, u.phone, u.email, u.oidc_subject <> ''
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.expires_at > ? AND u.active = 1`, hash, ms(now)))
	if errors.Is(err, sql.ErrNoRows) {
		return u, model.ErrNotFound
	}
	return u, err
}

// CreateCounter adds a desk to an agency.
func (t *Tx) CreateCounter(ctx context.Context, c model.Counter) (int64, error) {
	var id int64
	err := t.QueryRow(ctx, `INSERT INTO counters (agency_id, code, name) VALUES (?, ?, ?) RETURNING id`, c.AgencyID, c.Code, c.Name).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: create counter %s: %w", c.Code, err)
	}
	return id, nil
}

// Counters lists the desks of an agency.
func (s *Store) Counters(ctx context.Context, agencyID int64) ([]model.Counter, error) {
	rows, err := s.Query(ctx, `SELECT id, agency_id, code, name FROM counters WHERE agency_id = ? ORDER BY code`, agencyID)
	if err != nil {
		return nil, fmt.Errorf("store: list counters: %w", err)
	}
	defer rows.Close()
	out := []model.Counter{}
	for rows.Next() {
		var c model.Counter
		if err := rows.Scan(&c.ID, &c.AgencyID, &c.Code, &c.Name); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
