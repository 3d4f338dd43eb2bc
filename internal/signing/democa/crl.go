package democa

import (
	"crypto/rand"
	"crypto/x509"
	"math/big"
	"net/http"
	"time"
)

// CRLHandler serves the CA's current certificate revocation list (DER,
// RFC 5280 §5), made afresh at each request and valid for an hour.
func (ca *CA) CRLHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := ca.now()
		tmpl := &x509.RevocationList{Number: big.NewInt(now.Unix()), ThisUpdate: now.Add(-time.Minute), NextUpdate: now.Add(time.Hour)}
		ca.mu.Lock()
		for serial, at := range ca.revoked {
			n, _ := new(big.Int).SetString(serial, 16)
			tmpl.RevokedCertificateEntries = append(tmpl.RevokedCertificateEntries, x509.RevocationListEntry{SerialNumber: n, RevocationTime: at})
		}
		ca.mu.Unlock()
		der, err := x509.CreateRevocationList(rand.Reader, tmpl, ca.Root, ca.key)
		if err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/pkix-crl")
		_, _ = w.Write(der)
	})
}
