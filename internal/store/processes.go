package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/process"
)

// SaveProcess stores p as a new version of its procedure's internal process,
// in force from at, and returns the version number. It does not validate:
// the service does, against the procedure version's time limit.
func (t *Tx) SaveProcess(ctx context.Context, p process.Process, at time.Time, by string) (int, error) {
	var cur int
	if err := t.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM process_versions WHERE procedure_code = ?`, p.ProcedureCode).Scan(&cur); err != nil {
		return 0, fmt.Errorf("store: process version of %s: %w", p.ProcedureCode, err)
	}
	p.Version = cur + 1
	p.Derived = false // a derived process is computed, never stored as approved
	data, err := json.Marshal(p)
	if err != nil {
		return 0, err
	}
	_, err = t.Exec(ctx, `INSERT INTO process_versions (procedure_code, version, procedure_version, province, variant_code, data, created_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		p.ProcedureCode, p.Version, p.ProcedureVersion, p.Province, p.VariantCode, string(data), ms(at), by)
	if err != nil {
		return 0, fmt.Errorf("store: insert process %s v%d: %w", p.ProcedureCode, p.Version, err)
	}
	return p.Version, nil
}

// ProcessAt loads the version of a procedure's internal process in force at
// at: the latest created at or before it. ErrNotFound when there is none.
func (s *Store) ProcessAt(ctx context.Context, code string, at time.Time) (process.Process, error) {
	return decodeProcess(code, s.QueryRow(ctx, `SELECT data FROM process_versions WHERE procedure_code = ? AND created_at <= ?
		ORDER BY created_at DESC, version DESC LIMIT 1`, code, ms(at)))
}

// Process loads one version of a procedure's internal process.
func (s *Store) Process(ctx context.Context, code string, version int) (process.Process, error) {
	return decodeProcess(code, s.QueryRow(ctx, `SELECT data FROM process_versions WHERE procedure_code = ? AND version = ?`, code, version))
}

func decodeProcess(code string, row *sql.Row) (process.Process, error) {
	var (
		p    process.Process
		data string
	)
	if err := row.Scan(&data); errors.Is(err, sql.ErrNoRows) {
		return p, model.ErrNotFound
	} else if err != nil {
		return p, fmt.Errorf("store: load process %s: %w", code, err)
	}
	if err := json.Unmarshal([]byte(data), &p); err != nil {
		return p, fmt.Errorf("store: decode process %s: %w", code, err)
	}
	return p, nil
}
