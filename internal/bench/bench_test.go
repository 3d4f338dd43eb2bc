package bench_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/bench"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

var ict = time.FixedZone("ICT", 7*3600)

// until is a Friday morning: the last day's later dossiers stay open.
var until = time.Date(2026, 11, 27, 10, 0, 0, 0, ict)

const password = "mat-khau-bench"

// dialects runs fn on a fresh SQLite and a fresh PostgreSQL database, with
// the URL generate needs for COPY.
func dialects(t *testing.T, fn func(t *testing.T, st *store.Store, url string)) {
	t.Run("sqlite", func(t *testing.T) { st, dir := sqliteStore(t); fn(t, st, dir) })
	t.Run("postgres", func(t *testing.T) {
		url := storetest.PostgresURL(t)
		st, err := store.Open(context.Background(), store.Config{DatabaseURL: url})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		fn(t, st, url)
	})
}

// sqliteStore opens a fresh SQLite store and tells its directory.
func sqliteStore(t testing.TB) (*store.Store, string) {
	dir := t.TempDir()
	st, err := store.Open(context.Background(), store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dir
}

func newService(t testing.TB, st *store.Store) *service.Service {
	t.Helper()
	svc, err := service.New(context.Background(), st, &service.Blobs{Dir: t.TempDir()}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// generate fills the database at where: a postgres:// URL or an SQLite directory.
func generate(t testing.TB, svc *service.Service, st *store.Store, where string, n int, seed uint64) *bench.GenerateResult {
	t.Helper()
	res, err := bench.Generate(context.Background(), svc, st, bench.GenerateOptions{Dossiers: n, Seed: seed, Until: until, Years: 2,
		Password: password, DataDir: dataDir(where), DatabaseURL: dbURL(where)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func dataDir(where string) string {
	if strings.HasPrefix(where, "postgres") {
		return ""
	}
	return where
}

func dbURL(where string) string {
	if strings.HasPrefix(where, "postgres") {
		return where
	}
	return ""
}

// checkFigures is `motcua index check`: the stored counters agree with a
// recomputation from the event log.
func checkFigures(t *testing.T, svc *service.Service) {
	t.Helper()
	diffs, n, err := svc.CheckFigures(context.Background(), 5)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d counter rows differ from the event log: %v", n, diffs)
	}
}

func TestGenerate_CountersAgreeWithEventLogAndSharesAreRealistic(t *testing.T) {
	dialects(t, func(t *testing.T, st *store.Store, url string) {
		ctx := context.Background()
		svc := newService(t, st)
		const n = 3000
		before := indexDefs(t, st)
		res := generate(t, svc, st, url, n, 1)
		checkFigures(t, svc)
		if after := indexDefs(t, st); after != before || !strings.Contains(after, "dossiers_name_key") {
			t.Fatalf("the indexes dropped for the load must all be built again:\nbefore %s\nafter  %s", before, after)
		}

		var dossiers, events, received, codes, distinctCodes, rebuild int64
		st.QueryRow(ctx, `SELECT COUNT(*), COUNT(received_at), COUNT(code), COUNT(DISTINCT code) FROM dossiers`).Scan(&dossiers, &received, &codes, &distinctCodes)
		st.QueryRow(ctx, `SELECT COUNT(*) FROM dossier_events`).Scan(&events)
		st.QueryRow(ctx, `SELECT needed FROM stats_rebuild`).Scan(&rebuild)
		if dossiers != res.Dossiers || events != res.Events || received != res.Received {
			t.Fatalf("written %d dossiers, %d events, %d received; reported %+v", dossiers, events, received, res)
		}
		// Only dossiers filed after the cut-off hour of the last day are missing.
		if dossiers < n*99/100 || dossiers > n {
			t.Fatalf("asked for %d dossiers, wrote %d", n, dossiers)
		}
		if codes != distinctCodes || codes != received {
			t.Fatalf("every received dossier has its own code (Circular 01/2018 Art. 19): %d codes, %d distinct, %d received", codes, distinctCodes, received)
		}
		if rebuild != 0 {
			t.Fatal("the counters are built: serve must not rebuild them at its first start")
		}
		if perDossier := float64(events) / float64(dossiers); perDossier < 4 || perDossier > 7 {
			t.Fatalf("%.1f events per dossier; a lifecycle has 5 to 7", perDossier)
		}
		share := func(a, b int64) float64 { return float64(a) / float64(b) }
		for _, c := range []struct {
			name   string
			got    float64
			lo, hi float64
		}{
			{"online (Bình Dương 68.3 %)", share(res.Online, res.Dossiers), 0.60, 0.70},
			{"postal", share(res.Postal, res.Dossiers), 0.02, 0.07},
			{"late among settled (Bình Dương 96.24 % on time)", share(res.Late, res.Settled), 0.01, 0.06},
			{"supplemented", share(res.Supplemented, res.Received), 0.04, 0.11},
			{"rated among settled", share(res.Rated, res.Settled), 0.35, 0.55},
			{"settled", share(res.Settled, res.Received), 0.95, 1},
		} {
			if c.got < c.lo || c.got > c.hi {
				t.Errorf("%s: %.3f, want %.2f–%.2f", c.name, c.got, c.lo, c.hi)
			}
		}
		if res.Open == 0 {
			t.Error("dossiers received in the last days must still be open")
		}
		var staff int
		st.QueryRow(ctx, `SELECT COUNT(*) FROM users WHERE username LIKE 'bench_%'`).Scan(&staff)
		if staff == 0 {
			t.Error("the agencies without staff in the demo get bench accounts")
		}
		if _, err := bench.Generate(ctx, svc, st, bench.GenerateOptions{Dossiers: 10, Password: password, DataDir: dataDir(url), DatabaseURL: dbURL(url)}); err == nil ||
			!strings.Contains(err.Error(), "already holds") {
			t.Fatalf("generating into a database with dossiers must be refused, got %v", err)
		}
	})
}

// indexDefs lists every index of the bulk-loaded tables with its definition.
func indexDefs(t *testing.T, st *store.Store) string {
	t.Helper()
	q := `SELECT name || ': ' || COALESCE(sql, 'constraint') FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('dossiers', 'dossier_events') ORDER BY name`
	if st.Dialect() == store.Postgres {
		q = `SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE tablename IN ('dossiers', 'dossier_events') ORDER BY indexname`
	}
	rows, err := st.Query(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		b.WriteString(s + "\n")
	}
	return b.String()
}

// The same seed gives the same database; another seed another one.
func TestGenerate_SeedIsDeterministic(t *testing.T) {
	fingerprint := func(seed uint64) string {
		st, dir := sqliteStore(t)
		generate(t, newService(t, st), st, dir, 400, seed)
		rows, err := st.Query(context.Background(), `SELECT id, COALESCE(code, ''), applicant_name, applicant_id_number, status, COALESCE(due_at, 0) FROM dossiers ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		h := sha256.New()
		for rows.Next() {
			var (
				id, due                      int64
				code, name, idNumber, status string
			)
			rows.Scan(&id, &code, &name, &idNumber, &status, &due)
			fmt.Fprintln(h, id, code, name, idNumber, status, due)
		}
		return fmt.Sprintf("%x", h.Sum(nil))
	}
	a, b, c := fingerprint(7), fingerprint(7), fingerprint(8)
	if a != b {
		t.Fatal("the same seed gave two different databases")
	}
	if a == c {
		t.Fatal("two seeds gave the same database")
	}
}

// The load driver against a real server on a generated database: every
// operation succeeds, lifecycles reach the return of the result, and the
// server's own writes keep the counters in step with the event log.
func TestLoad_MixedWorkloadAgainstRealServer(t *testing.T) {
	dialects(t, func(t *testing.T, st *store.Store, url string) {
		svc := newService(t, st)
		generate(t, svc, st, url, 500, 3)
		srv := httptest.NewServer(api.New(svc, svc.Log))
		t.Cleanup(srv.Close)
		res, err := bench.Load(context.Background(), bench.LoadOptions{Target: srv.URL, Rate: 60, Duration: 3 * time.Second, ReadShare: 0.3, Password: password})
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		res.Report(&sb)
		if res.Overall.Count == 0 || res.Overall.PerSecond == 0 || res.Writes.Count == 0 {
			t.Fatalf("no throughput:\n%s", sb.String())
		}
		if res.Overall.Errors != 0 || res.Dropped != 0 {
			t.Fatalf("errors:\n%s", sb.String())
		}
		ops := map[string]int{}
		for _, o := range res.Ops {
			ops[o.Name] = o.Count
		}
		for _, op := range []string{"submit", "receive", "transfer", "approve", "return_result", "track", "search_name"} {
			if ops[op] == 0 {
				t.Errorf("no %s in the run:\n%s", op, sb.String())
			}
		}
		checkFigures(t, svc)
	})
}

// The raw SQL limit writes lifecycles on the generated database and leaves
// the counters as the event log says.
func TestLimit_WritesLifecyclesAndKeepsCountersConsistent(t *testing.T) {
	dialects(t, func(t *testing.T, st *store.Store, url string) {
		svc := newService(t, st)
		generate(t, svc, st, url, 200, 5)
		res, err := bench.Limit(context.Background(), st, bench.LimitOptions{Duration: 500 * time.Millisecond, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if res.Actions == 0 || res.Actions != 5*res.Lifecycles || res.PerSecond <= 0 {
			t.Fatalf("limit: %+v", res)
		}
		var n int
		st.QueryRow(context.Background(), `SELECT COUNT(*) FROM dossiers WHERE code LIKE 'BENCH-LIMIT-%'`).Scan(&n)
		if n != res.Lifecycles {
			t.Fatalf("%d marked dossiers for %d lifecycles", n, res.Lifecycles)
		}
		checkFigures(t, svc)
	})
}
