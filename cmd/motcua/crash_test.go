package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/store/storetest"
)

// The crash test of the fault suite (issue 16): `motcua serve` is killed
// with SIGKILL at a random moment while clients write through the JSON API,
// then started again on the same database. Every write the server
// acknowledged (2xx) must be there with its effect, nothing may exist twice,
// and retrying each request that was in flight when the process died, with
// its Idempotency-Key, must either return the original answer or apply once.
// At the end `motcua index check` and `motcua audit verify` must pass.
//
// On SQLite it runs with the default synchronous setting: a killed process
// (not a power cut) must never lose a commit the server acknowledged.
func TestCrashUnderWriteLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it repeatedly")
	}
	bin := buildBinary(t)
	t.Run("sqlite", func(t *testing.T) { crashRounds(t, bin, "") })
	t.Run("postgres", func(t *testing.T) { crashRounds(t, bin, storetest.PostgresURL(t)) })
}

const crashRoundsN = 5

// crashOp is one write sent to the server: what was asked, and what it
// answered if it answered before the crash.
type crashOp struct {
	kind     string // submit or receive
	key      string
	body     map[string]any
	dossier  int64 // receive: the dossier acted on
	ifMatch  int
	acked    bool
	replayed bool // the answer was a replay (Idempotent-Replayed)
	status   int
	resultID int64
	version  int
}

type crashServer struct {
	t    *testing.T
	bin  string
	data string
	db   string
	cmd  *exec.Cmd
	out  *bytes.Buffer
	base string
}

func (s *crashServer) env() []string {
	return append(os.Environ(), "MOTCUA_DATABASE_URL="+s.db, "MOTCUA_DEMO_PASSWORD=crash-test")
}

func (s *crashServer) start(demo bool) {
	s.t.Helper()
	addr := freeAddr(s.t)
	args := []string{"serve", "--addr", addr, "--data", s.data}
	if demo {
		args = append(args, "--demo")
	}
	s.cmd = exec.Command(s.bin, args...)
	s.cmd.Env = s.env()
	s.out = &bytes.Buffer{}
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	s.base = "http://" + addr
	waitReady(s.t, s.base, s.out)
}

func (s *crashServer) kill() {
	s.cmd.Process.Signal(syscall.SIGKILL)
	s.cmd.Wait()
	s.cmd = nil
}

// run runs another motcua command on the same database.
func (s *crashServer) run(args ...string) (int, string) {
	cmd := exec.Command(s.bin, append(args, "--data", s.data)...)
	cmd.Env = s.env()
	out, err := cmd.CombinedOutput()
	if cmd.ProcessState == nil {
		s.t.Fatalf("motcua %v: %v", args, err)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

var crashHTTP = &http.Client{Timeout: 15 * time.Second}

// crashCall sends one request; err is a transport failure (the server died).
func crashCall(base, token, method, path string, body any, headers map[string]string) (int, http.Header, map[string]any, error) {
	var rd io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, base+path, rd)
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := crashHTTP.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, nil, nil, err
	}
	var m map[string]any
	json.Unmarshal(data, &m)
	return res.StatusCode, res.Header, m, nil
}

func crashLogin(t *testing.T, base, user string) string {
	t.Helper()
	status, _, m, err := crashCall(base, "", "POST", "/api/v1/auth/token", map[string]string{"username": user, "password": "crash-test"}, nil)
	if err != nil || status != 200 {
		t.Fatalf("login %s: %d %v %v", user, status, m, err)
	}
	return m["token"].(string)
}

func num(m map[string]any, k string) int64 {
	f, _ := m[k].(float64)
	return int64(f)
}

// send performs op and records the answer in it.
func (op *crashOp) send(base, token string) error {
	h := map[string]string{"Idempotency-Key": op.key}
	path := "/api/v1/dossiers"
	if op.kind == "receive" {
		h["If-Match"] = fmt.Sprint(op.ifMatch)
		path = fmt.Sprintf("/api/v1/dossiers/%d/actions", op.dossier)
	}
	status, hdr, m, err := crashCall(base, token, "POST", path, op.body, h)
	if err != nil {
		return err
	}
	op.status, op.replayed = status, hdr.Get("Idempotent-Replayed") == "true"
	if status/100 == 2 {
		op.acked, op.resultID, op.version = true, num(m, "id"), int(num(m, "version"))
	}
	return nil
}

func crashRounds(t *testing.T, bin, dbURL string) {
	srv := &crashServer{t: t, bin: bin, data: t.TempDir(), db: dbURL}
	srv.start(true)
	defer func() {
		if srv.cmd != nil {
			srv.kill()
		}
	}()
	citizen, counter := crashLogin(t, srv.base, "citizen"), crashLogin(t, srv.base, "counter")
	// known: the dossiers the citizen must have, the demo's and every
	// submission acknowledged so far.
	known := map[int64]bool{}
	for _, id := range listDossierIDs(t, srv.base, citizen) {
		known[id] = true
	}
	var (
		mu  sync.Mutex
		ops []*crashOp
		seq int
	)
	newOp := func(op *crashOp) *crashOp {
		mu.Lock()
		defer mu.Unlock()
		seq++
		op.key = fmt.Sprintf("crash-%d-%s-%d", time.Now().UnixNano(), op.kind, seq)
		ops = append(ops, op)
		return op
	}
	var acked, inflight, committed int
	for round := 0; round < crashRoundsN; round++ {
		stop := make(chan struct{})
		received := make(chan int64, 1024)
		var wg sync.WaitGroup
		// Citizens file dossiers; the counter receives each one acknowledged.
		for w := 0; w < 3; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := 0; ; n++ {
					select {
					case <-stop:
						return
					default:
					}
					op := newOp(&crashOp{kind: "submit", body: map[string]any{"procedure_code": "3.000333",
						"applicant": map[string]any{"name": fmt.Sprintf("Nguyễn Văn Dân %d %d %d", round, w, n), "id_number": "001090012345"}}})
					if op.send(srv.base, citizen) != nil {
						return
					}
					if op.acked {
						received <- op.resultID
					}
				}
			}()
		}
		for w := 0; w < 2; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					case id := <-received:
						op := newOp(&crashOp{kind: "receive", dossier: id, ifMatch: 1, body: map[string]any{"action": "receive"}})
						if op.send(srv.base, counter) != nil {
							return
						}
					}
				}
			}()
		}
		time.Sleep(time.Duration(150+rand.IntN(1000)) * time.Millisecond)
		srv.kill() // kill -9 while requests are in flight
		close(stop)
		wg.Wait()

		srv.start(false)
		citizen, counter = crashLogin(t, srv.base, "citizen"), crashLogin(t, srv.base, "counter")
		mu.Lock()
		roundOps := append([]*crashOp(nil), ops...)
		mu.Unlock()
		for _, op := range roundOps {
			if op.acked {
				acked++
				continue
			}
			// In flight at the crash: the retry must answer as if it were the
			// first request, whether or not the first one was committed.
			inflight++
			token := citizen
			if op.kind == "receive" {
				token = counter
			}
			if err := op.send(srv.base, token); err != nil || !op.acked {
				t.Fatalf("round %d: retry of in-flight %s %s: %d %v\n%s", round, op.kind, op.key, op.status, err, srv.out)
			}
			if op.replayed {
				committed++ // the crash fell between commit and answer
			}
		}
		checkCrashOps(t, srv.base, citizen, counter, roundOps, known)
		// The answers already given are given again, unchanged.
		for _, op := range roundOps[max(0, len(roundOps)-10):] {
			want := *op
			token := citizen
			if op.kind == "receive" {
				token = counter
			}
			if err := op.send(srv.base, token); err != nil || !op.replayed || op.status != want.status || op.resultID != want.resultID || op.version != want.version {
				t.Fatalf("round %d: repeating %s %s answered %d id %d v%d, first answer %d id %d v%d (%v)", round, op.kind, op.key,
					op.status, op.resultID, op.version, want.status, want.resultID, want.version, err)
			}
		}
		mu.Lock()
		ops = nil
		mu.Unlock()
	}
	t.Logf("%d rounds: %d writes acknowledged before a crash, %d in flight and retried (%d of them had been committed)", crashRoundsN, acked, inflight, committed)
	if acked == 0 || inflight == 0 {
		t.Fatalf("the load never overlapped a crash (%d acknowledged, %d in flight)", acked, inflight)
	}
	srv.kill()
	if code, out := srv.run("index", "check"); code != 0 {
		t.Fatalf("index check after the crashes: exit %d\n%s", code, out)
	}
	// The hash chain over the event log must hold across the crashes too:
	// a killed writer leaves no half-written link.
	if code, out := srv.run("audit", "verify"); code != 0 {
		t.Fatalf("audit verify after the crashes: exit %d\n%s", code, out)
	}
}

// listDossierIDs lists every dossier the citizen can see.
func listDossierIDs(t *testing.T, base, token string) []int64 {
	t.Helper()
	var ids []int64
	after := int64(0)
	for {
		status, _, m, err := crashCall(base, token, "GET", fmt.Sprintf("/api/v1/dossiers?limit=100&after=%d", after), nil, nil)
		if err != nil || status != 200 {
			t.Fatalf("list dossiers: %d %v %v", status, m, err)
		}
		items, _ := m["items"].([]any)
		for _, it := range items {
			ids = append(ids, num(it.(map[string]any), "id"))
		}
		next := num(m, "next_after")
		if len(items) == 0 || next == 0 || next == after {
			return ids
		}
		after = next
	}
}

// checkCrashOps checks the database against the acknowledged writes: each
// submission is one dossier, each receipt happened once, nothing else.
func checkCrashOps(t *testing.T, base, citizen, counter string, ops []*crashOp, seen map[int64]bool) {
	t.Helper()
	before, submitted := len(seen), 0
	for _, op := range ops {
		switch op.kind {
		case "submit":
			submitted++
			status, _, d, err := crashCall(base, citizen, "GET", fmt.Sprintf("/api/v1/dossiers/%d", op.resultID), nil, nil)
			if err != nil || status != 200 {
				t.Fatalf("acknowledged dossier %d (%s) is missing: %d %v", op.resultID, op.key, status, err)
			}
			a, _ := d["applicant"].(map[string]any)
			if want := op.body["applicant"].(map[string]any)["name"]; a["name"] != want || d["procedure_code"] != "3.000333" {
				t.Fatalf("dossier %d lost its content: %v, want applicant %v", op.resultID, d, want)
			}
			if seen[op.resultID] {
				t.Fatalf("two submissions answered with dossier %d", op.resultID)
			}
			seen[op.resultID] = true
		case "receive":
			status, _, d, err := crashCall(base, counter, "GET", fmt.Sprintf("/api/v1/dossiers/%d", op.dossier), nil, nil)
			if err != nil || status != 200 || num(d, "version") < 2 || d["received_at"] == nil {
				t.Fatalf("acknowledged receipt of dossier %d is lost: %d %v %v", op.dossier, status, d, err)
			}
			_, _, evs, err := crashCall(base, counter, "GET", fmt.Sprintf("/api/v1/dossiers/%d/events", op.dossier), nil, nil)
			n := 0
			items, _ := evs["items"].([]any)
			for i, it := range items {
				e := it.(map[string]any)
				if e["action"] == "receive" {
					n++
				}
				if int(num(e, "seq")) != i+1 {
					t.Fatalf("dossier %d: event log has a gap or a duplicate: %v", op.dossier, items)
				}
			}
			if n != 1 {
				t.Fatalf("dossier %d received %d times (%v)", op.dossier, n, err)
			}
		}
	}
	// Every dossier the citizen has is one of the baseline or one submission:
	// a retry that created a second dossier shows here.
	ids := listDossierIDs(t, base, citizen)
	all := map[int64]bool{}
	for _, id := range ids {
		if all[id] {
			t.Fatalf("dossier %d listed twice", id)
		}
		all[id] = true
	}
	for id := range seen {
		if !all[id] {
			t.Fatalf("dossier %d is not listed", id)
		}
	}
	if want := len(seen); len(ids) != want {
		t.Fatalf("the citizen has %d dossiers, want %d (%d before this round + %d submissions)", len(ids), want, before, submitted)
	}
}
