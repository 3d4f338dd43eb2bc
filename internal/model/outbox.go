package model

import (
	"errors"
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
	// Claim identifies the worker's hold on a claimed message (ClaimOutbox);
	// a record made under an older claim is refused.
	Claim string
	// DossierCode is filled by OutboxProblems, for the administrators' list.
	DossierCode string
}

// Outbox statuses.
const (
	OutboxPending = "pending"
	OutboxSent    = "sent"
	OutboxDead    = "dead"
)

// ErrClaimLost says a worker recorded an outcome for a message whose lease
// had expired and which another worker has claimed since.
var ErrClaimLost = errors.New("store: outbox claim lost")
