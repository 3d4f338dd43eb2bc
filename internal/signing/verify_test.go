package signing_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/motcua/motcua/internal/signing"
	"github.com/motcua/motcua/internal/signing/democa"
)

// The center seals our own Form 01 and the leader signs a result; both
// verify against the installed root, with the signer, the time and an OCSP
// "good" from the responder.
func TestSignOwnFormsThenVerify(t *testing.T) {
	p := newPKI(t)
	for _, tc := range []struct {
		name string
		doc  []byte
		key  *signing.LocalKey
		req  signing.Request
		org  string
	}{
		{"Form 01 receipt sealed by the center", form01(t), p.seal, sealReq, center},
		{"result signed by the agency leader", resultPDF(t), p.leader, leaderReq, justice},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := time.Now().Add(-time.Second)
			signed := mustSign(t, tc.key, tc.doc, tc.req)
			if !bytes.HasPrefix(signed, tc.doc) {
				t.Fatal("the signature is not an incremental update: the original bytes changed")
			}
			rep := mustVerify(t, signed, p.opts())
			if !rep.Verdict.OK() {
				t.Fatalf("verdict %s: %s", rep.Verdict.Code, rep.Verdict.English())
			}
			if len(rep.Signatures) != 1 {
				t.Fatalf("%d signatures, want 1", len(rep.Signatures))
			}
			s := rep.Signatures[0]
			if !s.Intact || !s.CoversWholeDocument || len(s.Chain) != 2 {
				t.Errorf("intact %v, whole %v, chain %d", s.Intact, s.CoversWholeDocument, len(s.Chain))
			}
			if s.Revocation != signing.RevocationGood || s.RevocationSource != "ocsp" {
				t.Errorf("revocation %s from %q, want good from ocsp", s.Revocation, s.RevocationSource)
			}
			if s.SigningTime.Before(before) || s.SigningTime.After(time.Now().Add(time.Second)) {
				t.Errorf("signing time %v is not now", s.SigningTime)
			}
			if s.Verdict.Organization != tc.org {
				t.Errorf("organisation %q, want %q", s.Verdict.Organization, tc.org)
			}
			// Round trip through pdfsign's text strings, "ĩ" included.
			if norm.NFC.String(s.Reason) != tc.req.Reason || s.Location != "Bắc Giang" {
				t.Errorf("reason %q location %q", s.Reason, s.Location)
			}
			if tc.req.Name != "" && norm.NFC.String(s.Name) != tc.req.Name {
				t.Errorf("name %q, want %q", s.Name, tc.req.Name)
			}
			vi := rep.Verdict.Vietnamese()
			if !strings.HasPrefix(vi, "Chữ ký hợp lệ của ") || !strings.Contains(vi, tc.org) {
				t.Errorf("Vietnamese verdict %q", vi)
			}
			if !strings.Contains(vi, democa.Marker) {
				t.Errorf("a demo signature must say it is not trusted: %q", vi)
			}
		})
	}
}

// Each way a signed document can fail is told apart, with the check that
// catches it named in the case.
func TestVerifyDetects(t *testing.T) {
	p := newPKI(t)
	doc := resultPDF(t)
	signed := mustSign(t, p.leader, doc, leaderReq)

	expired := issue(t, p.ca, democa.Subject{Name: "Trần Văn Cũ", Organization: justice,
		NotBefore: time.Now().AddDate(-3, 0, 0), NotAfter: time.Now().AddDate(0, 0, -1)})
	revoked := issue(t, p.ca, democa.Subject{Name: "Đỗ Văn Mất", Organization: justice})
	p.ca.Revoke(revoked.Certificate(), time.Now().Add(-time.Hour))
	otherCA, err := democa.New("Another CA", nil)
	if err != nil {
		t.Fatal(err)
	}
	stranger := issue(t, otherCA, democa.Subject{Name: "Nguyễn Văn Lạ", Organization: justice})

	changed := bytes.Clone(signed)
	i := bytes.Index(changed, []byte("Phieu ly lich"))
	if i < 0 || int64(i) > int64(len(doc)) {
		i = bytes.Index(changed, []byte("/Producer"))
	}
	changed[i+1] ^= 0x20 // one byte inside the signed range

	unreachable := issue(t, withOCSP(t, p.ca, "http://127.0.0.1:1/ocsp"), democa.Subject{Name: "Vũ Thị Xa", Organization: justice})

	justiceID := &signing.Identity{Organization: "sở tư pháp  tỉnh Bắc Giang"}
	for _, tc := range []struct {
		name   string
		doc    []byte
		opts   signing.VerifyOptions
		want   signing.Code
		wantVi string
	}{
		{"valid: intact, trusted, in validity, not revoked", signed, p.opts(), signing.Valid, "Chữ ký hợp lệ của"},
		{"processing agency's own signature (result carries the agency's signature)", signed,
			signing.VerifyOptions{Trust: p.trust, Expect: justiceID}, signing.Valid, "Chữ ký hợp lệ của"},
		{"unsigned document", doc, p.opts(), signing.Unsigned, "Tài liệu chưa được ký số."},
		{"a byte changed after signing: integrity of the signed byte range", changed, p.opts(), signing.Modified, "Tài liệu đã bị sửa sau khi ký."},
		{"bytes appended after signing: the signature no longer covers the document",
			append(bytes.Clone(signed), []byte("\n1 0 obj\n(x)\nendobj\n")...), p.opts(), signing.Modified, "Tài liệu đã bị sửa sau khi ký."},
		{"certificate expired at the signing time", mustSign(t, expired, doc, leaderReq), p.opts(), signing.Expired, "hết hạn khi ký"},
		{"root not installed: untrusted", mustSign(t, stranger, doc, leaderReq), p.opts(), signing.Untrusted, "chưa được tin cậy"},
		{"no trust roots installed at all", signed, signing.VerifyOptions{}, signing.Untrusted, "chưa được tin cậy"},
		{"signature by another agency, not the processing agency", mustSign(t, p.planner, doc, leaderReq),
			signing.VerifyOptions{Trust: p.trust, Expect: justiceID}, signing.OtherSigner, "không phải của"},
		{"expected agency by code (UID) rather than name", mustSign(t, p.planner, doc, leaderReq),
			signing.VerifyOptions{Trust: p.trust, Expect: &signing.Identity{Organization: planning, UID: "MNS:2222222"}}, signing.OtherSigner, "không phải của"},
		{"certificate revoked: OCSP responder says so", mustSign(t, revoked, doc, leaderReq), p.opts(), signing.Revoked, "đã bị thu hồi"},
		{"OCSP unreachable: revocation unknown, said so", mustSign(t, unreachable, doc, leaderReq), p.opts(), signing.Valid, "Chưa kiểm tra được"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := mustVerify(t, tc.doc, tc.opts)
			if rep.Verdict.Code != tc.want {
				t.Fatalf("verdict %s (%s), want %s", rep.Verdict.Code, rep.Verdict.English(), tc.want)
			}
			if vi := rep.Verdict.Vietnamese(); !strings.Contains(vi, tc.wantVi) {
				t.Errorf("Vietnamese %q lacks %q", vi, tc.wantVi)
			}
		})
	}
}

// withOCSP points the CA's future certificates at another responder.
func withOCSP(t *testing.T, ca *democa.CA, url string) *democa.CA {
	t.Helper()
	old := ca.OCSPURL
	ca.OCSPURL = url
	t.Cleanup(func() { ca.OCSPURL = old })
	return ca
}

// The center seals a result, then the leader signs it: both signatures
// stand, the earlier one covered by the later update.
func TestSealThenLeaderSignature(t *testing.T) {
	p := newPKI(t)
	two := mustSign(t, p.leader, mustSign(t, p.seal, resultPDF(t), sealReq), leaderReq)
	rep := mustVerify(t, two, signing.VerifyOptions{Trust: p.trust, Expect: &signing.Identity{UID: "MNS:2222222"}})
	if !rep.Verdict.OK() || len(rep.Signatures) != 2 {
		t.Fatalf("verdict %s with %d signatures", rep.Verdict.Code, len(rep.Signatures))
	}
	first, second := rep.Signatures[0], rep.Signatures[1]
	if first.CoversWholeDocument || !second.CoversWholeDocument {
		t.Errorf("coverage: first %v, second %v", first.CoversWholeDocument, second.CoversWholeDocument)
	}
	if first.Verdict.Organization != center || second.Verdict.Organization != justice {
		t.Errorf("order: %q then %q", first.Verdict.Organization, second.Verdict.Organization)
	}
	// Bytes added after the leader's signature are nobody's.
	rep = mustVerify(t, append(bytes.Clone(two), "\n%%EOF\n% edited\n"...), p.opts())
	if rep.Verdict.Code != signing.Modified {
		t.Errorf("appended after both: %s", rep.Verdict.Code)
	}
}

// A citizen's upload that is not a PDF, or a truncated one, is an error to
// show, never a crash.
func TestVerifyUnreadable(t *testing.T) {
	p := newPKI(t)
	signed := mustSign(t, p.seal, form01(t), sealReq)
	for name, doc := range map[string][]byte{
		"not a PDF":      []byte("GIF89a not a pdf"),
		"empty":          nil,
		"truncated half": signed[:len(signed)/2],
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := signing.Verify(context.Background(), doc, p.opts()); err == nil {
				t.Fatal("no error")
			}
		})
	}
}
