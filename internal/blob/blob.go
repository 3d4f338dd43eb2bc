// Package blob keeps the bytes of uploaded files, addressed by their SHA-256:
// the same paper uploaded twice is stored once, and what is read back can be
// checked against its name. The metadata (who uploaded what, under which
// name) lives in the database; a blob store only knows hashes.
package blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
)

// Store holds file contents under their SHA-256 (64 lowercase hex digits).
type Store interface {
	// Put stores data under sum. It refuses data whose SHA-256 is not sum,
	// and does nothing when the blob is already there.
	Put(ctx context.Context, sum string, data []byte) error
	// Open reads a blob; ErrNotFound when there is none. The reader fails
	// with ErrCorrupt at the end if the bytes no longer match the hash.
	Open(ctx context.Context, sum string) (io.ReadCloser, error)
	// Exists tells whether a blob is stored.
	Exists(ctx context.Context, sum string) (bool, error)
}

var (
	// ErrNotFound: no blob under this hash.
	ErrNotFound = errors.New("blob: not found")
	// ErrHashMismatch: the bytes given to Put do not have the SHA-256 they
	// were to be stored under.
	ErrHashMismatch = errors.New("blob: content does not match its SHA-256")
	// ErrCorrupt: a stored blob no longer has the SHA-256 it is stored under.
	ErrCorrupt = errors.New("blob: stored content does not match its SHA-256")
	// ErrBadSum: the name is not a SHA-256 in lowercase hex.
	ErrBadSum = errors.New("blob: invalid SHA-256")
)

// Sum is the SHA-256 of data in lowercase hex, the name it is stored under.
func Sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// checkSum refuses anything but 64 lowercase hex digits: the name becomes a
// file path or an object key, so "../" must never get through.
func checkSum(sum string) error {
	if len(sum) != sha256.Size*2 {
		return fmt.Errorf("%w: %q", ErrBadSum, sum)
	}
	for _, c := range sum {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return fmt.Errorf("%w: %q", ErrBadSum, sum)
		}
	}
	return nil
}

// checkPut verifies a Put's arguments: a valid name that is the hash of data.
func checkPut(sum string, data []byte) error {
	if err := checkSum(sum); err != nil {
		return err
	}
	if got := Sum(data); got != sum {
		return fmt.Errorf("%w: got %s, want %s", ErrHashMismatch, got, sum)
	}
	return nil
}

// key is where a blob lives: sharded by the first two hex digits so that no
// directory (or listing prefix) holds every file of the province.
func key(sum string) string { return sum[:2] + "/" + sum }

// verifying hashes what is read and turns the final io.EOF into ErrCorrupt
// when the content does not match its name, so that a damaged file is never
// handed out as a legal document without notice.
type verifying struct {
	rc   io.ReadCloser
	h    hash.Hash
	want string
	err  error
}

func verify(rc io.ReadCloser, sum string) io.ReadCloser {
	return &verifying{rc: rc, h: sha256.New(), want: sum}
}

func (v *verifying) Read(p []byte) (int, error) {
	if v.err != nil {
		return 0, v.err
	}
	n, err := v.rc.Read(p)
	v.h.Write(p[:n])
	if errors.Is(err, io.EOF) {
		if got := hex.EncodeToString(v.h.Sum(nil)); got != v.want {
			v.err = fmt.Errorf("%w: %s reads as %s", ErrCorrupt, v.want, got)
			return n, v.err
		}
		v.err = io.EOF
	}
	return n, err
}

func (v *verifying) Close() error { return v.rc.Close() }
