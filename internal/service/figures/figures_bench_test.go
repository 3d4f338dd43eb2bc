package figures_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
)

// BenchmarkFigures measures the 766 index and the settlement report read
// from the counters of a province with many dossiers (1 million by default,
// MOTCUA_BENCH_DOSSIERS=10000000 for ten million):
//
//	MOTCUA_BENCH_DOSSIERS=10000000 go test -bench Figures -run xxx -timeout 1h ./internal/service/
//
// The counters are what N dossiers contribute: 20 agencies, 90 procedures
// drawn with a Zipf law (a few procedures take most dossiers, as in real
// centers), receipts spread over 2022–2026, 85 % settled, 8 % of them late,
// 5 % rated "không hài lòng". They are built once per N and kept in the
// temporary directory, so only the first run pays for the generation.
func BenchmarkFigures(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("MOTCUA_BENCH_DOSSIERS")); err == nil && v > 0 {
		n = v
	}
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("motcua-bench-figures-%d", n))
	ctx := context.Background()
	st, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var agencies int
	st.QueryRow(ctx, `SELECT COUNT(*) FROM agencies`).Scan(&agencies)
	if agencies == 0 {
		start := time.Now()
		if err := generateFigures(ctx, st, n); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated the counters of %d dossiers in %s", n, time.Since(start).Round(time.Second))
	}
	svc, err := service.New(ctx, st, &service.Blobs{Dir: b.TempDir()}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	svc.Now = func() time.Time { return time.Date(2026, 12, 15, 10, 0, 0, 0, ict) }
	director := org.Actor{UserID: 1, Role: org.RoleDirector, AllScope: true}
	var rows int
	st.QueryRow(ctx, `SELECT COUNT(*) FROM stats`).Scan(&rows)
	b.Logf("%d dossiers, %d counter rows", n, rows)
	one := svc.Agencies()[3].ID
	q3, _ := service.ParsePeriod("2026-07-01", "2026-09-30", time.Now())
	year, _ := service.ParsePeriod("2025-01-01", "2025-12-31", time.Now())
	ragged, _ := service.ParsePeriod("2024-03-17", "2026-11-05", time.Now())
	running, _ := service.ParsePeriod("2026-12-01", "2026-12-31", time.Now())
	for _, c := range []struct {
		name string
		run  func() error
	}{
		{"index766/province/quarter", func() error {
			_, err := svc.Index766(ctx, director, service.SettlementQuery{Period: q3})
			return err
		}},
		{"index766/agency/year", func() error {
			_, err := svc.Index766(ctx, director, service.SettlementQuery{Period: year, AgencyID: one})
			return err
		}},
		{"index766/province/ragged-32-months", func() error {
			_, err := svc.Index766(ctx, director, service.SettlementQuery{Period: ragged})
			return err
		}},
		{"index766/province/running-month", func() error {
			_, err := svc.Index766(ctx, director, service.SettlementQuery{Period: running})
			return err
		}},
		{"report/province-by-procedure/quarter", func() error {
			_, err := svc.Settlement(ctx, director, service.SettlementQuery{Period: q3, ByProcedure: true})
			return err
		}},
		{"report/province-by-procedure/year", func() error {
			_, err := svc.Settlement(ctx, director, service.SettlementQuery{Period: year, ByProcedure: true})
			return err
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// With a catalogue that gives every procedure's online level and
	// subjects, 3.0, 3.2 and 4.5a are measured too, which reads the
	// counters by procedure. The rows are removed afterwards: the database
	// is kept for the next run.
	for i := range 90 {
		level := []string{"full", "partial", "none"}[i%3]
		if _, err := st.Exec(ctx, `INSERT INTO procedures (code, current_version, name, search_key, sector, level, online_level, audience)
			VALUES (?, 1, 'p', 'p', 's', 'province', ?, 'citizens')`, fmt.Sprintf("1.%06d", i), level); err != nil {
			b.Fatal(err)
		}
	}
	defer st.Exec(ctx, `DELETE FROM procedures WHERE name = 'p' AND sector = 's'`)
	for name, p := range map[string]service.Period{"quarter": q3, "ragged-32-months": ragged} {
		b.Run("index766/province/"+name+"/catalogue-complete", func(b *testing.B) {
			for b.Loop() {
				if _, err := svc.Index766(ctx, director, service.SettlementQuery{Period: p}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// generateFigures writes agencies and the counters of n synthetic dossiers.
func generateFigures(ctx context.Context, st *store.Store, n int) error {
	var ids []int64
	err := st.InTx(ctx, func(tx *store.Tx) error {
		for i := range 20 {
			id, err := tx.CreateAgency(ctx, org.Agency{Code: fmt.Sprintf("000.00.%02d.H99", 10+i), Name: fmt.Sprintf("Sở %d", i),
				Level: org.LevelProvince, Kind: org.KindDepartment})
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(11, 13))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(17, 19)), 1.3, 4, 89)
	first := time.Date(2022, 1, 1, 8, 0, 0, 0, ict)
	span := int(time.Date(2026, 12, 15, 0, 0, 0, 0, ict).Sub(first).Hours() / 24)
	dayStart := func(t time.Time) time.Time {
		y, m, d := t.In(ict).Date()
		return time.Date(y, m, d, 7, 0, 0, 0, ict)
	}
	total := aggregate.Delta{}
	for i := range n {
		recv := first.Add(time.Duration(rng.IntN(span))*24*time.Hour + time.Duration(rng.IntN(9*60))*time.Minute)
		due := recv.Add(time.Duration(3+rng.IntN(12)) * 24 * time.Hour)
		d := &dossier.Dossier{ProcessingAgencyID: ids[i%len(ids)], ProcedureCode: fmt.Sprintf("1.%06d", zipf.Uint64()),
			Channel:    []dossier.Channel{dossier.ChannelOnline, dossier.ChannelCounter, dossier.ChannelPostal}[rng.IntN(10)%3],
			ReceivedAt: &recv, DueAt: &due}
		if rng.IntN(100) < 85 {
			fin := recv.Add(time.Duration(rng.IntN(int(due.Sub(recv).Hours())+1)) * time.Hour)
			if rng.IntN(100) < 8 {
				fin = due.Add(time.Duration(1+rng.IntN(200)) * time.Hour)
			}
			d.FinishedAt = &fin
			if rng.IntN(100) < 30 {
				d.Rating = dossier.Rating(1 + rng.IntN(3))
				if rng.IntN(100) < 5 {
					d.Rating = dossier.Dissatisfied
				}
			}
		}
		total.Merge(aggregate.Contribution(d, dayStart))
	}
	return st.ReplaceStats(ctx, total)
}
