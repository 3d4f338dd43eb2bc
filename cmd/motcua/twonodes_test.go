package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/store/storetest"
)

// buildBinary compiles motcua once for the process-level tests.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "motcua")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("build: %v", err)
	}
	return bin
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startNode runs `motcua serve` and waits until it is ready.
func startNode(t *testing.T, bin, dbURL string, args ...string) string {
	t.Helper()
	addr := freeAddr(t)
	cmd := exec.Command(bin, append([]string{"serve", "--addr", addr, "--data", t.TempDir()}, args...)...)
	cmd.Env = append(os.Environ(), "MOTCUA_DATABASE_URL="+dbURL, "MOTCUA_DEMO_PASSWORD=hai-node")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() })
	base := "http://" + addr
	waitReady(t, base, &out)
	return base
}

func waitReady(t *testing.T, base string, out *bytes.Buffer) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("server did not become ready:\n%s", out.String())
}

type client struct {
	t     *testing.T
	base  string
	token string
}

func (c client) call(method, path string, body any, headers map[string]string) (int, map[string]any) {
	c.t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, c.base+path, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	var m map[string]any
	json.Unmarshal(data, &m)
	return res.StatusCode, m
}

func login(t *testing.T, base, user string) client {
	c := client{t: t, base: base}
	status, m := c.call("POST", "/api/v1/auth/token", map[string]string{"username": user, "password": "hai-node"}, nil)
	if status != 200 {
		t.Fatalf("login %s: %d %v", user, status, m)
	}
	c.token = m["token"].(string)
	return c
}

// Two `motcua serve` processes on one PostgreSQL (DESIGN.md "One process, two
// databases"): racing actions sent to both nodes leave exactly one winner, a
// retried submission sent to both creates one dossier, and the event log stays
// a gap-free sequence.
func TestTwoNodesOnePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dbURL := storetest.PostgresURL(t)
	bin := buildBinary(t)
	a := startNode(t, bin, dbURL, "--demo")
	b := startNode(t, bin, dbURL)

	citA, citB := login(t, a, "citizen"), login(t, b, "citizen")
	// A paper result: the race below is between approval and rejection, not about results.
	body := map[string]any{"procedure_code": "3.000333", "return_method": "counter", "applicant": map[string]any{"name": "Nguyễn Văn Dân", "id_number": "001090012345"}}
	key := fmt.Sprintf("two-nodes-%d", time.Now().UnixNano())
	var wg sync.WaitGroup
	ids := make([]float64, 6)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := citA
			if i%2 == 1 {
				c = citB
			}
			status, m := c.call("POST", "/api/v1/dossiers", body, map[string]string{"Idempotency-Key": key})
			if status != 201 {
				t.Errorf("submit on node %d: %d %v", i%2, status, m)
				return
			}
			ids[i] = m["id"].(float64)
		}()
	}
	wg.Wait()
	for _, id := range ids {
		if id != ids[0] {
			t.Fatalf("one key, several dossiers: %v", ids)
		}
	}
	_, list := citA.call("GET", "/api/v1/dossiers", nil, nil)
	if n := len(list["items"].([]any)); n != 1 {
		t.Fatalf("%d dossiers after retries on two nodes", n)
	}
	id := int(ids[0])
	counter := login(t, b, "counter")
	act := func(c client, version int, action map[string]any) (int, map[string]any) {
		return c.call("POST", fmt.Sprintf("/api/v1/dossiers/%d/actions", id), action,
			map[string]string{"If-Match": fmt.Sprint(version), "Idempotency-Key": fmt.Sprintf("k-%d-%d", time.Now().UnixNano(), version)})
	}
	if s, m := act(counter, 1, map[string]any{"action": "receive"}); s != 200 {
		t.Fatalf("receive: %d %v", s, m)
	}
	if s, m := act(counter, 2, map[string]any{"action": "transfer"}); s != 200 {
		t.Fatalf("transfer: %d %v", s, m)
	}
	leaders := []client{login(t, a, "leader"), login(t, b, "leader")}
	statuses := make([]int, 12)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			action := map[string]any{"action": "approve"}
			if i%3 == 0 {
				action = map[string]any{"action": "reject", "reason": "Không đủ điều kiện"}
			}
			statuses[i], _ = act(leaders[i%2], 3, action)
		}()
	}
	wg.Wait()
	wins := 0
	for _, s := range statuses {
		if s == 200 {
			wins++
		} else if s != 409 {
			t.Fatalf("unexpected status in %v", statuses)
		}
	}
	if wins != 1 {
		t.Fatalf("want one winner across nodes, got %d: %v", wins, statuses)
	}
	_, evs := leaders[0].call("GET", fmt.Sprintf("/api/v1/dossiers/%d/events", id), nil, nil)
	items := evs["items"].([]any)
	if len(items) != 4 {
		t.Fatalf("events: %v", items)
	}
	for i, it := range items {
		m := it.(map[string]any)
		if int(m["seq"].(float64)) != i+1 {
			t.Fatalf("event log has a gap or a duplicate: %v", items)
		}
		if i > 0 && m["from_status"] != items[i-1].(map[string]any)["to_status"] {
			t.Fatalf("event %d does not follow from the previous state: %v", i, items)
		}
	}
	_, d := leaders[1].call("GET", fmt.Sprintf("/api/v1/dossiers/%d", id), nil, nil)
	if d["version"].(float64) != 4 || d["status"] != items[3].(map[string]any)["to_status"] {
		t.Fatalf("projection disagrees with the log: %v", d)
	}
}
