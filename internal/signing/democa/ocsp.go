package democa

import (
	"encoding/base64"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/crypto/ocsp"
)

// OCSPHandler answers RFC 6960 requests (POST, or GET with the request as
// the path) for the certificates this CA issued, signed by the root itself.
// Serials it never issued are "good" too: the demo CA keeps no register of
// issued serials, only of revoked ones, and the tests only ask about
// certificates it made.
func (ca *CA) OCSPHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var raw []byte
		var err error
		switch r.Method {
		case http.MethodPost:
			raw, err = io.ReadAll(io.LimitReader(r.Body, 64<<10))
		case http.MethodGet:
			// The request is the whole path (RFC 6960 A.1), and standard
			// Base64 has "/" in it: mount the handler with
			// http.StripPrefix so that only the request is left.
			var p string
			if p, err = url.PathUnescape(strings.TrimPrefix(r.URL.EscapedPath(), "/")); err == nil {
				raw, err = base64.StdEncoding.DecodeString(p)
			}
		default:
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		req, err := ocsp.ParseRequest(raw)
		if err != nil {
			w.Header().Set("Content-Type", "application/ocsp-response")
			_, _ = w.Write(ocsp.MalformedRequestErrorResponse)
			return
		}
		now := ca.now()
		tmpl := ocsp.Response{
			SerialNumber: req.SerialNumber,
			Status:       ocsp.Good,
			ThisUpdate:   now.Add(-time.Minute),
			NextUpdate:   now.Add(time.Hour),
		}
		ca.mu.Lock()
		at, revoked := ca.revoked[req.SerialNumber.Text(16)]
		ca.mu.Unlock()
		if revoked {
			tmpl.Status = ocsp.Revoked
			tmpl.RevokedAt = at
			tmpl.RevocationReason = ocsp.KeyCompromise
		}
		resp, err := ocsp.CreateResponse(ca.Root, ca.Root, tmpl, ca.key)
		if err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/ocsp-response")
		_, _ = w.Write(resp)
	})
}
