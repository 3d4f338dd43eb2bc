package signing

import (
	"context"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"

	"software.sslmate.com/src/go-pkcs12"
)

// LocalKey is a private key and its certificate chain held by the server,
// e.g. the agency seal of the one-stop center.
type LocalKey struct {
	key   crypto.Signer
	chain []*x509.Certificate
}

// NewLocalKey wraps a key and its chain (signer's certificate first). It
// refuses a key that does not match the certificate, which would otherwise
// produce signatures that never verify.
func NewLocalKey(key crypto.Signer, chain []*x509.Certificate) (*LocalKey, error) {
	if len(chain) == 0 {
		return nil, ErrNoCertificate
	}
	if !publicKeysEqual(key.Public(), chain[0].PublicKey) {
		return nil, errors.New("signing: the private key does not belong to the certificate")
	}
	return &LocalKey{key: key, chain: chain}, nil
}

func (k *LocalKey) Chain(context.Context) ([]*x509.Certificate, error) { return k.chain, nil }
func (k *LocalKey) Signer(context.Context) (crypto.Signer, error)      { return k.key, nil }

// Certificate is the signer's certificate.
func (k *LocalKey) Certificate() *x509.Certificate { return k.chain[0] }

// LoadPKCS12 reads a .p12/.pfx file as CAs and token vendors export it. It
// uses go-pkcs12 rather than golang.org/x/crypto/pkcs12 because the latter
// is frozen and cannot read files encrypted with AES and PBKDF2, the default
// of OpenSSL 3 and of current Windows exports.
func LoadPKCS12(data []byte, password string) (*LocalKey, error) {
	key, cert, cas, err := pkcs12.DecodeChain(data, password)
	if err != nil {
		return nil, fmt.Errorf("signing: read PKCS#12: %w", err)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("signing: PKCS#12 key of type %T cannot sign", key)
	}
	return NewLocalKey(signer, append([]*x509.Certificate{cert}, cas...))
}

// LoadPEM reads a certificate chain (signer first) and an unencrypted
// PKCS #8, PKCS #1 or SEC 1 private key, both PEM.
func LoadPEM(certPEM, keyPEM []byte) (*LocalKey, error) {
	var chain []*x509.Certificate
	for rest := certPEM; ; {
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
			return nil, fmt.Errorf("signing: read certificate: %w", err)
		}
		chain = append(chain, c)
	}
	b, _ := pem.Decode(keyPEM)
	if b == nil {
		return nil, errors.New("signing: no PEM private key")
	}
	key, err := parsePrivateKey(b.Bytes)
	if err != nil {
		return nil, err
	}
	return NewLocalKey(key, chain)
}

func parsePrivateKey(der []byte) (crypto.Signer, error) {
	if k, err := x509.ParsePKCS8PrivateKey(der); err == nil {
		if s, ok := k.(crypto.Signer); ok {
			return s, nil
		}
		return nil, fmt.Errorf("signing: key of type %T cannot sign", k)
	}
	if k, err := x509.ParsePKCS1PrivateKey(der); err == nil {
		return k, nil
	}
	if k, err := x509.ParseECPrivateKey(der); err == nil {
		return k, nil
	}
	return nil, errors.New("signing: unreadable private key (PKCS #8, PKCS #1 or SEC 1 expected)")
}

func publicKeysEqual(a, b crypto.PublicKey) bool {
	e, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && e.Equal(b)
}
