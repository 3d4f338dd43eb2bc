package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/model"
)

// InsertReveal records a reveal.
func (s *Store) InsertReveal(ctx context.Context, r model.Reveal) (int64, error) {
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO personal_data_reveals (dossier_id, user_id, username, role, fields, reason, at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			r.DossierID, r.UserID, r.Username, r.Role, strings.Join(r.Fields, ","), r.Reason, ms(r.At)).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("store: insert reveal: %w", err)
	}
	return id, nil
}

// Reveals lists reveals newest first: of one dossier when dossierID > 0,
// else of every dossier; at most limit, before beforeID when it is > 0.
func (s *Store) Reveals(ctx context.Context, dossierID, beforeID int64, limit int) ([]model.Reveal, error) {
	q := `SELECT id, dossier_id, user_id, username, role, fields, reason, at FROM personal_data_reveals`
	var (
		where []string
		args  []any
	)
	if dossierID > 0 {
		where, args = append(where, "dossier_id = ?"), append(args, dossierID)
	}
	if beforeID > 0 {
		where, args = append(where, "id < ?"), append(args, beforeID)
	}
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	q += " ORDER BY id DESC LIMIT ?"
	rows, err := s.Query(ctx, q, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("store: list reveals: %w", err)
	}
	defer rows.Close()
	out := []model.Reveal{}
	for rows.Next() {
		var (
			r      model.Reveal
			fields string
			at     int64
		)
		if err := rows.Scan(&r.ID, &r.DossierID, &r.UserID, &r.Username, &r.Role, &fields, &r.Reason, &at); err != nil {
			return nil, fmt.Errorf("store: scan reveal: %w", err)
		}
		r.Fields, r.At = strings.Split(fields, ","), time.UnixMilli(at).UTC()
		out = append(out, r)
	}
	return out, rows.Err()
}
