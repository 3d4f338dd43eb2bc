package signing_test

import (
	"context"
	"testing"

	"github.com/motcua/motcua/internal/signing"
)

// Whatever a citizen uploads, Verify returns a report or an error; it never
// panics and never calls a damaged signature valid. The seeds run with
// every go test; go test -fuzz FuzzVerify explores further.
func FuzzVerify(f *testing.F) {
	p := newPKI(f)
	signed := mustSign(f, p.seal, resultPDF(f), sealReq)
	f.Add(signed)
	f.Add(resultPDF(f))
	f.Add(signed[:len(signed)-100])
	opts := signing.VerifyOptions{Trust: p.trust, Offline: true}
	f.Fuzz(func(t *testing.T, doc []byte) {
		rep, err := signing.Verify(context.Background(), doc, opts)
		if err != nil {
			return
		}
		if rep.Verdict.OK() && len(doc) == len(signed) && string(doc) != string(signed) {
			// Same length, other bytes: only the unsigned /Contents padding
			// may differ and still verify.
			for _, s := range rep.Signatures {
				if !s.Intact {
					t.Fatal("valid verdict over a damaged signature")
				}
			}
		}
	})
}
