package signing_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/motcua/motcua/internal/signing"
	"github.com/motcua/motcua/internal/signing/democa"
	"github.com/motcua/motcua/internal/signing/signingtest"
)

const (
	justice  = "Sở Tư pháp tỉnh Bắc Giang"
	planning = "Sở Kế hoạch và Đầu tư tỉnh Bắc Giang"
	center   = "Trung tâm Phục vụ hành chính công tỉnh Bắc Giang"
)

// pki is a demo CA with its OCSP responder running, and keys for the
// center's seal and two agencies' leaders.
type pki struct {
	ca      *democa.CA
	ocsp    *httptest.Server
	trust   *signing.Trust
	seal    *signing.LocalKey // the center's seal
	leader  *signing.LocalKey // director of the Department of Justice
	planner *signing.LocalKey // director of another agency
}

func newPKI(t testing.TB) *pki {
	t.Helper()
	ca, err := democa.New("Một Cửa Demo CA", nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ca.OCSPHandler())
	t.Cleanup(srv.Close)
	ca.OCSPURL = srv.URL
	p := &pki{ca: ca, ocsp: srv, trust: signing.NewTrust(ca.Root)}
	p.seal = issue(t, ca, democa.Subject{Name: center, Organization: center, UID: "MNS:1111111"})
	p.leader = issue(t, ca, democa.Subject{Name: "Nguyễn Thị Hĩn", Organization: justice, Title: "Giám đốc", UID: "MNS:2222222"})
	p.planner = issue(t, ca, democa.Subject{Name: "Lê Văn Bình", Organization: planning, Title: "Giám đốc", UID: "MNS:3333333"})
	return p
}

func issue(t testing.TB, ca *democa.CA, s democa.Subject) *signing.LocalKey {
	t.Helper()
	k, err := ca.Issue(s)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func (p *pki) opts() signing.VerifyOptions { return signing.VerifyOptions{Trust: p.trust} }

func form01(t testing.TB) []byte    { return signingtest.Form01(t) }
func resultPDF(t testing.TB) []byte { return signingtest.ResultPDF(t) }

func mustSign(t testing.TB, key signing.Key, doc []byte, r signing.Request) []byte {
	t.Helper()
	out, err := signing.New(key, signing.Options{}).Sign(context.Background(), doc, r)
	if err != nil {
		t.Fatalf("sign: %v", err)
	}
	return out
}

func mustVerify(t testing.TB, doc []byte, o signing.VerifyOptions) *signing.Report {
	t.Helper()
	rep, err := signing.Verify(context.Background(), doc, o)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	return rep
}

var (
	sealReq   = signing.Request{Kind: signing.Seal, Reason: "Đóng dấu Giấy tiếp nhận hồ sơ", Location: "Bắc Giang"}
	leaderReq = signing.Request{Kind: signing.Personal, Name: "Nguyễn Thị Hĩn", Title: "Giám đốc Sở Tư pháp",
		Reason: "Ký kết quả giải quyết hồ sơ (bản điện tử)", Location: "Bắc Giang"}
)
