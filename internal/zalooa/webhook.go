// Package zalooa is the center's Zalo Official Account (OA) in both
// directions: the webhook by which Zalo brings followers' messages, checked
// as Zalo signs it and safe against replays, the commands a follower may
// send ("tra cứu <mã hồ sơ>", "lấy số <lĩnh vực>", "đặt lịch", "liên kết
// <số điện thoại>"), and the customer-service message that answers them.
// Template notifications (ZNS) stay in internal/notify; the access token,
// refreshed once for every node, is notify.ZaloTokens.
//
// What was checked against Zalo's published documentation, and what a
// province must check with its own OA, is in the README ("Zalo Official
// Account"): the signature is "mac=" followed by the hex SHA-256 of the
// app ID, the raw body, the event's timestamp and the OA secret key,
// concatenated, in the X-ZEvent-Signature header.
//
// Not yet called by the server: the webhook route is issue 19 item 6, so deadcode lists this package until then.
package zalooa

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"time"

	"github.com/motcua/motcua/internal/apperr"
)

// SignatureHeader carries the event's signature.
const SignatureHeader = "X-ZEvent-Signature"

// Event is one webhook event, as much of it as the center reads.
type Event struct {
	AppID     string    // the Zalo app the OA is linked to
	Name      string    // event_name: user_send_text, follow, unfollow…
	At        time.Time // Zalo's timestamp
	UserID    string    // the follower (sender.id): a Zalo user ID, not a phone number
	OAID      string    // the OA (recipient.id)
	MessageID string    // message.msg_id, the delivery key of a message
	Text      string    // message.text
}

// Key identifies the event for replay protection: a message by its ID, any
// other event by its name, follower and instant.
func (e Event) Key() string {
	if e.MessageID != "" {
		return "msg:" + e.MessageID
	}
	return e.Name + ":" + e.UserID + ":" + strconv.FormatInt(e.At.UnixMilli(), 10)
}

type wire struct {
	AppID     string `json:"app_id"`
	EventName string `json:"event_name"`
	Timestamp string `json:"timestamp"` // milliseconds since the epoch, as a string
	Sender    struct {
		ID string `json:"id"`
	} `json:"sender"`
	Recipient struct {
		ID string `json:"id"`
	} `json:"recipient"`
	Message struct {
		MsgID string `json:"msg_id"`
		Text  string `json:"text"`
	} `json:"message"`
	UserIDByApp string `json:"user_id_by_app"`
	Follower    struct {
		ID string `json:"id"`
	} `json:"follower"`
}

// Sign is the signature Zalo puts on body for an app and OA secret.
func Sign(appID string, body []byte, timestamp, secret string) string {
	h := sha256.New()
	h.Write([]byte(appID))
	h.Write(body)
	h.Write([]byte(timestamp))
	h.Write([]byte(secret))
	return "mac=" + hex.EncodeToString(h.Sum(nil))
}

// MaxSkew is how far an event's timestamp may be from the clock: an older
// event is a replay (Zalo delivers within seconds), a newer one a forgery.
const MaxSkew = 5 * time.Minute

var (
	errSignature = apperr.New(apperr.Unauthorized, "zalo_signature",
		"Chữ ký của sự kiện Zalo không đúng.", "The Zalo event's signature does not match.")
	errStale = apperr.New(apperr.Unauthorized, "zalo_stale",
		"Sự kiện Zalo quá cũ hoặc sai thời gian.", "The Zalo event is too old or its time is wrong.")
	errBody = apperr.New(apperr.BadInput, "zalo_body",
		"Nội dung sự kiện Zalo không đọc được.", "The Zalo event's body cannot be read.")
)

// Verify checks body's signature against the OA secret and its timestamp
// against now, and reads the event. appID is the OA's own app: an event
// signed for another app is refused even with a right signature.
func Verify(body []byte, signature, appID, secret string, now time.Time) (Event, error) {
	var w wire
	if err := json.Unmarshal(body, &w); err != nil {
		return Event{}, errBody
	}
	want := Sign(w.AppID, body, w.Timestamp, secret)
	if secret == "" || w.AppID != appID || subtle.ConstantTimeCompare([]byte(want), []byte(signature)) != 1 {
		return Event{}, errSignature
	}
	ms, err := strconv.ParseInt(w.Timestamp, 10, 64)
	if err != nil {
		return Event{}, errBody
	}
	at := time.UnixMilli(ms)
	if d := now.Sub(at); d > MaxSkew || d < -MaxSkew {
		return Event{}, errStale
	}
	user := w.Sender.ID
	if user == "" {
		user = w.Follower.ID
	}
	return Event{AppID: w.AppID, Name: w.EventName, At: at, UserID: user, OAID: w.Recipient.ID,
		MessageID: w.Message.MsgID, Text: w.Message.Text}, nil
}
