package service

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/textfold"
)

// MaxFileSize is the largest attachment accepted (a scanned multi-page PDF).
const MaxFileSize = 20 << 20

// Blobs stores file contents on disk, addressed by their SHA-256, so that the
// same paper uploaded twice is kept once.
type Blobs struct{ Dir string }

func (b *Blobs) path(sum string) string { return filepath.Join(b.Dir, sum[:2], sum) }

// Put writes data under its hash, atomically.
func (b *Blobs) Put(sum string, data []byte) error {
	p := b.path(sum)
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), "upload-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

// Open reads a blob.
func (b *Blobs) Open(sum string) (io.ReadCloser, error) { return os.Open(b.path(sum)) }

var allowedTypes = map[string]string{"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}

// Upload checks and stores an attachment. Only PDF, JPEG and PNG are taken,
// judged by their content, not by the name or the declared type.
func (s *Service) Upload(ctx context.Context, actor org.Actor, name string, r io.Reader) (store.File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return store.File{}, apperr.New(apperr.BadInput, "upload_read", "Không đọc được tệp tải lên.", "The uploaded file could not be read.")
	}
	if len(data) > MaxFileSize {
		return store.File{}, apperr.Newf(apperr.TooLarge, "file_too_large", "Tệp quá lớn: tối đa %d MB.", "The file is too large: %d MB at most.", MaxFileSize>>20)
	}
	if len(data) == 0 {
		return store.File{}, apperr.New(apperr.Invalid, "file_empty", "Tệp rỗng.", "The file is empty.")
	}
	ctype := http.DetectContentType(data)
	if i := strings.IndexByte(ctype, ';'); i >= 0 {
		ctype = ctype[:i]
	}
	if _, ok := allowedTypes[ctype]; !ok || (ctype == "application/pdf" && !bytes.HasPrefix(data, []byte("%PDF-"))) {
		return store.File{}, apperr.New(apperr.Invalid, "file_type",
			"Chỉ nhận tệp PDF, JPEG hoặc PNG.", "Only PDF, JPEG or PNG files are accepted.")
	}
	sum := sha256.Sum256(data)
	hexSum := hex.EncodeToString(sum[:])
	if err := s.Files.Put(hexSum, data); err != nil {
		return store.File{}, fmt.Errorf("service: store blob: %w", err)
	}
	name = textfold.NFC(filepath.Base(name))
	if len(name) > 255 {
		name = name[:255]
	}
	// The file ID is per upload, so ownership stays with who uploaded it even
	// when two people upload identical bytes.
	rnd := make([]byte, 16)
	if _, err := rand.Read(rnd); err != nil {
		return store.File{}, err
	}
	id := hex.EncodeToString(rnd)
	f := store.File{ID: id, SHA256: hexSum, Size: int64(len(data)), ContentType: ctype, Name: name, OwnerUserID: actor.UserID, CreatedAt: s.Now().UTC()}
	if err := s.Store.InsertFile(ctx, f); err != nil {
		return store.File{}, err
	}
	return f, nil
}
