package signing_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/signing"
	"github.com/motcua/motcua/internal/signing/democa"
)

// A CA that runs no OCSP responder but publishes a CRL: revocation is read
// from the list.
func TestRevocationFromCRL(t *testing.T) {
	p := newPKI(t)
	crl := httptest.NewServer(p.ca.CRLHandler())
	defer crl.Close()
	ocspURL := p.ca.OCSPURL
	p.ca.OCSPURL, p.ca.CRLURL = "", crl.URL
	good := issue(t, p.ca, democa.Subject{Name: "Phan Văn Tốt", Organization: justice})
	bad := issue(t, p.ca, democa.Subject{Name: "Đỗ Văn Mất", Organization: justice})
	p.ca.OCSPURL, p.ca.CRLURL = ocspURL, ""
	p.ca.Revoke(bad.Certificate(), time.Now().Add(-time.Hour))

	for _, tc := range []struct {
		name string
		key  *signing.LocalKey
		want signing.Code
	}{
		{"not on the issuer's CRL: good", good, signing.Valid},
		{"on the issuer's CRL: revoked", bad, signing.Revoked},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := mustVerify(t, mustSign(t, tc.key, resultPDF(t), leaderReq), p.opts())
			if rep.Verdict.Code != tc.want || rep.Signatures[0].RevocationSource != "crl" {
				t.Fatalf("verdict %s from %q", rep.Verdict.Code, rep.Signatures[0].RevocationSource)
			}
		})
	}

	// A CRL signed by someone else is not believed: unknown.
	other, err := democa.New("Another CA", nil)
	if err != nil {
		t.Fatal(err)
	}
	forged := httptest.NewServer(other.CRLHandler())
	defer forged.Close()
	p.ca.OCSPURL, p.ca.CRLURL = "", forged.URL
	k := issue(t, p.ca, democa.Subject{Name: "Lý Thị Giả", Organization: justice})
	p.ca.OCSPURL, p.ca.CRLURL = ocspURL, ""
	other.Revoke(k.Certificate(), time.Now()) // the forger lists it
	rep := mustVerify(t, mustSign(t, k, resultPDF(t), leaderReq), p.opts())
	if !rep.Verdict.OK() || rep.Verdict.Revocation != signing.RevocationUnknown {
		t.Fatalf("forged CRL: verdict %s, revocation %s", rep.Verdict.Code, rep.Verdict.Revocation)
	}
}
