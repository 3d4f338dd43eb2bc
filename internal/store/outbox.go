package store

import (
	"context"
	"fmt"
	"time"
)

// OutboxMessage is one message to deliver outside the system: a notification
// to a citizen (e-mail, SMS, Zalo) or a webhook to a partner (the postal
// operator). Key is the idempotent delivery key: enqueuing the same key twice
// keeps the first message, and senders pass it on so that a peer can drop a
// repeat after a crash between sending and recording.
type OutboxMessage struct {
	ID        int64
	Key       string
	Channel   string // email, sms, zalo, postal
	Recipient string // address, phone, Zalo user or URL: personal data, never logged
	Subject   string
	Body      string
	Payload   string // JSON for channels that send structured data
	DossierID int64
	Status    string // pending, sent, dead
	Attempts  int
	NextAt    time.Time
	LastError string
	CreatedAt time.Time
	SentAt    *time.Time
}

// EnqueueOutbox writes a message in the transaction of the event that causes
// it, so that a message exists if and only if the event committed.
func (t *Tx) EnqueueOutbox(ctx context.Context, m OutboxMessage) error {
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
