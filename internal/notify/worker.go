package notify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"math"
	mrand "math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/motcua/motcua/internal/model"
)

// Config tunes a worker. Zero values take the defaults below.
type Config struct {
	// Senders by channel. Messages of a channel without a sender stay
	// pending, untouched, until a process with that sender runs.
	Senders map[string]Sender
	// Name identifies the worker in claims; a random one by default.
	Name string
	// Poll is the pause when nothing is due (default 2 s).
	Poll time.Duration
	// Batch is how many messages one claim takes (default 10).
	Batch int
	// SendTimeout bounds one delivery (default 30 s).
	SendTimeout time.Duration
	// Lease is how long a claim holds its messages; it must outlast a
	// batch of deliveries (default Batch × SendTimeout + 1 min).
	Lease time.Duration
	// MaxAttempts: a message failing this many times is dead (default 8).
	MaxAttempts int
	// BaseDelay and MaxDelay shape the backoff: BaseDelay after the first
	// failure, doubling, at most MaxDelay, each ±20 % (defaults 30 s, 1 h).
	BaseDelay, MaxDelay time.Duration
	Log                 *slog.Logger
	// Now and Jitter (a number in [0,1)) are replaced by tests.
	Now    func() time.Time
	Jitter func() float64
}

func (c *Config) defaults() {
	if c.Name == "" {
		b := make([]byte, 4)
		rand.Read(b)
		c.Name = "worker-" + hex.EncodeToString(b)
	}
	if c.Poll <= 0 {
		c.Poll = 2 * time.Second
	}
	if c.Batch <= 0 {
		c.Batch = 10
	}
	if c.SendTimeout <= 0 {
		c.SendTimeout = 30 * time.Second
	}
	if c.Lease <= 0 {
		c.Lease = time.Duration(c.Batch)*c.SendTimeout + time.Minute
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = 8
	}
	if c.BaseDelay <= 0 {
		c.BaseDelay = 30 * time.Second
	}
	if c.MaxDelay <= 0 {
		c.MaxDelay = time.Hour
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Jitter == nil {
		c.Jitter = mrand.Float64
	}
}

// Backoff is the wait after the attempt-th failure (1-based): base doubled
// each time, capped, then spread by ±20 % so that messages failing together
// (a provider outage) do not all come back at the same instant.
func Backoff(attempt int, base, max time.Duration, jitter float64) time.Duration {
	d := float64(base) * math.Pow(2, float64(max0(attempt-1)))
	if d > float64(max) {
		d = float64(max)
	}
	return time.Duration(d * (0.8 + 0.4*jitter))
}

func max0(n int) int {
	if n < 0 {
		return 0
	}
	return n
}

// Outbox is where the worker claims due messages and settles them. The
// claims are leases, so that several workers never send one message twice;
// *store.Store is the one in use, wired in cmd/motcua.
type Outbox interface {
	PendingOutboxChannels(ctx context.Context) ([]string, error)
	BuryExpiredOutbox(ctx context.Context, maxAttempts int, now time.Time) (int64, error)
	ClaimOutbox(ctx context.Context, worker string, channels []string, now time.Time, lease time.Duration, limit int) ([]model.OutboxMessage, error)
	MarkOutboxSent(ctx context.Context, m model.OutboxMessage, at time.Time) error
	// MarkOutboxFailed answers model.ErrClaimLost when the lease passed to
	// another worker meanwhile.
	MarkOutboxFailed(ctx context.Context, m model.OutboxMessage, errText string, next time.Time, dead bool) error
}

// Worker delivers outbox messages. Several workers, in one process or in
// several on one PostgreSQL, may run at once: claims never overlap.
type Worker struct {
	st       Outbox
	cfg      Config
	channels []string
	warned   sync.Map // channel → true: "no sender" logged once
}

// NewWorker builds a worker over the outbox.
func NewWorker(st Outbox, cfg Config) *Worker {
	cfg.defaults()
	w := &Worker{st: st, cfg: cfg}
	for ch := range cfg.Senders {
		w.channels = append(w.channels, ch)
	}
	slices.Sort(w.channels)
	return w
}

// Run delivers until ctx ends.
func (w *Worker) Run(ctx context.Context) {
	w.cfg.Log.Info("notify: worker started", "worker", w.cfg.Name, "channels", strings.Join(w.channels, ","))
	lastCheck := time.Time{}
	for {
		if time.Since(lastCheck) > time.Minute {
			lastCheck = time.Now()
			w.warnUnserved(ctx)
		}
		n, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			w.cfg.Log.Error("notify: delivery round", "worker", w.cfg.Name, "err", err)
		}
		if n > 0 && err == nil {
			continue // more may be due
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(w.cfg.Poll):
		}
	}
}

// warnUnserved says once per channel that messages wait for a sender this
// process does not have (a configuration gap, not a delivery failure).
func (w *Worker) warnUnserved(ctx context.Context) {
	chans, err := w.st.PendingOutboxChannels(ctx)
	if err != nil {
		return
	}
	for _, ch := range chans {
		if _, ok := w.cfg.Senders[ch]; ok {
			continue
		}
		if _, seen := w.warned.LoadOrStore(ch, true); !seen {
			w.cfg.Log.Warn("notify: messages wait for a channel with no sender configured here; they stay pending", "channel", ch, "worker", w.cfg.Name)
		}
	}
}

// RunOnce claims one batch of due messages and delivers it; it returns how
// many messages it handled.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	now := w.cfg.Now()
	if _, err := w.st.BuryExpiredOutbox(ctx, w.cfg.MaxAttempts, now); err != nil {
		return 0, err
	}
	msgs, err := w.st.ClaimOutbox(ctx, w.cfg.Name, w.channels, now, w.cfg.Lease, w.cfg.Batch)
	if err != nil {
		return 0, err
	}
	var errs []error
	for _, m := range msgs {
		if err := w.deliver(ctx, m); err != nil {
			errs = append(errs, err)
		}
	}
	return len(msgs), errors.Join(errs...)
}

func (w *Worker) deliver(ctx context.Context, m model.OutboxMessage) error {
	sctx, cancel := context.WithTimeout(ctx, w.cfg.SendTimeout)
	err := w.cfg.Senders[m.Channel].Send(sctx, m)
	cancel()
	now := w.cfg.Now()
	if err == nil {
		return w.st.MarkOutboxSent(ctx, m, now)
	}
	if ctx.Err() != nil {
		// Stopping: leave the message to its lease rather than count a
		// failure that was ours.
		return nil
	}
	// Nothing personal in the log or in the stored error, ever: not the
	// recipient in any writing, nor what the peer echoed of the message.
	text := ScrubMessage(err.Error(), m)
	dead := errors.Is(err, ErrPermanent) || m.Attempts >= w.cfg.MaxAttempts
	next := now.Add(Backoff(m.Attempts, w.cfg.BaseDelay, w.cfg.MaxDelay, w.cfg.Jitter()))
	w.cfg.Log.Warn("notify: delivery failed", "channel", m.Channel, "message", m.ID, "attempt", m.Attempts, "dead", dead, "err", text)
	if err := w.st.MarkOutboxFailed(ctx, m, text, next, dead); err != nil && !errors.Is(err, model.ErrClaimLost) {
		return err
	}
	return nil
}
