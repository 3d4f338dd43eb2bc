package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/model"
)

// InsertFile records an upload.
func (s *Store) InsertFile(ctx context.Context, f model.File) error {
	_, err := s.Exec(ctx, `INSERT INTO files (id, sha256, size, content_type, name, owner_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		f.ID, f.SHA256, f.Size, f.ContentType, f.Name, f.OwnerUserID, ms(f.CreatedAt))
	return err
}

// FileByID loads an upload's metadata.
func (s *Store) FileByID(ctx context.Context, id string) (model.File, error) {
	var (
		f  model.File
		at int64
	)
	err := s.QueryRow(ctx, `SELECT id, sha256, size, content_type, name, owner_user_id, created_at FROM files WHERE id = ?`, id).
		Scan(&f.ID, &f.SHA256, &f.Size, &f.ContentType, &f.Name, &f.OwnerUserID, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return f, model.ErrNotFound
	}
	f.CreatedAt = time.UnixMilli(at).UTC()
	return f, err
}

// CalendarOverrides returns the administrator's schedules per year as stored JSON.
func (s *Store) CalendarOverrides(ctx context.Context) (map[int]string, error) {
	rows, err := s.Query(ctx, `SELECT year, data FROM calendar_overrides ORDER BY year`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var (
			y    int
			data string
		)
		if err := rows.Scan(&y, &data); err != nil {
			return nil, err
		}
		out[y] = data
	}
	return out, rows.Err()
}

// SaveCalendarOverride stores a year's schedule entered by an administrator.
func (s *Store) SaveCalendarOverride(ctx context.Context, year int, data string, by int64) error {
	_, err := s.Exec(ctx, `INSERT INTO calendar_overrides (year, data, updated_by, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (year) DO UPDATE SET data = excluded.data, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
		year, data, by, ms(time.Now()))
	return err
}

// CalendarOverridesStamp changes whenever an override is saved, so that each
// server process can tell cheaply when to rebuild its calendar.
func (s *Store) CalendarOverridesStamp(ctx context.Context) (string, error) {
	var n, last int64
	err := s.QueryRow(ctx, `SELECT COUNT(*), COALESCE(MAX(updated_at), 0) FROM calendar_overrides`).Scan(&n, &last)
	return fmt.Sprintf("%d/%d", n, last), err
}
