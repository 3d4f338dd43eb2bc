package signing_test

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/signing"
	"github.com/motcua/motcua/internal/signing/democa"
)

// With EmbedRevocation the issuer's "good" at signing time travels in the
// signature: a revocation after signing (the leader left office) does not
// undo a result signed before it, and verifying needs no network.
func TestEmbeddedRevocationOutlivesLaterRevocation(t *testing.T) {
	p := newPKI(t)
	k := issue(t, p.ca, democa.Subject{Name: "Hoàng Văn Về Hưu", Organization: justice, Title: "Giám đốc"})
	s := signing.New(k, signing.Options{EmbedRevocation: true})
	signed, err := s.Sign(context.Background(), resultPDF(t), leaderReq)
	if err != nil {
		t.Fatal(err)
	}
	p.ca.Revoke(k.Certificate(), time.Now().Add(time.Minute))

	rep := mustVerify(t, signed, signing.VerifyOptions{Trust: p.trust, Offline: true})
	sig := rep.Signatures[0]
	if !rep.Verdict.OK() || sig.Revocation != signing.RevocationGood || sig.RevocationSource != "embedded" {
		t.Fatalf("verdict %s, revocation %s from %q", rep.Verdict.Code, sig.Revocation, sig.RevocationSource)
	}

	// Without the embedded answer the same revocation is all we know.
	plain := mustSign(t, k, resultPDF(t), leaderReq)
	if rep := mustVerify(t, plain, p.opts()); rep.Verdict.Code != signing.Revoked {
		t.Fatalf("not embedded: verdict %s", rep.Verdict.Code)
	}
	// Offline and not embedded: unknown, and said so.
	rep = mustVerify(t, plain, signing.VerifyOptions{Trust: p.trust, Offline: true})
	if !rep.Verdict.OK() || rep.Verdict.Revocation != signing.RevocationUnknown {
		t.Fatalf("offline: verdict %s, revocation %s", rep.Verdict.Code, rep.Verdict.Revocation)
	}
}

// A province that asks for the proof gets an error, not a signature
// without it, when the responder is down.
func TestEmbedRevocationFailsWhenResponderDown(t *testing.T) {
	p := newPKI(t)
	p.ca.OCSPURL = "http://127.0.0.1:1/ocsp"
	k := issue(t, p.ca, democa.Subject{Name: "Vũ Thị Xa", Organization: justice})
	_, err := signing.New(k, signing.Options{EmbedRevocation: true}).Sign(context.Background(), resultPDF(t), leaderReq)
	if err == nil {
		t.Fatal("signed without the revocation proof it was asked to embed")
	}
}
