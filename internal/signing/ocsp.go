package signing

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"

	"golang.org/x/crypto/ocsp"
)

// fetchOCSP asks the certificate's first OCSP responder (RFC 6960, POST)
// for its status. The answer is checked against the issuer: a response
// signed by anyone else is an error, not a status.
func fetchOCSP(ctx context.Context, client *http.Client, cert, issuer *x509.Certificate) ([]byte, *ocsp.Response, error) {
	if len(cert.OCSPServer) == 0 {
		return nil, nil, errors.New("signing: certificate names no OCSP responder")
	}
	req, err := ocsp.CreateRequest(cert, issuer, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("signing: OCSP request: %w", err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, cert.OCSPServer[0], bytes.NewReader(req))
	if err != nil {
		return nil, nil, fmt.Errorf("signing: OCSP request: %w", err)
	}
	hreq.Header.Set("Content-Type", "application/ocsp-request")
	resp, err := client.Do(hreq)
	if err != nil {
		return nil, nil, fmt.Errorf("signing: OCSP: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, nil, fmt.Errorf("signing: OCSP responder answered %s", resp.Status)
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, nil, fmt.Errorf("signing: OCSP: %w", err)
	}
	parsed, err := ocsp.ParseResponseForCert(raw, cert, issuer)
	if err != nil {
		return nil, nil, fmt.Errorf("signing: OCSP response: %w", err)
	}
	return raw, parsed, nil
}
