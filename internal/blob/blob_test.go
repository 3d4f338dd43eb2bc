package blob

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/minio/minio-go/v7"
)

// peer is one implementation under test, with a way to damage a stored blob
// behind the store's back and to count the uploads that reached the medium.
type peer struct {
	name    string
	store   Store
	corrupt func(t *testing.T, sum string, data []byte)
	writes  func() int64
}

func diskPeer(t *testing.T) peer {
	dir := t.TempDir()
	d := &Disk{Dir: dir}
	return peer{name: "disk", store: d,
		corrupt: func(t *testing.T, sum string, data []byte) {
			if err := os.WriteFile(d.path(sum), data, 0o640); err != nil {
				t.Fatal(err)
			}
		},
		writes: func() int64 {
			var n int64
			filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
				if err == nil && !e.IsDir() {
					n++
				}
				return nil
			})
			return n
		}}
}

// s3Peer runs a real S3 protocol server (gofakes3 over HTTP) in the test.
func s3Peer(t *testing.T) peer {
	backend := s3mem.New()
	if err := backend.CreateBucket("motcua-files"); err != nil {
		t.Fatal(err)
	}
	var puts atomic.Int64
	fake := gofakes3.New(backend, gofakes3.WithIntegrityCheck(true)).Server()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut {
			puts.Add(1)
		}
		fake.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s, err := NewS3(context.Background(), S3Config{Endpoint: srv.URL, Bucket: "motcua-files", AccessKey: "test", SecretKey: "test-secret", Region: "us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	return peer{name: "s3", store: s,
		corrupt: func(t *testing.T, sum string, data []byte) {
			if _, err := s.c.PutObject(context.Background(), s.bucket, key(sum), bytes.NewReader(data), int64(len(data)), minio.PutObjectOptions{}); err != nil {
				t.Fatal(err)
			}
		},
		writes: puts.Load}
}

func peers(t *testing.T, fn func(t *testing.T, p peer)) {
	for _, mk := range []func(*testing.T) peer{diskPeer, s3Peer} {
		p := mk(t)
		t.Run(p.name, func(t *testing.T) { fn(t, p) })
	}
}

func readAll(t *testing.T, s Store, sum string) ([]byte, error) {
	t.Helper()
	rc, err := s.Open(context.Background(), sum)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

func TestStorePutOpenDedupe(t *testing.T) {
	peers(t, func(t *testing.T, p peer) {
		ctx := context.Background()
		data := []byte("%PDF-1.7 Giấy khai sinh bản điện tử")
		sum := Sum(data)
		if ok, err := p.store.Exists(ctx, sum); err != nil || ok {
			t.Fatalf("Exists before Put = %v, %v; want false", ok, err)
		}
		if err := p.store.Put(ctx, sum, data); err != nil {
			t.Fatal(err)
		}
		after := p.writes()
		if after == 0 {
			t.Fatal("Put wrote nothing")
		}
		// The same paper uploaded again (by anyone) is kept once.
		if err := p.store.Put(ctx, sum, data); err != nil {
			t.Fatal(err)
		}
		if got := p.writes(); got != after {
			t.Fatalf("second Put of the same bytes wrote again: %d writes, want %d", got, after)
		}
		if ok, err := p.store.Exists(ctx, sum); err != nil || !ok {
			t.Fatalf("Exists after Put = %v, %v; want true", ok, err)
		}
		got, err := readAll(t, p.store, sum)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("Open = %q, %v; want %q", got, err, data)
		}
	})
}

func TestStoreMissing(t *testing.T) {
	peers(t, func(t *testing.T, p peer) {
		sum := Sum([]byte("never stored"))
		if _, err := p.store.Open(context.Background(), sum); !errors.Is(err, ErrNotFound) {
			t.Fatalf("Open of a missing blob: %v, want ErrNotFound", err)
		}
	})
}

func TestStoreRefusesWrongHash(t *testing.T) {
	peers(t, func(t *testing.T, p peer) {
		ctx := context.Background()
		data := []byte("nội dung thật")
		wrong := Sum([]byte("nội dung khác"))
		before := p.writes()
		if err := p.store.Put(ctx, wrong, data); !errors.Is(err, ErrHashMismatch) {
			t.Fatalf("Put under another hash: %v, want ErrHashMismatch", err)
		}
		if p.writes() != before {
			t.Fatal("a refused Put wrote something")
		}
		if ok, _ := p.store.Exists(ctx, wrong); ok {
			t.Fatal("a refused Put left a blob behind")
		}
		for _, bad := range []string{"", "../../etc/passwd", strings.ToUpper(Sum(data)), Sum(data)[:63] + "g"} {
			if err := p.store.Put(ctx, bad, data); !errors.Is(err, ErrBadSum) {
				t.Errorf("Put(%q): %v, want ErrBadSum", bad, err)
			}
			if _, err := p.store.Open(ctx, bad); !errors.Is(err, ErrBadSum) {
				t.Errorf("Open(%q): %v, want ErrBadSum", bad, err)
			}
		}
	})
}

// A blob damaged where it is kept is not handed out as if it were sound.
func TestStoreDetectsCorruption(t *testing.T) {
	peers(t, func(t *testing.T, p peer) {
		ctx := context.Background()
		data := []byte("%PDF-1.7 Quyết định cấp phép")
		sum := Sum(data)
		if err := p.store.Put(ctx, sum, data); err != nil {
			t.Fatal(err)
		}
		p.corrupt(t, sum, []byte("%PDF-1.7 Quyết định bị sửa"))
		if _, err := readAll(t, p.store, sum); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("reading a damaged blob: %v, want ErrCorrupt", err)
		}
	})
}

func TestFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	ctx := context.Background()
	st, where, err := FromEnv(ctx, env(nil), "/var/lib/motcua/files")
	if d, ok := st.(*Disk); err != nil || !ok || d.Dir != "/var/lib/motcua/files" || where != "disk /var/lib/motcua/files" {
		t.Fatalf("no S3 settings: %T %q %v, want the disk store", st, where, err)
	}
	p := s3Peer(t)
	endpoint := "http://" + strings.TrimPrefix(p.store.(*S3).c.EndpointURL().Host, "http://")
	st, where, err = FromEnv(ctx, env(map[string]string{"MOTCUA_S3_ENDPOINT": endpoint, "MOTCUA_S3_BUCKET": "motcua-files",
		"MOTCUA_S3_ACCESS_KEY": "k", "MOTCUA_S3_SECRET_KEY": "s", "MOTCUA_S3_INSECURE": "true"}), "unused")
	if _, ok := st.(*S3); err != nil || !ok || where != "s3 motcua-files" {
		t.Fatalf("S3 settings: %T %q %v, want the S3 store", st, where, err)
	}
	for name, m := range map[string]map[string]string{
		"no bucket":         {"MOTCUA_S3_ENDPOINT": endpoint},
		"unknown bucket":    {"MOTCUA_S3_ENDPOINT": endpoint, "MOTCUA_S3_BUCKET": "nhap-sai"},
		"insecure not bool": {"MOTCUA_S3_ENDPOINT": endpoint, "MOTCUA_S3_BUCKET": "motcua-files", "MOTCUA_S3_INSECURE": "có"},
	} {
		if _, _, err := FromEnv(ctx, env(m), "unused"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
