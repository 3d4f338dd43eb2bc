package dossiers

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/blob"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/internal/core"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/textfold"
	"github.com/motcua/motcua/internal/textin"
)

// MaxFileSize is the largest attachment accepted (a scanned multi-page PDF).
const MaxFileSize = 20 << 20

// Blobs is the disk blob store, kept under its old name for the callers
// that build a service over a directory.
type Blobs = blob.Disk

var allowedTypes = map[string]string{"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}

// Upload checks and stores an attachment. Only PDF, JPEG and PNG are taken,
// judged by their content, not by the name or the declared type.
func (s *Dossiers) Upload(ctx context.Context, actor org.Actor, name string, r io.Reader) (model.File, error) {
	f, data, err := s.checkUpload(ctx, actor, name, r)
	if err != nil {
		return model.File{}, err
	}
	if err := s.Files.Put(ctx, f.SHA256, data); err != nil {
		return model.File{}, fmt.Errorf("service: store blob: %w", err)
	}
	if err := s.Store.InsertFile(ctx, f); err != nil {
		return model.File{}, err
	}
	return f, nil
}

// UploadOnce is Upload guarded by an Idempotency-Key, as the API promises
// for every write: the same key with the same file and name answers with the
// first upload (same file_id) and stores nothing new; the same key with
// another file is refused (idempotency_key_reused). Without a key it is a
// plain upload. render turns the stored file into the response body that a
// retry replays.
func (s *Dossiers) UploadOnce(ctx context.Context, actor org.Actor, key, name string, r io.Reader, render func(model.File) ([]byte, error)) (*core.Result, error) {
	if key == "" {
		f, err := s.Upload(ctx, actor, name, r)
		if err != nil {
			return nil, err
		}
		body, err := render(f)
		if err != nil {
			return nil, err
		}
		return &core.Result{Status: 201, Body: body}, nil
	}
	f, data, err := s.checkUpload(ctx, actor, name, r)
	if err != nil {
		return nil, err
	}
	// The blob is content-addressed, so storing it before the key is claimed
	// is harmless on a retry: the same bytes land on the same name.
	if err := s.Files.Put(ctx, f.SHA256, data); err != nil {
		return nil, fmt.Errorf("service: store blob: %w", err)
	}
	hash := core.RequestHash("upload", f.Name, f.SHA256)
	return s.Idempotent(ctx, actor, key, hash, func(tx *store.Tx) (*core.Result, error) {
		if _, err := tx.Exec(ctx, `INSERT INTO files (id, sha256, size, content_type, name, owner_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			f.ID, f.SHA256, f.Size, f.ContentType, f.Name, f.OwnerUserID, f.CreatedAt.UnixMilli()); err != nil {
			return nil, fmt.Errorf("service: insert file: %w", err)
		}
		body, err := render(f)
		if err != nil {
			return nil, err
		}
		return &core.Result{Status: 201, Body: body}, nil
	})
}

// checkUpload reads and checks an upload and gives it a fresh ID; nothing is
// stored yet.
func (s *Dossiers) checkUpload(ctx context.Context, actor org.Actor, name string, r io.Reader) (model.File, []byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return model.File{}, nil, apperr.New(apperr.BadInput, "upload_read", "Không đọc được tệp tải lên.", "The uploaded file could not be read.")
	}
	if len(data) > MaxFileSize {
		return model.File{}, nil, apperr.Newf(apperr.TooLarge, "file_too_large", "Tệp quá lớn: tối đa %d MB.", "The file is too large: %d MB at most.", MaxFileSize>>20)
	}
	if len(data) == 0 {
		return model.File{}, nil, apperr.New(apperr.Invalid, "file_empty", "Tệp rỗng.", "The file is empty.")
	}
	ctype := http.DetectContentType(data)
	if i := strings.IndexByte(ctype, ';'); i >= 0 {
		ctype = ctype[:i]
	}
	if _, ok := allowedTypes[ctype]; !ok || (ctype == "application/pdf" && !bytes.HasPrefix(data, []byte("%PDF-"))) {
		return model.File{}, nil, apperr.New(apperr.Invalid, "file_type",
			"Chỉ nhận tệp PDF, JPEG hoặc PNG.", "Only PDF, JPEG or PNG files are accepted.")
	}
	// The name is shown on pages and forms: the text rules apply to it too.
	if p, ok := textin.Line(name); !ok {
		return model.File{}, nil, apperr.Newf(apperr.BadInput, "text_control_char", "Tên tệp %[1]s.", "The file name %[2]s.", p.Vi(), p.En())
	}
	name = textfold.NFC(filepath.Base(name))
	if len(name) > 255 {
		// Cut on a character boundary: half a UTF-8 sequence is refused by PostgreSQL.
		cut := 255
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut]
	}
	// The file ID is per upload, so ownership stays with who uploaded it even
	// when two people upload identical bytes.
	rnd := make([]byte, 16)
	if _, err := rand.Read(rnd); err != nil {
		return model.File{}, nil, err
	}
	id := hex.EncodeToString(rnd)
	return model.File{ID: id, SHA256: blob.Sum(data), Size: int64(len(data)), ContentType: ctype, Name: name, OwnerUserID: actor.UserID, CreatedAt: s.Now().UTC()}, data, nil
}

// OwnFile is a file the actor uploaded. A refused form keeps its uploads for
// the next attempt by naming them, so each name is checked to be the
// sender's own: anyone else's file is not found, as if there were none.
func (s *Dossiers) OwnFile(ctx context.Context, actor org.Actor, id string) (model.File, error) {
	f, err := s.Store.FileByID(ctx, id)
	if errors.Is(err, model.ErrNotFound) || (err == nil && (actor.UserID == 0 || f.OwnerUserID != actor.UserID)) {
		return model.File{}, apperr.ErrNotFound
	} else if err != nil {
		return model.File{}, fmt.Errorf("service: file %s: %w", id, err)
	}
	return f, nil
}
