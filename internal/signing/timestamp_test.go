package signing_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/signing"
	"github.com/motcua/motcua/internal/signing/democa"
)

// With a time-stamping authority the signing time is the TSA's, not the
// signer's clock (PAdES B-T); a TSA nobody installed leaves the claimed
// time, and says so.
func TestTimestampedSignature(t *testing.T) {
	p := newPKI(t)
	// The TSA's clock is half an hour behind the signer's, inside the
	// leader's certificate (valid from an hour ago).
	at := time.Now().Add(-30 * time.Minute).UTC().Truncate(time.Second)
	tsaCA, signed := stampedBy(t, p, at)
	// A TSA that says the document was signed days before the certificate
	// existed: the stamped time governs the validity check.
	oldCA, early := stampedBy(t, p, at.AddDate(0, 0, -3))
	for _, tc := range []struct {
		name   string
		doc    []byte
		trust  *signing.Trust
		want   signing.Code
		source string
		at     time.Time
	}{
		{"TSA root installed: the stamped time counts", signed, signing.NewTrust(p.ca.Root, tsaCA.Root), signing.Valid, "timestamp", at},
		{"TSA root not installed: the claimed time stands", signed, p.trust, signing.Valid, "claimed", time.Time{}},
		{"stamped before the certificate's validity", early, signing.NewTrust(p.ca.Root, oldCA.Root), signing.NotYetValid, "timestamp", at.AddDate(0, 0, -3)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := mustVerify(t, tc.doc, signing.VerifyOptions{Trust: tc.trust})
			sig := rep.Signatures[0]
			if rep.Verdict.Code != tc.want || sig.TimeSource != tc.source {
				t.Fatalf("verdict %s, time from %q; want %s from %q", rep.Verdict.Code, sig.TimeSource, tc.want, tc.source)
			}
			if tc.source == "timestamp" && !sig.SigningTime.Equal(tc.at) {
				t.Errorf("signing time %v, want the TSA's %v", sig.SigningTime, tc.at)
			}
			if tc.source == "claimed" && time.Since(sig.SigningTime) > time.Minute {
				t.Errorf("claimed time %v is not the signer's now", sig.SigningTime)
			}
		})
	}
	if got := pdfsig(t, signed); len(got) != 1 || !got[0].valid || !got[0].total {
		t.Errorf("pdfsig: %+v", got)
	}
}

// stampedBy signs a result with the leader's key and a time-stamp from a
// new TSA whose clock says at.
func stampedBy(t *testing.T, p *pki, at time.Time) (*democa.CA, []byte) {
	t.Helper()
	ca, err := democa.New("Demo TSA CA", func() time.Time { return at })
	if err != nil {
		t.Fatal(err)
	}
	key, err := ca.IssueTSA("Demo TSA")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ca.TSAHandler(key))
	t.Cleanup(srv.Close)
	signed, err := signing.New(p.leader, signing.Options{TSA: &signing.TSA{URL: srv.URL}}).Sign(context.Background(), resultPDF(t), leaderReq)
	if err != nil {
		t.Fatal(err)
	}
	return ca, signed
}
