package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
)

// The director's overview counts dossiers per processing agency. Every
// figure is one predicate over the dossiers table, written once below and
// used both to count (SUM over GROUP BY) and to list the dossiers behind a
// count, so that a number and its list can never disagree. The timeliness
// rules themselves are in timeliness_sql.go, shared with the figures.
//
// This scans the dossiers of the period; incremental aggregates (DESIGN.md
// "Aggregates are incremental") will replace the counting query, not the
// rules.

// sqlPart is a fragment of SQL with its arguments in placeholder order.
type sqlPart struct {
	sql  string
	args []any
}

// Vietnam is UTC+7 without daylight saving: local midnight of an instant in
// Unix milliseconds is t - (t + 7h) mod 24h.
const (
	offsetMS = 7 * 3600 * 1000
	dayMS    = 24 * 3600 * 1000
)

// overviewPredicates are the rules, as SQL, for a filter.
func overviewPredicates(f model.OverviewFilter) map[model.OverviewKind]sqlPart {
	start, end, asOf, riskBy := ms(f.Start), ms(f.End), ms(f.AsOf), ms(f.AtRiskBy)
	open := f.DayOpen.Milliseconds()
	settled := sqlPart{"finished_at >= ? AND finished_at < ?", []any{start, end}}
	// The opening of the due date's working day, in Unix ms: local midnight
	// of due_at (as a UTC instant) plus the opening time.
	dueDayStart := sqlPart{"(due_at - ((due_at + ?) % ?) + ?)", []any{offsetMS, dayMS, open}}
	// Open at AsOf: received before it, not finished before it.
	inProgress := sqlPart{"received_at < ? AND (finished_at IS NULL OR finished_at >= ?)", []any{asOf, asOf}}
	overdue, notSuspended := overdueAtSQL(asOf), clockRunningAtSQL(asOf)
	return map[model.OverviewKind]sqlPart{
		model.KindLate:     join(settled, settledLateSQL()),
		model.KindEarly:    join(settled, settledInTimeSQL(), sqlPart{"finished_at < " + dueDayStart.sql, dueDayStart.args}),
		model.KindOnTime:   join(settled, settledInTimeSQL(), sqlPart{"finished_at >= " + dueDayStart.sql, dueDayStart.args}),
		model.KindOverdue:  join(inProgress, overdue),
		model.KindInTime:   join(inProgress, not(overdue)),
		model.KindAtRisk:   join(inProgress, not(overdue), notSuspended, sqlPart{"due_at <= ?", []any{riskBy}}),
		model.KindDisliked: join(settled, sqlPart{"(rating = ? OR complaint_count > 0)", []any{int(dossier.Dissatisfied)}}),
	}
}

func not(p sqlPart) sqlPart { return sqlPart{"NOT (" + p.sql + ")", p.args} }

func join(parts ...sqlPart) sqlPart { return combine(" AND ", parts) }

func or(parts ...sqlPart) sqlPart {
	p := combine(" OR ", parts)
	p.sql = "(" + p.sql + ")"
	return p
}

// combine puts each part in parentheses between op, with their arguments in order.
func combine(op string, parts []sqlPart) sqlPart {
	var (
		s    []string
		args []any
	)
	for _, p := range parts {
		s = append(s, "("+p.sql+")")
		args = append(args, p.args...)
	}
	return sqlPart{strings.Join(s, op), args}
}

// overviewScope narrows to received dossiers of the filter's agency and
// procedure that count in some figure.
func overviewScope(f model.OverviewFilter, preds map[model.OverviewKind]sqlPart) sqlPart {
	w := sqlPart{"received_at IS NOT NULL AND due_at IS NOT NULL", nil}
	if f.AgencyID != 0 {
		w = join(w, sqlPart{"processing_agency_id = ?", []any{f.AgencyID}})
	}
	if f.ProcedureCode != "" {
		w = join(w, sqlPart{"procedure_code = ?", []any{f.ProcedureCode}})
	}
	// Every dossier counted is settled in the period or open at AsOf.
	return join(w, or(preds[model.KindLate], preds[model.KindEarly], preds[model.KindOnTime], preds[model.KindOverdue], preds[model.KindInTime]))
}

// Overview counts the figures per processing agency.
func (s *Store) Overview(ctx context.Context, f model.OverviewFilter) (map[int64]model.OverviewCounts, error) {
	preds := overviewPredicates(f)
	var (
		cols []string
		args []any
	)
	for _, k := range model.OverviewKinds {
		p := preds[k]
		cols = append(cols, "SUM(CASE WHEN "+p.sql+" THEN 1 ELSE 0 END)")
		args = append(args, p.args...)
	}
	where := overviewScope(f, preds)
	args = append(args, where.args...)
	query := `SELECT processing_agency_id, ` + strings.Join(cols, ", ") + ` FROM dossiers WHERE ` + where.sql + ` GROUP BY processing_agency_id`
	rows, err := s.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: overview: %w", err)
	}
	defer rows.Close()
	out := map[int64]model.OverviewCounts{}
	for rows.Next() {
		var (
			id int64
			c  model.OverviewCounts
		)
		if err := rows.Scan(&id, &c.Early, &c.OnTime, &c.Late, &c.InTime, &c.Overdue, &c.AtRisk); err != nil {
			return nil, fmt.Errorf("store: overview: %w", err)
		}
		out[id] = c
	}
	return out, rows.Err()
}

// OverviewDossiers lists the dossiers behind one figure, nearest due date
// first, at most limit of them after the cursor (nil for the first page).
func (s *Store) OverviewDossiers(ctx context.Context, f model.OverviewFilter, kind model.OverviewKind, after *model.OverviewCursor, limit int) ([]*dossier.Dossier, error) {
	preds := overviewPredicates(f)
	p, ok := preds[kind]
	if !ok {
		return nil, fmt.Errorf("store: unknown overview figure %q", kind)
	}
	where := join(overviewScope(f, preds), p)
	if after != nil {
		due := ms(after.DueAt)
		where = join(where, sqlPart{"(due_at > ? OR due_at = ? AND id > ?)", []any{due, due, after.ID}})
	}
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	args := append(where.args, limit)
	return s.queryDossiers(ctx, "overview dossiers", `SELECT `+dossierCols+` FROM dossiers WHERE `+where.sql+` ORDER BY due_at, id LIMIT ?`, args...)
}

// AtRisk counts, per processing agency, the dossiers in progress at AsOf,
// within time, clock running, and due by AtRiskBy. Only those due between
// AsOf and AtRiskBy can qualify, so it reads a short range of due dates
// (dossiers_due_at) however many dossiers the province holds.
func (s *Store) AtRisk(ctx context.Context, f model.OverviewFilter) (map[int64]int, error) {
	preds := overviewPredicates(f)
	w := join(sqlPart{"due_at >= ? AND due_at <= ?", []any{ms(f.AsOf), ms(f.AtRiskBy)}}, overviewScope(f, preds), preds[model.KindAtRisk])
	rows, err := s.Query(ctx, `SELECT processing_agency_id, COUNT(*) FROM dossiers WHERE `+w.sql+` GROUP BY processing_agency_id`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: at risk: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}
