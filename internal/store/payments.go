package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/model"
)

const paymentCols = `id, ref, dossier_id, provider, amount_vnd, status, payer_user_id, payer_name, provider_txn, result_code,
	receipt_no, created_at, expires_at, settled_at`

func scanPayment(row interface{ Scan(...any) error }) (*model.Payment, error) {
	var p model.Payment
	var receipt sql.NullString
	var created, expires int64
	var settled sql.NullInt64
	err := row.Scan(&p.ID, &p.Ref, &p.DossierID, &p.Provider, &p.AmountVND, &p.Status, &p.PayerUserID, &p.PayerName,
		&p.ProviderTxn, &p.ResultCode, &receipt, &created, &expires, &settled)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, model.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: read payment: %w", err)
	}
	p.ReceiptNo = receipt.String
	p.CreatedAt, p.ExpiresAt = time.UnixMilli(created).UTC(), time.UnixMilli(expires).UTC()
	p.SettledAt = fromMS(settled)
	return &p, nil
}

// CreatePayment records a new pending payment and sets its ID.
func (t *Tx) CreatePayment(ctx context.Context, p *model.Payment) error {
	if p.AmountVND <= 0 {
		return fmt.Errorf("store: payment amount %d: must be positive", p.AmountVND)
	}
	p.Status = model.PaymentPending
	err := t.QueryRow(ctx, `INSERT INTO payments (ref, dossier_id, provider, amount_vnd, status, payer_user_id, payer_name, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		p.Ref, p.DossierID, p.Provider, p.AmountVND, p.Status, p.PayerUserID, p.PayerName, ms(p.CreatedAt), ms(p.ExpiresAt)).Scan(&p.ID)
	if err != nil {
		return fmt.Errorf("store: create payment: %w", err)
	}
	return nil
}

// LockPayment reads a payment by reference inside a transaction, holding its
// row (PostgreSQL; SQLite has one writer) so that two notices of the same
// payment settle it one after the other.
func (t *Tx) LockPayment(ctx context.Context, ref string) (*model.Payment, error) {
	q := `SELECT ` + paymentCols + ` FROM payments WHERE ref = ?`
	if t.Dialect() == Postgres {
		q += ` FOR UPDATE`
	}
	return scanPayment(t.QueryRow(ctx, q, ref))
}

// PaymentByRef reads a payment by its reference at the gateway.
func (s *Store) PaymentByRef(ctx context.Context, ref string) (*model.Payment, error) {
	return scanPayment(s.QueryRow(ctx, `SELECT `+paymentCols+` FROM payments WHERE ref = ?`, ref))
}

// Payment reads a payment by ID.
func (s *Store) Payment(ctx context.Context, id int64) (*model.Payment, error) {
	return scanPayment(s.QueryRow(ctx, `SELECT `+paymentCols+` FROM payments WHERE id = ?`, id))
}

// DossierPayments lists a dossier's payments, oldest first.
func (s *Store) DossierPayments(ctx context.Context, dossierID int64) ([]model.Payment, error) {
	rows, err := s.Query(ctx, `SELECT `+paymentCols+` FROM payments WHERE dossier_id = ? ORDER BY id`, dossierID)
	if err != nil {
		return nil, fmt.Errorf("store: list payments: %w", err)
	}
	defer rows.Close()
	var out []model.Payment
	for rows.Next() {
		p, err := scanPayment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *p)
	}
	return out, rows.Err()
}

// SettlePayment moves a pending payment to its outcome. It reports false,
// changing nothing, when the payment was already settled: the caller then
// treats the notice as a replay.
func (t *Tx) SettlePayment(ctx context.Context, ref string, st model.Settlement) (bool, error) {
	switch st.Status {
	case model.PaymentPaid, model.PaymentFailed, model.PaymentUnapplied:
	default:
		return false, fmt.Errorf("store: settle payment %s: unknown outcome %q", ref, st.Status)
	}
	res, err := t.Exec(ctx, `UPDATE payments SET status = ?, provider_txn = ?, result_code = ?, receipt_no = ?, settled_at = ?
		WHERE ref = ? AND status = 'pending'`,
		st.Status, st.ProviderTxn, st.ResultCode, nullStr(st.ReceiptNo), ms(st.At), ref)
	if err != nil {
		return false, fmt.Errorf("store: settle payment %s: %w", ref, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: settle payment %s: %w", ref, err)
	}
	return n == 1, nil
}
