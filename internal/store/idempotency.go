package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/model"
)

// ClaimIdempotencyKey records that (scope, key) is being used for a request
// with the given hash. It returns the earlier response when the key was used
// before. Claiming first in the transaction makes a concurrent duplicate wait
// on the row (PostgreSQL) or on the single writer (SQLite) and then find it.
// A new key, the usual case, costs one statement: the insert that claims it.
func (t *Tx) ClaimIdempotencyKey(ctx context.Context, scope, key, hash string) (*model.Replay, error) {
	res, err := t.Exec(ctx, `INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (scope, key) DO NOTHING`, scope, key, hash, ms(time.Now()))
	if err != nil {
		return nil, fmt.Errorf("store: claim idempotency key: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return nil, fmt.Errorf("store: claim idempotency key: %w", err)
	} else if n == 1 {
		return nil, nil
	}
	var r model.Replay
	err = t.QueryRow(ctx, `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = ? AND key = ?`, scope, key).
		Scan(&r.RequestHash, &r.StatusCode, &r.Response)
	if err != nil {
		return nil, fmt.Errorf("store: read idempotency key: %w", err)
	}
	return &r, nil
}

// CompleteIdempotencyKey stores the response of the request that claimed the key.
func (t *Tx) CompleteIdempotencyKey(ctx context.Context, scope, key string, status int, response []byte) error {
	_, err := t.Exec(ctx, `UPDATE idempotency_keys SET status_code = ?, response = ? WHERE scope = ? AND key = ?`,
		status, string(response), scope, key)
	return err
}

// IdempotentReplay reads a completed key outside a transaction, used after a
// unique-key race was lost.
func (s *Store) IdempotentReplay(ctx context.Context, scope, key string) (*model.Replay, error) {
	var r model.Replay
	var resp string
	err := s.QueryRow(ctx, `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = ? AND key = ?`, scope, key).
		Scan(&r.RequestHash, &r.StatusCode, &resp)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, model.ErrNotFound
	}
	r.Response = []byte(resp)
	return &r, err
}
