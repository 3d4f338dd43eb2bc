package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/model"
)

const legColumns = `id, dossier_id, direction, tracking_number, status, operator_key_id, pickup_place, fees_collected_vnd,
	fee_receipt, handover_record, failure_reason, picked_up_at, handed_over_at, dispatched_at, delivered_at, failed_at, created_at, updated_at`

func scanLeg(row interface{ Scan(...any) error }) (model.PostalLeg, error) {
	var (
		l                                   model.PostalLeg
		picked, handed, sent, deliv, failed sql.NullInt64
		created, updated                    int64
	)
	err := row.Scan(&l.ID, &l.DossierID, &l.Direction, &l.TrackingNumber, &l.Status, &l.OperatorKeyID, &l.PickupPlace,
		&l.FeesCollectedVND, &l.FeeReceipt, &l.HandoverRecord, &l.FailureReason, &picked, &handed, &sent, &deliv, &failed, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return l, model.ErrNotFound
	}
	if err != nil {
		return l, fmt.Errorf("store: read postal leg: %w", err)
	}
	l.PickedUpAt, l.HandedOverAt, l.DispatchedAt, l.DeliveredAt, l.FailedAt = fromMS(picked), fromMS(handed), fromMS(sent), fromMS(deliv), fromMS(failed)
	l.CreatedAt, l.UpdatedAt = time.UnixMilli(created).UTC(), time.UnixMilli(updated).UTC()
	return l, nil
}

// InsertPostalLeg records a new leg; a dossier has at most one per direction,
// and a tracking number names one leg per direction.
func (t *Tx) InsertPostalLeg(ctx context.Context, l model.PostalLeg) (int64, error) {
	var id int64
	err := t.QueryRow(ctx, `INSERT INTO postal_legs (dossier_id, direction, tracking_number, status, operator_key_id, pickup_place,
		fees_collected_vnd, fee_receipt, handover_record, failure_reason, picked_up_at, handed_over_at, dispatched_at, delivered_at,
		failed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		l.DossierID, l.Direction, l.TrackingNumber, l.Status, l.OperatorKeyID, l.PickupPlace, l.FeesCollectedVND, l.FeeReceipt,
		l.HandoverRecord, l.FailureReason, msPtr(l.PickedUpAt), msPtr(l.HandedOverAt), msPtr(l.DispatchedAt), msPtr(l.DeliveredAt),
		msPtr(l.FailedAt), ms(l.CreatedAt), ms(l.UpdatedAt)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: insert postal leg: %w", err)
	}
	return id, nil
}

// UpdatePostalLeg writes a leg's new state.
func (t *Tx) UpdatePostalLeg(ctx context.Context, l model.PostalLeg) error {
	res, err := t.Exec(ctx, `UPDATE postal_legs SET tracking_number = ?, status = ?, handover_record = ?, failure_reason = ?,
		handed_over_at = ?, dispatched_at = ?, delivered_at = ?, failed_at = ?, updated_at = ? WHERE id = ?`,
		l.TrackingNumber, l.Status, l.HandoverRecord, l.FailureReason, msPtr(l.HandedOverAt), msPtr(l.DispatchedAt),
		msPtr(l.DeliveredAt), msPtr(l.FailedAt), ms(l.UpdatedAt), l.ID)
	if err != nil {
		return fmt.Errorf("store: update postal leg %d: %w", l.ID, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("store: update postal leg %d: %w", l.ID, model.ErrNotFound)
	}
	return nil
}

// PostalLegByTracking finds a leg by its tracking number within the
// transaction, so that the event that moves it reads its latest state.
func (t *Tx) PostalLegByTracking(ctx context.Context, direction, tracking string) (model.PostalLeg, error) {
	if tracking == "" {
		return model.PostalLeg{}, model.ErrNotFound
	}
	return scanLeg(t.QueryRow(ctx, `SELECT `+legColumns+` FROM postal_legs WHERE direction = ? AND tracking_number = ?`, direction, tracking))
}

// PostalLegOf finds a dossier's leg in one direction.
func (t *Tx) PostalLegOf(ctx context.Context, dossierID int64, direction string) (model.PostalLeg, error) {
	return scanLeg(t.QueryRow(ctx, `SELECT `+legColumns+` FROM postal_legs WHERE dossier_id = ? AND direction = ?`, dossierID, direction))
}

// PostalLegs lists a dossier's legs, inbound first.
func (s *Store) PostalLegs(ctx context.Context, dossierID int64) ([]model.PostalLeg, error) {
	rows, err := s.Query(ctx, `SELECT `+legColumns+` FROM postal_legs WHERE dossier_id = ? ORDER BY id`, dossierID)
	if err != nil {
		return nil, fmt.Errorf("store: list postal legs: %w", err)
	}
	defer rows.Close()
	out := []model.PostalLeg{}
	for rows.Next() {
		l, err := scanLeg(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// ClaimPostalNonce records a nonce of a signed request; false means it was
// seen before (a replay). Nonces older than ttl are purged on the way: a
// request that old fails the timestamp check anyway. The primary key makes
// the claim atomic across server processes.
func (s *Store) ClaimPostalNonce(ctx context.Context, keyID, nonce string, at time.Time) (bool, error) {
	return s.claimNonce(ctx, keyID, nonce, at, nonceTTL)
}

// nonceTTL matches postal.NonceTTL (the store does not import the domain
// packages); store tests check the purge boundary.
const nonceTTL = 11 * time.Minute

func (s *Store) claimNonce(ctx context.Context, keyID, nonce string, at time.Time, ttl time.Duration) (bool, error) {
	fresh := false
	err := s.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM postal_nonces WHERE seen_at < ?`, ms(at.Add(-ttl))); err != nil {
			return fmt.Errorf("store: purge postal nonces: %w", err)
		}
		res, err := tx.Exec(ctx, `INSERT INTO postal_nonces (key_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT (key_id, nonce) DO NOTHING`,
			keyID, nonce, ms(at))
		if err != nil {
			return fmt.Errorf("store: claim postal nonce: %w", err)
		}
		n, err := res.RowsAffected()
		fresh = n == 1
		return err
	})
	return fresh, err
}

// OutboxByKey reads one outbox message by its delivery key.
func (s *Store) OutboxByKey(ctx context.Context, key string) (model.OutboxMessage, error) {
	var (
		m            model.OutboxMessage
		dossier      sql.NullInt64
		next, create int64
		sent         sql.NullInt64
	)
	err := s.QueryRow(ctx, `SELECT id, key, channel, recipient, subject, body, payload, dossier_id, status, attempts,
		next_attempt_at, last_error, created_at, sent_at FROM outbox WHERE key = ?`, key).Scan(&m.ID, &m.Key, &m.Channel,
		&m.Recipient, &m.Subject, &m.Body, &m.Payload, &dossier, &m.Status, &m.Attempts, &next, &m.LastError, &create, &sent)
	if errors.Is(err, sql.ErrNoRows) {
		return m, model.ErrNotFound
	}
	if err != nil {
		return m, fmt.Errorf("store: read outbox message: %w", err)
	}
	m.DossierID, m.NextAt, m.CreatedAt, m.SentAt = dossier.Int64, time.UnixMilli(next).UTC(), time.UnixMilli(create).UTC(), fromMS(sent)
	return m, nil
}
