package signing

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Trust is the set of root certificates an administrator installed: the
// Government Cipher Committee's root (VGCA) and the public CAs the province
// accepts. Nothing is bundled and the system's web roots are not used: a
// TLS root says nothing about who may sign an administrative document.
type Trust struct {
	pool  *x509.CertPool
	roots []*x509.Certificate
}

// NewTrust builds a Trust from certificates already read.
func NewTrust(roots ...*x509.Certificate) *Trust {
	t := &Trust{pool: x509.NewCertPool()}
	for _, c := range roots {
		t.pool.AddCert(c)
		t.roots = append(t.roots, c)
	}
	return t
}

// Roots lists the installed roots.
func (t *Trust) Roots() []*x509.Certificate { return t.roots }

// LoadTrustDir reads every .pem, .crt, .cer and .der file of dir, PEM (one
// or more certificates) or DER. An unreadable file is an error rather than
// skipped, so that a root the administrator meant to install is not
// silently missing.
func LoadTrustDir(dir string) (*Trust, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("signing: trust roots: %w", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var roots []*x509.Certificate
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".pem" && ext != ".crt" && ext != ".cer" && ext != ".der") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("signing: trust roots: %w", err)
		}
		certs, err := parseCertificates(data)
		if err != nil {
			return nil, fmt.Errorf("signing: trust root %s: %w", e.Name(), err)
		}
		roots = append(roots, certs...)
	}
	return NewTrust(roots...), nil
}

func parseCertificates(data []byte) ([]*x509.Certificate, error) {
	if !strings.Contains(string(data), "-----BEGIN") {
		c, err := x509.ParseCertificate(data)
		if err != nil {
			return nil, err
		}
		return []*x509.Certificate{c}, nil
	}
	var out []*x509.Certificate
	for rest := data; ; {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no certificate in PEM data")
	}
	return out, nil
}
