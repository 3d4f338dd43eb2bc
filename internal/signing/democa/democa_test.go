package democa_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ocsp"

	"github.com/motcua/motcua/internal/signing"
	"github.com/motcua/motcua/internal/signing/democa"
)

// Every demo certificate says it is not trusted, in the subject a reader
// shows first (CN) and in the OU.
func TestCertificatesMarkedNotTrusted(t *testing.T) {
	ca, err := democa.New("Một Cửa Demo CA", nil)
	if err != nil {
		t.Fatal(err)
	}
	k, err := ca.Issue(democa.Subject{Name: "Nguyễn Thị Hĩn", Organization: "Sở Tư pháp", Title: "Giám đốc"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ cn, ou string }{
		{ca.Root.Subject.CommonName, ca.Root.Subject.OrganizationalUnit[0]},
		{k.Certificate().Subject.CommonName, k.Certificate().Subject.OrganizationalUnit[0]},
	} {
		if !strings.Contains(c.cn, "NOT TRUSTED") || c.ou != democa.Marker {
			t.Errorf("CN %q OU %q", c.cn, c.ou)
		}
	}
	if err := k.Certificate().CheckSignatureFrom(ca.Root); err != nil {
		t.Fatal(err)
	}
}

// The demo keeps its root across restarts, key readable by the owner only.
func TestLoadOrCreateKeepsTheRoot(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ca")
	a, err := democa.LoadOrCreate(dir, "Demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	k, err := a.Issue(democa.Subject{Name: "A", Organization: "B"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := democa.LoadOrCreate(dir, "Demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Root.Equal(b.Root) {
		t.Fatal("a new root after restart")
	}
	k2, err := b.Issue(democa.Subject{Name: "C", Organization: "B"})
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Certificate().CheckSignatureFrom(b.Root); err != nil {
		t.Fatal(err)
	}
	if err := k2.Certificate().CheckSignatureFrom(a.Root); err != nil {
		t.Fatal("the reloaded key is not the root's")
	}
	fi, err := os.Stat(filepath.Join(dir, "demo-root-key.pem"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", fi.Mode(), err)
	}
}

// The responder answers POST and GET (whose path is Base64 with "/" in it)
// and says revoked for a revoked certificate only.
func TestOCSPResponder(t *testing.T) {
	ca, err := democa.New("Demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.StripPrefix("/ocsp", ca.OCSPHandler()))
	defer srv.Close()
	good, _ := ca.Issue(democa.Subject{Name: "A", Organization: "B"})
	bad, _ := ca.Issue(democa.Subject{Name: "C", Organization: "B"})
	at := time.Now().Add(-time.Hour).Truncate(time.Second)
	ca.Revoke(bad.Certificate(), at)

	ask := func(get bool, k *signing.LocalKey) *ocsp.Response {
		t.Helper()
		req, err := ocsp.CreateRequest(k.Certificate(), ca.Root, nil)
		if err != nil {
			t.Fatal(err)
		}
		var resp *http.Response
		if get {
			resp, err = http.Get(srv.URL + "/ocsp/" + strings.ReplaceAll(base64.StdEncoding.EncodeToString(req), "/", "%2F"))
		} else {
			resp, err = http.Post(srv.URL+"/ocsp", "application/ocsp-request", bytes.NewReader(req))
		}
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		r, err := ocsp.ParseResponseForCert(raw, k.Certificate(), ca.Root)
		if err != nil {
			t.Fatalf("get=%v: %v", get, err)
		}
		return r
	}
	for _, get := range []bool{false, true} {
		if r := ask(get, good); r.Status != ocsp.Good {
			t.Errorf("get=%v: good certificate has status %d", get, r.Status)
		}
		if r := ask(get, bad); r.Status != ocsp.Revoked || !r.RevokedAt.Equal(at) {
			t.Errorf("get=%v: revoked certificate has status %d at %v", get, r.Status, r.RevokedAt)
		}
	}
}
