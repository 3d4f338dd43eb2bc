package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/model"
)

type prefsQuerier interface {
	QueryRow(ctx context.Context, query string, args ...any) *sql.Row
}

func notifyPrefs(ctx context.Context, q prefsQuerier, userID int64) (model.NotifyPrefs, error) {
	var (
		p                model.NotifyPrefs
		email, sms, zalo int
		at               int64
	)
	err := q.QueryRow(ctx, `SELECT email, sms, zalo, updated_at FROM notify_prefs WHERE user_id = ?`, userID).Scan(&email, &sms, &zalo, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return p, nil
	}
	if err != nil {
		return p, fmt.Errorf("store: notification preferences: %w", err)
	}
	return model.NotifyPrefs{Email: email != 0, SMS: sms != 0, Zalo: zalo != 0, Set: true, UpdatedAt: time.UnixMilli(at).UTC()}, nil
}

// NotifyPrefs reads a user's choice.
func (s *Store) NotifyPrefs(ctx context.Context, userID int64) (model.NotifyPrefs, error) {
	return notifyPrefs(ctx, s, userID)
}

// NotifyPrefs reads a user's choice inside a dossier transaction, so that
// the messages of an event follow the choice in force when it commits.
func (t *Tx) NotifyPrefs(ctx context.Context, userID int64) (model.NotifyPrefs, error) {
	return notifyPrefs(ctx, t, userID)
}

// SetNotifyPrefs saves a user's choice.
func (s *Store) SetNotifyPrefs(ctx context.Context, userID int64, p model.NotifyPrefs, now time.Time) error {
	_, err := s.Exec(ctx, `INSERT INTO notify_prefs (user_id, email, sms, zalo, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, sms = excluded.sms, zalo = excluded.zalo, updated_at = excluded.updated_at`,
		userID, boolInt(p.Email), boolInt(p.SMS), boolInt(p.Zalo), ms(now))
	if err != nil {
		return fmt.Errorf("store: save notification preferences: %w", err)
	}
	return nil
}
