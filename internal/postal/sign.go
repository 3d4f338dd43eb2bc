package postal

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
)

// Header names of a signed request.
const (
	HeaderKeyID     = "X-Motcua-Key-Id"
	HeaderTimestamp = "X-Motcua-Timestamp" // Unix seconds
	HeaderNonce     = "X-Motcua-Nonce"
	HeaderSignature = "X-Motcua-Signature" // lower-case hex HMAC-SHA256
)

// MaxSkew is how far a request's timestamp may be from our clock. Nonces
// are kept for NonceTTL, longer than any timestamp we would still accept, so
// a replay can never outlive its nonce's record.
const (
	MaxSkew  = 5 * time.Minute
	NonceTTL = 2*MaxSkew + time.Minute
)

const scheme = "MOTCUA-HMAC-SHA256"

var nonceRe = regexp.MustCompile(`^[A-Za-z0-9_-]{16,64}$`)

// StringToSign is what the HMAC covers, one item a line: the scheme, the key
// id, the method, the request URI (path and query as sent), the timestamp,
// the nonce and the hex SHA-256 of the body. Binding the method and path
// means a signature captured on one endpoint cannot be replayed on another.
func StringToSign(keyID, method, requestURI, timestamp, nonce string, body []byte) string {
	sum := sha256.Sum256(body)
	return strings.Join([]string{scheme, keyID, strings.ToUpper(method), requestURI, timestamp, nonce, hex.EncodeToString(sum[:])}, "\n")
}

// Signature is the hex HMAC-SHA256 of s under secret.
func Signature(secret []byte, s string) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(s))
	return hex.EncodeToString(mac.Sum(nil))
}

// Signer signs outgoing requests with one key.
type Signer struct {
	KeyID  string
	Secret []byte
	Now    func() time.Time // nil: time.Now
}

// Sign sets the four signature headers on r for body (the exact bytes sent).
func (s Signer) Sign(r *http.Request, body []byte) error {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	nonce := hex.EncodeToString(b)
	ts := strconv.FormatInt(now().Unix(), 10)
	r.Header.Set(HeaderKeyID, s.KeyID)
	r.Header.Set(HeaderTimestamp, ts)
	r.Header.Set(HeaderNonce, nonce)
	r.Header.Set(HeaderSignature, Signature(s.Secret, StringToSign(s.KeyID, r.Method, r.URL.RequestURI(), ts, nonce, body)))
	return nil
}

// NonceStore remembers the nonces already accepted. Claim reports false for
// a nonce seen before; it must hold across server processes (the database).
type NonceStore interface {
	ClaimPostalNonce(ctx context.Context, keyID, nonce string, at time.Time) (fresh bool, err error)
}

// Verifier checks incoming signed requests.
type Verifier struct {
	// Secret returns the secret of a key id, false if the key is unknown.
	Secret func(keyID string) ([]byte, bool)
	Nonces NonceStore
	Now    func() time.Time // nil: time.Now
}

// Errors of verification. The messages say what to fix without revealing
// which secret was expected.
var (
	ErrUnsigned = apperr.New(apperr.Unauthorized, "postal_unsigned",
		"Yêu cầu chưa được ký: cần các tiêu đề X-Motcua-Key-Id, X-Motcua-Timestamp, X-Motcua-Nonce (16–64 ký tự A–Z, a–z, 0–9, _ hoặc -) và X-Motcua-Signature.",
		"The request is not signed: the headers X-Motcua-Key-Id, X-Motcua-Timestamp, X-Motcua-Nonce (16–64 characters A–Z, a–z, 0–9, _ or -) and X-Motcua-Signature are required.")
	ErrUnknownKey = apperr.New(apperr.Unauthorized, "postal_key_unknown",
		"Mã khóa (X-Motcua-Key-Id) không được cấu hình cho đơn vị bưu chính nào.",
		"The key id (X-Motcua-Key-Id) is not configured for any postal operator.")
	ErrSkew = apperr.New(apperr.Unauthorized, "postal_timestamp_skew",
		"Thời điểm ký (X-Motcua-Timestamp, giây Unix) lệch quá 5 phút so với máy chủ; hãy đồng bộ đồng hồ và ký lại.",
		"The signing time (X-Motcua-Timestamp, Unix seconds) is more than 5 minutes off the server's clock; synchronise the clock and sign again.")
	ErrBadSignature = apperr.New(apperr.Unauthorized, "postal_signature_invalid",
		"Chữ ký không đúng: HMAC-SHA256 phải tính trên phương thức, đường dẫn, thời điểm, nonce và SHA-256 của nội dung, với khóa bí mật đã cấp.",
		"Bad signature: the HMAC-SHA256 must cover the method, path, timestamp, nonce and the body's SHA-256, with the issued secret.")
	ErrReplay = apperr.New(apperr.Conflict, "postal_replay",
		"Yêu cầu này đã được nhận (nonce đã dùng); không có gì thay đổi. Mỗi lần gửi cần nonce mới.",
		"This request was already received (nonce used before); nothing was changed. Every sending needs a new nonce.")
)

// Verify checks r's signature over body and claims its nonce. It returns the
// key id, which names the operator. The nonce is claimed only after the
// signature is good, so that nobody without the secret can fill the table.
func (v Verifier) Verify(ctx context.Context, r *http.Request, body []byte) (string, error) {
	keyID, ts, nonce, sig := r.Header.Get(HeaderKeyID), r.Header.Get(HeaderTimestamp), r.Header.Get(HeaderNonce), r.Header.Get(HeaderSignature)
	if keyID == "" || ts == "" || sig == "" || !nonceRe.MatchString(nonce) {
		return "", ErrUnsigned
	}
	secret, ok := v.Secret(keyID)
	if !ok || len(secret) == 0 {
		return "", ErrUnknownKey
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return "", ErrUnsigned
	}
	now := time.Now
	if v.Now != nil {
		now = v.Now
	}
	at := now()
	if d := at.Sub(time.Unix(sec, 0)); d > MaxSkew || d < -MaxSkew {
		return "", ErrSkew
	}
	want := Signature(secret, StringToSign(keyID, r.Method, r.URL.RequestURI(), ts, nonce, body))
	// hmac.Equal compares in constant time: the answer's timing tells an
	// attacker nothing about how much of a forged signature was right.
	if !hmac.Equal([]byte(want), []byte(strings.ToLower(sig))) {
		return "", ErrBadSignature
	}
	fresh, err := v.Nonces.ClaimPostalNonce(ctx, keyID, nonce, at)
	if err != nil {
		return "", err
	}
	if !fresh {
		return "", ErrReplay
	}
	return keyID, nil
}
