package api

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/motcua/motcua/internal/apperr"
)

// knownMethods are the only values of the method label: a label takes what
// the client sends, and 2,000 invented methods would otherwise be 2,000
// series kept forever.
var knownMethods = map[string]bool{"GET": true, "HEAD": true, "POST": true, "PUT": true, "PATCH": true,
	"DELETE": true, "OPTIONS": true}

func methodLabel(m string) string {
	if knownMethods[m] {
		return m
	}
	return "OTHER"
}

// MetricsHandler is the Prometheus exposition, without a check: serve it on
// the separate --metrics-addr listener, which only the monitoring network
// reaches.
func (s *Server) MetricsHandler() http.Handler {
	return promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{})
}

// metricsGate serves /metrics on the public listener only to a bearer of
// MOTCUA_METRICS_TOKEN. Without a token it says there is nothing there: the
// figures (routes, volumes, process details) are for operators, not the public.
func (s *Server) metricsGate() http.Handler {
	h := s.MetricsHandler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		want := s.opt.MetricsToken
		if want == "" {
			s.writeError(w, r, apperr.New(apperr.NotFound, "no_such_endpoint", "Không có địa chỉ API này.", "There is no such API endpoint."))
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(want)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
			s.writeError(w, r, apperr.ErrUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// requestInfo travels in the request's context so that what is learnt deep
// in a handler (who the actor is, the web page's own route) reaches the
// access log line written at the end.
type requestInfo struct {
	mu    sync.Mutex
	actor int64
	route string
}

type requestInfoKey struct{}

// NoteActor records who made the request, for the access log. The web pages
// call it once they have read the session.
func NoteActor(ctx context.Context, userID int64) {
	if ri, ok := ctx.Value(requestInfoKey{}).(*requestInfo); ok {
		ri.mu.Lock()
		ri.actor = userID
		ri.mu.Unlock()
	}
}

// NoteRoute records a finer route pattern than the one this mux matched
// (the web pages have their own mux under "/").
func NoteRoute(ctx context.Context, pattern string) {
	if ri, ok := ctx.Value(requestInfoKey{}).(*requestInfo); ok && pattern != "" {
		ri.mu.Lock()
		ri.route = pattern
		ri.mu.Unlock()
	}
}

func withRequestInfo(r *http.Request) (*http.Request, *requestInfo) {
	ri := &requestInfo{}
	return r.WithContext(context.WithValue(r.Context(), requestInfoKey{}, ri)), ri
}

// observe counts the request and writes its access log line: method, route
// pattern, status, duration and actor id. Never the path's values, the
// query string or the body: they may hold an ID number being searched for.
func (s *Server) observe(r *http.Request, ri *requestInfo, status int, start time.Time) {
	ri.mu.Lock()
	route, actor := ri.route, ri.actor
	ri.mu.Unlock()
	if route == "" {
		route = r.Pattern
	}
	if route == "" {
		route = "unmatched"
	}
	method := methodLabel(r.Method)
	el := time.Since(start)
	s.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
	s.duration.WithLabelValues(route).Observe(el.Seconds())
	s.log.Info("request", "method", method, "route", route, "status", status,
		"duration_ms", float64(el.Microseconds())/1000, "actor", actor)
}
