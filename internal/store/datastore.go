package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/model"
)

// FileDocument files a document into its owner's store. Filing the same
// upload twice keeps one entry (the event that files it may be replayed by a
// rebuild); it reports whether a new entry was made.
func (t *Tx) FileDocument(ctx context.Context, d model.Document) (bool, error) {
	var dossierID *int64
	if d.DossierID != 0 {
		dossierID = &d.DossierID
	}
	res, err := t.Exec(ctx, `INSERT INTO documents (owner_user_id, kind, name, file_id, sha256, dossier_id, dossier_code,
		procedure_code, issued_at, valid_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (owner_user_id, file_id) DO NOTHING`,
		d.OwnerUserID, string(d.Kind), d.Name, d.FileID, d.SHA256, nullID(dossierID), d.DossierCode, d.ProcedureCode,
		ms(d.IssuedAt), msPtr(d.ValidUntil), ms(d.CreatedAt))
	if err != nil {
		return false, fmt.Errorf("store: file document %s for user %d: %w", d.FileID, d.OwnerUserID, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

const documentCols = `d.id, d.owner_user_id, d.kind, d.name, d.file_id, d.sha256, COALESCE(d.dossier_id, 0), d.dossier_code,
	d.procedure_code, d.issued_at, d.valid_until, d.created_at, f.name, f.content_type, f.size`

func scanDocument(row interface{ Scan(...any) error }) (model.Document, error) {
	var (
		d               model.Document
		kind            string
		issued, created int64
		validUntil      sql.NullInt64
	)
	err := row.Scan(&d.ID, &d.OwnerUserID, &kind, &d.Name, &d.FileID, &d.SHA256, &d.DossierID, &d.DossierCode,
		&d.ProcedureCode, &issued, &validUntil, &created, &d.FileName, &d.ContentType, &d.Size)
	if err != nil {
		return d, err
	}
	d.Kind = model.DocumentKind(kind)
	d.IssuedAt, d.CreatedAt, d.ValidUntil = time.UnixMilli(issued).UTC(), time.UnixMilli(created).UTC(), fromMS(validUntil)
	return d, nil
}

// Documents lists one owner's documents, newest first.
func (s *Store) Documents(ctx context.Context, owner int64, f model.DocumentFilter) ([]model.Document, error) {
	q := `SELECT ` + documentCols + ` FROM documents d JOIN files f ON f.id = d.file_id WHERE d.owner_user_id = ?`
	args := []any{owner}
	if f.Kind != "" {
		q += ` AND d.kind = ?`
		args = append(args, string(f.Kind))
	}
	if f.ValidAt != nil {
		q += ` AND (d.valid_until IS NULL OR d.valid_until >= ?)`
		args = append(args, ms(*f.ValidAt))
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 500
	}
	q += ` ORDER BY d.issued_at DESC, d.id DESC LIMIT ?`
	args = append(args, f.Limit)
	rows, err := s.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: documents of user %d: %w", owner, err)
	}
	defer rows.Close()
	out := []model.Document{}
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, fmt.Errorf("store: documents of user %d: %w", owner, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Document loads one document; ErrNotFound when there is none. Callers
// check the owner.
func (s *Store) Document(ctx context.Context, id int64) (model.Document, error) {
	d, err := scanDocument(s.QueryRow(ctx, `SELECT `+documentCols+` FROM documents d JOIN files f ON f.id = d.file_id WHERE d.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, model.ErrNotFound
	}
	if err != nil {
		return d, fmt.Errorf("store: document %d: %w", id, err)
	}
	return d, nil
}
