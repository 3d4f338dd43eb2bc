package signing_test

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/signing"
	"github.com/motcua/motcua/internal/signing/democa"
)

// Signing cost with a key the server holds, Form 01 as the document, the
// visible box included (issue 15: signatures per second per core). Run:
//
//	go test -run '^$' -bench BenchmarkSignLocal -cpu 1 ./internal/signing/
func BenchmarkSignLocal(b *testing.B) {
	p := newPKI(b)
	doc := form01(b)
	for _, tc := range []struct {
		name string
		bits int
	}{{"ECDSA-P256", 0}, {"RSA-2048", 2048}} {
		k := issue(b, p.ca, democa.Subject{Name: "Nguyễn Thị Hĩn", Organization: justice, Title: "Giám đốc", RSABits: tc.bits})
		s := signing.New(k, signing.Options{})
		b.Run(tc.name, func(b *testing.B) {
			ctx := context.Background()
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				if _, err := s.Sign(ctx, doc, leaderReq); err != nil {
					b.Fatal(err)
				}
			}
			reportPerCore(b, cpuTime()-cpu0, "sig/s")
		})
	}
}

// Verification cost, offline (no OCSP round trip), for the same document.
func BenchmarkVerify(b *testing.B) {
	p := newPKI(b)
	signed := mustSign(b, p.leader, form01(b), leaderReq)
	opts := signing.VerifyOptions{Trust: p.trust, Offline: true}
	ctx := context.Background()
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if rep, err := signing.Verify(ctx, signed, opts); err != nil || !rep.Verdict.OK() {
			b.Fatal(err)
		}
	}
	reportPerCore(b, cpuTime()-cpu0, "verify/s")
}

// reportPerCore reports operations per second of wall time and, from the
// CPU time the loop used (garbage collection included), per second of one
// core's CPU time.
func reportPerCore(b *testing.B, cpu time.Duration, unit string) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), unit)
	if cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), unit+"/core-cpu")
	}
}
