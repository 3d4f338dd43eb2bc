package postal

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/notify"
)

// Channel is the outbox channel of the operator's webhooks.
const Channel = "postal"

// WebhookSender delivers outbox messages of the postal channel: it POSTs the
// payload to the message's recipient URL, signed, with the delivery key in
// Idempotency-Key so that the operator can drop a resend after our crash.
type WebhookSender struct {
	Signer Signer
	Client *http.Client // nil: a client with a 15 s timeout
}

// NewWebhookSender signs with the operator's outbound secret.
func NewWebhookSender(c Config) *WebhookSender { return &WebhookSender{Signer: c.Signer()} }

var defaultClient = &http.Client{Timeout: 15 * time.Second}

// Send delivers m. Answers 4xx other than 408 and 429 are permanent: the
// operator refused this message and resending the same bytes cannot help.
// Network errors, 408, 429 and 5xx are retried by the worker.
func (s *WebhookSender) Send(ctx context.Context, m model.OutboxMessage) error {
	if m.Channel != Channel {
		return notify.Permanent("postal: message %d is for channel %q", m.ID, m.Channel)
	}
	if m.Recipient == "" {
		return notify.Permanent("postal: message %d has no webhook URL", m.ID)
	}
	body := []byte(m.Payload)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.Recipient, bytes.NewReader(body))
	if err != nil {
		return notify.Permanent("postal: message %d: bad webhook URL: %v", m.ID, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", m.Key)
	if err := s.Signer.Sign(req, body); err != nil {
		return fmt.Errorf("postal: sign message %d: %w", m.ID, err)
	}
	client := s.Client
	if client == nil {
		client = defaultClient
	}
	res, err := client.Do(req)
	if err != nil {
		// The URL is configuration, not personal data, but the error already
		// names it; the message id is enough to find it.
		return fmt.Errorf("postal: deliver message %d: %w", m.ID, err)
	}
	defer res.Body.Close()
	io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	switch c := res.StatusCode; {
	case c >= 200 && c < 300:
		return nil
	case c == http.StatusRequestTimeout || c == http.StatusTooManyRequests || c >= 500:
		return fmt.Errorf("postal: message %d: operator answered %d", m.ID, c)
	default:
		return notify.Permanent("postal: message %d: operator refused it with %d", m.ID, c)
	}
}
