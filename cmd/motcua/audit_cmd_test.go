package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/audit"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
)

// auditEnv is a data directory holding the demo province and n dossiers
// filed and received through the service.
func auditEnv(t *testing.T, n int) (data string, svc *service.Service, st *store.Store) {
	t.Helper()
	return auditEnvOn(t, n, "")
}

// auditEnvOn is auditEnv on the PostgreSQL database of url ("": SQLite).
func auditEnvOn(t *testing.T, n int, url string) (data string, svc *service.Service, st *store.Store) {
	t.Helper()
	for _, k := range []string{"MOTCUA_DATABASE_URL", "MOTCUA_MIGRATE_DATABASE_URL", "MOTCUA_AUDIT_KEY", "MOTCUA_AUDIT_PUBLIC_KEY", "MOTCUA_SQLITE_SYNCHRONOUS"} {
		t.Setenv(k, "")
	}
	t.Setenv("MOTCUA_DATABASE_URL", url)
	data = t.TempDir()
	ctx := context.Background()
	svc, st, err := openService(ctx, data, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := demo.Load(ctx, svc, "mat-khau-demo"); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		fileAndReceive(t, svc, st, i)
	}
	return data, svc, st
}

func fileAndReceive(t *testing.T, svc *service.Service, st *store.Store, i int) *dossier.Dossier {
	ctx := context.Background()
	citizen, _ := st.CredentialsByUsername(ctx, "citizen")
	counter, _ := st.CredentialsByUsername(ctx, "counter")
	body := func(*dossier.Dossier) ([]byte, error) { return nil, nil }
	key := func(s string) string { return s + "-" + strconv.Itoa(i) }
	res, err := svc.Submit(ctx, svc.ActorFor(citizen.User), service.NewDossier{ProcedureCode: "3.000333",
		Applicant: dossier.Applicant{Name: "Nguyễn Văn Dân", IDNumber: "001090012345"}}, key("s"), key("hs"), body)
	if err != nil {
		t.Error(err)
		return nil
	}
	r, err := svc.Act(ctx, svc.ActorFor(counter.User), res.Dossier.ID, 1, service.ActionInput{Action: "receive"}, key("r"), key("hr"), body)
	if err != nil {
		t.Error(err)
		return nil
	}
	return r.Dossier
}

func TestAuditCommand(t *testing.T) {
	data, svc, st := auditEnv(t, 2)
	var out, errb bytes.Buffer
	if code := run([]string{"audit", "--help"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "motcua audit verify") {
		t.Fatalf("--help: exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := run([]string{"audit", "verify", "--help"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "first broken link") {
		t.Fatalf("verify --help: exit %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"audit", "verify", "--data", data}, &out, &errb); code != 0 || !strings.Contains(out.String(), "OK: 2 dossiers, 4 events") {
		t.Fatalf("verify: exit %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"audit", "checkpoint", "--data", data}, &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "motcua-checkpoint v1 ") ||
		!strings.Contains(out.String(), "dossiers=2 events=4") {
		t.Fatalf("checkpoint: exit %d\n%s%s", code, out.String(), errb.String())
	}
	if fi, err := os.Stat(filepath.Join(data, "audit.key")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("audit key: %v %v", fi, err)
	}
	d := fileAndReceive(t, svc, st, 3) // after the checkpoint
	out.Reset()
	if code := run([]string{"audit", "verify", "--data", data}, &out, &errb); code != 0 || !strings.Contains(out.String(), "1 checkpoint(s) verified") {
		t.Fatalf("verify with a checkpoint: exit %d\n%s%s", code, out.String(), errb.String())
	}
	// The applicant's name edited on the dossier row, behind the server.
	if _, err := st.Exec(context.Background(), `UPDATE dossiers SET applicant_name = 'Kẻ Giả Mạo' WHERE id = ?`, d.ID); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	code := run([]string{"audit", "verify", "--data", data}, &out, &errb)
	if code != 1 || !strings.Contains(out.String(), "BROKEN: dossier "+d.Code+" seq 1:") || strings.Contains(out.String(), "Giả") {
		t.Fatalf("verify after tampering: exit %d\n%s%s", code, out.String(), errb.String())
	}
}

// serve's periodic checkpoint: written at start, once per period however
// many nodes run it, and it verifies.
func TestPeriodicCheckpointOncePerPeriod(t *testing.T) {
	data, _, st := auditEnv(t, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for range 2 { // two nodes
		if err := auditCheckpoints(ctx, st, serveConfig(t, os.Getenv, "--data", data), log); err != nil {
			t.Fatal(err)
		}
	}
	var cps []audit.Checkpoint
	for range 200 {
		var err error
		if cps, err = st.Checkpoints(ctx, 5); err != nil {
			t.Fatal(err)
		}
		if len(cps) > 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if len(cps) != 1 || cps[0].Dossiers != 1 || cps[0].Events != 2 {
		t.Fatalf("checkpoints: %+v", cps)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"audit", "verify", "--data", data}, &out, &errb); code != 0 || !strings.Contains(out.String(), "1 checkpoint(s) verified") {
		t.Fatalf("verify: exit %d\n%s%s", code, out.String(), errb.String())
	}
}
