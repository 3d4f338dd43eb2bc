package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Reveal is one deliberate unmasking of an applicant's personal data
// (migration 0020).
type Reveal struct {
	ID        int64
	DossierID int64
	UserID    int64
	Username  string
	Role      string
	Fields    []string
	Reason    string
	At        time.Time
}

// InsertReveal records a reveal.
func (s *Store) InsertReveal(ctx context.Context, r Reveal) (int64, error) {
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
func (s *Store) Reveals(ctx context.Context, dossierID, beforeID int64, limit int) ([]Reveal, error) {
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
	out := []Reveal{}
	for rows.Next() {
		var (
			r      Reveal
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
