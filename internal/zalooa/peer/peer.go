// Package peer is a local Zalo for the tests and the demo: it signs
// webhook events as Zalo does, delivers them to the center's endpoint, and
// takes the OA's customer-service messages, checking the access token.
//
// Used by the tests, and by serve --demo once issue 19 wires it; deadcode lists it until then.
package peer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/motcua/motcua/internal/zalooa"
)

// Peer is one OA's side of Zalo.
type Peer struct {
	AppID, OAID, Secret string
	Token               string // the access token it accepts for messages
	Now                 func() time.Time

	mu   sync.Mutex
	sent []Sent
	seq  int
}

// Sent is a message the OA sent to a follower.
type Sent struct{ UserID, Text string }

// Event is a follower's text as Zalo would post it, signed; the timestamp
// and message ID are the peer's.
func (p *Peer) Event(userID, text string) (body []byte, signature string) {
	p.mu.Lock()
	p.seq++
	n := p.seq
	p.mu.Unlock()
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	ts := strconv.FormatInt(now().UnixMilli(), 10)
	ev := map[string]any{
		"app_id": p.AppID, "event_name": "user_send_text", "timestamp": ts,
		"sender": map[string]string{"id": userID}, "recipient": map[string]string{"id": p.OAID},
		"message":        map[string]string{"msg_id": fmt.Sprintf("msg-%d-%s", n, ts), "text": text},
		"user_id_by_app": "app-" + userID,
	}
	body, _ = json.Marshal(ev)
	return body, zalooa.Sign(p.AppID, body, ts, p.Secret)
}

// Deliver posts a signed event to the center's webhook url.
func (p *Peer) Deliver(ctx context.Context, url string, body []byte, signature string) (*http.Response, error) {
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set(zalooa.SignatureHeader, signature)
	return http.DefaultClient.Do(r)
}

// ServeHTTP is the OA message API.
func (p *Peer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if r.Header.Get("access_token") != p.Token {
		fmt.Fprint(w, `{"error":-216,"message":"Access token is invalid"}`)
		return
	}
	var req struct {
		Recipient struct {
			UserID string `json:"user_id"`
		} `json:"recipient"`
		Message struct {
			Text string `json:"text"`
		} `json:"message"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&req); err != nil || req.Recipient.UserID == "" || req.Message.Text == "" {
		fmt.Fprint(w, `{"error":-201,"message":"Parameters are invalid"}`)
		return
	}
	p.mu.Lock()
	p.sent = append(p.sent, Sent{UserID: req.Recipient.UserID, Text: req.Message.Text})
	p.mu.Unlock()
	fmt.Fprint(w, `{"error":0,"message":"Success"}`)
}

// Sent lists the messages the OA sent, in order.
func (p *Peer) Sent() []Sent {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Sent(nil), p.sent...)
}
