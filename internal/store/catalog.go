package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/textfold"
)

// SaveProcedure stores p as the current version of its code: a new procedure,
// a new version when the content changed, or nothing when it did not (so that
// imports are idempotent). It returns the version now current.
func (t *Tx) SaveProcedure(ctx context.Context, p catalog.Procedure) (model.SaveOutcome, int, error) {
	cur, err := t.procedureVersion(ctx, p.Code, 0)
	switch {
	case errors.Is(err, model.ErrNotFound):
		p.Version = 1
		_, err = t.Exec(ctx, `INSERT INTO procedures (code, current_version, name, search_key, sector, level, online_level, audience)
			VALUES (?, 1, ?, ?, ?, ?, ?, ?)`,
			p.Code, p.Name, p.Folded(), p.Sector, p.Level, onlineLevel(p), p.Audience())
		if err != nil {
			return "", 0, fmt.Errorf("store: insert procedure %s: %w", p.Code, err)
		}
		if err := t.insertVersion(ctx, p); err != nil {
			return "", 0, err
		}
		return model.ProcedureCreated, 1, nil
	case err != nil:
		return "", 0, err
	}
	if catalog.SameContent(cur, p) {
		return model.ProcedureUnchanged, cur.Version, nil
	}
	p.Version = cur.Version + 1
	if err := t.insertVersion(ctx, p); err != nil {
		return "", 0, err
	}
	_, err = t.Exec(ctx, `UPDATE procedures SET current_version = ?, name = ?, search_key = ?, sector = ?, level = ?,
		online_level = ?, audience = ? WHERE code = ?`,
		p.Version, p.Name, p.Folded(), p.Sector, p.Level, onlineLevel(p), p.Audience(), p.Code)
	if err != nil {
		return "", 0, fmt.Errorf("store: update procedure %s: %w", p.Code, err)
	}
	return model.ProcedureVersioned, p.Version, nil
}

func (t *Tx) insertVersion(ctx context.Context, p catalog.Procedure) error {
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	_, err = t.Exec(ctx, `INSERT INTO procedure_versions (code, version, data, created_at) VALUES (?, ?, ?, ?)`,
		p.Code, p.Version, string(data), ms(time.Now()))
	if err != nil {
		return fmt.Errorf("store: insert procedure version %s v%d: %w", p.Code, p.Version, err)
	}
	return nil
}

// SetProcedureAgency sets the agency that handles a procedure by default.
func (t *Tx) SetProcedureAgency(ctx context.Context, code string, agencyID int64) error {
	_, err := t.Exec(ctx, `UPDATE procedures SET default_agency_id = ? WHERE code = ?`, agencyID, code)
	return err
}

type querier interface {
	QueryRow(ctx context.Context, query string, args ...any) *sql.Row
}

func loadVersion(ctx context.Context, q querier, code string, version int) (catalog.Procedure, error) {
	var (
		p    catalog.Procedure
		data string
		row  *sql.Row
	)
	if version == 0 {
		row = q.QueryRow(ctx, `SELECT v.data FROM procedures p JOIN procedure_versions v ON v.code = p.code AND v.version = p.current_version WHERE p.code = ?`, code)
	} else {
		row = q.QueryRow(ctx, `SELECT data FROM procedure_versions WHERE code = ? AND version = ?`, code, version)
	}
	if err := row.Scan(&data); errors.Is(err, sql.ErrNoRows) {
		return p, model.ErrNotFound
	} else if err != nil {
		return p, fmt.Errorf("store: load procedure %s: %w", code, err)
	}
	if err := json.Unmarshal([]byte(data), &p); err != nil {
		return p, fmt.Errorf("store: decode procedure %s: %w", code, err)
	}
	return p, nil
}

func (t *Tx) procedureVersion(ctx context.Context, code string, version int) (catalog.Procedure, error) {
	return loadVersion(ctx, t, code, version)
}

// Procedure loads a version of a procedure; version 0 means the current one.
func (s *Store) Procedure(ctx context.Context, code string, version int) (catalog.Procedure, error) {
	return loadVersion(ctx, s, code, version)
}

// ProcedureDefaultAgency returns the agency that handles the procedure when the
// applicant names none (0 if unset).
func (s *Store) ProcedureDefaultAgency(ctx context.Context, code string) (int64, error) {
	var id sql.NullInt64
	err := s.QueryRow(ctx, `SELECT default_agency_id FROM procedures WHERE code = ?`, code).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, model.ErrNotFound
	}
	return id.Int64, err
}

// SearchProcedures lists current procedure versions matching f, by code.
func (s *Store) SearchProcedures(ctx context.Context, f model.ProcedureFilter) ([]catalog.Procedure, error) {
	query := `SELECT v.data FROM procedures p JOIN procedure_versions v ON v.code = p.code AND v.version = p.current_version WHERE 1=1`
	var args []any
	for _, w := range strings.Fields(textfold.Fold(f.Q)) {
		query += ` AND p.search_key LIKE ?`
		args = append(args, "%"+escapeLike(w)+"%")
	}
	if f.Level != "" {
		// level may be a list such as "province,commune"
		query += ` AND (',' || p.level || ',') LIKE ?`
		args = append(args, "%,"+escapeLike(f.Level)+",%")
	}
	if f.Sector != "" {
		query += ` AND p.sector = ?`
		args = append(args, textfold.NFC(f.Sector))
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	query += ` ORDER BY p.code LIMIT ? OFFSET ?`
	args = append(args, f.Limit, f.Offset)
	rows, err := s.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: search procedures: %w", err)
	}
	defer rows.Close()
	out := []catalog.Procedure{}
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		var p catalog.Procedure
		if err := json.Unmarshal([]byte(data), &p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// escapeLike drops LIKE wildcards from user input (folded text keeps only
// letters, digits, spaces and punctuation).
func escapeLike(s string) string { return strings.NewReplacer("%", "", "_", "").Replace(s) }
