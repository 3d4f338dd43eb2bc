package store

import (
	"context"
	"fmt"
	"testing"
)

// SQLite's statements are prepared once and reused: a query first met in a
// transaction is prepared after its commit, never while the writer's only
// connection is held (that would wait for itself), and a bad query is not
// cached and still reports its error.
func TestStatementCache(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const q = `SELECT COUNT(*) FROM agencies WHERE id > ?`
	err = s.InTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.QueryRow(ctx, q, 0).Scan(&n); err != nil {
			return err
		}
		if s.wstmts.get(q) != nil {
			return fmt.Errorf("prepared while the transaction held the connection")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.wstmts.get(q) == nil {
		t.Fatal("not prepared after the commit")
	}
	// The next transaction uses it, and gets the right answer.
	err = s.InTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.QueryRow(ctx, q, -1).Scan(&n); err != nil || n != 0 {
			return fmt.Errorf("count %d: %v", n, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Reads outside transactions prepare on the readers' pool at once.
	var n int
	if err := s.QueryRow(ctx, q, 0).Scan(&n); err != nil || s.rstmts.get(q) == nil {
		t.Fatalf("reader: %v, cached %v", err, s.rstmts.get(q) != nil)
	}
	// A broken query is not cached and fails as it would unprepared.
	if _, err := s.Exec(ctx, `UPDATE no_such_table SET x = 1`); err == nil {
		t.Fatal("a broken statement succeeded")
	}
	if s.wstmts.get(`UPDATE no_such_table SET x = 1`) != nil {
		t.Fatal("a broken statement was cached")
	}
	// Past the bound, new shapes run unprepared.
	for i := range maxCachedStmts + 10 {
		if err := s.QueryRow(ctx, fmt.Sprintf(`SELECT %d`, i)).Scan(&n); err != nil || n != i {
			t.Fatalf("query %d: %d %v", i, n, err)
		}
	}
	if got := len(s.rstmts.m); got != maxCachedStmts {
		t.Fatalf("%d statements cached, bound %d", got, maxCachedStmts)
	}
}
