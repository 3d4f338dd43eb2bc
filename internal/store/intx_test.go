package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// A write transaction is all or nothing for its caller, also when SQLite
// commits it together with others' (group commit): a caller's error undoes
// its writes only, a panic reaches the caller's goroutine and undoes its
// writes only, and a caller that left before its turn writes nothing.
func TestInTx_EachCallerAllOrNothingUnderConcurrency(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		const n = 120
		insert := func(tx *store.Tx, key string) error {
			_, err := tx.Exec(ctx, `INSERT INTO code_sequences (agency_code, day, last) VALUES (?, '261127', 1)`, key)
			return err
		}
		errBusiness := errors.New("refused by a rule")
		gone, cancel := context.WithCancel(ctx)
		cancel()
		var wg sync.WaitGroup
		outcome := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				key := fmt.Sprint("K", i)
				defer func() {
					if v := recover(); v != nil {
						outcome[i] = fmt.Errorf("panicked: %v", v)
					}
				}()
				c := ctx
				if i%7 == 3 {
					c = gone
				}
				outcome[i] = s.InTx(c, func(tx *store.Tx) error {
					if err := insert(tx, key); err != nil {
						return err
					}
					switch i % 5 {
					case 1:
						return errBusiness // after writing: the write must be undone
					case 2:
						err := insert(tx, key)
						if !store.IsUniqueViolation(err) {
							return fmt.Errorf("second insert of %s: want a unique violation, got %v", key, err)
						}
						if s.Dialect() == store.Postgres {
							return err // PostgreSQL aborts the transaction on any error
						}
						return nil // SQLite undoes the statement only: the first insert stays
					case 4:
						if i%3 == 0 {
							panic("bug in " + key)
						}
					}
					return nil
				})
			}()
		}
		wg.Wait()
		for i := range n {
			key := fmt.Sprint("K", i)
			var rows int
			if err := s.QueryRow(ctx, `SELECT COUNT(*) FROM code_sequences WHERE agency_code = ?`, key).Scan(&rows); err != nil {
				t.Fatal(err)
			}
			var want error
			kept := true
			switch {
			case i%7 == 3:
				want, kept = context.Canceled, false
			case i%5 == 1:
				want, kept = errBusiness, false
			case i%5 == 2 && s.Dialect() == store.Postgres:
				kept = false
			case i%5 == 4 && i%3 == 0:
				kept = false
			}
			err := outcome[i]
			switch {
			case i%7 == 3 || i%5 == 1:
				if !errors.Is(err, want) {
					t.Errorf("caller %d: error %v, want %v", i, err, want)
				}
			case i%5 == 4 && i%3 == 0:
				if err == nil || !strings.Contains(err.Error(), "panicked: ") || !strings.Contains(err.Error(), "bug in "+key) {
					t.Errorf("caller %d: the panic must reach its goroutine, got %v", i, err)
				}
			case i%5 == 2 && s.Dialect() == store.Postgres:
				if !store.IsUniqueViolation(err) {
					t.Errorf("caller %d: %v", i, err)
				}
			default:
				if err != nil {
					t.Errorf("caller %d: %v", i, err)
				}
			}
			if (rows == 1) != kept {
				t.Errorf("caller %d (outcome %v): %d rows, want kept=%v", i, err, rows, kept)
			}
		}
		// The store still works after all that.
		if err := s.InTx(ctx, func(tx *store.Tx) error { return insert(tx, "after") }); err != nil {
			t.Fatal(err)
		}
	})
}
