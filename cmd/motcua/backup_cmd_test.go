package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
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
