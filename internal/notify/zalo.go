package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/motcua/motcua/internal/store"
)

// ZaloConfig says how to reach the Zalo Notification Service (ZNS): a POST
// with the Official Account's access token in the access_token header.
// ZNS sends only pre-approved templates: Templates maps each message kind
// (Kind values) to the template id approved for it.
type ZaloConfig struct {
	URL         string // e.g. https://business.openapi.zalo.me/message/template
	AccessToken string
	Templates   map[string]string
	// PermanentCodes are ZNS error codes that no retry fixes (e.g. the
	// phone has no Zalo account); other non-zero codes are retried.
	PermanentCodes []int
	Client         *http.Client
}

// ZaloSender sends ZNS template messages. tracking_id is the delivery key.
type ZaloSender struct{ cfg ZaloConfig }

// NewZaloSender checks the configuration.
func NewZaloSender(cfg ZaloConfig) (*ZaloSender, error) {
	if cfg.URL == "" || cfg.AccessToken == "" {
		return nil, fmt.Errorf("notify: Zalo ZNS needs a URL and an access token")
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
func (z *ZaloSender) Send(ctx context.Context, m store.OutboxMessage) error {
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
	h := http.Header{}
	h.Set("access_token", z.cfg.AccessToken)
	status, raw, err := postJSON(ctx, z.cfg.Client, z.cfg.URL, h, znsRequest{Phone: phone, TemplateID: id, TemplateData: p.Data, TrackingID: m.Key})
	if err != nil {
		return err
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
