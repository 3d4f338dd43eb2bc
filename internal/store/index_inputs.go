package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/model"
)

// SaveIndexInput stores (or replaces) an entered input.
func (s *Store) SaveIndexInput(ctx context.Context, in model.IndexInput) error {
	_, err := s.Exec(ctx, `INSERT INTO index_inputs (agency_id, month, indicator, numerator, denominator, note, entered_by, entered_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (agency_id, month, indicator) DO UPDATE SET numerator = excluded.numerator, denominator = excluded.denominator,
		note = excluded.note, entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
		in.AgencyID, in.Month, in.Indicator, in.Numerator, in.Denominator, in.Note, in.EnteredBy, ms(in.EnteredAt))
	if err != nil {
		return fmt.Errorf("store: save index input: %w", err)
	}
	return nil
}

// IndexInputs lists the inputs entered for the agencies (nil: all) in the
// months [from, to], by month.
func (s *Store) IndexInputs(ctx context.Context, agencyIDs []int64, from, to int32) ([]model.IndexInput, error) {
	where, args := []string{"month BETWEEN ? AND ?"}, []any{from, to}
	if agencyIDs != nil {
		if len(agencyIDs) == 0 {
			return nil, nil
		}
		where = append(where, "agency_id IN ("+strings.TrimSuffix(strings.Repeat("?,", len(agencyIDs)), ",")+")")
		for _, id := range agencyIDs {
			args = append(args, id)
		}
	}
	rows, err := s.Query(ctx, `SELECT agency_id, month, indicator, numerator, denominator, note, entered_by, entered_at
		FROM index_inputs WHERE `+strings.Join(where, " AND ")+` ORDER BY month, agency_id, indicator`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: index inputs: %w", err)
	}
	defer rows.Close()
	var out []model.IndexInput
	for rows.Next() {
		var (
			in model.IndexInput
			at int64
		)
		if err := rows.Scan(&in.AgencyID, &in.Month, &in.Indicator, &in.Numerator, &in.Denominator, &in.Note, &in.EnteredBy, &at); err != nil {
			return nil, err
		}
		in.EnteredAt = time.UnixMilli(at).UTC()
		out = append(out, in)
	}
	return out, rows.Err()
}
