// Package notify delivers the messages of the transactional outbox: the
// applicant's news by e-mail, SMS and Zalo, and partners' webhooks. Messages
// are written by the dossier transaction (store.Tx.EnqueueOutbox); workers
// here claim due messages, hand them to a Sender per channel, and record the
// outcome: sent, retried later with backoff, or dead for an administrator to
// look at and send again.
//
// Delivery is at least once: a worker that stops between sending and
// recording leaves a message that is claimed again after its lease. Every
// sender passes the message's key to its peer (Message-ID, request_id,
// tracking_id) so that the peer can drop the repeat.
package notify

import (
	"context"
	"errors"
	"fmt"

	"github.com/motcua/motcua/internal/model"
)

// Channels of citizen notifications.
const (
	ChannelEmail = "email"
	ChannelSMS   = "sms"
	ChannelZalo  = "zalo"
)

// Sender delivers one message on one channel. A returned error that wraps
// ErrPermanent sends the message straight to the dead letters (retrying
// cannot help: a refused address, a rejected request); any other error is
// retried with backoff.
type Sender interface {
	Send(ctx context.Context, m model.OutboxMessage) error
}

// SenderFunc adapts a function to Sender.
type SenderFunc func(ctx context.Context, m model.OutboxMessage) error

// Send calls f.
// Send: SenderFunc lets tests of four packages stand in for a channel; no production sender is a func, so deadcode lists it, as intended.
func (f SenderFunc) Send(ctx context.Context, m model.OutboxMessage) error { return f(ctx, m) }

// ErrPermanent marks a failure that no retry will fix.
var ErrPermanent = errors.New("permanent failure")

// Permanent wraps err as permanent.
func Permanent(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrPermanent, fmt.Sprintf(format, args...))
}
