package dvcqg

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
)

// Attachment errors, each permanent except ErrAttachmentUnreachable: a file
// too large or of the wrong type will be so on every try.
var (
	ErrAttachmentTooLarge = apperr.New(apperr.TooLarge, "dvcqg_attachment_too_large",
		"Tệp đính kèm từ Cổng Dịch vụ công quốc gia vượt dung lượng cho phép.",
		"An attachment from the national portal is over the size limit.")
	ErrAttachmentType = apperr.New(apperr.Invalid, "dvcqg_attachment_type",
		"Tệp đính kèm từ Cổng Dịch vụ công quốc gia không thuộc loại tệp được nhận.",
		"An attachment from the national portal is not of an accepted type.")
	ErrAttachmentHash = apperr.New(apperr.Invalid, "dvcqg_attachment_hash",
		"Tệp đính kèm tải về không khớp mã kiểm tra SHA-256; tệp có thể bị hỏng.",
		"A downloaded attachment does not match its SHA-256 checksum; it may be damaged.")
	ErrAttachmentUnreachable = apperr.New(apperr.Conflict, "dvcqg_attachment_unreachable",
		"Không tải được tệp đính kèm từ đường dẫn Cổng Dịch vụ công quốc gia cung cấp.",
		"An attachment could not be downloaded from the link the national portal gave.")
)

// DefaultAllowedTypes are what the one-stop accepts as uploads (scans and
// signed PDFs). Types are sniffed from the bytes, not taken from the
// server's Content-Type, which a misconfigured file server gets wrong.
var DefaultAllowedTypes = []string{"application/pdf", "image/jpeg", "image/png"}

// Fetcher downloads attachments from the links a dossier gives.
type Fetcher struct {
	HTTP         *http.Client
	MaxBytes     int64         // default 20 MiB
	AllowedTypes []string      // default DefaultAllowedTypes
	Timeout      time.Duration // per attempt; default 60s
	Attempts     int           // default 3
	Backoff      time.Duration // before the second attempt, doubled after; default 1s
	// Header adds headers to every request (the platform's token).
	Header http.Header
}

// Fetched is one downloaded attachment; storing it is the caller's.
type Fetched struct {
	Name        string
	ContentType string
	Size        int64
	SHA256      string // hex
	Data        []byte
}

// Reader gives the bytes to an upload store.
func (f *Fetched) Reader() io.Reader { return bytes.NewReader(f.Data) }

// Fetch downloads f.URL. wantSHA256 (hex), when given, must match: the
// evidence carries no checksum field, so it comes from wherever the
// province's platform supplies one; without it the computed sum is returned
// for the store to keep.
func (ft *Fetcher) Fetch(ctx context.Context, f File, wantSHA256 string) (*Fetched, error) {
	attempts := ft.Attempts
	if attempts <= 0 {
		attempts = 3
	}
	backoff := ft.Backoff
	if backoff <= 0 {
		backoff = time.Second
	}
	var last error
	for i := 0; i < attempts; i++ {
		if i > 0 {
			select {
			case <-ctx.Done():
				return nil, fmt.Errorf("dvcqg: fetch %s: %w (%v)", f.ID, ErrAttachmentUnreachable, ctx.Err())
			case <-time.After(backoff):
			}
			backoff *= 2
		}
		got, err := ft.once(ctx, f, wantSHA256)
		if err == nil {
			return got, nil
		}
		last = err
		var te *transportError
		if !errors.As(err, &te) {
			return nil, err // permanent: the same bytes will come again
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, fmt.Errorf("dvcqg: fetch %s after %d attempts: %w", f.ID, attempts, last)
}

func (ft *Fetcher) once(ctx context.Context, f File, wantSHA256 string) (*Fetched, error) {
	timeout := ft.Timeout
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	max := ft.MaxBytes
	if max <= 0 {
		max = 20 << 20
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.URL, nil)
	if err != nil {
		return nil, fmt.Errorf("dvcqg: fetch %s: bad link: %w", f.ID, ErrAttachmentUnreachable)
	}
	for k, vs := range ft.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	hc := ft.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, &transportError{fmt.Errorf("fetch %s: %w: %w", f.ID, ErrAttachmentUnreachable, err)}
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusRequestTimeout:
		return nil, &transportError{fmt.Errorf("fetch %s: HTTP %d: %w", f.ID, resp.StatusCode, ErrAttachmentUnreachable)}
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("dvcqg: fetch %s: HTTP %d: %w", f.ID, resp.StatusCode, ErrAttachmentUnreachable)
	case resp.ContentLength > max:
		return nil, fmt.Errorf("dvcqg: fetch %s: %d bytes, limit %d: %w", f.ID, resp.ContentLength, max, ErrAttachmentTooLarge)
	}
	// Read one byte past the limit: a server that sends no length, or lies
	// about it, is caught without holding more than max+1 bytes.
	data, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, &transportError{fmt.Errorf("fetch %s: %w: %w", f.ID, ErrAttachmentUnreachable, err)}
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("dvcqg: fetch %s: over %d bytes: %w", f.ID, max, ErrAttachmentTooLarge)
	}
	ct := http.DetectContentType(data)
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	allowed := ft.AllowedTypes
	if len(allowed) == 0 {
		allowed = DefaultAllowedTypes
	}
	ok := false
	for _, a := range allowed {
		ok = ok || a == ct
	}
	if !ok {
		return nil, fmt.Errorf("dvcqg: fetch %s: type %s: %w", f.ID, ct, ErrAttachmentType)
	}
	sum := sha256.Sum256(data)
	got := hex.EncodeToString(sum[:])
	if wantSHA256 != "" && !strings.EqualFold(wantSHA256, got) {
		return nil, fmt.Errorf("dvcqg: fetch %s: sha256 %s, want %s: %w", f.ID, got, wantSHA256, ErrAttachmentHash)
	}
	return &Fetched{Name: f.Name, ContentType: ct, Size: int64(len(data)), SHA256: got, Data: data}, nil
}
