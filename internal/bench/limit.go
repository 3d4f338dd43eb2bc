package bench

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/store"
)

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

// limitGrains keep the limit's counter rows apart from the real ones (no
// reader asks for them) so they can be removed afterwards.
var limitGrains = [4]string{"bd", "bm", "bq", "by"}

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
func Limit(ctx context.Context, st *store.Store, opts LimitOptions) (*LimitResult, error) {
	if opts.Duration <= 0 {
		opts.Duration = 20 * time.Second
	}
	if opts.Workers <= 0 {
		opts.Workers = 1
	}
	var agency int64
	var procCode string
	var procVersion int
	if err := st.QueryRow(ctx, `SELECT id FROM agencies ORDER BY id LIMIT 1`).Scan(&agency); err != nil {
		return nil, fmt.Errorf("bench: limit needs a province (run bench generate first): %w", err)
	}
	if err := st.QueryRow(ctx, `SELECT code, current_version FROM procedures ORDER BY code LIMIT 1`).Scan(&procCode, &procVersion); err != nil {
		return nil, fmt.Errorf("bench: limit needs a catalog: %w", err)
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
				took, err := limitLifecycle(ctx, st, agency, procCode, procVersion, fmt.Sprintf("%d-%d-%d", start.UnixNano(), w, i))
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
	if _, err := st.Exec(ctx, `DELETE FROM stats WHERE grain IN (?, ?, ?, ?, ?, ?, ?, ?)`, limitGrains[0], limitGrains[1], limitGrains[2],
		limitGrains[3], strings.ToUpper(limitGrains[0]), strings.ToUpper(limitGrains[1]), strings.ToUpper(limitGrains[2]), strings.ToUpper(limitGrains[3])); err != nil {
		return nil, fmt.Errorf("bench: remove the limit's counter rows: %w", err)
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

// limitLifecycle writes one dossier's five actions, each in its own
// transaction, and returns how long each took.
func limitLifecycle(ctx context.Context, st *store.Store, agency int64, procCode string, procVersion int, tag string) ([]time.Duration, error) {
	now := time.Now()
	day := aggregate.DayOf(now)
	var id int64
	out := make([]time.Duration, 0, 5)
	tx := func(action, from, to string, fn func(tx *store.Tx) error) error {
		t0 := time.Now()
		err := st.InTx(ctx, func(tx *store.Tx) error {
			at := time.Now().UnixMilli()
			if _, err := tx.Exec(ctx, `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at) VALUES (?, ?, ?, 200, '{}', ?)`,
				"bench-limit", tag+"-"+action, "h", at); err != nil {
				return err
			}
			if err := fn(tx); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO dossier_events (dossier_id, seq, action, from_status, to_status, actor_user_id, actor_role, actor_name, at, note, payload, idempotency_key)
				VALUES (?, (SELECT version FROM dossiers WHERE id = ?), ?, ?, ?, 1, 'counter', 'bench', ?, '', '{}', ?)`,
				id, id, "bench_"+action, from, to, at, tag+"-"+action)
			return err
		})
		if err != nil {
			return fmt.Errorf("bench: limit %s: %w", action, err)
		}
		out = append(out, time.Since(t0))
		return nil
	}
	update := func(status string) func(tx *store.Tx) error {
		return func(tx *store.Tx) error {
			_, err := tx.Exec(ctx, `UPDATE dossiers SET status = ?, version = version + 1, updated_at = ? WHERE id = ?`, status, time.Now().UnixMilli(), id)
			return err
		}
	}
	err := tx("submit", "", "submitted", func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO dossiers (procedure_code, procedure_version, status, channel, return_method, applicant_name,
			applicant_name_key, applicant_id_number, applicant_phone, applicant_email, applicant_address, components, receiving_agency_id,
			processing_agency_id, version, submitted_at, updated_at) VALUES (?, ?, 'submitted', 'online', 'online', 'Nguyễn Văn Bench',
			'nguyen van bench', '001090000000', '', '', '', '[]', ?, ?, 1, ?, ?) RETURNING id`,
			procCode, procVersion, agency, agency, now.UnixMilli(), now.UnixMilli()).Scan(&id)
	})
	if err != nil {
		return nil, err
	}
	steps := []struct {
		action, from, to string
		counters         bool
	}{{"receive", "submitted", "received", true}, {"transfer", "received", "processing", false},
		{"approve", "processing", "done", true}, {"return_result", "done", "returned", false}}
	for _, s := range steps {
		err := tx(s.action, s.from, s.to, func(tx *store.Tx) error {
			if err := update(s.to)(tx); err != nil {
				return err
			}
			if s.action == "receive" {
				var n int
				if err := tx.QueryRow(ctx, `INSERT INTO code_sequences (agency_code, day, last) VALUES ('BENCH-LIMIT', ?, 1)
					ON CONFLICT (agency_code, day) DO UPDATE SET last = code_sequences.last + 1 RETURNING last`, fmt.Sprint(day)).Scan(&n); err != nil {
					return err
				}
				if _, err := tx.Exec(ctx, `UPDATE dossiers SET code = ? WHERE id = ?`, fmt.Sprintf("BENCH-LIMIT-%d-%d", day, n), id); err != nil {
					return err
				}
			}
			if s.counters {
				return limitCounters(ctx, tx, agency, procCode, day)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// limitCounters upserts the counter rows an action that moves a counter
// touches: the day, month, quarter and year buckets of the procedure and of
// all procedures, 8 rows in one statement, as the server's upsert does.
func limitCounters(ctx context.Context, tx *store.Tx, agency int64, procCode string, day int32) error {
	var args []any
	for i, b := range aggregate.Buckets(day) {
		args = append(args, limitGrains[i], agency, procCode, b.From, strings.ToUpper(limitGrains[i]), agency, "*", b.From)
	}
	q := `INSERT INTO stats (grain, agency_id, procedure_code, bucket, settled_on_time) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, 1),", len(args)/4), ",") +
		` ON CONFLICT (grain, agency_id, bucket, procedure_code) DO UPDATE SET settled_on_time = stats.settled_on_time + 1`
	_, err := tx.Exec(ctx, q, args...)
	return err
}
