// Package api serves the JSON API under /api/v1, its OpenAPI document, and
// the operational endpoints (/healthz, /readyz, /metrics). Handlers decode,
// call the service, and encode; the rules live in the domain packages.
package api

import (
	"context"
	_ "embed"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/routes"
	"github.com/motcua/motcua/internal/service"
)

// MaxJSONBody bounds JSON request bodies; a dossier with a hundred components
// fits in a small fraction of it.
const MaxJSONBody = 1 << 20

//go:embed openapi.json
var openAPIDoc []byte

// OpenAPI returns the OpenAPI 3 document served at /api/openapi.json, for
// the contract tests (the route serves openAPIDoc itself); deadcode lists
// it, as intended.
func OpenAPI() []byte { return openAPIDoc }

// Server is the HTTP handler of the API.
type Server struct {
	svc      *service.Service
	log      *slog.Logger
	mux      *routes.Mux
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	actions  *prometheus.CounterVec
	opt      Options
}

// NewWith builds the API server.
func NewWith(svc *service.Service, log *slog.Logger, opt Options) *Server {
	s := &Server{svc: svc, log: log, mux: routes.New(), registry: prometheus.NewRegistry(), opt: opt}
	s.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "motcua_http_requests_total", Help: "HTTP requests by route and status."}, []string{"method", "route", "code"})
	s.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "motcua_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5}}, []string{"route"})
	s.actions = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "motcua_dossier_actions_total", Help: "Dossier actions applied, by action."}, []string{"action"})
	s.registry.MustRegister(s.requests, s.duration, s.actions, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s.routes()
	return s
}

// Mux exposes the router so that other transports (web pages) can share it.
func (s *Server) Mux() *http.ServeMux { return s.mux.ServeMux }

func (s *Server) routes() {
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, map[string]string{"status": "ok"}) })
	s.mux.HandleFunc("GET /readyz", s.readyz)
	s.mux.Handle("GET /metrics", s.metricsGate())
	s.mux.HandleFunc("GET /api/openapi.json", func(w http.ResponseWriter, r *http.Request) { writeRaw(w, 200, openAPIDoc) })

	s.mux.HandleFunc("POST /api/v1/auth/token", s.login)
	s.mux.HandleFunc("GET /api/v1/procedures", s.listProcedures)
	s.mux.HandleFunc("GET /api/v1/procedures/{code}", s.getProcedure)
	s.mux.HandleFunc("GET /api/v1/agencies", s.listAgencies)
	s.mux.HandleFunc("GET /api/v1/track/{code}", s.track)
	s.mux.HandleFunc("GET /api/v1/calendar/{year}", s.getCalendarYear)
	s.mux.HandleFunc("PUT /api/v1/calendar/{year}", s.authed(s.putCalendarYear))
	s.mux.HandleFunc("POST /api/v1/files", s.authed(s.uploadFile))
	s.mux.HandleFunc("POST /api/v1/dossiers", s.authed(s.submit))
	s.mux.HandleFunc("GET /api/v1/dossiers", s.authed(s.listDossiers))
	s.mux.HandleFunc("GET /api/v1/dossiers/{id}", s.authed(s.byID(s.getDossier)))
	s.mux.HandleFunc("POST /api/v1/dossiers/{id}/actions", s.authed(s.byID(s.act)))
	s.mux.HandleFunc("GET /api/v1/dossiers/{id}/events", s.authed(s.byID(s.events)))
	s.mux.HandleFunc("GET /api/v1/index766", s.authed(s.index766))
	s.mux.HandleFunc("GET /api/v1/reports/settlement", s.authed(s.settlementReport))
	s.mux.HandleFunc("GET /api/v1/reports/delays", s.authed(s.delaysReport))
	s.postalRoutes()
	s.paymentRoutes()
	s.dataStoreRoutes()
	s.privacyRoutes()
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, apperr.New(apperr.NotFound, "no_such_endpoint", "Không có địa chỉ API này.", "There is no such API endpoint."))
	})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.svc.Ping(ctx); err != nil {
		s.log.Error("readiness: database", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "database unavailable"})
		return
	}
	writeJSON(w, 200, map[string]string{"status": "ready"})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = 200
	}
	return w.ResponseWriter.Write(b)
}

// ServeHTTP adds the cross-cutting concerns: body limits, security headers,
// panic recovery, metrics and a log line that carries the route pattern, never
// the query string (it may hold an ID number being searched).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	r, info := withRequestInfo(r)
	sw := &statusWriter{ResponseWriter: w}
	h := sw.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	// File uploads (multipart) set their own, larger limit in their handler.
	if r.Body != nil && !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		r.Body = http.MaxBytesReader(sw, r.Body, MaxJSONBody)
	}
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", "route", r.Pattern, "panic", p, "stack", string(debug.Stack()))
			if sw.status == 0 {
				writeJSON(sw, http.StatusInternalServerError, errInternal)
			}
		}
		s.observe(r, info, sw.status, start)
	}()
	if s.inputOK(sw, r) {
		s.mux.ServeHTTP(sw, r)
	}
}

// authed requires a valid bearer token and passes the actor on.
func (s *Server) authed(h func(http.ResponseWriter, *http.Request, org.Actor)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			s.writeError(w, r, apperr.ErrUnauthorized)
			return
		}
		actor, err := s.svc.Authenticate(r.Context(), strings.TrimSpace(token))
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		NoteActor(r.Context(), actor.UserID)
		h(w, r, actor)
	}
}
