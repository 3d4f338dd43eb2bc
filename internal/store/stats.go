package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
)

// AllProcedures is the procedure_code of the rows that sum every procedure.
const AllProcedures = "*"

// statRow is one stored counter row.
type statRow struct {
	grain     string
	agency    int64
	procedure string
	bucket    int32
}

var statCols = strings.Join(aggregate.ColumnNames[:], ", ")

// expand spreads day deltas over the three grains and over the procedure's
// own rows and the all-procedures rows.
func expand(d aggregate.Delta) map[statRow]*aggregate.Counts {
	out := map[statRow]*aggregate.Counts{}
	for k, row := range d {
		for _, b := range aggregate.Buckets(k.Day) {
			for _, p := range []string{k.Procedure, AllProcedures} {
				r := statRow{grainOf(b.Grain, p), k.AgencyID, p, b.From}
				acc := out[r]
				if acc == nil {
					acc = &aggregate.Counts{}
					out[r] = acc
				}
				for i, n := range row {
					acc[i] += n
				}
			}
		}
	}
	return out
}

// grainOf stores the all-procedures rows under upper-case grains, so that
// they sit together in the primary key (grain, agency, bucket, procedure).
func grainOf(grain, procedure string) string {
	if procedure == AllProcedures {
		return strings.ToUpper(grain)
	}
	return grain
}

// ApplyStats adds an event's delta to the counters, in the event's
// transaction. Rows go in key order so that two transactions touching the
// same rows on PostgreSQL lock them in the same order and cannot deadlock.
func (t *Tx) ApplyStats(ctx context.Context, d aggregate.Delta) error {
	if len(d) == 0 {
		return nil
	}
	return upsertStats(ctx, t, expand(d), true)
}

func upsertStats(ctx context.Context, t *Tx, rows map[statRow]*aggregate.Counts, add bool) error {
	keys := make([]statRow, 0, len(rows))
	for k, c := range rows {
		if *c != (aggregate.Counts{}) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b statRow) int {
		return cmp.Or(strings.Compare(a.grain, b.grain), cmp.Compare(a.agency, b.agency),
			cmp.Compare(a.bucket, b.bucket), strings.Compare(a.procedure, b.procedure))
	})
	set := make([]string, aggregate.NumColumns)
	for i, c := range aggregate.ColumnNames {
		if add {
			set[i] = fmt.Sprintf("%s = stats.%s + excluded.%s", c, c, c)
		} else {
			set[i] = fmt.Sprintf("%s = excluded.%s", c, c)
		}
	}
	ph := "(?, ?, ?, ?" + strings.Repeat(", ?", aggregate.NumColumns) + ")"
	const batch = 200
	for start := 0; start < len(keys); start += batch {
		part := keys[start:min(start+batch, len(keys))]
		args := make([]any, 0, len(part)*(4+aggregate.NumColumns))
		for _, k := range part {
			args = append(args, k.grain, k.agency, k.procedure, k.bucket)
			for _, n := range rows[k] {
				args = append(args, n)
			}
		}
		q := `INSERT INTO stats (grain, agency_id, procedure_code, bucket, ` + statCols + `) VALUES ` +
			strings.TrimSuffix(strings.Repeat(ph+",", len(part)), ",") +
			` ON CONFLICT (grain, agency_id, bucket, procedure_code) DO UPDATE SET ` + strings.Join(set, ", ")
		if _, err := t.Exec(ctx, q, args...); err != nil {
			return fmt.Errorf("store: update counters: %w", err)
		}
	}
	return nil
}

// SumStats sums the counters over the ranges, grouped by agency (and by
// procedure when asked). Each range is its own indexed range scan (a UNION
// ALL rather than OR'ed conditions, which planners turn into a scan of every
// bucket of the grain).
func (s *Store) SumStats(ctx context.Context, f model.StatsFilter, ranges []aggregate.Range) (map[model.StatsKey]aggregate.Counts, error) {
	out := map[model.StatsKey]aggregate.Counts{}
	if len(ranges) == 0 || (f.AgencyIDs != nil && len(f.AgencyIDs) == 0) {
		return out, nil
	}
	var (
		cond  = []string{"grain = ? AND bucket BETWEEN ? AND ?"}
		cargs []any
		proc  = AllProcedures
	)
	if f.Procedure != "" {
		proc = f.Procedure
	}
	// Per-procedure rows are under the lower-case grains, so the totals
	// never mix in; one procedure, listed or not, is a filter on them.
	if !f.ByProcedure || f.Procedure != "" {
		cond, cargs = append(cond, "procedure_code = ?"), append(cargs, proc)
	}
	if f.AgencyIDs != nil {
		cond = append(cond, "agency_id IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.AgencyIDs)), ",")+")")
		for _, id := range f.AgencyIDs {
			cargs = append(cargs, id)
		}
	}
	var (
		parts []string
		args  []any
	)
	idx := make([]int, 0, aggregate.NumColumns)
	for _, c := range f.Columns {
		idx = append(idx, int(c))
	}
	if len(idx) == 0 {
		for i := range aggregate.NumColumns {
			idx = append(idx, i)
		}
	}
	cols := make([]string, len(idx))
	for i, c := range idx {
		cols[i] = aggregate.ColumnNames[c]
	}
	for _, r := range ranges {
		parts = append(parts, `SELECT agency_id, procedure_code, `+strings.Join(cols, ", ")+` FROM stats WHERE `+strings.Join(cond, " AND "))
		grain := r.Grain
		if !f.ByProcedure {
			grain = grainOf(r.Grain, proc)
		}
		args = append(append(args, grain, r.From, r.To), cargs...)
	}
	// Summed here rather than with GROUP BY: the rows arrive in key order
	// from the primary key and a map is cheaper than the engine's sorter.
	rows, err := s.Query(ctx, strings.Join(parts, " UNION ALL "), args...)
	if err != nil {
		return nil, fmt.Errorf("store: sum counters: %w", err)
	}
	defer rows.Close()
	var (
		k   model.StatsKey
		row aggregate.Counts
		pt  = []any{&k.AgencyID, &k.Procedure}
	)
	for _, i := range idx {
		pt = append(pt, &row[i])
	}
	for rows.Next() {
		if err := rows.Scan(pt...); err != nil {
			return nil, err
		}
		key := k
		if !f.ByProcedure {
			key.Procedure = ""
		}
		acc := out[key]
		for _, i := range idx {
			acc[i] += row[i]
		}
		out[key] = acc
	}
	return out, rows.Err()
}

// ReplaceStats sets the counters to the sums of a full recomputation, in one
// transaction: readers see either the old counters or the new ones. It
// clears the rebuild flag.
func (s *Store) ReplaceStats(ctx context.Context, d aggregate.Delta) error {
	return s.InTx(ctx, func(tx *Tx) error { return replaceStats(ctx, tx, d) })
}

func replaceStats(ctx context.Context, tx *Tx, d aggregate.Delta) error {
	if _, err := tx.Exec(ctx, `DELETE FROM stats`); err != nil {
		return fmt.Errorf("store: clear counters: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE stats_rebuild SET needed = 0`); err != nil {
		return fmt.Errorf("store: clear rebuild flag: %w", err)
	}
	return upsertStats(ctx, tx, expand(d), false)
}

// RebuildStats replaces the counters with a recomputation done one agency at
// a time (a dossier counts only for the agency that holds it), so memory
// holds one agency's counters, not the province's. With onlyIfFlagged it
// runs only when a migration asked for it, and once: the flag is taken
// inside the transaction that replaces the counters, so of several
// processes starting together one rebuilds and the others skip.
func (s *Store) RebuildStats(ctx context.Context, onlyIfFlagged bool, compute func(agencyID int64) (aggregate.Delta, error)) (bool, error) {
	agencies, err := s.Agencies(ctx)
	if err != nil {
		return false, err
	}
	done := false
	err = s.InTx(ctx, func(tx *Tx) error {
		if onlyIfFlagged {
			res, err := tx.Exec(ctx, `UPDATE stats_rebuild SET needed = 0 WHERE needed = 1`)
			if err != nil {
				return fmt.Errorf("store: take rebuild flag: %w", err)
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return err
			}
		}
		if err := replaceStats(ctx, tx, nil); err != nil {
			return err
		}
		for _, a := range agencies {
			d, err := compute(a.ID)
			if err != nil {
				return err
			}
			if err := upsertStats(ctx, tx, expand(d), false); err != nil {
				return err
			}
		}
		done = true
		return nil
	})
	return done, err
}

// CompareStats lists how the stored counters differ from a recomputation
// (at most limit differences), and how many rows differ in all.
func (s *Store) CompareStats(ctx context.Context, d aggregate.Delta, limit int) ([]string, int, error) {
	return s.compareStats(ctx, d, limit, `SELECT grain, agency_id, procedure_code, bucket, `+statCols+` FROM stats`)
}

// CompareAgencyStats is CompareStats for one agency's counters.
func (s *Store) CompareAgencyStats(ctx context.Context, agencyID int64, d aggregate.Delta, limit int) ([]string, int, error) {
	return s.compareStats(ctx, d, limit, `SELECT grain, agency_id, procedure_code, bucket, `+statCols+` FROM stats WHERE agency_id = ?`, agencyID)
}

func (s *Store) compareStats(ctx context.Context, d aggregate.Delta, limit int, query string, args ...any) ([]string, int, error) {
	want := expand(d)
	rows, err := s.Query(ctx, query, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: read counters: %w", err)
	}
	defer rows.Close()
	var (
		diffs []string
		n     int
	)
	report := func(k statRow, got, exp aggregate.Counts) {
		n++
		if len(diffs) < limit {
			diffs = append(diffs, fmt.Sprintf("%s %d %s %d: stored %v, recomputed %v", k.grain, k.agency, k.procedure, k.bucket, got, exp))
		}
	}
	seen := map[statRow]bool{}
	for rows.Next() {
		var (
			k  statRow
			c  aggregate.Counts
			pt = []any{&k.grain, &k.agency, &k.procedure, &k.bucket}
		)
		for i := range c {
			pt = append(pt, &c[i])
		}
		if err := rows.Scan(pt...); err != nil {
			return nil, 0, err
		}
		seen[k] = true
		var exp aggregate.Counts
		if w := want[k]; w != nil {
			exp = *w
		}
		if c != exp {
			report(k, c, exp)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	for k, w := range want {
		if !seen[k] && *w != (aggregate.Counts{}) {
			report(k, aggregate.Counts{}, *w)
		}
	}
	return diffs, n, nil
}

// EachDossierHistory calls fn with every dossier held by an agency (0: all)
// and its events, in id order, a batch at a time so that memory stays flat.
func (s *Store) EachDossierHistory(ctx context.Context, agencyID int64, fn func(d *dossier.Dossier, evs []model.StoredEvent) error) error {
	const batch = 1000
	var after int64
	for {
		list, err := s.queryDossiers(ctx, "dossier history", `SELECT `+dossierCols+` FROM dossiers WHERE id > ? AND (? = 0 OR processing_agency_id = ?) ORDER BY id LIMIT ?`,
			after, agencyID, agencyID, batch)
		if err != nil || len(list) == 0 {
			return err
		}
		last := list[len(list)-1].ID
		ids := make([]int64, len(list))
		for i, d := range list {
			ids[i] = d.ID
		}
		evs, err := s.eventsOf(ctx, ids)
		if err != nil {
			return err
		}
		for _, d := range list {
			if err := fn(d, evs[d.ID]); err != nil {
				return err
			}
		}
		after = last
	}
}

// OpenNow counts the dossiers in progress at now (received before it, not
// settled by it) for a period that is still running: the day sweeps speak of
// the end of a day, while a dossier due at 17:00 today is not late at 10:00.
// It reads the open dossiers (dossiers_open_due, covering the overdue rule)
// and those settled after now (dossiers_finished_at; none in production,
// where now is now). The overdue rule is overdueAtSQL, the overview's.
func (s *Store) OpenNow(ctx context.Context, f model.StatsFilter, now time.Time) (map[model.StatsKey]model.OpenCounts, error) {
	out := map[model.StatsKey]model.OpenCounts{}
	if f.AgencyIDs != nil && len(f.AgencyIDs) == 0 {
		return out, nil
	}
	t := ms(now)
	where, args := []string{"received_at < ?"}, []any{t}
	if f.Procedure != "" {
		where, args = append(where, "procedure_code = ?"), append(args, f.Procedure)
	}
	if f.AgencyIDs != nil {
		where = append(where, "processing_agency_id IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.AgencyIDs)), ",")+")")
		for _, id := range f.AgencyIDs {
			args = append(args, id)
		}
	}
	proc := "''"
	if f.ByProcedure {
		proc = "procedure_code"
	}
	od := overdueAtSQL(t)
	overdue := `CASE WHEN ` + od.sql + ` THEN 1 ELSE 0 END`
	part := func(index, cond string) string {
		from := `dossiers`
		if s.dialect == SQLite {
			// Without statistics SQLite's planner prefers a narrower index
			// that is not covering (dossiers_due) or one it cannot range
			// over (dossiers_settled); the indexes of migration 0017 answer
			// in a millisecond where those read the table.
			from += ` INDEXED BY ` + index
		}
		return `SELECT processing_agency_id, ` + proc + ` AS procedure_code, ` + overdue + ` AS overdue FROM ` + from + ` WHERE ` +
			cond + ` AND ` + strings.Join(where, " AND ")
	}
	all := append(append(append(append(append([]any{}, od.args...), args...), od.args...), t), args...)
	// Summed in SQL: at 10M dossiers the 45,000 open ones, handed to Go
	// row by row, took 68 ms and 60 % of the server's CPU under the mixed
	// load (BENCHMARKS.md, "Second round").
	rows, err := s.Query(ctx, `SELECT processing_agency_id, procedure_code, COUNT(*), SUM(overdue) FROM (`+
		part("dossiers_open_due", "finished_at IS NULL")+` UNION ALL `+part("dossiers_finished_at", "finished_at >= ?")+
		`) AS open_now GROUP BY processing_agency_id, procedure_code`, all...)
	if err != nil {
		return nil, fmt.Errorf("store: open dossiers now: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			k model.StatsKey
			c model.OpenCounts
		)
		if err := rows.Scan(&k.AgencyID, &k.Procedure, &c.Open, &c.Overdue); err != nil {
			return nil, err
		}
		out[k] = c
	}
	return out, rows.Err()
}
