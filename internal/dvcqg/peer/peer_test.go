package peer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/dvcqg"
	"github.com/motcua/motcua/internal/dvcqg/peer"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
func newClock() *clock               { return &clock{t: time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)} }

func setup(t *testing.T, cfg peer.Config) (*peer.Peer, *httptest.Server, *dvcqg.Client) {
	t.Helper()
	p, err := peer.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	c, err := dvcqg.NewClient(dvcqg.Config{BaseURL: srv.URL, Username: peer.DemoUsername, Password: peer.DemoPassword,
		UnitCode: peer.DemoUnitCode, Timeout: 2 * time.Second, HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	return p, srv, c
}

func sample(code string, st dossier.Status) dvcqg.Dossier {
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, dvcqg.Zone)
	return dvcqg.Dossier{Code: code, ProcedureCode: "1.001193", ProcedureName: "Thủ tục đăng ký khai sinh",
		SectorCode: "DEMO-HT", SectorName: "Hộ tịch", Channel: dossier.ChannelOnline, Status: st,
		ReturnMethod: dossier.ReturnCounter, ApplicantName: "Trần Thị Demo", ApplicantPhone: "0900000001",
		Summary: "Đăng ký khai sinh", ReceivedAt: at, DueAt: at.Add(8 * time.Hour), Agency: "UBND xã Demo"}
}

func step(code string, st dossier.Status, n int) dvcqg.Progress {
	return dvcqg.Progress{DossierCode: code, Actor: "Cán bộ Demo", At: time.Date(2026, 12, 1, 9, n, 0, 0, dvcqg.Zone),
		Content: "Bước " + string(rune('0'+n%10)), Status: st}
}

func peerCode(t *testing.T, err error) string {
	t.Helper()
	var pe *dvcqg.PeerError
	if !errors.As(err, &pe) {
		t.Fatalf("not a peer error: %v", err)
	}
	return pe.Code
}

// The client signs in once and reuses the session, as the notes describe:
// credentials posted, the session sent in every body.
func TestLoginOnceAndReuse(t *testing.T) {
	p, _, c := setup(t, peer.Config{})
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if _, err := c.LookupDossier(ctx, "X"); err != nil {
			t.Fatal(err)
		}
	}
	if p.Logins() != 1 {
		t.Errorf("%d logins for three calls, want 1", p.Logins())
	}
}

func TestWrongCredentialsRefused(t *testing.T) {
	p, srv, _ := setup(t, peer.Config{})
	c, _ := dvcqg.NewClient(dvcqg.Config{BaseURL: srv.URL, Username: peer.DemoUsername, Password: "wrong", UnitCode: peer.DemoUnitCode})
	_, err := c.LookupDossier(context.Background(), "X")
	ae, ok := apperr.As(err)
	if !ok || ae.Code != "dvcqg_login" || dvcqg.Temporary(err) {
		t.Fatalf("%v", err)
	}
	if p.Logins() != 0 {
		t.Error("a wrong password signed in")
	}
}

// A lapsed session is renewed and the call goes through, whether the peer
// says so with its error code (in an HTTP 200) or with HTTP 401.
func TestSessionRenewal(t *testing.T) {
	for _, as401 := range []bool{false, true} {
		name := "error_code in HTTP 200"
		if as401 {
			name = "HTTP 401"
		}
		t.Run(name, func(t *testing.T) {
			clk := newClock()
			p, _, c := setup(t, peer.Config{SessionTTL: time.Minute, ExpiredAsHTTP401: as401, Now: clk.Now})
			ctx := context.Background()
			if err := c.SyncDossier(ctx, "k1", sample("D1", dossier.Received), false); err != nil {
				t.Fatal(err)
			}
			clk.Add(2 * time.Minute) // the session lapses on the peer's clock
			if err := c.UpdateProgress(ctx, "k2", step("D1", dossier.Processing, 1)); err != nil {
				t.Fatalf("after expiry: %v", err)
			}
			p.ExpireSessions() // as a restart of the peer would
			if _, err := c.LookupDossier(ctx, "D1"); err != nil {
				t.Fatalf("after restart: %v", err)
			}
			if p.Logins() != 3 {
				t.Errorf("%d logins, want 3", p.Logins())
			}
			if n := len(p.Received("D1")); n != 2 {
				t.Errorf("%d messages recorded, want 2", n)
			}
		})
	}
}

// Every status of the lifecycle, as a dossier sync and as a progress step,
// is accepted by the schema and recorded in the order sent (RULES-VN.md
// §12: sync on every transition, all of codes 1–10).
func TestEveryMessageTypeAcceptedInOrder(t *testing.T) {
	p, srv, c := setup(t, peer.Config{})
	ctx := context.Background()
	d := sample("D2", dossier.Received)
	if err := c.SyncDossier(ctx, "D2-0", d, false); err != nil {
		t.Fatal(err)
	}
	for i, st := range dossier.Statuses {
		d.Status = st
		if st == dossier.SupplementRequested {
			d.Supplements = []dvcqg.Supplement{{ID: "S1", RequestedBy: "Cán bộ", Content: "Bổ sung", RequestedAt: d.ReceivedAt,
				PreviousDueAt: d.DueAt, NewDueAt: d.DueAt.Add(48 * time.Hour)}}
		}
		if st == dossier.Done {
			d.FinishedAt = d.ReceivedAt.Add(time.Hour)
			d.Results = []dvcqg.ResultPaper{{ID: "R1", Name: "Giấy khai sinh", URL: "https://motcua.example.invalid/r/R1"}}
			d.Fees = []dvcqg.Fee{{Name: "Lệ phí", AmountVND: 0}}
		}
		if st == dossier.Returned {
			d.ReturnedAt = d.FinishedAt.Add(time.Hour)
		}
		key := "D2-s-" + string(st)
		if err := c.SyncDossier(ctx, key, d, true); err != nil {
			t.Fatalf("sync %s: %v", st, err)
		}
		if err := c.UpdateProgress(ctx, "D2-p-"+string(st), step("D2", st, i)); err != nil {
			t.Fatalf("progress %s: %v", st, err)
		}
	}
	got := p.Received("D2")
	if len(got) != 1+2*len(dossier.Statuses) {
		t.Fatalf("%d messages, want %d", len(got), 1+2*len(dossier.Statuses))
	}
	if got[0].IsUpdating != "False" || got[1].IsUpdating != "True" {
		t.Errorf("isUpdating %q then %q", got[0].IsUpdating, got[1].IsUpdating)
	}
	for i, st := range dossier.Statuses {
		want, _ := dvcqg.DefaultStatusTable().Code(st)
		s, pr := got[1+2*i], got[2+2*i]
		if s.Dossier == nil || s.Dossier.TrangThaiHoSo != want || pr.Progress == nil || pr.Progress.TrangThai != want {
			t.Errorf("%s: out of order or wrong code: %+v / %+v", st, s, pr)
		}
		if s.Seq >= pr.Seq {
			t.Errorf("%s: sequence %d before %d", st, s.Seq, pr.Seq)
		}
	}
	if r := p.Refusals(); len(r) != 0 {
		t.Errorf("refusals: %v", r)
	}
	resp, err := http.Get(srv.URL + peer.ReceivedPath + "?mahoso=D2")
	if err != nil {
		t.Fatal(err)
	}
	var shown struct{ Messages []peer.Message }
	_ = json.NewDecoder(resp.Body).Decode(&shown)
	resp.Body.Close()
	if len(shown.Messages) != len(got) || shown.Messages[4].Progress == nil || shown.Messages[4].Progress.TrangThai != "2" {
		t.Errorf("the received page shows %d messages", len(shown.Messages))
	}
	if seen, err := c.LookupDossier(ctx, "D2"); err != nil || !seen {
		t.Errorf("TraCuuHoSo after sync: %v %v", seen, err)
	}
	if seen, err := c.LookupDossier(ctx, "never"); err != nil || seen {
		t.Errorf("TraCuuHoSo of an unknown dossier: %v %v", seen, err)
	}
	pr, err := c.GetProcedure(ctx, "1.004873")
	if err != nil || pr.Name == "" || pr.SectorName != "Hộ tịch" || len(pr.Channels) != 1 {
		t.Errorf("LayThuTuc: %+v %v", pr, err)
	}
	if _, err := c.GetProcedure(ctx, "9.999999"); !errors.Is(err, dvcqg.ErrNotInCatalogue) {
		t.Errorf("LayThuTuc of an unknown code: %v", err)
	}
	list, err := c.ListProcedures(ctx, 1, 50)
	if err != nil || len(list) != len(peer.DemoProcedures()) {
		t.Errorf("LayDanhSachTTHC: %d %v", len(list), err)
	}
}

// A step of a dossier the portal has never been sent is refused: the order
// DongBoHoSoMC then CapNhatTienDoHoSoMC is part of the contract.
func TestProgressBeforeSyncRefused(t *testing.T) {
	p, _, c := setup(t, peer.Config{})
	err := c.UpdateProgress(context.Background(), "k", step("NEW", dossier.Processing, 1))
	if peerCode(t, err) != peer.CodeUnknownDossier || dvcqg.Temporary(err) {
		t.Fatalf("%v", err)
	}
	if len(p.Messages()) != 0 {
		t.Error("recorded anyway")
	}
}

// A malformed payload is refused with the peer's code and the problems
// named, and nothing is recorded.
func TestMalformedRefusedWithPeerError(t *testing.T) {
	p, _, c := setup(t, peer.Config{})
	ctx := context.Background()
	d := sample("D3", dossier.Received)
	d.ProcedureName = "" // TenTTHC is required non-empty
	err := c.SyncDossier(ctx, "k", d, false)
	if peerCode(t, err) != dvcqg.CodeBadPayload || dvcqg.Temporary(err) {
		t.Fatalf("%v", err)
	}
	if ae, ok := apperr.As(err); !ok || ae.Code != "dvcqg_refused" {
		t.Errorf("client-safe error: %v", err)
	}
	if !strings.Contains(err.Error(), "/data/0/TenTTHC") {
		t.Errorf("the peer's message does not name the field: %v", err)
	}
	if len(p.Messages()) != 0 {
		t.Error("a malformed dossier was recorded")
	}

	// The same mistake caught before sending, when the client validates.
	_, srv, _ := setup(t, peer.Config{})
	cv, _ := dvcqg.NewClient(dvcqg.Config{BaseURL: srv.URL, Username: peer.DemoUsername, Password: peer.DemoPassword,
		UnitCode: peer.DemoUnitCode, Validate: true})
	var se *dvcqg.SchemaError
	if err := cv.SyncDossier(ctx, "k", d, false); !errors.As(err, &se) {
		t.Errorf("client-side validation: %v", err)
	}

	// Raw bodies a sloppy sender might post.
	session := login(t, srv.URL)
	for name, body := range map[string]string{
		"misspelt field":  `{"session":"` + session + `","madonvi":"` + peer.DemoUnitCode + `","service":"TraCuuHoSo","maHoSo":"D3"}`,
		"unknown service": `{"session":"` + session + `","madonvi":"` + peer.DemoUnitCode + `","service":"XoaHoSo"}`,
		"wrong unit":      `{"session":"` + session + `","madonvi":"other","service":"TraCuuHoSo","mahoso":"D3"}`,
		"not JSON":        `{"session":`,
	} {
		a := post(t, srv.URL+"/integration", "", body)
		if a["error_code"] != dvcqg.CodeBadPayload || a["error_message"] == "" {
			t.Errorf("%s: answered %v", name, a)
		}
	}
	// And without a session, nothing about the payload is told.
	a := post(t, srv.URL+"/integration", "", `{"session":"forged","madonvi":"x","service":"XoaHoSo"}`)
	if a["error_code"] != dvcqg.CodeSessionExpired || a["errors"] != nil {
		t.Errorf("no session: %v", a)
	}
}

// A repeat of a delivery is dropped (recorded once); the same key with
// other content is refused as a changed repeat.
func TestIdempotentRepeatAndChangedRepeat(t *testing.T) {
	p, _, c := setup(t, peer.Config{})
	ctx := context.Background()
	d := sample("D4", dossier.Received)
	for i := 0; i < 3; i++ {
		if err := c.SyncDossier(ctx, "D4-1", d, false); err != nil {
			t.Fatalf("repeat %d: %v", i, err)
		}
	}
	if n := len(p.Received("D4")); n != 1 || p.Dropped() != 2 {
		t.Errorf("%d recorded, %d dropped; want 1 and 2", n, p.Dropped())
	}
	// A new session between the repeats must not make it "changed".
	p.ExpireSessions()
	if err := c.SyncDossier(ctx, "D4-1", d, false); err != nil || len(p.Received("D4")) != 1 {
		t.Errorf("repeat under a new session: %v, %d recorded", err, len(p.Received("D4")))
	}
	d.Status = dossier.Processing
	err := c.SyncDossier(ctx, "D4-1", d, false)
	if peerCode(t, err) != dvcqg.CodeChangedRepeat {
		t.Fatalf("%v", err)
	}
	if ae, ok := apperr.As(err); !ok || ae.Code != "dvcqg_changed_repeat" || dvcqg.Temporary(err) {
		t.Errorf("changed repeat: %v", err)
	}
	if len(p.Received("D4")) != 1 {
		t.Error("the changed repeat was recorded")
	}
}

// A peer told to fail answers "unavailable": the error is temporary, and
// the same message goes through once the peer is back.
func TestFailureIsTemporaryAndRetrySucceeds(t *testing.T) {
	p, _, c := setup(t, peer.Config{})
	ctx := context.Background()
	p.FailNext(2, 0)
	d := sample("D5", dossier.Received)
	for i := 0; i < 2; i++ {
		err := c.SyncDossier(ctx, "D5-1", d, false)
		if !dvcqg.Temporary(err) {
			t.Fatalf("attempt %d: %v is not temporary", i, err)
		}
		if ae, ok := apperr.As(err); !ok || ae.Code != "dvcqg_unavailable" {
			t.Errorf("client-safe error %v", err)
		}
	}
	if err := c.SyncDossier(ctx, "D5-1", d, false); err != nil {
		t.Fatal(err)
	}
	if len(p.Received("D5")) != 1 {
		t.Error("not recorded exactly once")
	}
	// A peer that cannot be reached at all is temporary too.
	dead, _ := dvcqg.NewClient(dvcqg.Config{BaseURL: "http://127.0.0.1:1", Username: "u", Password: "p", UnitCode: "x", Timeout: time.Second})
	if err := dead.SyncDossier(ctx, "k", d, false); !dvcqg.Temporary(err) {
		t.Errorf("unreachable peer: %v", err)
	}
}

// Inbound, both ways: the province pulls what citizens filed, or the peer
// pushes it; the attachments are fetched from the peer's links.
func TestInboundPullPushAndAttachments(t *testing.T) {
	clk := newClock()
	p, srv, c := setup(t, peer.Config{Now: clk.Now})
	ctx := context.Background()
	filed, err := p.FileDemo(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.PullDossiers(ctx, time.Time{})
	if err != nil || len(got) != len(filed) {
		t.Fatalf("pull: %d %v", len(got), err)
	}
	if got[0].Code != filed[0].MaHoSo || got[0].ProcedureCode != "1.001193" || got[0].StatusCode != "1" || len(got[0].Files) != 1 {
		t.Errorf("pulled %+v", got[0])
	}
	if later, _ := c.PullDossiers(ctx, clk.Now().Add(time.Minute)); len(later) != 0 {
		t.Errorf("pull since later gave %d", len(later))
	}
	f := &dvcqg.Fetcher{HTTP: srv.Client()}
	att, err := f.Fetch(ctx, got[0].Files[0], "")
	if err != nil || att.ContentType != "application/pdf" || !bytes.Equal(att.Data, peer.DemoPDF) {
		t.Fatalf("attachment: %v", err)
	}

	var pushed []dvcqg.Inbound
	province := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		body, _ := io.ReadAll(r.Body)
		ins, err := dvcqg.ParsePushed(body, peer.DemoUnitCode)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		pushed = append(pushed, ins...)
	}))
	defer province.Close()
	if err := p.Push(province.Client(), province.URL, "tok", filed[1].MaHoSo); err != nil {
		t.Fatal(err)
	}
	if len(pushed) != 1 || pushed[0].Code != filed[1].MaHoSo || pushed[0].Fingerprint != got[1].Fingerprint {
		t.Errorf("pushed %+v", pushed)
	}
	if err := p.Push(province.Client(), province.URL, "wrong"); err == nil {
		t.Error("a push with a wrong token succeeded")
	}
	bad := filed[0]
	bad.LoaiDoiTuong = "9"
	if err := p.File(bad); err == nil {
		t.Error("the peer filed a dossier it would refuse")
	}
}

func login(t *testing.T, base string) string {
	t.Helper()
	a := post(t, base+"/auth", "", `{"username":"`+peer.DemoUsername+`","password":"`+peer.DemoPassword+`"}`)
	s, _ := a["session"].(string)
	if s == "" {
		t.Fatalf("login: %v", a)
	}
	return s
}

func post(t *testing.T, url, key, body string) map[string]any {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if key != "" {
		req.Header.Set(dvcqg.DeliveryKeyHeader, key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var a map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&a)
	return a
}

// Several outbox workers share one client: a session lapsing under them is
// renewed without losing or doubling a message.
func TestConcurrentWorkersShareSession(t *testing.T) {
	p, _, c := setup(t, peer.Config{})
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				code := "C" + string(rune('A'+w)) + string(rune('0'+i))
				if i == 5 && w == 0 {
					p.ExpireSessions()
				}
				errs <- c.SyncDossier(ctx, code+"-1", sample(code, dossier.Received), false)
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n := len(p.Messages()); n != 40 {
		t.Errorf("%d messages, want 40", n)
	}
}
