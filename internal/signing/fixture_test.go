package signing_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/motcua/motcua/internal/forms"
	"github.com/motcua/motcua/internal/signing"
	"github.com/motcua/motcua/internal/signing/democa"
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

// form01 is our own receipt, Form 01, as the counter prints it.
func form01(t testing.TB) []byte {
	t.Helper()
	at := time.Date(2026, 12, 3, 15, 30, 0, 0, time.FixedZone("ICT", 7*3600))
	var buf bytes.Buffer
	err := forms.RenderReceipt(&buf, forms.Receipt{
		Agency:     forms.Agency{Parent: "UBND TỈNH BẮC GIANG", Name: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"},
		Place:      "Bắc Giang",
		Code:       "000.00.01.H12-261203-0001",
		Applicant:  forms.Applicant{Name: "Phạm Thị Hằng", IDNumber: "024190000001", Address: "Bắc Giang", Phone: "0912000001"},
		Procedure:  "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
		Components: []forms.Component{{Name: "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", Originals: 1}},
		TimeLimit:  "10 ngày làm việc",
		ReceivedAt: at,
		DueAt:      at.AddDate(0, 0, 14),
		ReturnAt:   "Bộ phận Một cửa",
		FeeVND:     200000,
		Receiver:   "Trần Văn Đức",
		TrackURL:   "https://motcua.example/tra-cuu/000.00.01.H12-261203-0001",
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// resultPDF stands for a result an agency issues: two pages made with fpdf
// like everything we print, the signature going on the last.
func resultPDF(t testing.TB) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetFont("Helvetica", "", 12)
	for i := 1; i <= 2; i++ {
		p.AddPage()
		p.Cell(0, 10, "Phieu ly lich tu phap so 1 - trang "+string(rune('0'+i)))
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

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
