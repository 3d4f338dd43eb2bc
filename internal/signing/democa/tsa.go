package democa

import (
	"context"
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"io"
	"net/http"
	"time"

	"github.com/digitorus/timestamp"

	"github.com/motcua/motcua/internal/signing"
)

// demoPolicy is the TSA policy written in demo time-stamps, under the
// "example" arc (2.999) that no real policy uses.
var demoPolicy = asn1.ObjectIdentifier{2, 999, 1, 1}

// IssueTSA makes the key and certificate of a time-stamping authority
// (extended key usage timeStamping only, RFC 3161 §2.3).
func (ca *CA) IssueTSA(name string) (*signing.LocalKey, error) {
	return ca.issue(Subject{Name: name, Organization: name}, func(c *x509.Certificate) {
		c.KeyUsage = x509.KeyUsageDigitalSignature
		c.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping}
		c.UnknownExtKeyUsage = nil
	})
}

// TSAHandler answers RFC 3161 time-stamp requests with tsa's key and the
// CA's clock.
func (ca *CA) TSAHandler(tsa *signing.LocalKey) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		req, err := timestamp.ParseRequest(raw)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		key, _ := tsa.Signer(context.Background())
		ts := timestamp.Timestamp{
			HashAlgorithm:     req.HashAlgorithm,
			HashedMessage:     req.HashedMessage,
			Time:              ca.now().UTC().Truncate(time.Second),
			Accuracy:          time.Second,
			Nonce:             req.Nonce,
			Policy:            demoPolicy,
			AddTSACertificate: req.Certificates,
		}
		resp, err := ts.CreateResponseWithOpts(tsa.Certificate(), key, crypto.SHA256)
		if err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/timestamp-reply")
		_, _ = w.Write(resp)
	})
}
