package api

import (
	"net/http"
	"strings"

	"github.com/motcua/motcua/internal/clientip"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// paymentRoutes registers online payment of fees (RULES-VN.md §1.4; 766
// indicator 3.6): the applicant opens a payment and is sent to the gateway;
// the gateway's signed callback alone marks the dossier paid.
func (s *Server) paymentRoutes() {
	s.mux.HandleFunc("POST /api/v1/dossiers/{id}/payments", s.authed(s.byID(s.startPayment)))
	s.mux.HandleFunc("GET /api/v1/payments/{provider}/callback", s.paymentCallback)
	s.mux.HandleFunc("POST /api/v1/payments/{provider}/callback", s.paymentCallback)
}

// PaymentStarted is the answer to opening a payment: send the browser to
// redirect_url.
type PaymentStarted struct {
	PaymentID   int64  `json:"payment_id"`
	Ref         string `json:"ref"`
	AmountVND   int64  `json:"amount_vnd"`
	RedirectURL string `json:"redirect_url"`
	ExpiresAt   Time   `json:"expires_at"`
}

func (s *Server) startPayment(w http.ResponseWriter, r *http.Request, actor org.Actor, id int64) {
	started, err := s.svc.StartPayment(r.Context(), actor, id, PaymentLinks(r, s.opt.BaseURL, s.opt.ClientIP))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	p := started.Payment
	writeJSON(w, http.StatusCreated, PaymentStarted{PaymentID: p.ID, Ref: p.Ref, AmountVND: p.AmountVND,
		RedirectURL: started.RedirectURL, ExpiresAt: Time{p.ExpiresAt}})
}

// PaymentLinks builds the addresses the gateway needs from the public base
// URL configured at start (--base-url / MOTCUA_BASE_URL), or from the request
// when none is. The client's address (vnp_IpAddr) is the one ips resolves: the
// citizen's, not that of our own reverse proxy. The web pages use it too, so
// that both send the gateway the same callback.
func PaymentLinks(r *http.Request, baseURL string, ips clientip.Resolver) service.PaymentLinks {
	base := strings.TrimRight(baseURL, "/")
	if base == "" {
		scheme := "http"
		if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	locale := "vn"
	if strings.HasPrefix(strings.ToLower(r.Header.Get("Accept-Language")), "en") {
		locale = "en"
	}
	return service.PaymentLinks{ReturnURL: base + "/pay/return", NotifyBase: base, ClientIP: ips.String(r), Locale: locale}
}

// paymentCallback answers a gateway's server-to-server notice in the
// gateway's own format. VNPay calls with GET; others post a form.
func (s *Server) paymentCallback(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("provider")
	if err := r.ParseForm(); err != nil {
		r.Form = r.URL.Query()
	}
	prov, ack, err := s.svc.PaymentCallback(r.Context(), name, r.Form)
	if prov == nil {
		s.writeError(w, r, err)
		return
	}
	if err != nil {
		s.log.Error("payment callback", "provider", name, "err", err)
	}
	status, ct, body := prov.Answer(ack)
	w.Header().Set("Content-Type", ct+"; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(body)
}
