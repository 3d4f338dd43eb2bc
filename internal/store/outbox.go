package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/model"
)

// EnqueueOutbox writes a message in the transaction of the event that causes
// it, so that a message exists if and only if the event committed.
func (t *Tx) EnqueueOutbox(ctx context.Context, m model.OutboxMessage) error {
	if m.Payload == "" {
		m.Payload = "{}"
	}
	now := m.CreatedAt
	if now.IsZero() {
		now = time.Now()
	}
	next := m.NextAt
	if next.IsZero() {
		next = now
	}
	_, err := t.Exec(ctx, `INSERT INTO outbox (key, channel, recipient, subject, body, payload, dossier_id, status, next_attempt_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (key) DO NOTHING`,
		m.Key, m.Channel, m.Recipient, m.Subject, m.Body, m.Payload, nullInt(m.DossierID), ms(next), ms(now))
	if err != nil {
		return fmt.Errorf("store: enqueue %s message: %w", m.Channel, err)
	}
	return nil
}

const outboxCols = `id, key, channel, recipient, subject, body, payload, COALESCE(dossier_id, 0), status, attempts,
	next_attempt_at, last_error, created_at, sent_at, locked_by`

type rowScanner interface{ Scan(...any) error }

func scanOutbox(r rowScanner, extra ...any) (model.OutboxMessage, error) {
	var (
		m             model.OutboxMessage
		next, created int64
		sent          sql.NullInt64
	)
	dest := append([]any{&m.ID, &m.Key, &m.Channel, &m.Recipient, &m.Subject, &m.Body, &m.Payload, &m.DossierID,
		&m.Status, &m.Attempts, &next, &m.LastError, &created, &sent, &m.Claim}, extra...)
	if err := r.Scan(dest...); err != nil {
		return m, err
	}
	m.NextAt, m.CreatedAt, m.SentAt = time.UnixMilli(next).UTC(), time.UnixMilli(created).UTC(), fromMS(sent)
	return m, nil
}

// ClaimOutbox takes up to limit due messages of the given channels for one
// worker until now+lease, counting the attempt. A message held by a worker
// that died is due again once its lease expires. PostgreSQL: several
// processes claim at once, and SKIP LOCKED lets each take different rows
// without waiting; SQLite has one writer, so the single UPDATE … RETURNING
// is already exclusive. The claim token is worker plus the attempt number,
// unique per claim of a message.
func (s *Store) ClaimOutbox(ctx context.Context, worker string, channels []string, now time.Time, lease time.Duration, limit int) ([]model.OutboxMessage, error) {
	if len(channels) == 0 || limit <= 0 {
		return nil, nil
	}
	args := []any{ms(now.Add(lease)), worker}
	args = append(args, ms(now), ms(now))
	in := strings.TrimSuffix(strings.Repeat("?, ", len(channels)), ", ")
	for _, c := range channels {
		args = append(args, c)
	}
	args = append(args, limit)
	lock := ""
	if s.dialect == Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	rows, err := s.w.QueryContext(ctx, s.q(`UPDATE outbox SET attempts = attempts + 1, locked_until = ?, locked_by = ?
		WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
			AND (locked_until IS NULL OR locked_until <= ?) AND channel IN (`+in+`)
			ORDER BY next_attempt_at, id LIMIT ?`+lock+`)
		RETURNING `+outboxCols), args...)
	if err != nil {
		return nil, fmt.Errorf("store: claim outbox: %w", err)
	}
	defer rows.Close()
	var out []model.OutboxMessage
	for rows.Next() {
		m, err := scanOutbox(rows)
		if err != nil {
			return nil, fmt.Errorf("store: claim outbox: %w", err)
		}
		m.Claim = claimToken(m.Claim, m.Attempts)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: claim outbox: %w", err)
	}
	return out, nil
}

func claimToken(worker string, attempt int) string { return fmt.Sprintf("%s#%d", worker, attempt) }

// claimCond matches the row only under the claim that m came with.
const claimCond = ` WHERE id = ? AND status = 'pending' AND locked_by = ? AND attempts = ?`

func claimArgs(m model.OutboxMessage) []any {
	worker, _, _ := strings.Cut(m.Claim, "#")
	return []any{m.ID, worker, m.Attempts}
}

// MarkOutboxSent records a delivery. A delivery made under a lost claim is
// still recorded (the peer has the message; the key lets it drop the
// repeat the newer claim may send), unless the message is already settled.
func (s *Store) MarkOutboxSent(ctx context.Context, m model.OutboxMessage, at time.Time) error {
	_, err := s.w.ExecContext(ctx, s.q(`UPDATE outbox SET status = 'sent', sent_at = ?, locked_until = NULL, last_error = ''
		WHERE id = ? AND status = 'pending'`), ms(at), m.ID)
	if err != nil {
		return fmt.Errorf("store: mark outbox message sent: %w", err)
	}
	return nil
}

// MarkOutboxFailed records a failed attempt: the message is tried again at
// next, or is dead when dead is true. errText must hold no personal data.
func (s *Store) MarkOutboxFailed(ctx context.Context, m model.OutboxMessage, errText string, next time.Time, dead bool) error {
	status := model.OutboxPending
	if dead {
		status = model.OutboxDead
	}
	if len(errText) > 1000 {
		errText = errText[:1000]
	}
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE outbox SET status = ?, last_error = ?, next_attempt_at = ?, locked_until = NULL`+claimCond),
		append([]any{status, errText, ms(next)}, claimArgs(m)...)...)
	if err != nil {
		return fmt.Errorf("store: mark outbox message failed: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return model.ErrClaimLost
	}
	return nil
}

// BuryExpiredOutbox marks dead the messages whose last allowed attempt was
// claimed by a worker that never recorded its outcome: they must not stay
// pending forever, nor be tried beyond the limit.
func (s *Store) BuryExpiredOutbox(ctx context.Context, maxAttempts int, now time.Time) (int64, error) {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE outbox SET status = 'dead', locked_until = NULL,
		last_error = CASE WHEN last_error = '' THEN 'no outcome recorded for the last attempt (worker stopped)' ELSE last_error END
		WHERE status = 'pending' AND attempts >= ? AND locked_until IS NOT NULL AND locked_until <= ?`), maxAttempts, ms(now))
	if err != nil {
		return 0, fmt.Errorf("store: bury expired outbox messages: %w", err)
	}
	return res.RowsAffected()
}

// PendingOutboxChannels lists the channels that have messages waiting, so
// that a worker can say which of them it has no sender for.
func (s *Store) PendingOutboxChannels(ctx context.Context) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT DISTINCT channel FROM outbox WHERE status = 'pending' ORDER BY channel`)
	if err != nil {
		return nil, fmt.Errorf("store: pending outbox channels: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// OutboxProblems lists the dead messages and those still pending after a
// failed attempt, newest first, with their dossier's code.
func (s *Store) OutboxProblems(ctx context.Context, limit int) ([]model.OutboxMessage, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT o.id, o.key, o.channel, o.recipient, o.subject, o.body, o.payload, COALESCE(o.dossier_id, 0),
		o.status, o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.sent_at, o.locked_by, COALESCE(d.code, '')
		FROM outbox o LEFT JOIN dossiers d ON d.id = o.dossier_id
		WHERE o.status = 'dead' OR (o.status = 'pending' AND o.last_error <> '')
		ORDER BY o.next_attempt_at DESC, o.id DESC LIMIT ?`), limit)
	if err != nil {
		return nil, fmt.Errorf("store: outbox problems: %w", err)
	}
	defer rows.Close()
	var out []model.OutboxMessage
	for rows.Next() {
		var code string
		m, err := scanOutbox(rows, &code)
		if err != nil {
			return nil, fmt.Errorf("store: outbox problems: %w", err)
		}
		m.DossierCode = code
		out = append(out, m)
	}
	return out, rows.Err()
}

// OutboxMessageByKey reads one message (tests, diagnostics).
func (s *Store) OutboxMessageByKey(ctx context.Context, key string) (model.OutboxMessage, error) {
	m, err := scanOutbox(s.w.QueryRowContext(ctx, s.q(`SELECT `+outboxCols+` FROM outbox WHERE key = ?`), key))
	if errors.Is(err, sql.ErrNoRows) {
		return m, model.ErrNotFound
	}
	return m, err
}

// OutboxByDossier lists a dossier's messages in order of creation.
func (s *Store) OutboxByDossier(ctx context.Context, dossierID int64) ([]model.OutboxMessage, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT `+outboxCols+` FROM outbox WHERE dossier_id = ? ORDER BY id`), dossierID)
	if err != nil {
		return nil, fmt.Errorf("store: outbox of dossier: %w", err)
	}
	defer rows.Close()
	var out []model.OutboxMessage
	for rows.Next() {
		m, err := scanOutbox(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// RequeueOutbox gives a dead or failing message a fresh round of attempts
// from now (an administrator's "send again"). It reports ErrNotFound when
// there is no such message or it was already delivered.
func (s *Store) RequeueOutbox(ctx context.Context, id int64, now time.Time) error {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?,
		locked_until = NULL, locked_by = '', last_error = '' WHERE id = ? AND status IN ('pending', 'dead')`), ms(now), id)
	if err != nil {
		return fmt.Errorf("store: requeue outbox message: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return model.ErrNotFound
	}
	return nil
}
