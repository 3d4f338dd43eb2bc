package signing_test

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"software.sslmate.com/src/go-pkcs12"

	"github.com/motcua/motcua/internal/signing"
	"github.com/motcua/motcua/internal/signing/democa"
)

// The agency seal as a CA delivers it, a PKCS #12 file (modern AES
// encryption and the legacy one), or PEM files, signs as the key it holds.
func TestLoadServerHeldKey(t *testing.T) {
	p := newPKI(t)
	seal := p.seal
	key, _ := seal.Signer(context.Background())
	chain, _ := seal.Chain(context.Background())

	modern, err := pkcs12.Modern.Encode(key, chain[0], chain[1:], "mật khẩu")
	if err != nil {
		t.Fatal(err)
	}
	legacy, err := pkcs12.LegacyDES.Encode(key, chain[0], chain[1:], "mật khẩu")
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	var certPEM []byte
	for _, c := range chain {
		certPEM = append(certPEM, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER})

	load := map[string]func() (*signing.LocalKey, error){
		"PKCS#12 AES (OpenSSL 3 default)": func() (*signing.LocalKey, error) { return signing.LoadPKCS12(modern, "mật khẩu") },
		"PKCS#12 3DES (legacy exports)":   func() (*signing.LocalKey, error) { return signing.LoadPKCS12(legacy, "mật khẩu") },
		"PEM chain and PKCS#8 key":        func() (*signing.LocalKey, error) { return signing.LoadPEM(certPEM, keyPEM) },
	}
	for name, f := range load {
		t.Run(name, func(t *testing.T) {
			k, err := f()
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := k.Chain(context.Background()); len(got) != 2 || !got[0].Equal(chain[0]) {
				t.Fatalf("chain not kept: %d certificates", len(got))
			}
			rep := mustVerify(t, mustSign(t, k, form01(t), sealReq), p.opts())
			if !rep.Verdict.OK() {
				t.Fatalf("verdict %s", rep.Verdict.Code)
			}
		})
	}

	t.Run("wrong PKCS#12 password", func(t *testing.T) {
		if _, err := signing.LoadPKCS12(modern, "sai"); err == nil {
			t.Fatal("loaded with a wrong password")
		}
	})
	t.Run("key of another certificate", func(t *testing.T) {
		other, _ := p.leader.Signer(context.Background())
		if _, err := signing.NewLocalKey(other, chain); err == nil || !strings.Contains(err.Error(), "does not belong") {
			t.Fatalf("err %v", err)
		}
	})
}

// Trust roots are files an administrator drops in a directory, PEM or DER;
// a broken file is an error, not a silently missing root.
func TestLoadTrustDir(t *testing.T) {
	ca, err := democa.New("Root A", nil)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := democa.New("Root B", nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("vgca.pem", ca.RootPEM())
	write("public-ca.cer", cb.Root.Raw)
	write("README.txt", []byte("not a certificate, not read"))
	tr, err := signing.LoadTrustDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Roots()) != 2 {
		t.Fatalf("%d roots, want 2", len(tr.Roots()))
	}
	write("broken.crt", []byte("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
	if _, err := signing.LoadTrustDir(dir); err == nil {
		t.Fatal("a broken root file was skipped silently")
	}
}
