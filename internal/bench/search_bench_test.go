package bench_test

import (
	"context"
	"database/sql"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/textfold"
)

// BenchmarkSearch measures dossier search over a generated database, as
// the store runs it for a counter officer (scope: the receiving center) and
// for the director (whole province), by code, ID number and name without
// diacritics, and reports the p95 of each. It also runs the rewrite
// proposed in BENCHMARKS.md (each key through its own index, the scope
// applied to the few rows found):
//
//	MOTCUA_BENCH_DATA=/work/benchdata/sqlite10m go test -bench Search -run xxx ./internal/bench/
//	MOTCUA_BENCH_DATABASE_URL=postgres://… go test -bench Search -run xxx ./internal/bench/
func BenchmarkSearch(b *testing.B) {
	cfg := store.Config{DataDir: os.Getenv("MOTCUA_BENCH_DATA"), DatabaseURL: os.Getenv("MOTCUA_BENCH_DATABASE_URL")}
	if cfg.DataDir == "" && cfg.DatabaseURL == "" {
		b.Skip("set MOTCUA_BENCH_DATA (SQLite directory) or MOTCUA_BENCH_DATABASE_URL to a generated database")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var center int64
	if err := st.QueryRow(ctx, `SELECT id FROM agencies WHERE code = '000.00.01.H99'`).Scan(&center); err != nil {
		b.Fatal(err)
	}
	var maxID int64
	st.QueryRow(ctx, `SELECT MAX(id) FROM dossiers`).Scan(&maxID)
	type probe struct{ code, id, name string }
	var probes []probe
	for i := int64(1); i <= 50; i++ {
		var p probe
		var code sql.NullString
		err := st.QueryRow(ctx, `SELECT code, applicant_id_number, applicant_name FROM dossiers WHERE id >= ? AND code IS NOT NULL ORDER BY id LIMIT 1`,
			maxID*i/51).Scan(&code, &p.id, &p.name)
		if err != nil {
			b.Fatal(err)
		}
		p.code, p.name = code.String, textfold.Fold(p.name)
		probes = append(probes, p)
	}
	scopes := map[string][]int64{"counter": {center}, "director": nil}
	for _, who := range []string{"counter", "director"} {
		for _, key := range []string{"code", "id_number", "name"} {
			pick := func(p probe) string {
				switch key {
				case "code":
					return p.code
				case "id_number":
					return p.id
				}
				return p.name
			}
			b.Run("store/"+who+"/"+key, func(b *testing.B) {
				var lat []time.Duration
				i := 0
				for b.Loop() {
					t0 := time.Now()
					_, err := st.ListDossiers(ctx, model.DossierFilter{AgencyIDs: scopes[who], Q: pick(probes[i%len(probes)]), Limit: 50})
					if err != nil {
						b.Fatal(err)
					}
					lat = append(lat, time.Since(t0))
					i++
				}
				reportP95(b, lat)
			})
			b.Run("rewrite/"+who+"/"+key, func(b *testing.B) {
				var lat []time.Duration
				i := 0
				for b.Loop() {
					t0 := time.Now()
					if err := searchRewrite(ctx, st, scopes[who], pick(probes[i%len(probes)])); err != nil {
						b.Fatal(err)
					}
					lat = append(lat, time.Since(t0))
					i++
				}
				reportP95(b, lat)
			})
		}
	}
}

func reportP95(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)*95/100])/1e6, "p95-ms")
	}
}

// searchRewrite is the proposed query: code and ID number by equality and
// the folded name by a range (which an index serves; LIKE is
// case-insensitive in SQLite and cannot use a BINARY index), each key
// through its own index in a UNION, and the scope checked on the rows found.
func searchRewrite(ctx context.Context, st *store.Store, scope []int64, q string) error {
	fold := textfold.Fold(q)
	query := `SELECT id, code, applicant_name FROM dossiers WHERE id IN (
		SELECT id FROM dossiers WHERE code = ?
		UNION SELECT id FROM dossiers WHERE applicant_id_number = ?
		UNION SELECT id FROM dossiers WHERE applicant_name_key >= ? AND applicant_name_key < ?)`
	args := []any{q, q, fold, fold + "\U0010FFFF"}
	if scope != nil {
		ph := strings.TrimSuffix(strings.Repeat("?,", len(scope)), ",")
		query += ` AND (processing_agency_id IN (` + ph + `) OR receiving_agency_id IN (` + ph + `))`
		for range 2 {
			for _, id := range scope {
				args = append(args, id)
			}
		}
	}
	rows, err := st.Query(ctx, query+` ORDER BY id DESC LIMIT 50`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id         int64
			code, name sql.NullString
		)
		if err := rows.Scan(&id, &code, &name); err != nil {
			return err
		}
	}
	return rows.Err()
}
