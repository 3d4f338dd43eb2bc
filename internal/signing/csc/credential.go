package csc

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
)

// Credential is one signing key at the service. It implements signing.Key:
// each Signer(ctx) signature is authorized by the signer on their device.
type Credential struct {
	ID       string
	AuthMode string // "explicit" or "oauth2code", from credentials/info
	Algos    []string
	chain    []*x509.Certificate
	client   *Client
}

// Credential reads a credential's certificate chain and key algorithms
// (credentials/info with certificates "chain").
func (c *Client) Credential(ctx context.Context, credentialID string) (*Credential, error) {
	in := map[string]any{"credentialID": credentialID, "certificates": "chain", "certInfo": true, "authInfo": true}
	var out struct {
		Key struct {
			Status string   `json:"status"`
			Algo   []string `json:"algo"`
		} `json:"key"`
		Cert struct {
			Status       string   `json:"status"`
			Certificates []string `json:"certificates"`
		} `json:"cert"`
		Auth struct {
			Mode string `json:"mode"`
		} `json:"auth"`
	}
	if _, err := c.call(ctx, "credentials/info", in, &out); err != nil {
		return nil, err
	}
	if out.Key.Status != "" && out.Key.Status != "enabled" {
		return nil, fmt.Errorf("csc: credential %s key is %s", credentialID, out.Key.Status)
	}
	cr := &Credential{ID: credentialID, AuthMode: out.Auth.Mode, Algos: out.Key.Algo, client: c}
	for _, b64 := range out.Cert.Certificates {
		der, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			return nil, fmt.Errorf("csc: credential %s certificate: %w", credentialID, err)
		}
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			return nil, fmt.Errorf("csc: credential %s certificate: %w", credentialID, err)
		}
		cr.chain = append(cr.chain, cert)
	}
	if len(cr.chain) == 0 {
		return nil, fmt.Errorf("csc: credential %s has no certificate", credentialID)
	}
	if cr.AuthMode == "oauth2code" {
		// The SAD then comes from an OAuth 2.0 authorization of scope
		// "credential" in the signer's browser, which this client does
		// not drive.
		return nil, fmt.Errorf("csc: credential %s needs oauth2code authorization, not supported", credentialID)
	}
	return cr, nil
}

func (cr *Credential) Chain(context.Context) ([]*x509.Certificate, error) { return cr.chain, nil }

// Signer returns a crypto.Signer whose Sign waits for the signer's
// confirmation; ctx bounds the wait. A description set with
// WithDescription is what the phone shows.
func (cr *Credential) Signer(ctx context.Context) (crypto.Signer, error) {
	return &remoteSigner{ctx: ctx, cr: cr}, nil
}

type descriptionKey struct{}

// WithDescription attaches what the signer's phone shows for the signatures
// made under ctx, e.g. "Kết quả hồ sơ 000.00.01.H12-261203-0001".
func WithDescription(ctx context.Context, d string) context.Context {
	return context.WithValue(ctx, descriptionKey{}, d)
}

type remoteSigner struct {
	ctx context.Context
	cr  *Credential
}

func (s *remoteSigner) Public() crypto.PublicKey { return s.cr.chain[0].PublicKey }

var hashOIDs = map[crypto.Hash]string{
	crypto.SHA256: "2.16.840.1.101.3.4.2.1",
	crypto.SHA384: "2.16.840.1.101.3.4.2.2",
	crypto.SHA512: "2.16.840.1.101.3.4.2.3",
}

var ecdsaAlgos = map[crypto.Hash]string{
	crypto.SHA256: "1.2.840.10045.4.3.2",
	crypto.SHA384: "1.2.840.10045.4.3.3",
	crypto.SHA512: "1.2.840.10045.4.3.4",
}

const oidRSA = "1.2.840.113549.1.1.1" // rsaEncryption: PKCS #1 v1.5 over the DigestInfo of hashAlgorithmOID

// signAlgo picks the signAlgo and hashAlgorithmOID for a key and hash. The
// result is what crypto.Signer promises: PKCS #1 v1.5 for RSA, ASN.1 DER
// for ECDSA (CSC returns the signature value in the algorithm's own
// encoding).
func signAlgo(pub crypto.PublicKey, opts crypto.SignerOpts) (algo, hashOID string, err error) {
	h := opts.HashFunc()
	hashOID, ok := hashOIDs[h]
	if !ok {
		return "", "", fmt.Errorf("csc: hash %v not supported", h)
	}
	switch pub.(type) {
	case *rsa.PublicKey:
		if _, pss := opts.(*rsa.PSSOptions); pss {
			return "", "", errors.New("csc: RSASSA-PSS not supported")
		}
		return oidRSA, hashOID, nil
	case *ecdsa.PublicKey:
		return ecdsaAlgos[h], hashOID, nil
	}
	return "", "", fmt.Errorf("csc: key type %T not supported", pub)
}

func (s *remoteSigner) Sign(_ io.Reader, digest []byte, opts crypto.SignerOpts) ([]byte, error) {
	algo, hashOID, err := signAlgo(s.Public(), opts)
	if err != nil {
		return nil, err
	}
	desc, _ := s.ctx.Value(descriptionKey{}).(string)
	c := s.cr.client
	sad, err := c.Authorize(s.ctx, s.cr.ID, [][]byte{digest}, hashOID, desc)
	if err != nil {
		return nil, err
	}
	if algo != oidRSA {
		hashOID = "" // implied by signAlgo: the API says to omit it
	}
	sigs, err := c.SignHash(s.ctx, s.cr.ID, sad, [][]byte{digest}, hashOID, algo)
	if err != nil {
		return nil, err
	}
	return sigs[0], nil
}
