package dvcqg

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
)

var pdf = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

func sum(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

func fastFetcher(srv *httptest.Server) *Fetcher {
	return &Fetcher{HTTP: srv.Client(), MaxBytes: 1024, Timeout: 200 * time.Millisecond, Attempts: 3, Backoff: time.Millisecond}
}

func TestFetchAttachment(t *testing.T) {
	var hits atomic.Int32
	var flaky atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/ok":
			w.Header().Set("Content-Type", "text/plain") // wrong on purpose: we sniff
			_, _ = w.Write(pdf)
		case "/big":
			_, _ = w.Write(append(append([]byte{}, pdf...), make([]byte, 2048)...))
		case "/big-chunked": // no Content-Length: caught while reading
			w.(http.Flusher).Flush()
			_, _ = w.Write(append(append([]byte{}, pdf...), make([]byte, 2048)...))
		case "/exe":
			_, _ = w.Write([]byte("MZ\x90\x00 this is a program"))
		case "/slow":
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
		case "/flaky": // fails twice, then serves
			if flaky.Add(1) <= 2 {
				w.WriteHeader(http.StatusBadGateway)
				return
			}
			_, _ = w.Write(pdf)
		case "/gone":
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	get := func(path, want string) (*Fetched, error) {
		return fastFetcher(srv).Fetch(ctx, File{ID: "F", Name: "a.pdf", URL: srv.URL + path}, want)
	}

	got, err := get("/ok", sum(pdf))
	if err != nil || got.ContentType != "application/pdf" || got.Size != int64(len(pdf)) || got.SHA256 != sum(pdf) {
		t.Fatalf("ok: %+v %v", got, err)
	}
	if got, err := get("/ok", strings.ToUpper(sum(pdf))); err != nil || got == nil {
		t.Errorf("an upper-case checksum was refused: %v", err)
	}

	cases := []struct {
		name     string
		path     string
		want     string
		code     string
		attempts int32 // how many requests the case may make
		temp     bool
	}{
		{"oversize with Content-Length", "/big", "", "dvcqg_attachment_too_large", 1, false},
		{"oversize without Content-Length", "/big-chunked", "", "dvcqg_attachment_too_large", 1, false},
		{"wrong type (a program)", "/exe", "", "dvcqg_attachment_type", 1, false},
		{"hash mismatch", "/ok", sum([]byte("other")), "dvcqg_attachment_hash", 1, false},
		{"timeout, retried each time", "/slow", "", "dvcqg_attachment_unreachable", 3, true},
		{"not found is not retried", "/gone", "", "dvcqg_attachment_unreachable", 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hits.Store(0)
			_, err := get(c.path, c.want)
			ae, ok := apperr.As(err)
			if !ok || ae.Code != c.code {
				t.Fatalf("err %v, want %s", err, c.code)
			}
			if n := hits.Load(); n != c.attempts {
				t.Errorf("%d requests, want %d", n, c.attempts)
			}
			if Temporary(err) != c.temp {
				t.Errorf("Temporary = %v, want %v", Temporary(err), c.temp)
			}
		})
	}

	t.Run("5xx retried until it serves", func(t *testing.T) {
		hits.Store(0)
		got, err := get("/flaky", "")
		if err != nil || got.SHA256 != sum(pdf) {
			t.Fatalf("%v", err)
		}
		if hits.Load() != 3 {
			t.Errorf("%d requests, want 3", hits.Load())
		}
	})

	t.Run("cancelled context stops the retries", func(t *testing.T) {
		ctx, cancel := context.WithCancel(ctx)
		cancel()
		_, err := fastFetcher(srv).Fetch(ctx, File{ID: "F", URL: srv.URL + "/slow"}, "")
		if !errors.Is(err, ErrAttachmentUnreachable) {
			t.Fatalf("%v", err)
		}
	})
}
