package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/dossier"
)

// The director's overview counts dossiers per processing agency. Every
// figure is one predicate over the dossiers table, written once below and
// used both to count (SUM over GROUP BY) and to list the dossiers behind a
// count, so that a number and its list can never disagree. The rules these
// predicates express are service.Classify; a test checks that both agree.
//
// This scans the dossiers of the period; incremental aggregates (DESIGN.md
// "Aggregates are incremental") will replace the counting query, not the
// rules.

// OverviewKind names one figure of the overview.
type OverviewKind string

const (
	// Settled in the period (finished_at in [Start, End)):
	KindEarly  OverviewKind = "early"   // before the opening of the due date's working day
	KindOnTime OverviewKind = "on_time" // otherwise at or before the due instant
	KindLate   OverviewKind = "late"    // after the due instant
	// Being processed at AsOf (received before AsOf, not finished by AsOf):
	KindInTime  OverviewKind = "in_time" // not past due
	KindOverdue OverviewKind = "overdue" // past due (the clock stops while waiting for supplementation)
	KindAtRisk  OverviewKind = "at_risk" // in time, clock running, due by AtRiskBy (a subset of in_time)
	// A list with no column of its own: settled in the period and rated
	// "không hài lòng", what costs points in 766 indicator 5.4.
	KindDisliked OverviewKind = "disliked"
)

// OverviewKinds lists the figures in the order they are shown.
var OverviewKinds = []OverviewKind{KindEarly, KindOnTime, KindLate, KindInTime, KindOverdue, KindAtRisk}

// ListOnlyKinds can be listed but are not columns of the overview.
var ListOnlyKinds = []OverviewKind{KindDisliked}

// Valid reports whether k is a known figure.
func (k OverviewKind) Valid() bool {
	for _, x := range append(OverviewKinds, ListOnlyKinds...) {
		if x == k {
			return true
		}
	}
	return false
}

// OverviewFilter selects what the overview counts.
type OverviewFilter struct {
	AgencyID      int64  // processing agency; 0 for all
	ProcedureCode string // "" for all
	Start, End    time.Time
	// AsOf is the instant the in-progress figures describe (the end of the
	// period, or now if the period has not ended).
	AsOf time.Time
	// AtRiskBy is the latest due instant counted as at risk.
	AtRiskBy time.Time
	// DayOpen is the opening time of a working day after local midnight
	// (07:00); "early" means settled before the due day's opening.
	DayOpen time.Duration
}

// OverviewCounts are the figures of one agency (or of all).
type OverviewCounts struct {
	Early, OnTime, Late, InTime, Overdue, AtRisk int
}

// Get returns the figure of kind k.
func (c OverviewCounts) Get(k OverviewKind) int {
	switch k {
	case KindEarly:
		return c.Early
	case KindOnTime:
		return c.OnTime
	case KindLate:
		return c.Late
	case KindInTime:
		return c.InTime
	case KindOverdue:
		return c.Overdue
	case KindAtRisk:
		return c.AtRisk
	}
	return 0
}

// Add sums two sets of figures.
func (c OverviewCounts) Add(o OverviewCounts) OverviewCounts {
	return OverviewCounts{c.Early + o.Early, c.OnTime + o.OnTime, c.Late + o.Late, c.InTime + o.InTime, c.Overdue + o.Overdue, c.AtRisk + o.AtRisk}
}

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
func overviewPredicates(f OverviewFilter) map[OverviewKind]sqlPart {
	start, end, asOf, riskBy := ms(f.Start), ms(f.End), ms(f.AsOf), ms(f.AtRiskBy)
	open := f.DayOpen.Milliseconds()
	settled := sqlPart{"finished_at >= ? AND finished_at < ?", []any{start, end}}
	// The opening of the due date's working day, in Unix ms: local midnight
	// of due_at (as a UTC instant) plus the opening time.
	dueDayStart := sqlPart{"(due_at - ((due_at + ?) % ?) + ?)", []any{offsetMS, dayMS, open}}
	// Open at AsOf: received before it, not finished before it.
	inProgress := sqlPart{"received_at < ? AND (finished_at IS NULL OR finished_at >= ?)", []any{asOf, asOf}}
	// The clock ran until AsOf, or until the supplementation request if
	// that came first: past due when that end is after the due instant.
	// Written so that it is never NULL (NOT overdue must hold for in-time ones).
	overdue := sqlPart{"(suspended_at IS NULL OR suspended_at >= ?) AND due_at < ? OR suspended_at IS NOT NULL AND suspended_at < ? AND suspended_at > due_at", []any{asOf, asOf, asOf}}
	notSuspended := sqlPart{"(suspended_at IS NULL OR suspended_at >= ?)", []any{asOf}}
	return map[OverviewKind]sqlPart{
		KindLate:     join(settled, sqlPart{"finished_at > due_at", nil}),
		KindEarly:    join(settled, sqlPart{"finished_at <= due_at AND finished_at < " + dueDayStart.sql, dueDayStart.args}),
		KindOnTime:   join(settled, sqlPart{"finished_at <= due_at AND finished_at >= " + dueDayStart.sql, dueDayStart.args}),
		KindOverdue:  join(inProgress, overdue),
		KindInTime:   join(inProgress, not(overdue)),
		KindAtRisk:   join(inProgress, not(overdue), notSuspended, sqlPart{"due_at <= ?", []any{riskBy}}),
		KindDisliked: join(settled, sqlPart{"(rating = ? OR complaint_count > 0)", []any{int(dossier.Dissatisfied)}}),
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
func overviewScope(f OverviewFilter, preds map[OverviewKind]sqlPart) sqlPart {
	w := sqlPart{"received_at IS NOT NULL AND due_at IS NOT NULL", nil}
	if f.AgencyID != 0 {
		w = join(w, sqlPart{"processing_agency_id = ?", []any{f.AgencyID}})
	}
	if f.ProcedureCode != "" {
		w = join(w, sqlPart{"procedure_code = ?", []any{f.ProcedureCode}})
	}
	// Every dossier counted is settled in the period or open at AsOf.
	return join(w, or(preds[KindLate], preds[KindEarly], preds[KindOnTime], preds[KindOverdue], preds[KindInTime]))
}

// Overview counts the figures per processing agency.
func (s *Store) Overview(ctx context.Context, f OverviewFilter) (map[int64]OverviewCounts, error) {
	preds := overviewPredicates(f)
	var (
		cols []string
		args []any
	)
	for _, k := range OverviewKinds {
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
	out := map[int64]OverviewCounts{}
	for rows.Next() {
		var (
			id int64
			c  OverviewCounts
		)
		if err := rows.Scan(&id, &c.Early, &c.OnTime, &c.Late, &c.InTime, &c.Overdue, &c.AtRisk); err != nil {
			return nil, fmt.Errorf("store: overview: %w", err)
		}
		out[id] = c
	}
	return out, rows.Err()
}

// OverviewCursor continues a list after the last dossier shown (ordered by
// due date, then id).
type OverviewCursor struct {
	DueAt time.Time
	ID    int64
}

// OverviewDossiers lists the dossiers behind one figure, nearest due date
// first, at most limit of them after the cursor (nil for the first page).
func (s *Store) OverviewDossiers(ctx context.Context, f OverviewFilter, kind OverviewKind, after *OverviewCursor, limit int) ([]*dossier.Dossier, error) {
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
func (s *Store) AtRisk(ctx context.Context, f OverviewFilter) (map[int64]int, error) {
	preds := overviewPredicates(f)
	w := join(sqlPart{"due_at >= ? AND due_at <= ?", []any{ms(f.AsOf), ms(f.AtRiskBy)}}, overviewScope(f, preds), preds[KindAtRisk])
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
