package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The write-ahead log reaches the database file without the writer copying
// it: a commit far below the writer's own threshold is checkpointed by the
// background connection, and the file grows.
func TestCheckpointer_CopiesTheLogBesideTheWriter(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	file := filepath.Join(dir, "motcua.db")
	size := func() int64 {
		fi, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	time.Sleep(2 * checkpointEvery) // the migrations' own checkpoint settles
	before := size()
	const rows, width = 200, 4000 // about 800 KB: 200 pages, far below writerAutoCheckpoint
	err = s.InTx(ctx, func(tx *Tx) error {
		for i := range rows {
			if _, err := tx.Exec(ctx, `INSERT INTO code_sequences (agency_code, day, last) VALUES (?, '261127', 1)`,
				strings.Repeat("x", width)+string(rune('a'+i%26))+strings.Repeat("y", i)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Poll, not a timing assertion: a checkpoint comes at most
	// checkpointEvery after a commit; a minute means it never came.
	for deadline := time.Now().Add(time.Minute); size() < before+rows*width/2; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("database file %d bytes before, %d after: the log was not checkpointed", before, size())
		}
	}
}
