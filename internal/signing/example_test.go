package signing_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/motcua/motcua/internal/signing"
	"github.com/motcua/motcua/internal/signing/democa"
	"github.com/motcua/motcua/internal/signing/signingtest"
)

// The whole chain as `serve --demo` would run it: a demo CA with its OCSP
// responder, the leader's key, a signed result, and the verdict the
// dossier page shows.
func ExampleNew() {
	ca, _ := democa.New("Một Cửa Demo CA", nil)
	ocsp := httptest.NewServer(ca.OCSPHandler())
	defer ocsp.Close()
	ca.OCSPURL = ocsp.URL
	leader, _ := ca.Issue(democa.Subject{Name: "Nguyễn Thị Hĩn", Organization: "Sở Tư pháp tỉnh Bắc Giang", Title: "Giám đốc"})

	result, _ := signingtest.Result()
	signed, err := signing.New(leader, signing.Options{}).Sign(context.Background(), result, signing.Request{
		Kind: signing.Personal, Title: "Giám đốc Sở Tư pháp", Reason: "Ký kết quả giải quyết hồ sơ"})
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, _ := signing.Verify(context.Background(), signed, signing.VerifyOptions{
		Trust:  signing.NewTrust(ca.Root), // in production: signing.LoadTrustDir(dir)
		Expect: &signing.Identity{Organization: "Sở Tư pháp tỉnh Bắc Giang"},
	})
	fmt.Println(rep.Verdict.Vietnamese())
	fmt.Println(rep.Verdict.English())
	// Output:
	// Chữ ký hợp lệ của Nguyễn Thị Hĩn (DEMO - NOT TRUSTED) (Sở Tư pháp tỉnh Bắc Giang).
	// Valid signature of Nguyễn Thị Hĩn (DEMO - NOT TRUSTED) (Sở Tư pháp tỉnh Bắc Giang).
}

// One signer serves many requests at once: the fonts are shared, the
// rest is per call.
func TestConcurrentSigning(t *testing.T) {
	p := newPKI(t)
	s := signing.New(p.seal, signing.Options{})
	doc := form01(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := s.Sign(context.Background(), doc, sealReq)
			if err != nil {
				errs <- err
				return
			}
			rep, err := signing.Verify(context.Background(), out, signing.VerifyOptions{Trust: p.trust, Offline: true})
			if err != nil {
				errs <- err
			} else if !rep.Verdict.OK() {
				errs <- fmt.Errorf("verdict %s", rep.Verdict.Code)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
