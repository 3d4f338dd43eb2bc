package store_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// A legal record must be durable when an action is acknowledged: SQLite
// commits wait for the WAL to reach the disk (synchronous FULL = 2) unless
// NORMAL (1) is asked for on purpose.
func TestSQLiteSynchronous(t *testing.T) {
	for _, c := range []struct {
		setting string
		want    int
	}{{"", 2}, {"full", 2}, {"FULL", 2}, {"normal", 1}, {"off", -1}, {"extra", -1}} {
		s, err := store.Open(context.Background(), store.Config{DataDir: t.TempDir(), SQLiteSynchronous: c.setting})
		if c.want < 0 {
			if err == nil {
				s.Close()
				t.Errorf("%q: accepted", c.setting)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.SQLiteSynchronous(ctx)
		s.Close()
		if err != nil || got != c.want {
			t.Errorf("%q: PRAGMA synchronous = %d (%v), want %d", c.setting, got, err, c.want)
		}
	}
}

// writeWhile keeps filing dossiers until stop is closed; it returns how
// many were committed.
func writeWhile(t *testing.T, s *store.Store, agency int64, stop <-chan struct{}) func() int64 {
	var (
		n  atomic.Int64
		wg sync.WaitGroup
	)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				chainedDossier(t, s, agency)
				n.Add(1)
			}
		}()
	}
	return func() int64 { wg.Wait(); return n.Load() }
}

// A backup taken while dossiers are being written is one consistent
// snapshot: the copy opens, every chain in it verifies, nothing is half
// there.
func TestBackupWhileWriting(t *testing.T) {
	s := storetest.SQLite(t)
	agency := seed(t, s)
	chainedDossier(t, s, agency)
	stop := make(chan struct{})
	wait := writeWhile(t, s, agency, stop)
	for range 5 {
		chainedDossier(t, s, agency)
	}
	out := filepath.Join(t.TempDir(), "backup.db")
	err := s.BackupTo(ctx, out)
	close(stop)
	total := wait()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(ctx, out); err == nil {
		t.Fatal("a backup must not overwrite a file")
	}
	dir := t.TempDir()
	if err := os.Rename(out, filepath.Join(dir, "motcua.db")); err != nil {
		t.Fatal(err)
	}
	copy, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer copy.Close()
	rep, err := copy.VerifyAudit(ctx, nil, 0)
	if err != nil || rep.Break != nil {
		t.Fatalf("backup: %+v %v", rep, err)
	}
	// A dossier is filed, then received, then transferred, each its own
	// commit: a snapshot holds some part way, each whole up to its step.
	if rep.Dossiers < 6 || rep.Dossiers > total+6 || rep.Events < 3*6 || rep.Events > 3*rep.Dossiers {
		t.Fatalf("backup holds %d dossiers / %d events; %d were written", rep.Dossiers, rep.Events, total+6)
	}
}

// PostgreSQL: pg_dump -Fc while writing, pg_restore into an empty
// database, and the restored copy verifies.
func TestPostgresDumpAndRestore(t *testing.T) {
	if _, err := exec.LookPath("pg_dump"); err != nil {
		t.Skip("pg_dump not installed")
	}
	srcURL := storetest.PostgresURL(t)
	s, err := store.Open(ctx, store.Config{DatabaseURL: srcURL})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	agency := seed(t, s)
	chainedDossier(t, s, agency)
	stop := make(chan struct{})
	wait := writeWhile(t, s, agency, stop)
	dump := filepath.Join(t.TempDir(), "motcua.dump")
	out, err := exec.Command("pg_dump", "-Fc", "--no-owner", "-f", dump, "--dbname", srcURL).CombinedOutput()
	close(stop)
	wait()
	if err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}
	dstURL := storetest.PostgresURL(t)
	if out, err := exec.Command("pg_restore", "--no-owner", "--exit-on-error", "--dbname", dstURL, dump).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	dst, err := store.Open(ctx, store.Config{DatabaseURL: dstURL})
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	rep, err := dst.VerifyAudit(ctx, nil, 0)
	if err != nil || rep.Break != nil || rep.Dossiers < 1 || rep.Events > 3*rep.Dossiers {
		t.Fatalf("restored: %+v %v", rep, err)
	}
}
