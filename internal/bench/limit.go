package bench

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"
)

// LimitDB is the database the limit writes to; *store.Store is the one,
// which keeps the raw SQL (store/bench.go).
type LimitDB interface {
	LimitTarget(ctx context.Context) (agency int64, procCode string, procVersion int, err error)
	LimitLifecycle(ctx context.Context, agency int64, procCode string, procVersion int, tag string) ([]time.Duration, error)
	RemoveLimitCounters(ctx context.Context) error
}

// LimitOptions configures `motcua bench limit`.
type LimitOptions struct {
	Duration time.Duration
	Workers  int // concurrent writers (SQLite has one writer whatever this says)
	Progress io.Writer
}

// LimitResult is the raw rate of the lifecycle's writes.
type LimitResult struct {
	Actions    int
	Elapsed    time.Duration
	PerSecond  float64
	P50, P99   time.Duration
	Lifecycles int
}

// Limit measures, on the database the server uses, the rate of the writes
// of the HTTP lifecycle (submit, receive, transfer, approve, return) done
// straight in SQL, one transaction per action as the server does: the
// idempotency key, the dossier row (insert, then update), the event, the
// day's code sequence on receipt and the 8 counter rows on receipt and
// on approval. No HTTP, no JSON, no rules, no reads. The dossiers it writes
// stay (the event log is append-only): they carry codes starting with
// BENCH-LIMIT and events named bench_*, which the counters ignore, so
// `motcua index check` still agrees; run it on a copy to keep a clean
// database.
func Limit(ctx context.Context, db LimitDB, opts LimitOptions) (*LimitResult, error) {
	if opts.Duration <= 0 {
		opts.Duration = 20 * time.Second
	}
	if opts.Workers <= 0 {
		opts.Workers = 1
	}
	agency, procCode, procVersion, err := db.LimitTarget(ctx)
	if err != nil {
		return nil, err
	}
	var (
		mu      sync.Mutex
		lat     []time.Duration
		cycles  int
		firstEr error
	)
	deadline := time.Now().Add(opts.Duration)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			n := 0
			for i := 0; time.Now().Before(deadline) && ctx.Err() == nil; i++ {
				took, err := db.LimitLifecycle(ctx, agency, procCode, procVersion, fmt.Sprintf("%d-%d-%d", start.UnixNano(), w, i))
				if err != nil {
					mu.Lock()
					if firstEr == nil {
						firstEr = err
					}
					mu.Unlock()
					break
				}
				mine = append(mine, took...)
				n++
			}
			mu.Lock()
			lat, cycles = append(lat, mine...), cycles+n
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err := db.RemoveLimitCounters(ctx); err != nil {
		return nil, err
	}
	if firstEr != nil {
		return nil, firstEr
	}
	res := &LimitResult{Actions: len(lat), Elapsed: elapsed, PerSecond: float64(len(lat)) / elapsed.Seconds(), Lifecycles: cycles}
	if len(lat) > 0 {
		slices.Sort(lat)
		res.P50, res.P99 = lat[len(lat)/2], lat[min(len(lat)-1, len(lat)*99/100)]
	}
	return res, nil
}
