package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/motcua/motcua/internal/model"
)

// ZaloConfig says how to reach the Zalo Notification Service (ZNS): a POST
// with the Official Account's access token in the access_token header.
// ZNS sends only pre-approved templates: Templates maps each message kind
// (Kind values) to the template id approved for it.
type ZaloConfig struct {
	URL string // e.g. https://business.openapi.zalo.me/message/template
	// AccessToken is a fixed token (MOTCUA_ZALO_TOKEN), used when Tokens is
	// nil; it stops working when Zalo expires it (about 25 hours).
	AccessToken string
	// Tokens, when set, supplies access tokens refreshed from the pair
	// stored in the database (ZaloTokens).
	Tokens    *ZaloTokens
	Templates map[string]string
	// PermanentCodes are ZNS error codes that no retry fixes (e.g. the
	// phone has no Zalo account); other non-zero codes are retried.
	PermanentCodes []int
	Client         *http.Client
}

// ZaloSender sends ZNS template messages. tracking_id is the delivery key.
type ZaloSender struct{ cfg ZaloConfig }

// NewZaloSender checks the configuration.
func NewZaloSender(cfg ZaloConfig) (*ZaloSender, error) {
	if cfg.URL == "" || (cfg.AccessToken == "" && cfg.Tokens == nil) {
		return nil, fmt.Errorf("notify: Zalo ZNS needs a URL and an access token (or app id, secret key and refresh token)")
	}
	return &ZaloSender{cfg: cfg}, nil
}

// ZaloPayload is the outbox payload of a Zalo message: the kind of message
// (which approved template) and the template's parameters.
type ZaloPayload struct {
	Template string            `json:"template"`
	Data     map[string]string `json:"data"`
}

type znsRequest struct {
	Phone        string            `json:"phone"`
	TemplateID   string            `json:"template_id"`
	TemplateData map[string]string `json:"template_data"`
	TrackingID   string            `json:"tracking_id"`
}

type znsAnswer struct {
	Error   *int   `json:"error"`
	Message string `json:"message"`
}

// ZaloPhone writes a Vietnamese phone number in the 84xxxxxxxxx form ZNS
// wants; "" when it is not one.
func ZaloPhone(p string) string {
	p = strings.NewReplacer(" ", "", ".", "", "-", "").Replace(strings.TrimSpace(p))
	switch {
	case strings.HasPrefix(p, "+84"):
		p = "84" + p[3:]
	case strings.HasPrefix(p, "0"):
		p = "84" + p[1:]
	case !strings.HasPrefix(p, "84"):
		return ""
	}
	if len(p) < 11 || len(p) > 12 || strings.Trim(p, "0123456789") != "" {
		return ""
	}
	return p
}

// Send posts one template message. ZNS answers errors with HTTP 200 and a
// non-zero "error" in the body; those are read, not taken as success.
func (z *ZaloSender) Send(ctx context.Context, m model.OutboxMessage) error {
	var p ZaloPayload
	if err := json.Unmarshal([]byte(m.Payload), &p); err != nil {
		return Permanent("zalo payload: %v", err)
	}
	id := z.cfg.Templates[p.Template]
	if id == "" {
		return Permanent("no ZNS template configured for %q (MOTCUA_ZALO_TEMPLATE_%s)", p.Template, strings.ToUpper(p.Template))
	}
	phone := ZaloPhone(m.Recipient)
	if phone == "" {
		return Permanent("not a Vietnamese phone number")
	}
	token, err := z.token(ctx, "")
	if err != nil {
		return err
	}
	req := znsRequest{Phone: phone, TemplateID: id, TemplateData: p.Data, TrackingID: m.Key}
	status, raw, err := z.post(ctx, token, req)
	if err != nil {
		return err
	}
	// A token Zalo no longer accepts (revoked, or expired earlier than it
	// said) is refreshed once and the message sent again; with a fixed
	// token there is nothing to refresh and the error is retried as usual.
	if z.cfg.Tokens != nil && status/100 == 2 && znsTokenRefused(raw) {
		if token, err = z.token(ctx, token); err != nil {
			return err
		}
		if status, raw, err = z.post(ctx, token, req); err != nil {
			return err
		}
	}
	if status/100 != 2 {
		return httpStatusErr("zalo zns", status, raw)
	}
	var a znsAnswer
	if err := json.Unmarshal(raw, &a); err != nil || a.Error == nil {
		return fmt.Errorf("zalo zns: unreadable answer (HTTP %d)", status)
	}
	if *a.Error != 0 {
		if slices.Contains(z.cfg.PermanentCodes, *a.Error) {
			return fmt.Errorf("%w: zalo zns: error %d %s", ErrPermanent, *a.Error, a.Message)
		}
		return fmt.Errorf("zalo zns: error %d %s", *a.Error, a.Message)
	}
	return nil
}

func (z *ZaloSender) token(ctx context.Context, refused string) (string, error) {
	if z.cfg.Tokens == nil {
		return z.cfg.AccessToken, nil
	}
	return z.cfg.Tokens.Token(ctx, refused)
}

func (z *ZaloSender) post(ctx context.Context, token string, req znsRequest) (int, []byte, error) {
	h := http.Header{}
	h.Set("access_token", token)
	return postJSON(ctx, z.cfg.Client, z.cfg.URL, h, req)
}

// ZNS codes of an access token it does not accept: -124 in the ZNS error
// table ("Access token invalid"), -216 in the OA API's.
var znsTokenCodes = []int{-124, -216}

func znsTokenRefused(raw []byte) bool {
	var a znsAnswer
	return json.Unmarshal(raw, &a) == nil && a.Error != nil && slices.Contains(znsTokenCodes, *a.Error)
}

// ZaloOAuthURL is Zalo's OAuth v4 endpoint for Official Account tokens.
const ZaloOAuthURL = "https://oauth.zaloapp.com/v4/oa/access_token"

// TokenStore keeps the Official Account's token pair for every node, with
// the lease that lets one node at a time spend the refresh token; the
// database (*store.Store) is the one in use.
type TokenStore interface {
	// SeedZaloToken does not put back a seed already spent.
	SeedZaloToken(ctx context.Context, refresh string, now time.Time) error
	GetZaloToken(ctx context.Context) (model.ZaloToken, error)
	LeaseZaloRefresh(ctx context.Context, version int64, holder string, now, until time.Time) (bool, error)
	StoreZaloToken(ctx context.Context, holder string, version int64, access, refresh string, expires, now time.Time) (bool, error)
	ReleaseZaloLease(ctx context.Context, holder string) error
}

// ZaloTokens keeps the Official Account's access token fresh. Zalo's access
// token lives about 25 hours (expires_in 90000 s); a new one is obtained with
// the refresh token, which is single use: every refresh answers a new refresh
// token and the old one stops working. The pair is therefore kept in the
// database, shared by every node, and one node at a time holds a lease to
// spend it (TokenStore.LeaseZaloRefresh); the others wait and read what it
// stored.
type ZaloTokens struct {
	Store     TokenStore
	URL       string // ZaloOAuthURL unless a test peer
	AppID     string
	SecretKey string
	// Seed is the refresh token the operator obtained when authorising the
	// app (MOTCUA_ZALO_REFRESH_TOKEN); spent by the first refresh.
	Seed   string
	Client *http.Client
	// Early is how long before expiry the token is renewed (10 minutes).
	Early time.Duration
	Now   func() time.Time
	// holder names this value's leases.
	holder     string
	holderOnce sync.Once
}

// Open seeds the stored pair with the operator's refresh token (Seed;
// TokenStore.SeedZaloToken does not put back a seed already spent) and keeps
// st.
func (z *ZaloTokens) Open(ctx context.Context, st TokenStore) error {
	if z.AppID == "" || z.SecretKey == "" || z.Seed == "" {
		return fmt.Errorf("notify: Zalo token refresh needs the app id, the secret key and a refresh token")
	}
	if err := st.SeedZaloToken(ctx, z.Seed, time.Now()); err != nil {
		return err
	}
	z.Store = st
	return nil
}

// Tokens is the refreshed token source of the sender, nil with a fixed token.
func (z *ZaloSender) Tokens() *ZaloTokens { return z.cfg.Tokens }

const zaloLease = 2 * time.Minute

func (z *ZaloTokens) now() time.Time {
	if z.Now != nil {
		return z.Now()
	}
	return time.Now()
}

// Token returns a valid access token, refreshing the pair when it expires
// within Early or when it is the token refused (one ZNS just turned down).
func (z *ZaloTokens) Token(ctx context.Context, refused string) (string, error) {
	z.holderOnce.Do(func() { z.holder = fmt.Sprintf("%d-%x", time.Now().UnixNano(), rand.Uint64()) })
	early := z.Early
	if early == 0 {
		early = 10 * time.Minute
	}
	if z.Store == nil {
		return "", fmt.Errorf("notify: Zalo tokens used before Open")
	}
	for {
		t, err := z.Store.GetZaloToken(ctx)
		if err != nil {
			return "", err
		}
		now := z.now()
		if t.Access != "" && t.Access != refused && now.Add(early).Before(t.ExpiresAt) {
			return t.Access, nil
		}
		won, err := z.Store.LeaseZaloRefresh(ctx, t.Version, z.holder, now, now.Add(zaloLease))
		if err != nil {
			return "", err
		}
		if !won {
			// Another node is refreshing (or just did): read again shortly.
			select {
			case <-ctx.Done():
				return "", ctx.Err()
			case <-time.After(100 * time.Millisecond):
			}
			continue
		}
		access, refresh, ttl, err := z.exchange(ctx, t.Refresh)
		if err != nil {
			z.Store.ReleaseZaloLease(context.WithoutCancel(ctx), z.holder)
			return "", err
		}
		ok, err := z.Store.StoreZaloToken(context.WithoutCancel(ctx), z.holder, t.Version, access, refresh, now.Add(ttl), z.now())
		if err != nil {
			return "", err
		}
		if !ok {
			return "", fmt.Errorf("zalo oauth: lease lost while refreshing")
		}
		return access, nil
	}
}

type zaloOAuthAnswer struct {
	AccessToken  string          `json:"access_token"`
	RefreshToken string          `json:"refresh_token"`
	ExpiresIn    json.RawMessage `json:"expires_in"` // Zalo sends a string ("90000"); a number is read too
	Error        int             `json:"error"`
	ErrorName    string          `json:"error_name"`
}

// exchange spends the refresh token: a form post with app_id, grant_type and
// refresh_token, the app's secret key in the secret_key header. The answer's
// tokens are never put in an error or a log.
func (z *ZaloTokens) exchange(ctx context.Context, refresh string) (string, string, time.Duration, error) {
	form := url.Values{"app_id": {z.AppID}, "grant_type": {"refresh_token"}, "refresh_token": {refresh}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, z.URL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", "", 0, Permanent("zalo oauth: build request: %v", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("secret_key", z.SecretKey)
	client := z.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", "", 0, fmt.Errorf("zalo oauth: %w", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var a zaloOAuthAnswer
	if err := json.Unmarshal(raw, &a); err != nil || resp.StatusCode/100 != 2 {
		return "", "", 0, fmt.Errorf("zalo oauth: unreadable answer (HTTP %d)", resp.StatusCode)
	}
	if a.Error != 0 || a.AccessToken == "" || a.RefreshToken == "" {
		return "", "", 0, fmt.Errorf("zalo oauth: refresh refused: error %d %s (authorise the app again and set MOTCUA_ZALO_REFRESH_TOKEN)", a.Error, a.ErrorName)
	}
	secs, err := strconv.Atoi(strings.Trim(string(a.ExpiresIn), `"`))
	if err != nil || secs <= 0 {
		return "", "", 0, fmt.Errorf("zalo oauth: unreadable expires_in")
	}
	return a.AccessToken, a.RefreshToken, time.Duration(secs) * time.Second, nil
}
