package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// LoginFailures is how many wrong passwords one address gave for one
// account, and until when that pair is locked.
func (s *Store) LoginFailures(ctx context.Context, userID int64, addr string) (failures int, lockedUntil time.Time, err error) {
	var until int64
	err = s.QueryRow(ctx, `SELECT failures, locked_until FROM login_failures WHERE user_id = ? AND addr = ?`, userID, addr).Scan(&failures, &until)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("store: login failures: %w", err)
	}
	return failures, time.UnixMilli(until), nil
}

// AddLoginFailure counts one more wrong password from addr for the account
// and answers the new count, in one statement so that two nodes counting at
// once both count. A pair whose lock has ended starts again from one.
func (s *Store) AddLoginFailure(ctx context.Context, userID int64, addr string, now time.Time) (int, error) {
	var n int
	err := s.InTx(ctx, func(tx *Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO login_failures (user_id, addr, failures, locked_until, updated_at) VALUES (?, ?, 1, 0, ?)
		ON CONFLICT (user_id, addr) DO UPDATE SET
			failures = CASE WHEN login_failures.locked_until <> 0 AND login_failures.locked_until <= excluded.updated_at THEN 1 ELSE login_failures.failures + 1 END,
			locked_until = CASE WHEN login_failures.locked_until <= excluded.updated_at THEN 0 ELSE login_failures.locked_until END,
			updated_at = excluded.updated_at
		RETURNING failures`, userID, addr, ms(now)).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("store: count login failure: %w", err)
	}
	// Forget pairs nobody has tried for a day; the table stays small.
	if _, err := s.Exec(ctx, `DELETE FROM login_failures WHERE updated_at < ? AND locked_until < ?`, ms(now.Add(-24*time.Hour)), ms(now)); err != nil {
		return 0, fmt.Errorf("store: forget old login failures: %w", err)
	}
	return n, nil
}

// LockLogin locks addr out of the account until the given time.
func (s *Store) LockLogin(ctx context.Context, userID int64, addr string, until time.Time) error {
	if _, err := s.Exec(ctx, `UPDATE login_failures SET failures = 0, locked_until = ? WHERE user_id = ? AND addr = ?`, ms(until), userID, addr); err != nil {
		return fmt.Errorf("store: lock sign-in: %w", err)
	}
	return nil
}

// ClearLoginFailures forgets an address's failures after it signed in.
func (s *Store) ClearLoginFailures(ctx context.Context, userID int64, addr string) error {
	if _, err := s.Exec(ctx, `DELETE FROM login_failures WHERE user_id = ? AND addr = ?`, userID, addr); err != nil {
		return fmt.Errorf("store: clear login failures: %w", err)
	}
	return nil
}

// ServerSecret answers the shared secret called name, storing fresh (made by
// the caller) when there is none yet. The first node to store one wins and
// every other node reads that one.
func (s *Store) ServerSecret(ctx context.Context, name, fresh string, now time.Time) (string, error) {
	if _, err := s.Exec(ctx, `INSERT INTO server_secrets (name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING`, name, fresh, ms(now)); err != nil {
		return "", fmt.Errorf("store: create secret %s: %w", name, err)
	}
	var secret string
	if err := s.QueryRow(ctx, `SELECT secret FROM server_secrets WHERE name = ?`, name).Scan(&secret); err != nil {
		return "", fmt.Errorf("store: read secret %s: %w", name, err)
	}
	return secret, nil
}
