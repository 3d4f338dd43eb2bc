package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/motcua/motcua/internal/store/storetest"
)

// Backup while dossiers are being filed and received, restore into an
// empty directory: the copy passes audit verify and index check. A restore
// does not overwrite a non-empty directory unless asked to.
func TestBackupAndRestoreRoundTrip(t *testing.T) {
	data, svc, st := auditEnv(t, 2)
	var (
		wg   sync.WaitGroup
		stop = make(chan struct{})
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 10; ; i++ {
			select {
			case <-stop:
				return
			default:
				fileAndReceive(t, svc, st, i)
			}
		}
	}()
	fileAndReceive(t, svc, st, 3)
	backup := filepath.Join(t.TempDir(), "motcua-backup.db")
	var out, errb bytes.Buffer
	code := run([]string{"backup", "--out", backup, "--data", data}, &out, &errb)
	close(stop)
	wg.Wait()
	if code != 0 || !strings.Contains(out.String(), "backup written") {
		t.Fatalf("backup: exit %d\n%s%s", code, out.String(), errb.String())
	}
	target := t.TempDir()
	out.Reset()
	if code := run([]string{"restore", "--from", backup, "--data", target}, &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "OK: ") || !strings.Contains(out.String(), "the counters agree") {
		t.Fatalf("restore: exit %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"restore", "--from", backup, "--data", target}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "--force") {
		t.Fatalf("restore over a database: exit %d\n%s%s", code, out.String(), errb.String())
	}
	if code := run([]string{"restore", "--from", backup, "--data", target, "--force"}, &out, &errb); code != 0 {
		t.Fatalf("restore --force: exit %d\n%s%s", code, out.String(), errb.String())
	}
	notBackup := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notBackup, []byte("not a database, just some text"), 0o600)
	errb.Reset()
	if code := run([]string{"restore", "--from", notBackup, "--data", t.TempDir()}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "not an SQLite backup") {
		t.Fatal("a file that is not a backup must be refused")
	}
}

// PostgreSQL: motcua backup runs pg_dump, motcua restore runs pg_restore
// into an empty database and checks the copy.
func TestBackupAndRestorePostgres(t *testing.T) {
	if _, err := exec.LookPath("pg_dump"); err != nil {
		t.Skip("pg_dump not installed")
	}
	data, _, st := auditEnvOn(t, 2, storetest.PostgresURL(t))
	dump := filepath.Join(t.TempDir(), "motcua.dump")
	var out, errb bytes.Buffer
	if code := run([]string{"backup", "--out", dump, "--data", data}, &out, &errb); code != 0 {
		t.Fatalf("backup: exit %d\n%s%s", code, out.String(), errb.String())
	}
	st.Close()
	t.Setenv("MOTCUA_DATABASE_URL", storetest.PostgresURL(t))
	out.Reset()
	if code := run([]string{"restore", "--from", dump, "--data", t.TempDir()}, &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "OK: 2 dossiers, 4 events") || !strings.Contains(out.String(), "the counters agree") {
		t.Fatalf("restore: exit %d\n%s%s", code, out.String(), errb.String())
	}
}
