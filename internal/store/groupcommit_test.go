package store

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// Concurrent writers on SQLite share commits: callers that queue while the
// writer works are committed together, each with its own row.
func TestGroupCommit_BatchesWaitingCallers(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const n = 64
	calls0, commits0 := s.group.calls.Load(), s.group.commits.Load() // the migrations'
	holding, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.InTx(ctx, func(tx *Tx) error {
				// Whoever reaches the writer first holds it while the others queue.
				once.Do(func() { close(holding); <-release })
				_, err := tx.Exec(ctx, `INSERT INTO code_sequences (agency_code, day, last) VALUES (?, '261127', 1)`, fmt.Sprint("A", i))
				return err
			})
		}()
	}
	<-holding
	time.Sleep(50 * time.Millisecond) // lets the other callers reach the queue; not a timing assertion
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	calls, commits := s.group.calls.Load()-calls0, s.group.commits.Load()-commits0
	if calls != n || commits >= n {
		t.Fatalf("%d callers in %d commits: queued callers must share commits", calls, commits)
	}
	var rows int
	s.QueryRow(ctx, `SELECT COUNT(*) FROM code_sequences`).Scan(&rows)
	if rows != n {
		t.Fatalf("%d rows committed for %d callers", rows, n)
	}
}
