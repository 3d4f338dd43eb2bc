package api

import (
	"log/slog"

	"github.com/motcua/motcua/internal/clientip"
	"github.com/motcua/motcua/internal/service"
)

// Options are the deployment settings the API reads once, at start, from
// `motcua serve`'s flags and environment.
type Options struct {
	// BaseURL is the public address (--base-url / MOTCUA_BASE_URL), used for
	// the payment gateway's return and callback addresses. Empty: taken from
	// each request.
	BaseURL string
	// MetricsToken (MOTCUA_METRICS_TOKEN) opens /metrics on the main
	// listener to `Authorization: Bearer <token>`; empty keeps it closed.
	MetricsToken string
	// ClientIP tells the client's address (MOTCUA_TRUSTED_PROXIES).
	ClientIP clientip.Resolver
}

// New builds the API server with default options (no trusted proxy, base URL
// from each request, /metrics closed on this listener). The tests build it
// so; serve passes its options to NewWith, so deadcode lists New, as intended.
func New(svc *service.Service, log *slog.Logger) *Server { return NewWith(svc, log, Options{}) }
