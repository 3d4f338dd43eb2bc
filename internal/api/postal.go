package api

import (
	"bytes"
	"errors"
	"io"
	"net/http"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/postal"
	"github.com/motcua/motcua/internal/service"
)

// postalRoutes registers the postal operator's webhook (Decision 45/2016).
// It is not behind a bearer token: the HMAC signature authenticates the
// operator, and its nonce makes a captured request useless.
func (s *Server) postalRoutes() {
	s.mux.HandleFunc("POST /api/v1/postal/events", s.postalEvents)
}

func (s *Server) postalVerifier() postal.Verifier {
	return postal.Verifier{Secret: s.svc.Postal.SecretFor, Nonces: s.svc, Now: s.svc.Now}
}

func (s *Server) postalEvents(w http.ResponseWriter, r *http.Request) {
	// The signature covers the exact bytes, so they are read before decoding;
	// ServeHTTP's MaxBytesReader still bounds them.
	raw, err := io.ReadAll(r.Body)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		s.writeError(w, r, apperr.Newf(apperr.TooLarge, "body_too_large", "Nội dung yêu cầu quá lớn (tối đa %d KB).", "The request body is too large (%d KB at most).", tooLarge.Limit>>10))
		return
	} else if err != nil {
		s.writeError(w, r, apperr.New(apperr.BadInput, "body_unreadable", "Không đọc được nội dung yêu cầu.", "The request body could not be read."))
		return
	}
	keyID, err := s.postalVerifier().Verify(r.Context(), r, raw)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	var ev postal.Event
	if err := decode(r, &ev); err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.svc.PostalReport(r.Context(), keyID, ev, service.RequestHash("postal", string(raw)))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if res.Replay {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	writeRaw(w, res.Status, res.Body)
}
