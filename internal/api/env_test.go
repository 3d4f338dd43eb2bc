package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/auth"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

const demoPassword = "mat-khau-demo"

var ict = time.FixedZone("ICT", 7*3600)

// env is a real HTTP server over a real database with the demo province.
type env struct {
	t      testing.TB
	url    string
	svc    *service.Service
	st     *store.Store // the service keeps its store to itself
	mu     sync.Mutex
	now    time.Time
	tokens map[string]string
}

func (e *env) clock() time.Time { e.mu.Lock(); defer e.mu.Unlock(); return e.now }

// setNow moves the server's clock.
// Tokens live 12 hours, so jumping days ahead needs fresh sign-ins.
func (e *env) setNow(t time.Time) {
	e.mu.Lock()
	e.now = t
	e.mu.Unlock()
	e.tokens = map[string]string{}
}

func newEnv(t testing.TB, st *store.Store) *env {
	t.Helper()
	// Tuesday 1 December 2026, 09:00 in Vietnam: an ordinary working morning.
	return newEnvAt(t, st, slog.New(slog.NewTextHandler(io.Discard, nil)), time.Date(2026, 12, 1, 9, 0, 0, 0, ict))
}

// newEnvAt is the real server on the demo province, its clock at now,
// logging to log.
func newEnvAt(t testing.TB, st *store.Store, log *slog.Logger, now time.Time) *env {
	t.Helper()
	e, _ := startEnv(t, st, log, now, nil)
	return e
}

// startEnv builds the server; mount, when set, adds handlers beside the API
// (the web pages) before it starts listening.
func startEnv(t testing.TB, st *store.Store, log *slog.Logger, now time.Time, mount func(*service.Service, *api.Server)) (*env, *api.Server) {
	t.Helper()
	ctx := context.Background()
	svc, err := service.New(ctx, st, &service.Blobs{Dir: t.TempDir()}, log)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, svc: svc, st: st, now: now, tokens: map[string]string{}}
	svc.Now = e.clock
	if _, err := demo.Load(ctx, svc, demoPassword); err != nil {
		t.Fatal(err)
	}
	h := api.New(svc, log)
	if mount != nil {
		mount(svc, h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	e.url = srv.URL
	return e, h
}

// eachDB runs a test on SQLite and on PostgreSQL.
func eachDB(t *testing.T, fn func(t *testing.T, e *env)) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) { fn(t, newEnv(t, st)) })
}

// addCitizen creates another citizen account.
func (e *env) addCitizen(username string) {
	e.t.Helper()
	hash, _ := auth.HashPassword(demoPassword)
	err := e.st.InTx(context.Background(), func(tx *store.Tx) error {
		_, err := tx.CreateUser(context.Background(), org.User{Username: username, Name: "Công dân " + username, Role: org.RoleCitizen}, hash)
		return err
	})
	if err != nil {
		e.t.Fatal(err)
	}
}

type resp struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

func (r resp) str(key string) string { s, _ := r.body[key].(string); return s }
func (r resp) num(key string) int    { f, _ := r.body[key].(float64); return int(f) }

func (r resp) errCode() string {
	m, _ := r.body["error"].(map[string]any)
	s, _ := m["code"].(string)
	return s
}

func (e *env) token(user string) string {
	e.t.Helper()
	if tok, ok := e.tokens[user]; ok {
		return tok
	}
	r := e.do("POST", "/api/v1/auth/token", "", map[string]string{"username": user, "password": demoPassword}, nil)
	if r.status != 200 || r.str("token") == "" {
		e.t.Fatalf("login %s: %d %s", user, r.status, r.raw)
	}
	e.tokens[user] = r.str("token")
	return e.tokens[user]
}

// do sends a request as user ("" for anonymous); body is JSON-encoded unless
// it is a string, which is sent as is.
func (e *env) do(method, path, user string, body any, headers map[string]string) resp {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewBufferString(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, _ := json.Marshal(b)
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, e.url+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+e.token(user))
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	return e.send(req)
}

// send runs a request (again, when it can rebuild its body) and reads the
// answer.
func (e *env) send(req *http.Request) resp {
	e.t.Helper()
	if req.GetBody != nil {
		req.Body, _ = req.GetBody()
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := resp{status: res.StatusCode, header: res.Header, raw: raw}
	json.Unmarshal(raw, &out.body)
	return out
}

var keySeq struct {
	sync.Mutex
	n int
}

func newKey() string {
	keySeq.Lock()
	defer keySeq.Unlock()
	keySeq.n++
	return fmt.Sprintf("key-%d-%d", time.Now().UnixNano(), keySeq.n)
}

// criminalRecord is "Cấp Phiếu Lý lịch tư pháp" (3.000333): 10 calendar days,
// settled by the provincial Department of Justice in the demo routing.
const criminalRecord = "3.000333"

// businessReg is 2.001583 (enterprise registration): 3 working days, Department of Finance.
const businessReg = "2.001583"

// submitBody is an online filing by the demo citizen.
func submitBody(procedure string) map[string]any {
	return map[string]any{
		"procedure_code": procedure,
		"channel":        "online",
		"applicant": map[string]any{"name": "Nguyễn Văn Dân", "id_number": "001090012345", "phone": "0912345678",
			"email": "dan@example.vn", "address": "12 Lê Lợi, phường Trung Tâm"},
		"components":    []map[string]any{{"name": "Tờ khai", "file_ids": []string{}}},
		"return_method": "online",
	}
}

func (e *env) act(user string, id, version int, body map[string]any) resp {
	e.t.Helper()
	return e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/actions", id), user, body,
		map[string]string{"If-Match": fmt.Sprint(version), "Idempotency-Key": newKey()})
}

func (e *env) mustAct(user string, id int, version *int, body map[string]any) resp {
	e.t.Helper()
	r := e.act(user, id, *version, body)
	if r.status != 200 {
		e.t.Fatalf("%s %v: %d %s", user, body["action"], r.status, r.raw)
	}
	*version = r.num("version")
	return r
}

func jsonUnmarshal(raw []byte, v any) { json.Unmarshal(raw, v) }
