package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/floor"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// issue takes a number and stores the ticket, as the kiosk does.
func issue(t *testing.T, st *store.Store, area string, at time.Time) floor.Ticket {
	t.Helper()
	var k floor.Ticket
	err := st.InTx(context.Background(), func(tx *store.Tx) error {
		n, err := tx.NextFloorNumber(context.Background(), "2026-12-04", area)
		if err != nil {
			return err
		}
		if k, err = floor.Issue(area, "2026-12-04", n-1, at); err != nil {
			return err
		}
		k.ID, err = tx.InsertTicket(context.Background(), k)
		return err
	})
	if err != nil {
		t.Error(err)
	}
	return k
}

// callNext is what a counter's "call next" does: read the queue, pick by
// the floor's rule, change the ticket only from the version read; another
// counter's win means read again.
func callNext(st *store.Store, c floor.Counter, at time.Time) (floor.Ticket, bool, error) {
	ctx := context.Background()
	for {
		waiting, err := st.Tickets(ctx, "2026-12-04", []floor.Status{floor.Waiting}, c.Areas)
		if err != nil {
			return floor.Ticket{}, false, err
		}
		k, ok := floor.Next(c, waiting, at)
		if !ok {
			return floor.Ticket{}, false, nil
		}
		if err := floor.Apply(&k, floor.Command{Action: floor.ActCall, At: at, Counter: c}); err != nil {
			return floor.Ticket{}, false, err
		}
		err = st.InTx(ctx, func(tx *store.Tx) error { return tx.UpdateTicket(ctx, k) })
		if errors.Is(err, store.ErrTicketMoved) {
			continue
		}
		return k, err == nil, err
	}
}

// Issue 19 "Done when": the queue is correct with two nodes — no number
// issued twice, no ticket called twice — on SQLite and on two PostgreSQL
// connections pools (two serve nodes) sharing one database.
func TestFloorQueueTwoNodes(t *testing.T) {
	open := func(t *testing.T, url string) *store.Store {
		s, err := store.Open(context.Background(), store.Config{DatabaseURL: url})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	t.Run("sqlite", func(t *testing.T) { st := storetest.SQLite(t); floorQueue(t, st, []*store.Store{st, st}) })
	t.Run("postgres", func(t *testing.T) {
		url := storetest.PostgresURL(t)
		st := open(t, url)
		floorQueue(t, st, []*store.Store{st, open(t, url)}) // a second node: its own pool on the same database
	})
}

func floorQueue(t *testing.T, st *store.Store, nodes []*store.Store) {
	at := time.Date(2026, 12, 4, 1, 0, 0, 0, time.UTC)
	const perNode = 30
	var wg sync.WaitGroup
	for _, n := range nodes {
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range perNode / 3 {
					issue(t, n, "tu-phap", at)
				}
			}()
		}
	}
	wg.Wait()
	all, err := st.Tickets(context.Background(), "2026-12-04", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, k := range all {
		if seen[k.Seq] {
			t.Fatalf("number %d issued twice", k.Seq)
		}
		seen[k.Seq] = true
	}
	if len(all) != 2*perNode || !seen[1] || !seen[2*perNode] {
		t.Fatalf("%d tickets, numbers 1..%d expected", len(all), 2*perNode)
	}

	counters := []floor.Counter{{ID: 1, Name: "Quầy 1", Areas: []string{"tu-phap"}}, {ID: 2, Name: "Quầy 2", Areas: []string{"tu-phap"}},
		{ID: 3, Name: "Quầy 3", Areas: []string{"tu-phap"}}, {ID: 4, Name: "Quầy 4", Areas: []string{"tu-phap"}}}
	var mu sync.Mutex
	calledBy := map[int64]int64{}
	for i, c := range counters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k, ok, err := callNext(nodes[i%2], c, at.Add(time.Hour))
				if err != nil {
					t.Error(err)
					return
				}
				if !ok {
					return
				}
				mu.Lock()
				if prev, dup := calledBy[k.ID]; dup {
					t.Errorf("ticket %d called by counters %d and %d", k.ID, prev, c.ID)
				}
				calledBy[k.ID] = c.ID
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(calledBy) != 2*perNode {
		t.Fatalf("%d tickets called, want every one of %d once", len(calledBy), 2*perNode)
	}
	after, _ := st.Tickets(context.Background(), "2026-12-04", []floor.Status{floor.Called}, nil)
	for _, k := range after {
		if k.CounterID != calledBy[k.ID] || k.Calls != 1 || k.Version != 2 {
			t.Fatalf("ticket %d stored as called by %d (%d calls, version %d), called by %d", k.ID, k.CounterID, k.Calls, k.Version, calledBy[k.ID])
		}
	}
}
