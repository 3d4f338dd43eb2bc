// Package signing signs PDF documents for the agencies and verifies the
// signatures on the PDFs that enter the system (issue 15).
//
// A signature is a CMS (PKCS #7) detached signature in a PDF incremental
// update, with a visible box on a page that names the signer, their position
// and the time, made by github.com/digitorus/pdfsign and its pkcs7: nothing
// here writes CMS by hand. What holds the private key is a Key: a key and
// certificate the server holds (LoadPKCS12, LoadPEM, or democa for
// `serve --demo`), or a remote credential of a Cloud Signature Consortium
// provider (package csc). Signer is what callers use; New builds one over
// any Key.
//
// Verify checks a signed PDF against trust roots that the administrator
// installs (LoadTrustDir): integrity of the signed byte range, signer,
// signing time, chain and validity at that time, and revocation by OCSP when
// the responder answers. Its Verdict speaks plain Vietnamese or English.
//
// The package knows nothing of HTTP handlers, storage or dossiers.
//
// Not yet called by the server: signing results and forms on approval is issue 15, so deadcode lists this package until then.
package signing

import (
	"context"
	"crypto"
	"crypto/x509"
	"errors"
	"time"
)

// Kind tells an agency seal from a person's signature: the law treats them
// differently (the seal stands for the agency, the personal signature for
// the leader who decided), and so does the box drawn on the page.
type Kind int

const (
	Seal     Kind = iota + 1 // agency seal (chữ ký số của cơ quan, tổ chức)
	Personal                 // a person's signature (chữ ký số cá nhân)
)

func (k Kind) String() string {
	switch k {
	case Seal:
		return "seal"
	case Personal:
		return "personal"
	}
	return "unknown"
}

// Request says how one signature looks and what it claims.
type Request struct {
	Kind Kind
	// Name printed in the box: the agency's name for a seal, the person's
	// for a personal signature. Blank takes the certificate's (O for a seal,
	// CN otherwise).
	Name string
	// Title is the person's position ("Giám đốc", "KT. Giám đốc — Phó Giám
	// đốc"); ignored for a seal.
	Title    string
	Reason   string // e.g. "Ký kết quả giải quyết hồ sơ 000.00.01.H12-261203-0001"
	Location string // place of signing, e.g. "Bắc Giang"
	// Page is 1-based; 0 means the last page, where Vietnamese
	// administrative documents carry their signatures.
	Page int
	// Box is the visible rectangle in PDF points from the page's lower-left
	// corner; the zero Box puts a 200×70 pt box above the bottom margin on
	// the right, where the signer's block of a Decree 30/2020 document is.
	Box Box
	// Time is the claimed signing time shown in the box; zero means now.
	// The CMS signing-time attribute is always the moment of signing.
	Time time.Time
}

// Box is a rectangle in PDF points.
type Box struct{ LLX, LLY, URX, URY float64 }

func (b Box) empty() bool { return b.URX-b.LLX < 1 || b.URY-b.LLY < 1 }

// Signer signs PDF documents. Implementations must be safe for concurrent
// use. The result is the input followed by one incremental update.
type Signer interface {
	Sign(ctx context.Context, pdf []byte, r Request) ([]byte, error)
}

// Key is what signs a digest on behalf of one certificate: a key the server
// holds, or a credential at a remote signing service. Signer(ctx) returns a
// crypto.Signer bound to ctx, because a remote signature waits for the
// signer's confirmation on their phone and must stop when ctx does.
type Key interface {
	// Chain is the signer's certificate first, then its issuers as far as
	// known (the root may be left out).
	Chain(ctx context.Context) ([]*x509.Certificate, error)
	Signer(ctx context.Context) (crypto.Signer, error)
}

// ErrNoCertificate is returned when a Key yields an empty chain.
var ErrNoCertificate = errors.New("signing: key has no certificate")
