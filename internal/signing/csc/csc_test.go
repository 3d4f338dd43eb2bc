package csc_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/signing"
	"github.com/motcua/motcua/internal/signing/csc"
	"github.com/motcua/motcua/internal/signing/democa"
	"github.com/motcua/motcua/internal/signing/signingtest"
)

const justice = "Sở Tư pháp tỉnh Bắc Giang"

type env struct {
	ca     *democa.CA
	peer   *csc.Peer
	client *csc.Client
	trust  *signing.Trust
}

// newEnv runs a CSC peer holding an RSA 2048 key (as Vietnamese remote
// signing providers issue) and a P-256 key for one leader.
func newEnv(t *testing.T) *env {
	t.Helper()
	ca, err := democa.New("Một Cửa Demo CA", nil)
	if err != nil {
		t.Fatal(err)
	}
	ocsp := httptest.NewServer(ca.OCSPHandler())
	t.Cleanup(ocsp.Close)
	ca.OCSPURL = ocsp.URL
	peer := csc.NewPeer("secret-token")
	for id, bits := range map[string]int{"leader-rsa": 2048, "leader-ec": 0} {
		k, err := ca.Issue(democa.Subject{Name: "Nguyễn Thị Hĩn", Organization: justice, Title: "Giám đốc", RSABits: bits})
		if err != nil {
			t.Fatal(err)
		}
		s, _ := k.Signer(context.Background())
		chain, _ := k.Chain(context.Background())
		peer.AddCredential(id, "hin.nt", s, chain)
	}
	srv := httptest.NewServer(peer)
	t.Cleanup(srv.Close)
	return &env{ca: ca, peer: peer, trust: signing.NewTrust(ca.Root),
		client: &csc.Client{BaseURL: srv.URL + "/csc/v2", Token: "secret-token", PollInterval: 5 * time.Millisecond}}
}

// phone plays the signer: it waits for each request, checks what it shows,
// waits a little as a person would, and answers.
func (e *env) phone(t *testing.T, confirm bool, sawDescription *string) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			case r := <-e.peer.Requests():
				if sawDescription != nil {
					*sawDescription = r.Description
				}
				time.Sleep(20 * time.Millisecond) // a few polls happen meanwhile
				if confirm {
					e.peer.Confirm(r.Handle)
				} else {
					e.peer.Refuse(r.Handle)
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

func (e *env) credential(t *testing.T, id string) *csc.Credential {
	t.Helper()
	cr, err := e.client.Credential(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return cr
}

// The leader signs our Form 01 and a result through the remote service,
// confirming on the phone; both verify as the leader's valid signature.
func TestRemoteSigningThenVerify(t *testing.T) {
	e := newEnv(t)
	ids, err := e.client.List(context.Background(), "hin.nt")
	if err != nil || len(ids) != 2 {
		t.Fatalf("credentials/list: %v %v", ids, err)
	}
	for _, id := range []string{"leader-rsa", "leader-ec"} {
		for name, doc := range map[string][]byte{"Form 01": signingtest.Form01(t), "result": signingtest.ResultPDF(t)} {
			t.Run(id+" "+name, func(t *testing.T) {
				var shown string
				stop := e.phone(t, true, &shown)
				defer stop()
				ctx := csc.WithDescription(context.Background(), "Kết quả hồ sơ 000.00.01.H12-261203-0001")
				signed, err := signing.New(e.credential(t, id), signing.Options{}).Sign(ctx, doc,
					signing.Request{Kind: signing.Personal, Title: "Giám đốc Sở Tư pháp", Reason: "Ký kết quả"})
				if err != nil {
					t.Fatalf("sign: %v", err)
				}
				if shown != "Kết quả hồ sơ 000.00.01.H12-261203-0001" {
					t.Errorf("the phone showed %q", shown)
				}
				rep, err := signing.Verify(context.Background(), signed, signing.VerifyOptions{
					Trust: e.trust, Expect: &signing.Identity{Organization: justice}})
				if err != nil {
					t.Fatal(err)
				}
				if !rep.Verdict.OK() || rep.Signatures[0].Revocation != signing.RevocationGood {
					t.Fatalf("verdict %s %s: %s", rep.Verdict.Code, rep.Signatures[0].Revocation, rep.Verdict.English())
				}
			})
		}
	}
}

func TestRemoteSigningFailures(t *testing.T) {
	doc := signingtest.ResultPDF(t)
	req := signing.Request{Kind: signing.Personal}
	t.Run("the signer refuses on the phone", func(t *testing.T) {
		e := newEnv(t)
		defer e.phone(t, false, nil)()
		_, err := signing.New(e.credential(t, "leader-ec"), signing.Options{}).Sign(context.Background(), doc, req)
		if !errors.Is(err, csc.ErrRefused) {
			t.Fatalf("err %v, want refused", err)
		}
		if ae, ok := apperr.As(err); !ok || ae.Code != "signing_refused" {
			t.Errorf("not a client-safe error: %v", err)
		}
	})
	t.Run("the signer never confirms: the service expires the request", func(t *testing.T) {
		e := newEnv(t)
		e.peer.AuthTTL = 50 * time.Millisecond
		e.client.Wait = 5 * time.Second // far longer: the service must answer first
		start := time.Now()
		_, err := signing.New(e.credential(t, "leader-ec"), signing.Options{}).Sign(context.Background(), doc, req)
		if !errors.Is(err, csc.ErrExpired) {
			t.Fatalf("err %v, want expired", err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("expiry came from our own wait after %v, not from the service", d)
		}
	})
	t.Run("the signer never confirms: our own wait runs out first", func(t *testing.T) {
		e := newEnv(t)
		e.client.Wait = 50 * time.Millisecond
		_, err := signing.New(e.credential(t, "leader-ec"), signing.Options{}).Sign(context.Background(), doc, req)
		if !errors.Is(err, csc.ErrExpired) {
			t.Fatalf("err %v, want expired", err)
		}
	})
	t.Run("wrong access token", func(t *testing.T) {
		e := newEnv(t)
		e.client.Token = "stolen"
		_, err := e.client.Credential(context.Background(), "leader-ec")
		var ce *csc.Error
		if !errors.As(err, &ce) || ce.Status != 401 {
			t.Fatalf("err %v, want 401", err)
		}
	})
}

// The SAD is bound to the hash the signer saw (SCAL 2), is used once, and
// expires.
func TestSADBinding(t *testing.T) {
	e := newEnv(t)
	e.peer.AutoConfirm = true
	var now time.Time
	var mu sync.Mutex
	now = time.Now()
	e.peer.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	ctx := context.Background()
	h := sha256.Sum256([]byte("document"))
	other := sha256.Sum256([]byte("another document"))
	const ecdsaSHA256 = "1.2.840.10045.4.3.2"

	authorize := func() string {
		sad, err := e.client.Authorize(ctx, "leader-ec", [][]byte{h[:]}, "2.16.840.1.101.3.4.2.1", "")
		if err != nil {
			t.Fatal(err)
		}
		return sad
	}
	wantInvalid := func(err error, descr string) {
		t.Helper()
		var ce *csc.Error
		if !errors.As(err, &ce) || ce.Code != "invalid_request" || !strings.Contains(ce.Description, descr) {
			t.Fatalf("err %v, want invalid_request %q", err, descr)
		}
	}

	sad := authorize()
	_, err := e.client.SignHash(ctx, "leader-ec", sad, [][]byte{other[:]}, "", ecdsaSHA256)
	wantInvalid(err, "not authorized")
	sigs, err := e.client.SignHash(ctx, "leader-ec", sad, [][]byte{h[:]}, "", ecdsaSHA256)
	if err != nil || len(sigs) != 1 || bytes.Equal(sigs[0], nil) {
		t.Fatalf("signHash: %v", err)
	}
	_, err = e.client.SignHash(ctx, "leader-ec", sad, [][]byte{h[:]}, "", ecdsaSHA256)
	wantInvalid(err, "SAD") // used up: numSignatures was 1

	sad = authorize()
	mu.Lock()
	now = now.Add(6 * time.Minute)
	mu.Unlock()
	_, err = e.client.SignHash(ctx, "leader-ec", sad, [][]byte{h[:]}, "", ecdsaSHA256)
	wantInvalid(err, "expired")
}
