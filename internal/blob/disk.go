package blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Disk stores blobs as files under Dir, one subdirectory per first two hex
// digits. It suits one server, or several sharing a network file system.
type Disk struct{ Dir string }

var _ Store = (*Disk)(nil)

func (d *Disk) path(sum string) string { return filepath.Join(d.Dir, filepath.FromSlash(key(sum))) }

// Put writes data under its hash through a temporary file and a rename, so a
// reader never sees half a file.
func (d *Disk) Put(ctx context.Context, sum string, data []byte) error {
	if err := checkPut(sum, data); err != nil {
		return err
	}
	p := d.path(sum)
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return fmt.Errorf("blob: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), "upload-*")
	if err != nil {
		return fmt.Errorf("blob: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("blob: write %s: %w", sum, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("blob: sync %s: %w", sum, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("blob: close %s: %w", sum, err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("blob: store %s: %w", sum, err)
	}
	return nil
}

// Open reads a blob, checking its hash as it is read.
func (d *Disk) Open(ctx context.Context, sum string) (io.ReadCloser, error) {
	if err := checkSum(sum); err != nil {
		return nil, err
	}
	f, err := os.Open(d.path(sum))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, sum)
	} else if err != nil {
		return nil, fmt.Errorf("blob: %w", err)
	}
	return verify(f, sum), nil
}

// Exists tells whether the blob's file is there.
func (d *Disk) Exists(ctx context.Context, sum string) (bool, error) {
	if err := checkSum(sum); err != nil {
		return false, err
	}
	_, err := os.Stat(d.path(sum))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("blob: %w", err)
	}
	return true, nil
}
