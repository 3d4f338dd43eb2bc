package signing

import (
	"bytes"
	"context"
	"crypto"
	"crypto/subtle"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/revocation"
	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"
	"golang.org/x/crypto/ocsp"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// VerifyOptions say what a signature is checked against.
type VerifyOptions struct {
	// Trust holds the installed roots; nil trusts nothing, so every
	// signature is Untrusted.
	Trust *Trust
	// Expect, when set, is the organisation whose valid signature the
	// document must carry (the processing agency of a result).
	Expect *Identity
	// Offline skips the OCSP request: revocation is then known only from
	// a response embedded at signing time.
	Offline bool
	// HTTPClient reaches OCSP responders; nil uses one with a 5 s timeout,
	// so that an unreachable responder makes the status unknown quickly
	// instead of holding a page.
	HTTPClient *http.Client
}

// Identity names an organisation as its certificates do: the subject's O,
// and optionally the subject's UID, where Vietnamese CAs put the tax or
// budget code ("MST:0101234567").
type Identity struct {
	Organization string
	UID          string
}

var oidUID = asn1.ObjectIdentifier{0, 9, 2342, 19200300, 100, 1, 1}

// Matches reports whether the certificate belongs to the organisation. The
// UID, when given, decides alone: names are written differently by
// different CAs ("UBND tỉnh" / "Ủy ban nhân dân tỉnh"), codes are not.
// Names are compared in NFC, case- and space-insensitively.
func (id Identity) Matches(c *x509.Certificate) bool {
	if id.UID != "" {
		for _, n := range c.Subject.Names {
			if n.Type.Equal(oidUID) {
				if s, ok := n.Value.(string); ok && strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(id.UID)) {
					return true
				}
			}
		}
		return false
	}
	want := foldName(id.Organization)
	if want == "" {
		return false
	}
	for _, o := range c.Subject.Organization {
		if foldName(o) == want {
			return true
		}
	}
	return false
}

var folder = cases.Fold()

func foldName(s string) string {
	return strings.Join(strings.Fields(folder.String(norm.NFC.String(s))), " ")
}

// Report is the result of verifying one document.
type Report struct {
	// Signatures in the order they were applied.
	Signatures []Signature
	// Verdict is the document's: the first signature that fails decides;
	// otherwise the last one, checked against Expect.
	Verdict Verdict
}

// Signature is what was found and checked about one signature.
type Signature struct {
	Name, Reason, Location string // as written in the signature dictionary
	Certificate            *x509.Certificate
	// Chain is the verified chain to an installed root, signer first;
	// empty when untrusted.
	Chain       []*x509.Certificate
	SigningTime time.Time
	// TimeSource is "timestamp" when SigningTime comes from an RFC 3161
	// token of a trusted time-stamping authority, "claimed" when it is
	// the signer's own clock (the CMS signing-time, or /M).
	TimeSource string
	// CoversWholeDocument: the signed byte range ends at the end of the
	// file, so nothing was appended after signing.
	CoversWholeDocument bool
	Intact              bool // the signed bytes hash to the signed digest
	Revocation          RevocationStatus
	RevokedAt           time.Time
	// RevocationSource is "embedded" (an OCSP response or CRL stored at
	// signing time), "ocsp" or "crl" (asked now); empty when unknown.
	RevocationSource string
	Verdict          Verdict
}

// Verify checks every signature of a PDF. An error means the file could not
// be read as a PDF at all; a damaged or forged signature is a verdict.
func Verify(ctx context.Context, doc []byte, opts VerifyOptions) (*Report, error) {
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: 5 * time.Second}
	}
	return verify(ctx, doc, opts)
}

func verify(ctx context.Context, doc []byte, opts VerifyOptions) (rep *Report, err error) {
	// The PDF reader panics on some malformed input; a citizen's upload
	// must not take the process down.
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, fmt.Errorf("signing: unreadable PDF: %v", r)
		}
	}()
	rdr, err := pdf.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		return nil, fmt.Errorf("signing: unreadable PDF: %w", err)
	}
	type found struct {
		v   pdf.Value
		end int64
	}
	var sigs []found
	for _, x := range rdr.Xref() {
		v := rdr.Resolve(x.Ptr(), x.Ptr())
		if v.Kind() != pdf.Dict || v.Key("ByteRange").Len() != 4 || v.Key("Contents").Kind() != pdf.String {
			continue
		}
		if f := v.Key("Filter").Name(); f != "Adobe.PPKLite" && v.Key("Type").Name() != "Sig" {
			continue
		}
		if v.Key("SubFilter").Name() == "ETSI.RFC3161" {
			// A document time-stamp (PAdES LTA) is nobody's signature.
			// The update that adds it is still bytes after the last
			// signature: such files read "modified" until the changes
			// between revisions are analysed.
			continue
		}
		br := v.Key("ByteRange")
		sigs = append(sigs, found{v, br.Index(2).Int64() + br.Index(3).Int64()})
	}
	sort.Slice(sigs, func(i, j int) bool { return sigs[i].end < sigs[j].end })
	rep = &Report{}
	if len(sigs) == 0 {
		rep.Verdict = Verdict{Code: Unsigned}
		return rep, nil
	}
	for _, s := range sigs {
		rep.Signatures = append(rep.Signatures, checkSignature(ctx, doc, s.v, opts))
	}
	// Bytes after the last signature are a change nobody signed. Those
	// after an earlier one are the later signatures' updates, which those
	// signers signed; what such an update may change (DocMDP) is not
	// analysed here.
	if last := &rep.Signatures[len(rep.Signatures)-1]; !last.CoversWholeDocument && last.Intact {
		last.Verdict.Code = Modified
	}
	for _, s := range rep.Signatures {
		if !s.Verdict.OK() {
			rep.Verdict = s.Verdict
			return rep, nil
		}
	}
	last := rep.Signatures[len(rep.Signatures)-1]
	rep.Verdict = last.Verdict
	if opts.Expect != nil {
		for _, s := range rep.Signatures {
			if opts.Expect.Matches(s.Certificate) {
				rep.Verdict = s.Verdict
				return rep, nil
			}
		}
		rep.Verdict.Code = OtherSigner
		rep.Verdict.Expected = opts.Expect.Organization
		if rep.Verdict.Expected == "" {
			rep.Verdict.Expected = opts.Expect.UID
		}
	}
	return rep, nil
}

func checkSignature(ctx context.Context, doc []byte, v pdf.Value, opts VerifyOptions) Signature {
	s := Signature{
		Name:       v.Key("Name").Text(),
		Reason:     v.Key("Reason").Text(),
		Location:   v.Key("Location").Text(),
		Revocation: RevocationUnknown,
	}
	fail := func(c Code) Signature {
		s.Verdict.Code = c
		return s
	}
	br := v.Key("ByteRange")
	a, b, c, d := br.Index(0).Int64(), br.Index(1).Int64(), br.Index(2).Int64(), br.Index(3).Int64()
	n := int64(len(doc))
	// The one gap must be exactly the hex string of /Contents: anything
	// else unsigned inside the file could be changed without notice.
	if a != 0 || b <= 0 || c <= b || d < 0 || c+d > n || doc[b] != '<' || doc[c-1] != '>' {
		return fail(Broken)
	}
	s.CoversWholeDocument = c+d == n || onlyWhitespace(doc[c+d:])
	p7, err := pkcs7.Parse([]byte(v.Key("Contents").RawString()))
	if err != nil || len(p7.Signers) != 1 {
		return fail(Broken)
	}
	leaf := p7.GetOnlySigner()
	if leaf == nil {
		return fail(Broken)
	}
	s.Certificate = leaf
	s.Verdict.Signer = leaf.Subject.CommonName
	if len(leaf.Subject.Organization) > 0 {
		s.Verdict.Organization = leaf.Subject.Organization[0]
	}
	signed := make([]byte, 0, b+d)
	signed = append(append(signed, doc[a:a+b]...), doc[c:c+d]...)
	p7.Content = signed

	// Integrity first, by hand, so that a changed byte reads "modified"
	// rather than a generic failure.
	var digest []byte
	if err := p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeMessageDigest, &digest); err != nil {
		return fail(Broken)
	}
	h, ok := hashFor(p7.Signers[0].DigestAlgorithm.Algorithm)
	if !ok {
		return fail(Broken)
	}
	hh := h.New()
	hh.Write(signed)
	if subtle.ConstantTimeCompare(hh.Sum(nil), digest) != 1 {
		return fail(Modified)
	}
	s.Intact = true

	var st time.Time
	s.TimeSource = "claimed"
	if err := p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &st); err == nil {
		s.SigningTime = st
	} else if t, ok := pdfDate(v.Key("M").Text()); ok {
		s.SigningTime = t
	} else {
		return fail(Broken) // nothing to check the certificate's validity against
	}
	switch t, err := timestampTime(p7, opts.Trust); {
	case err != nil:
		return fail(Broken) // a token that does not match the signature is a forgery
	case !t.IsZero():
		s.SigningTime, s.TimeSource = t, "timestamp"
	}
	if s.SigningTime.After(leaf.NotAfter) {
		return fail(Expired)
	}
	if s.SigningTime.Before(leaf.NotBefore) {
		return fail(NotYetValid)
	}
	// The signature over the signed attributes. pkcs7 also re-checks the
	// digest and the validity window, both already passed here.
	if err := p7.Verify(); err != nil {
		return fail(Broken)
	}

	if opts.Trust == nil || len(opts.Trust.roots) == 0 {
		return fail(Untrusted)
	}
	inter := x509.NewCertPool()
	for _, c := range p7.Certificates {
		inter.AddCert(c)
	}
	chains, err := leaf.Verify(x509.VerifyOptions{
		Roots: opts.Trust.pool, Intermediates: inter, CurrentTime: s.SigningTime,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny},
	})
	if err != nil {
		var inv x509.CertificateInvalidError
		if errors.As(err, &inv) && inv.Reason == x509.Expired {
			return fail(Expired) // an issuing CA had expired at the signing time
		}
		return fail(Untrusted)
	}
	s.Chain = chains[0]

	if len(s.Chain) > 1 {
		checkRevocation(ctx, p7, &s, s.Chain[1], opts)
	}
	s.Verdict.Revocation = s.Revocation
	if s.Revocation == RevocationRevoked {
		return fail(Revoked)
	}
	s.Verdict.Code = Valid
	return s
}

var oidRevocationArchival = asn1.ObjectIdentifier{1, 2, 840, 113583, 1, 1, 8}

// checkRevocation prefers what was embedded at signing time (an OCSP
// answer, then a CRL), which proves the status then; otherwise it asks the
// OCSP responder now, then the CRL distribution point.
func checkRevocation(ctx context.Context, p7 *pkcs7.PKCS7, s *Signature, issuer *x509.Certificate, opts VerifyOptions) {
	var info revocation.InfoArchival
	if err := p7.UnmarshalSignedAttribute(oidRevocationArchival, &info); err == nil {
		for _, raw := range info.OCSP {
			r, err := ocsp.ParseResponseForCert(raw.FullBytes, s.Certificate, issuer)
			if err != nil || r.SerialNumber.Cmp(s.Certificate.SerialNumber) != 0 {
				continue
			}
			if applyOCSP(s, r, "embedded") {
				return
			}
		}
		for _, raw := range info.CRL {
			// A CRL embedded at signing time is judged at that time.
			if crl, err := checkCRL(raw.FullBytes, issuer, s.SigningTime); err == nil {
				applyCRL(s, crl, "embedded")
				return
			}
		}
	}
	if opts.Offline {
		return
	}
	if _, r, err := fetchOCSP(ctx, opts.HTTPClient, s.Certificate, issuer); err == nil && applyOCSP(s, r, "ocsp") {
		return
	}
	if crl, err := fetchCRL(ctx, opts.HTTPClient, s.Certificate, issuer, time.Now()); err == nil {
		applyCRL(s, crl, "crl")
	}
}

func applyOCSP(s *Signature, r *ocsp.Response, source string) bool {
	switch r.Status {
	case ocsp.Good:
		s.Revocation, s.RevocationSource = RevocationGood, source
		return true
	case ocsp.Revoked:
		s.Revocation, s.RevocationSource, s.RevokedAt = RevocationRevoked, source, r.RevokedAt
		return true
	}
	return false
}

func hashFor(oid asn1.ObjectIdentifier) (crypto.Hash, bool) {
	switch {
	case oid.Equal(pkcs7.OIDDigestAlgorithmSHA256):
		return crypto.SHA256, true
	case oid.Equal(pkcs7.OIDDigestAlgorithmSHA384):
		return crypto.SHA384, true
	case oid.Equal(pkcs7.OIDDigestAlgorithmSHA512):
		return crypto.SHA512, true
	case oid.Equal(pkcs7.OIDDigestAlgorithmSHA1):
		return crypto.SHA1, true
	}
	return 0, false
}

func onlyWhitespace(b []byte) bool {
	return len(bytes.TrimSpace(b)) == 0
}

// pdfDate parses a PDF date, "D:YYYYMMDDHHmmSS+07'00'" (ISO 32000-1 §7.9.4).
func pdfDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(s, "D:")
	if len(s) < 14 {
		return time.Time{}, false
	}
	base, rest := s[:14], strings.ReplaceAll(s[14:], "'", "")
	loc := time.UTC
	if len(rest) >= 5 && (rest[0] == '+' || rest[0] == '-') {
		var hh, mm int
		if _, err := fmt.Sscanf(rest[1:5], "%02d%02d", &hh, &mm); err == nil {
			off := (hh*60 + mm) * 60
			if rest[0] == '-' {
				off = -off
			}
			loc = time.FixedZone("", off)
		}
	}
	t, err := time.ParseInLocation("20060102150405", base, loc)
	return t, err == nil
}

var oidTimeStampToken = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}

// timestampTime returns the time of the signature's RFC 3161 token when the
// token is over this signature value and its authority chains to an
// installed root; zero when there is no token or the authority is not
// trusted (the claimed time then stands); an error when the token is
// damaged or stamps something else.
func timestampTime(p7 *pkcs7.PKCS7, trust *Trust) (time.Time, error) {
	si := p7.Signers[0]
	var tok []byte
	for _, a := range si.UnauthenticatedAttributes {
		if a.Type.Equal(oidTimeStampToken) {
			tok = a.Value.Bytes
		}
	}
	if tok == nil {
		return time.Time{}, nil
	}
	ts, err := timestamp.Parse(tok) // checks the token's own signature
	if err != nil {
		return time.Time{}, err
	}
	h := ts.HashAlgorithm.New()
	h.Write(si.EncryptedDigest)
	if !bytes.Equal(h.Sum(nil), ts.HashedMessage) {
		return time.Time{}, errors.New("signing: time-stamp is over another signature")
	}
	if trust == nil || len(trust.roots) == 0 {
		return time.Time{}, nil
	}
	// The certificate that signed the token, not any the token carries.
	tp7, err := pkcs7.Parse(tok)
	if err != nil {
		return time.Time{}, err
	}
	tsa := tp7.GetOnlySigner()
	if tsa == nil || !slices.Contains(tsa.ExtKeyUsage, x509.ExtKeyUsageTimeStamping) {
		return time.Time{}, nil
	}
	inter := x509.NewCertPool()
	for _, c := range ts.Certificates {
		inter.AddCert(c)
	}
	if _, err := tsa.Verify(x509.VerifyOptions{Roots: trust.pool, Intermediates: inter, CurrentTime: ts.Time,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping}}); err != nil {
		return time.Time{}, nil
	}
	return ts.Time, nil
}
