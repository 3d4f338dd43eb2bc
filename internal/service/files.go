package service

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/blob"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/textfold"
)

// MaxFileSize is the largest attachment accepted (a scanned multi-page PDF).
const MaxFileSize = 20 << 20

// Blobs is the disk blob store, kept under its old name for the callers
// that build a service over a directory.
type Blobs = blob.Disk

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
	hexSum := blob.Sum(data)
	if err := s.Files.Put(ctx, hexSum, data); err != nil {
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
