package democa

import (
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Files of a CA kept in a directory, so that `serve --demo` keeps the same
// root across restarts and what it signed yesterday still verifies today.
const (
	rootFile = "demo-root.pem"
	keyFile  = "demo-root-key.pem"
)

// LoadOrCreate reads the CA kept in dir, or makes one and writes it there
// (the key readable by the owner only).
func LoadOrCreate(dir, name string, now func() time.Time) (*CA, error) {
	if now == nil {
		now = time.Now
	}
	certPEM, err := os.ReadFile(filepath.Join(dir, rootFile))
	if errors.Is(err, fs.ErrNotExist) {
		ca, err := New(name, now)
		if err != nil {
			return nil, err
		}
		if err := ca.save(dir); err != nil {
			return nil, err
		}
		return ca, nil
	}
	if err != nil {
		return nil, fmt.Errorf("democa: %w", err)
	}
	keyPEM, err := os.ReadFile(filepath.Join(dir, keyFile))
	if err != nil {
		return nil, fmt.Errorf("democa: %w", err)
	}
	cb, _ := pem.Decode(certPEM)
	kb, _ := pem.Decode(keyPEM)
	if cb == nil || kb == nil {
		return nil, errors.New("democa: unreadable CA files")
	}
	root, err := x509.ParseCertificate(cb.Bytes)
	if err != nil {
		return nil, fmt.Errorf("democa: root: %w", err)
	}
	k, err := x509.ParsePKCS8PrivateKey(kb.Bytes)
	if err != nil {
		return nil, fmt.Errorf("democa: key: %w", err)
	}
	key, ok := k.(crypto.Signer)
	if !ok {
		return nil, errors.New("democa: key cannot sign")
	}
	return &CA{Root: root, key: key, now: now, revoked: map[string]time.Time{}}, nil
}

func (ca *CA) save(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("democa: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(ca.key)
	if err != nil {
		return fmt.Errorf("democa: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, keyFile), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		return fmt.Errorf("democa: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, rootFile), ca.RootPEM(), 0o644); err != nil {
		return fmt.Errorf("democa: %w", err)
	}
	return nil
}
