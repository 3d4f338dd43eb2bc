package audit

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Root accumulates the heads of every dossier, in dossier id order, into
// one hash: a checkpoint seals them all with one signature.
type Root struct {
	h                 hash.Hash
	Dossiers, Events  int64
	lastID            int64
	started, outOrder bool
}

// NewRoot starts an empty root.
func NewRoot() *Root {
	r := &Root{h: sha256.New()}
	enc{r.h}.str("motcua/root/v1")
	return r
}

// Add takes one dossier's head (its last event under the cut). Dossiers
// must come in increasing id order.
func (r *Root) Add(dossierID int64, seq int, hash string) {
	if r.started && dossierID <= r.lastID {
		r.outOrder = true
	}
	r.started, r.lastID = true, dossierID
	x := enc{r.h}
	x.num(dossierID)
	x.num(int64(seq))
	x.str(hash)
	r.Dossiers++
	r.Events += int64(seq)
}

// Sum is the hex root; an error if the heads came out of order.
func (r *Root) Sum() (string, error) {
	if r.outOrder {
		return "", errors.New("audit: dossier heads out of order")
	}
	return hex.EncodeToString(r.h.Sum(nil)), nil
}

// Checkpoint is a signed statement: at At, the events with row id up to
// Cut made Dossiers chains of Events events in all, whose heads hash to
// Root. Printed (Line), it can be anchored outside the system (e-mailed to
// the inspectorate, published), and whoever holds the public key can check it.
type Checkpoint struct {
	ID        int64
	At        time.Time
	Cut       int64
	Dossiers  int64
	Events    int64
	Root      string
	PublicKey string // hex Ed25519 public key of the signer
	Signature string // base64 Ed25519 signature of Message()
}

// Message is the exact text signed.
func (c Checkpoint) Message() string {
	return fmt.Sprintf("motcua-checkpoint v1 at=%s cut=%d dossiers=%d events=%d root=%s",
		c.At.UTC().Format(time.RFC3339), c.Cut, c.Dossiers, c.Events, c.Root)
}

// Line is the checkpoint as one printable line.
func (c Checkpoint) Line() string {
	return c.Message() + " key=" + c.PublicKey + " sig=" + c.Signature
}

// Sign sets the public key and the signature.
func (c *Checkpoint) Sign(key ed25519.PrivateKey) {
	c.PublicKey = hex.EncodeToString(key.Public().(ed25519.PublicKey))
	c.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(key, []byte(c.Message())))
}

// Verify checks the signature against the trusted public key (not the
// one stored with the checkpoint: whoever forges a record would store
// their own key beside it).
func (c Checkpoint) Verify(trusted ed25519.PublicKey) error {
	sig, err := base64.StdEncoding.DecodeString(c.Signature)
	if err != nil || !ed25519.Verify(trusted, []byte(c.Message()), sig) {
		return fmt.Errorf("checkpoint %d (%s): signature does not verify with the trusted key", c.ID, c.At.UTC().Format(time.RFC3339))
	}
	return nil
}

// KeyFileName is the key's file in the data directory when
// MOTCUA_AUDIT_KEY is not set.
const KeyFileName = "audit.key"

// LoadKey returns the signing key: MOTCUA_AUDIT_KEY (64 hex digits, an
// Ed25519 seed) if set, else the file audit.key in dataDir, created on first
// use (mode 0600). Keep it off the database server and out of the DB
// administrator's reach: the key is what a rewritten chain cannot forge.
func LoadKey(getenv func(string) string, dataDir string) (ed25519.PrivateKey, error) {
	if v := strings.TrimSpace(getenv("MOTCUA_AUDIT_KEY")); v != "" {
		return parseSeed(v, "MOTCUA_AUDIT_KEY")
	}
	path := filepath.Join(dataDir, KeyFileName)
	b, err := os.ReadFile(path)
	if err == nil {
		return parseSeed(strings.TrimSpace(string(b)), path)
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("audit: read key: %w", err)
	}
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("audit: create key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) { // another process created it first
		return LoadKey(getenv, dataDir)
	}
	if err != nil {
		return nil, fmt.Errorf("audit: create key: %w", err)
	}
	if _, err := fmt.Fprintln(f, hex.EncodeToString(seed)); err != nil {
		f.Close()
		return nil, fmt.Errorf("audit: write key: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("audit: write key: %w", err)
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// TrustedPublicKey is the key checkpoints are verified with:
// MOTCUA_AUDIT_PUBLIC_KEY (hex) when a verifier holds only the public key,
// else the public half of MOTCUA_AUDIT_KEY or of the key file; nil when
// none is there (a verifier never creates a key).
func TrustedPublicKey(getenv func(string) string, dataDir string) (ed25519.PublicKey, error) {
	if v := strings.TrimSpace(getenv("MOTCUA_AUDIT_PUBLIC_KEY")); v != "" {
		b, err := hex.DecodeString(v)
		if err != nil || len(b) != ed25519.PublicKeySize {
			return nil, errors.New("audit: MOTCUA_AUDIT_PUBLIC_KEY must be 64 hex digits")
		}
		return ed25519.PublicKey(b), nil
	}
	if strings.TrimSpace(getenv("MOTCUA_AUDIT_KEY")) == "" {
		if _, err := os.Stat(filepath.Join(dataDir, KeyFileName)); errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
	}
	k, err := LoadKey(getenv, dataDir)
	if err != nil {
		return nil, err
	}
	return k.Public().(ed25519.PublicKey), nil
}

func parseSeed(v, where string) (ed25519.PrivateKey, error) {
	b, err := hex.DecodeString(v)
	if err != nil || len(b) != ed25519.SeedSize {
		return nil, fmt.Errorf("audit: %s must hold 64 hex digits (an Ed25519 seed)", where)
	}
	return ed25519.NewKeyFromSeed(b), nil
}
