package figures_test

import (
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
)

// classify says in which figures a dossier counts for a window: the rules of
// RULES-VN.md §3.2 written out in Go, one dossier at a time, as the oracle
// the counters (aggregate) and the overview's SQL (store/timeliness_sql.go)
// are checked against. dayStart gives the opening of a due date's working day.
// It lives in a test: production counts with the counters and the SQL only.
func classify(d *dossier.Dossier, w service.OverviewWindow, dayStart func(time.Time) time.Time) []service.OverviewKind {
	if d.ReceivedAt == nil || d.DueAt == nil {
		return nil
	}
	var out []service.OverviewKind
	due := *d.DueAt
	// A second supplementation request is late whatever the dates (Decree
	// 118 Art. 11(2); 766: "hơn 01 lần thì tính quá hạn").
	tooMany := d.SupplementCount > 1
	if f := d.FinishedAt; f != nil && !f.Before(w.Start) && f.Before(w.End) {
		switch {
		case tooMany || f.After(due):
			out = append(out, service.KindLate)
		case f.Before(dayStart(due)):
			out = append(out, service.KindEarly)
		default:
			out = append(out, service.KindOnTime)
		}
	}
	if d.ReceivedAt.Before(w.AsOf) && (d.FinishedAt == nil || !d.FinishedAt.Before(w.AsOf)) {
		end, waiting := w.AsOf, false
		if d.SuspendedAt != nil && d.SuspendedAt.Before(w.AsOf) {
			end, waiting = *d.SuspendedAt, true
		}
		switch {
		case tooMany || end.After(due):
			out = append(out, service.KindOverdue)
		case !waiting && !due.After(w.AtRiskBy):
			out = append(out, service.KindInTime, service.KindAtRisk)
		default:
			out = append(out, service.KindInTime)
		}
	}
	return out
}
