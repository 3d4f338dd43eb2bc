package notify

import (
	"context"
	"fmt"
	"net/http"

	"github.com/motcua/motcua/internal/model"
)

// SMSConfig says how to reach the SMS gateway: a JSON POST of
// {to, message, request_id} with the API key in a header.
type SMSConfig struct {
	URL    string
	APIKey string
	Header string // the API key's header, "X-API-Key" by default
	Client *http.Client
}

// SMSSender sends SMS through an HTTP gateway. request_id is the delivery
// key: a gateway that de-duplicates by it sends a resend once.
type SMSSender struct{ cfg SMSConfig }

// NewSMSSender checks the configuration.
func NewSMSSender(cfg SMSConfig) (*SMSSender, error) {
	if cfg.URL == "" || cfg.APIKey == "" {
		return nil, fmt.Errorf("notify: SMS gateway needs a URL and an API key")
	}
	if cfg.Header == "" {
		cfg.Header = "X-API-Key"
	}
	return &SMSSender{cfg: cfg}, nil
}

type smsRequest struct {
	To        string `json:"to"`
	Message   string `json:"message"`
	RequestID string `json:"request_id"`
}

// Send posts one SMS.
func (s *SMSSender) Send(ctx context.Context, m model.OutboxMessage) error {
	h := http.Header{}
	h.Set(s.cfg.Header, s.cfg.APIKey)
	status, answer, err := postJSON(ctx, s.cfg.Client, s.cfg.URL, h, smsRequest{To: m.Recipient, Message: m.Body, RequestID: m.Key})
	if err != nil {
		return err
	}
	if status/100 != 2 {
		return httpStatusErr("sms gateway", status, answer)
	}
	return nil
}
