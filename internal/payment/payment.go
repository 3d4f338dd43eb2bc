// Package payment talks to online payment gateways of the redirect kind used
// in Vietnam (VNPay, ZaloPay, MoMo, the National Public Service Portal's
// payment platform): the citizen's browser is sent to the gateway with a
// signed request, pays there, and comes back; the gateway also calls the
// server directly (IPN) with a signed result. Only a verified result may
// change a dossier (RULES-VN.md §6.2, 766 indicator 3.6,
// DuocThanhToanTrucTuyen).
package payment

import (
	"crypto/hmac"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Request is one payment to start at a gateway.
type Request struct {
	Ref       string // our unique reference; letters and digits only
	AmountVND int64  // whole đồng, positive
	OrderInfo string // shown by the gateway; plain ASCII travels best
	ReturnURL string // where the browser comes back
	NotifyURL string // server-to-server callback, for gateways that take it per request
	ClientIP  string
	Locale    string // "vn" or "en"
	CreatedAt time.Time
	ExpiresAt time.Time
}

// Result is a verified answer from a gateway about one payment.
type Result struct {
	Provider  string
	Ref       string
	AmountVND int64
	TxnNo     string // the gateway's transaction number
	Code      string // the gateway's result code, kept for the record
	Success   bool
	PaidAt    time.Time // zero when the gateway does not say
}

// Ack is how the server judged a callback; each provider answers it in the
// gateway's own format.
type Ack int

const (
	AckOK             Ack = iota // recorded: paid, or failed/cancelled
	AckNotFound                  // no such payment
	AckAlreadySettled            // a replay of a payment already recorded: acknowledged, nothing changes
	AckAmountMismatch            // the amount differs from the payment's
	AckBadSignature              // not signed with our secret, or malformed
	AckError                     // our failure; the gateway should retry
)

// Provider is one gateway.
type Provider interface {
	// Name is the path segment of its callback: /api/v1/payments/{name}/callback.
	Name() string
	// PaymentURL is where to send the browser to pay.
	PaymentURL(Request) (string, error)
	// Verify checks the signature of a return or callback and reads it.
	// Errors wrap ErrBadSignature or ErrMalformed.
	Verify(url.Values) (Result, error)
	// Answer is the HTTP status, content type and body the gateway expects
	// in reply to its callback.
	Answer(Ack) (status int, contentType string, body []byte)
}

var (
	// ErrBadSignature: the parameters were not signed with our secret, or
	// were changed after signing, or the signature is missing.
	ErrBadSignature = errors.New("payment: bad or missing signature")
	// ErrMalformed: signed, but a field is missing or unreadable.
	ErrMalformed = errors.New("payment: malformed parameters")
)

// CheckRequest refuses what no gateway could take: an amount that is not a
// positive whole number of đồng, or a reference with other than letters and
// digits (VNPay's vnp_TxnRef).
func CheckRequest(r Request) error {
	if r.AmountVND <= 0 || r.AmountVND > MaxAmountVND {
		return fmt.Errorf("payment: amount %d VND: must be positive and at most %d", r.AmountVND, MaxAmountVND)
	}
	if r.Ref == "" || len(r.Ref) > 100 || strings.IndexFunc(r.Ref, func(c rune) bool { return !isAlnum(c) }) >= 0 {
		return fmt.Errorf("payment: reference %q: 1–100 letters and digits", r.Ref)
	}
	if r.ReturnURL == "" {
		return errors.New("payment: return URL required")
	}
	return nil
}

func isAlnum(c rune) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// canonical is the signed text: the non-empty parameters kept by keep,
// sorted by name, each as name=value form-encoded, joined by '&'. This is the
// scheme of VNPay and of the gateways built like it.
func canonical(params url.Values, keep func(string) bool) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		if keep(k) && params.Get(k) != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(formEncode(k))
		b.WriteByte('=')
		b.WriteString(formEncode(params.Get(k)))
	}
	return b.String()
}

// formEncode encodes like PHP's urlencode, which VNPay's reference code
// uses: letters, digits and "-_." stay, space becomes '+', every other byte
// is %XX in upper case. Go's url.QueryEscape differs on '~', and one
// differing byte breaks the signature.
func formEncode(s string) string {
	const hexd = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isAlnum(rune(c)) || c == '-' || c == '_' || c == '.':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hexd[c>>4])
			b.WriteByte(hexd[c&15])
		}
	}
	return b.String()
}

func sign(newHash func() hash.Hash, secret, text string) string {
	m := hmac.New(newHash, []byte(secret))
	m.Write([]byte(text))
	return hex.EncodeToString(m.Sum(nil))
}

// signatureOK compares in constant time; gateways send the hex in either case.
func signatureOK(newHash func() hash.Hash, secret, text, got string) bool {
	want := hmac.New(newHash, []byte(secret))
	want.Write([]byte(text))
	g, err := hex.DecodeString(strings.ToLower(strings.TrimSpace(got)))
	return err == nil && hmac.Equal(want.Sum(nil), g)
}

// Registry holds the configured gateways; the first is offered to citizens.
type Registry struct {
	list []Provider
}

// NewRegistry keeps the providers given, skipping nils.
func NewRegistry(ps ...Provider) *Registry {
	r := &Registry{}
	for _, p := range ps {
		if p != nil {
			r.list = append(r.list, p)
		}
	}
	return r
}

// Get finds a provider by name.
func (r *Registry) Get(name string) (Provider, bool) {
	if r == nil {
		return nil, false
	}
	for _, p := range r.list {
		if p.Name() == name {
			return p, true
		}
	}
	return nil, false
}

// Default is the provider offered to citizens; false when online payment is off.
func (r *Registry) Default() (Provider, bool) {
	if r == nil || len(r.list) == 0 {
		return nil, false
	}
	return r.list[0], true
}

// All lists the providers.
func (r *Registry) All() []Provider {
	if r == nil {
		return nil
	}
	return slices.Clone(r.list)
}

// FromEnv configures the VNPay gateway from MOTCUA_PAY_URL,
// MOTCUA_PAY_TMN_CODE and MOTCUA_PAY_SECRET. None set: nil, online payment
// off. Some set: an error naming the missing ones, because a half-configured
// gateway would fail only when a citizen tries to pay.
func FromEnv(getenv func(string) string) (Provider, error) {
	names := []string{"MOTCUA_PAY_URL", "MOTCUA_PAY_TMN_CODE", "MOTCUA_PAY_SECRET"}
	var missing []string
	for _, n := range names {
		if strings.TrimSpace(getenv(n)) == "" {
			missing = append(missing, n)
		}
	}
	if len(missing) == len(names) {
		return nil, nil
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("payment: online payment is half configured: set %s too", strings.Join(missing, ", "))
	}
	u, err := url.Parse(strings.TrimSpace(getenv("MOTCUA_PAY_URL")))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("payment: MOTCUA_PAY_URL must be an absolute http(s) URL")
	}
	return &VNPay{PayURL: u.String(), TmnCode: strings.TrimSpace(getenv("MOTCUA_PAY_TMN_CODE")), Secret: getenv("MOTCUA_PAY_SECRET")}, nil
}

// DemoCheckoutPath is where the demo mounts the local gateway's checkout,
// on the same server as the pages.
const DemoCheckoutPath = "/pay/local/checkout"

// Configure builds the gateways of a server: VNPay when configured (see
// FromEnv); otherwise, for the demo only, the local gateway on the same
// server with a secret made up at start. Nil: online payment off.
func Configure(getenv func(string) string, demo bool) (*Registry, error) {
	p, err := FromEnv(getenv)
	if err != nil {
		return nil, err
	}
	if p != nil {
		return NewRegistry(p), nil
	}
	if !demo {
		return nil, nil
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("payment: demo gateway secret: %w", err)
	}
	return NewRegistry(&Local{CheckoutURL: DemoCheckoutPath, Secret: hex.EncodeToString(b)}), nil
}
