package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/motcua/motcua/internal/clientip"
	"github.com/motcua/motcua/internal/service"
)

// clientKey is the client's address as the rate limits count it.
func (s *Server) clientKey(r *http.Request) string {
	return clientip.Key(s.opt.ClientIP.Addr(r))
}

// writeLimited is writeError that, for a rate limit or lockout, also tells
// the client when to come back (RFC 9110 §10.2.3).
func (s *Server) writeLimited(w http.ResponseWriter, r *http.Request, err error) {
	SetRetryAfter(w, err)
	s.writeError(w, r, err)
}

// SetRetryAfter sets Retry-After when err is a throttled refusal (the web
// pages use it too).
func SetRetryAfter(w http.ResponseWriter, err error) {
	var t *service.Throttled
	if errors.As(err, &t) {
		w.Header().Set("Retry-After", strconv.Itoa(int((t.RetryAfter()+999_999_999)/1e9)))
	}
}
