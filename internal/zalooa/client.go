package zalooa

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Client sends customer-service messages from the OA to a follower who
// wrote to it (Zalo's OA message API: POST with the access token in the
// access_token header, the follower's user ID as recipient).
type Client struct {
	URL    string // e.g. https://openapi.zalo.me/v3.0/oa/message/cs
	HTTP   *http.Client
	Tokens interface {
		Token(ctx context.Context, refused string) (string, error)
	}
}

type csRequest struct {
	Recipient struct {
		UserID string `json:"user_id"`
	} `json:"recipient"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
}

type csAnswer struct {
	Error   int    `json:"error"`
	Message string `json:"message"`
}

// Send sends text to the follower. A refused token is refreshed once.
func (c *Client) Send(ctx context.Context, userID, text string) error {
	var req csRequest
	req.Recipient.UserID, req.Message.Text = userID, text
	body, err := json.Marshal(req)
	if err != nil {
		return fmt.Errorf("zalooa: encode message: %w", err)
	}
	refused := ""
	for range 2 {
		token, err := c.Tokens.Token(ctx, refused)
		if err != nil {
			return fmt.Errorf("zalooa: access token: %w", err)
		}
		code, msg, err := c.post(ctx, token, body)
		if err != nil {
			return err
		}
		switch code {
		case 0:
			return nil
		case -216, -124: // access token invalid or expired
			refused = token
			continue
		}
		return fmt.Errorf("zalooa: OA message refused: error %d: %s", code, msg)
	}
	return fmt.Errorf("zalooa: OA message refused: the access token was refused twice")
}

func (c *Client) post(ctx context.Context, token string, body []byte) (int, string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, bytes.NewReader(body))
	if err != nil {
		return 0, "", fmt.Errorf("zalooa: request: %w", err)
	}
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("access_token", token)
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(r)
	if err != nil {
		return 0, "", fmt.Errorf("zalooa: send: %w", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if err != nil {
		return 0, "", fmt.Errorf("zalooa: read answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return 0, "", fmt.Errorf("zalooa: OA API answered HTTP %d", resp.StatusCode)
	}
	var a csAnswer
	if err := json.Unmarshal(raw, &a); err != nil {
		return 0, "", fmt.Errorf("zalooa: OA API answer: %w", err)
	}
	return a.Error, a.Message, nil
}
