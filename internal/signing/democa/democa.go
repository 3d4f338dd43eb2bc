// Package democa makes a demonstration certification authority: a root,
// certificates for agencies' seals and for their leaders, and an OCSP
// responder, so that `serve --demo` and the tests show signing and
// verification end to end on one machine.
//
// Every certificate it makes says "NOT TRUSTED" in its subject (CN and OU):
// a document signed with one must never pass for a legal one, and a
// verifier only accepts it when an administrator installs the demo root on
// purpose. Keys are ECDSA P-256, quick to make at every start.
//
// Not yet called by serve --demo (issue 15); deadcode lists it until then.
package democa

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/motcua/motcua/internal/signing"
)

// Marker is written into every subject this package makes.
const Marker = "DEMO - NOT TRUSTED"

// CA is a demo root that issues end-entity certificates directly.
type CA struct {
	Root *x509.Certificate
	key  crypto.Signer
	// OCSPURL is written into issued certificates; set it (to where
	// OCSPHandler is served) before issuing.
	OCSPURL string
	// CRLURL, when set, is written into issued certificates as their CRL
	// distribution point (where CRLHandler is served).
	CRLURL string
	now    func() time.Time

	mu      sync.Mutex
	revoked map[string]time.Time // serial (hex) → revocation time
}

// New makes a root valid for ten years from now.
func New(name string, now func() time.Time) (*CA, error) {
	if now == nil {
		now = time.Now
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	t := now()
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject: pkix.Name{
			CommonName:         name + " (" + Marker + ")",
			Organization:       []string{name},
			OrganizationalUnit: []string{Marker},
			Country:            []string{"VN"},
		},
		NotBefore:             t.Add(-time.Hour),
		NotAfter:              t.AddDate(10, 0, 0),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, err
	}
	root, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return &CA{Root: root, key: key, now: now, revoked: map[string]time.Time{}}, nil
}

// RootPEM is the root certificate for an administrator to install, or not.
func (ca *CA) RootPEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Root.Raw})
}

// Subject describes the holder of a certificate.
type Subject struct {
	// Name is the person's full name, or the agency's for a seal.
	Name string
	// Organization is the agency ("Sở Tư pháp tỉnh Bắc Giang").
	Organization string
	Title        string // position of a person; blank for a seal
	UID          string // tax or budget code, e.g. "MNS:1234567"; optional
	Province     string // "Bắc Giang"; optional
	// RSABits, when set, makes an RSA key of that size instead of P-256,
	// like the 2048-bit keys Vietnamese CAs issue.
	RSABits int
	// NotBefore and NotAfter default to an hour ago and two years on;
	// tests set them to make expired certificates.
	NotBefore, NotAfter time.Time
}

var (
	oidTitle = asn1.ObjectIdentifier{2, 5, 4, 12}
	oidUID   = asn1.ObjectIdentifier{0, 9, 2342, 19200300, 100, 1, 1}
)

// Issue makes a key and a certificate for s.
func (ca *CA) Issue(s Subject) (*signing.LocalKey, error) { return ca.issue(s, nil) }

func (ca *CA) issue(s Subject, adjust func(*x509.Certificate)) (*signing.LocalKey, error) {
	if s.Name == "" || s.Organization == "" {
		return nil, errors.New("democa: a certificate needs a name and an organisation")
	}
	var key crypto.Signer
	var err error
	if s.RSABits > 0 {
		key, err = rsa.GenerateKey(rand.Reader, s.RSABits)
	} else {
		key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	}
	if err != nil {
		return nil, err
	}
	t := ca.now()
	nb, na := s.NotBefore, s.NotAfter
	if nb.IsZero() {
		nb = t.Add(-time.Hour)
	}
	if na.IsZero() {
		na = t.AddDate(2, 0, 0)
	}
	name := pkix.Name{
		CommonName:         s.Name + " (" + Marker + ")",
		Organization:       []string{s.Organization},
		OrganizationalUnit: []string{Marker},
		Country:            []string{"VN"},
	}
	if s.Province != "" {
		name.Province = []string{s.Province}
	}
	if s.Title != "" {
		name.ExtraNames = append(name.ExtraNames, pkix.AttributeTypeAndValue{Type: oidTitle, Value: s.Title})
	}
	if s.UID != "" {
		name.ExtraNames = append(name.ExtraNames, pkix.AttributeTypeAndValue{Type: oidUID, Value: s.UID})
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      name,
		NotBefore:    nb,
		NotAfter:     na,
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		// Document Signing (RFC 9336) and e-mail protection, the purposes
		// readers accept for PDF signatures.
		ExtKeyUsage:        []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		UnknownExtKeyUsage: []asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 36}},
	}
	if ca.OCSPURL != "" {
		tmpl.OCSPServer = []string{ca.OCSPURL}
	}
	if ca.CRLURL != "" {
		tmpl.CRLDistributionPoints = []string{ca.CRLURL}
	}
	if adjust != nil {
		adjust(tmpl)
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.Root, key.Public(), ca.key)
	if err != nil {
		return nil, fmt.Errorf("democa: issue: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return signing.NewLocalKey(key, []*x509.Certificate{cert, ca.Root})
}

// Revoke marks a certificate revoked at the given time, for the responder.
func (ca *CA) Revoke(c *x509.Certificate, at time.Time) {
	ca.mu.Lock()
	defer ca.mu.Unlock()
	ca.revoked[c.SerialNumber.Text(16)] = at
}

func serial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return n.Add(n, big.NewInt(1))
}
