package signing

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// fetchCRL downloads the certificate's first HTTP CRL distribution point
// and checks it is the issuer's and current. A CA's CRL can be large:
// 20 MiB is the limit, above which the status stays unknown.
func fetchCRL(ctx context.Context, client *http.Client, cert, issuer *x509.Certificate, now time.Time) (*x509.RevocationList, error) {
	var url string
	for _, u := range cert.CRLDistributionPoints {
		if len(u) > 7 && (u[:7] == "http://" || (len(u) > 8 && u[:8] == "https://")) {
			url = u
			break
		}
	}
	if url == "" {
		return nil, errors.New("signing: certificate names no HTTP CRL")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("signing: CRL: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("signing: CRL: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("signing: CRL server answered %s", resp.Status)
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 20<<20))
	if err != nil {
		return nil, fmt.Errorf("signing: CRL: %w", err)
	}
	return checkCRL(raw, issuer, now)
}

// checkCRL parses a DER CRL and accepts it only when the issuer signed it
// and its next update is not past: a stale list may miss a revocation.
func checkCRL(raw []byte, issuer *x509.Certificate, now time.Time) (*x509.RevocationList, error) {
	crl, err := x509.ParseRevocationList(raw)
	if err != nil {
		return nil, fmt.Errorf("signing: CRL: %w", err)
	}
	if err := crl.CheckSignatureFrom(issuer); err != nil {
		return nil, fmt.Errorf("signing: CRL not from the issuer: %w", err)
	}
	if !crl.NextUpdate.IsZero() && now.After(crl.NextUpdate) {
		return nil, errors.New("signing: CRL is out of date")
	}
	return crl, nil
}

// applyCRL sets the status from a list: listed is revoked, absent is good.
func applyCRL(s *Signature, crl *x509.RevocationList, source string) {
	for _, e := range crl.RevokedCertificateEntries {
		if e.SerialNumber.Cmp(s.Certificate.SerialNumber) == 0 {
			s.Revocation, s.RevocationSource, s.RevokedAt = RevocationRevoked, source, e.RevocationTime
			return
		}
	}
	s.Revocation, s.RevocationSource = RevocationGood, source
}
