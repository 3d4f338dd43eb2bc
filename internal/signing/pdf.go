package signing

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/revocation"
	"github.com/digitorus/pdfsign/sign"
	"golang.org/x/text/unicode/norm"
)

// Options tune a PDF signer.
type Options struct {
	// EmbedRevocation asks the issuer's OCSP responder for the signer's
	// status at signing time and stores the answer in the signature
	// (adbe-revocationInfoArchival), so that the signature can still be
	// shown valid after the certificate expires or is revoked later. A
	// responder that does not answer fails the signature: a province that
	// turns this on wants the proof, not a silent omission.
	EmbedRevocation bool
	// TSA, when set, is an RFC 3161 time-stamping authority whose token
	// over the signature value proves the signing time (PAdES B-T level),
	// so that a verifier does not have to take the signer's clock on
	// trust. pdfsign calls it without a timeout of its own.
	TSA *TSA
	// HTTPClient reaches the OCSP responder; nil uses one with a 10 s timeout.
	HTTPClient *http.Client
	// Now is the clock; nil is time.Now.
	Now func() time.Time
}

// TSA is a time-stamping authority's address and optional basic-auth
// credentials.
type TSA struct{ URL, Username, Password string }

// PDFSigner signs with one Key. It implements Signer.
type PDFSigner struct {
	key  Key
	opts Options
}

// New returns a Signer that signs with key.
func New(key Key, opts Options) *PDFSigner {
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &PDFSigner{key: key, opts: opts}
}

// Default box: 200×70 pt, right-aligned inside a 20 mm margin, 30 mm above
// the bottom edge.
const (
	boxW, boxH     = 200.0, 70.0
	boxRightMargin = 56.7
	boxBottom      = 85.0
)

// Sign adds one approval signature with a visible box to doc.
func (s *PDFSigner) Sign(ctx context.Context, doc []byte, r Request) ([]byte, error) {
	if r.Kind != Seal && r.Kind != Personal {
		return nil, errors.New("signing: request kind must be Seal or Personal")
	}
	chain, err := s.key.Chain(ctx)
	if err != nil {
		return nil, fmt.Errorf("signing: certificate: %w", err)
	}
	if len(chain) == 0 {
		return nil, ErrNoCertificate
	}
	signer, err := s.key.Signer(ctx)
	if err != nil {
		return nil, fmt.Errorf("signing: key: %w", err)
	}
	rdr, err := pdf.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		return nil, fmt.Errorf("signing: read PDF: %w", err)
	}
	page, box, err := placeBox(rdr, r)
	if err != nil {
		return nil, err
	}
	at := r.Time
	if at.IsZero() {
		at = s.opts.Now()
	}
	name := r.Name
	if name == "" {
		name = defaultName(chain[0], r.Kind)
	}
	title := ""
	if r.Kind == Personal {
		title = r.Title
	}
	img, err := renderAppearance(r.Kind, name, title, at, box.URX-box.LLX, box.URY-box.LLY)
	if err != nil {
		return nil, err
	}
	sd := sign.SignData{
		Signature: sign.SignDataSignature{
			CertType: sign.ApprovalSignature,
			Info: sign.SignDataSignatureInfo{
				Name:     pdfText(name),
				Reason:   pdfText(r.Reason),
				Location: pdfText(r.Location),
				Date:     at,
			},
		},
		Signer:            signer,
		DigestAlgorithm:   crypto.SHA256,
		Certificate:       chain[0],
		CertificateChains: [][]*x509.Certificate{chain},
		Appearance: sign.Appearance{
			Visible: true, Page: uint32(page),
			LowerLeftX: box.LLX, LowerLeftY: box.LLY, UpperRightX: box.URX, UpperRightY: box.URY,
			Image: img,
		},
	}
	if t := s.opts.TSA; t != nil {
		sd.TSA = sign.TSA{URL: t.URL, Username: t.Username, Password: t.Password}
	}
	if s.opts.EmbedRevocation {
		sd.RevocationFunction = s.embedOCSP(ctx)
	}
	var out bytes.Buffer
	if err := sign.Sign(bytes.NewReader(doc), &out, rdr, int64(len(doc)), sd); err != nil {
		return nil, fmt.Errorf("signing: sign PDF: %w", err)
	}
	return out.Bytes(), nil
}

func (s *PDFSigner) embedOCSP(ctx context.Context) sign.RevocationFunction {
	return func(cert, issuer *x509.Certificate, i *revocation.InfoArchival) error {
		if issuer == nil || len(cert.OCSPServer) == 0 {
			return nil // a root, or a CA that runs no responder: nothing to embed
		}
		raw, _, err := fetchOCSP(ctx, s.opts.HTTPClient, cert, issuer)
		if err != nil {
			return err
		}
		return i.AddOCSP(raw)
	}
}

func defaultName(c *x509.Certificate, k Kind) string {
	if k == Seal && len(c.Subject.Organization) > 0 {
		return c.Subject.Organization[0]
	}
	return c.Subject.CommonName
}

// placeBox picks the page and the rectangle of the visible signature.
func placeBox(rdr *pdf.Reader, r Request) (int, Box, error) {
	n := rdr.NumPage()
	page := r.Page
	if page == 0 {
		page = n
	}
	if page < 1 || page > n {
		return 0, Box{}, fmt.Errorf("signing: page %d outside 1–%d", r.Page, n)
	}
	if !r.Box.empty() {
		return page, r.Box, nil
	}
	var mb pdf.Value
	for v := rdr.Page(page).V; !v.IsNull() && mb.IsNull(); v = v.Key("Parent") {
		mb = v.Key("MediaBox") // inheritable (ISO 32000-1 §7.7.3.4)
	}
	width := 595.28 // A4, the size of every form we print
	if mb.Len() == 4 {
		width = mb.Index(2).Float64() - mb.Index(0).Float64()
	}
	return page, Box{LLX: width - boxRightMargin - boxW, LLY: boxBottom, URX: width - boxRightMargin, URY: boxBottom + boxH}, nil
}

// pdfText works around pdfsign writing a non-ASCII text string as raw
// UTF-16 between parentheses without escaping: a code unit holding the byte
// of "(", ")" or "\" ends the string early or eats the next byte, and
// corrupts the signature dictionary. In Vietnamese that is "Ĩ" and "ĩ"
// (U+0128, U+0129), written instead as "I"/"i" and a combining tilde (NFD,
// the same text on screen). ASCII parentheses stay when balanced, which PDF
// allows unescaped, and become fullwidth ones otherwise; "\" becomes "＼".
// Upstream fixed this after the version served here (digitorus/pdfsign
// pull request 167, hex strings); drop pdfText when moving past it.
func pdfText(s string) string {
	s = norm.NFC.String(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s // pdfsign escapes ASCII strings properly
	}
	balanced, depth := true, 0
	for _, r := range s {
		if r == '(' {
			depth++
		} else if r == ')' {
			depth--
			balanced = balanced && depth >= 0
		}
	}
	balanced = balanced && depth == 0
	var b strings.Builder
	for _, r := range s {
		switch {
		case (r == '(' || r == ')') && balanced:
			b.WriteRune(r)
		case r == '(':
			b.WriteRune('（')
		case r == ')':
			b.WriteRune('）')
		case r == '\\':
			b.WriteRune('＼')
		case r == '\r':
			b.WriteRune(' ')
		case safeUTF16(r):
			b.WriteRune(r)
		default:
			d := norm.NFD.String(string(r))
			ok := true
			for _, dr := range d {
				ok = ok && safeUTF16(dr)
			}
			if ok {
				b.WriteString(d)
			} else {
				b.WriteRune('?')
			}
		}
	}
	return b.String()
}

// safeUTF16 reports whether r's UTF-16 code units hold none of the bytes a
// PDF literal string treats specially. ASCII "(" and ")" are the caller's.
func safeUTF16(r rune) bool {
	if r == '(' || r == ')' {
		return true
	}
	for _, u := range utf16.Encode([]rune{r}) {
		for _, by := range []byte{byte(u >> 8), byte(u)} {
			if by == '(' || by == ')' || by == '\\' || by == '\r' {
				return false
			}
		}
	}
	return true
}
