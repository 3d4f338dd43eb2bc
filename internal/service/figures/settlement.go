package figures

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/internal/core"
)

// PeriodCounts are the figures of one agency (and procedure) for a period,
// read from the incremental counters (internal/aggregate).
type PeriodCounts struct {
	ReceivedOnline  int64 `json:"received_online"`
	ReceivedCounter int64 `json:"received_counter"`
	ReceivedPostal  int64 `json:"received_postal"`
	CarriedOver     int64 `json:"carried_over"` // received before the period, unfinished at its start
	SettledEarly    int64 `json:"settled_early"`
	SettledOnTime   int64 `json:"settled_on_time"`
	SettledLate     int64 `json:"settled_late"`
	OpenWithin      int64 `json:"open_within"`  // unfinished at the period's end (now, while it runs), within time
	OpenOverdue     int64 `json:"open_overdue"` // unfinished at the period's end (now, while it runs), past due
	Digitized       int64 `json:"digitized"`    // received in the period with papers attached as files
	Rated           int64 `json:"rated"`        // settled in the period and rated
	Dislikes        int64 `json:"dislikes"`     // settled in the period and rated "không hài lòng"
	VNeID           int64 `json:"vneid"`        // received in the period, filed with the national e-ID
	EResult         int64 `json:"eresult"`      // settled in the period with an electronic result
	// Counted on the receipt day; see aggregate's columns of the same names.
	OnlineEResult    int64 `json:"online_eresult"`    // received online in the period, settled with an electronic result
	DigitizedEResult int64 `json:"digitized_eresult"` // received digitized in the period, settled with an electronic result
	FeeDue           int64 `json:"fee_due"`           // received in the period with a fee to pay
	PaidOnline       int64 `json:"paid_online"`       // of FeeDue, paid online
	Reused           int64 `json:"reused"`            // received with a paper from the applicant's data store
	Shared           int64 `json:"shared"`            // received with a paper from the data store or a result filed into it
	Complained       int64 `json:"complained"`        // settled in the period with a complaint linked, and not disliked
}

// Received counts what was received in the period, whatever the channel.
func (c PeriodCounts) Received() int64 {
	return c.ReceivedOnline + c.ReceivedCounter + c.ReceivedPostal
}

// Settled counts what was settled in the period.
func (c PeriodCounts) Settled() int64 { return c.SettledEarly + c.SettledOnTime + c.SettledLate }

// Add sums two sets of figures.
func (c PeriodCounts) Add(o PeriodCounts) PeriodCounts {
	return PeriodCounts{c.ReceivedOnline + o.ReceivedOnline, c.ReceivedCounter + o.ReceivedCounter, c.ReceivedPostal + o.ReceivedPostal,
		c.CarriedOver + o.CarriedOver, c.SettledEarly + o.SettledEarly, c.SettledOnTime + o.SettledOnTime, c.SettledLate + o.SettledLate,
		c.OpenWithin + o.OpenWithin, c.OpenOverdue + o.OpenOverdue, c.Digitized + o.Digitized, c.Rated + o.Rated, c.Dislikes + o.Dislikes,
		c.VNeID + o.VNeID, c.EResult + o.EResult, c.OnlineEResult + o.OnlineEResult, c.DigitizedEResult + o.DigitizedEResult,
		c.FeeDue + o.FeeDue, c.PaidOnline + o.PaidOnline, c.Reused + o.Reused, c.Shared + o.Shared, c.Complained + o.Complained}
}

// SettlementQuery selects the figures: an agency with the agencies under it
// (0: the whole province), a procedure ("" for all), a period, and whether
// to keep procedures apart.
type SettlementQuery struct {
	AgencyID      int64
	ProcedureCode string
	Period        Period
	ByProcedure   bool
}

// SettlementRow is one agency's (or one agency-and-procedure's) figures.
type SettlementRow struct {
	Agency    org.Agency
	Procedure string // "" when procedures are summed
	Counts    PeriodCounts
}

// Settlement holds the figures of a query.
type Settlement struct {
	Query  SettlementQuery
	Window OverviewWindow
	Rows   []SettlementRow
	Total  PeriodCounts
}

var errFiguresScope = apperr.New(apperr.Forbidden, "figures_scope",
	"Bạn chỉ xem được số liệu của cơ quan mình và các cơ quan trực thuộc.",
	"You can see the figures of your own agency and the agencies under it only.")

// scopeAgencies lists the agencies a query covers and checks the actor may
// see them: province-wide roles see everything, other staff their subtree.
func (s *Figures) scopeAgencies(actor org.Actor, agencyID int64) ([]int64, error) {
	if actor.Role == org.RoleCitizen {
		return nil, errFiguresScope
	}
	if agencyID == 0 {
		if !actor.AllScope {
			return nil, errFiguresScope
		}
		// Every agency named, rather than none: the counters' key starts
		// with the agency, so the store seeks instead of scanning.
		var all []int64
		for _, a := range s.Agencies() {
			all = append(all, a.ID)
		}
		return all, nil
	}
	if _, ok := s.Agency(agencyID); !ok {
		return nil, apperr.New(apperr.Invalid, "agency_unknown", "Không có cơ quan này.", "There is no such agency.")
	}
	if !actor.Covers(agencyID) {
		return nil, errFiguresScope
	}
	return s.Subtree(agencyID), nil
}

// Settlement computes a period's figures from the counters: sums over the
// period's days, the sweeps summed up to its start (carried over) and its
// end (still open); while the period runs, what is open is counted as of now
// from the open dossiers.
func (s *Figures) Settlement(ctx context.Context, actor org.Actor, q SettlementQuery) (*Settlement, error) {
	agencies, err := s.scopeAgencies(actor, q.AgencyID)
	if err != nil {
		return nil, err
	}
	if q.Period.From == (calendar.Date{}) || q.Period.To.Before(q.Period.From) {
		return nil, apperr.New(apperr.Invalid, "period_invalid", "Khoảng thời gian không hợp lệ.", "The period is not valid.")
	}
	now := s.Now()
	w := Window(s.Calendar(), q.Period, now)
	f := model.StatsFilter{AgencyIDs: agencies, Procedure: strings.TrimSpace(q.ProcedureCode), ByProcedure: q.ByProcedure}
	during, before, live, err := s.periodSums(ctx, f, q.Period, w)
	if err != nil {
		return nil, err
	}
	keys := map[model.StatsKey]bool{}
	for k := range during {
		keys[k] = true
	}
	for k := range before {
		keys[k] = true
	}
	for k := range live {
		keys[k] = true
	}
	out := &Settlement{Query: q, Window: w}
	for k := range keys {
		a, _ := s.Agency(k.AgencyID)
		c := figures(during[k], before[k])
		if live != nil {
			o := live[k]
			c.OpenWithin, c.OpenOverdue = o.Open-o.Overdue, o.Overdue
		}
		if c == (PeriodCounts{}) {
			continue
		}
		out.Rows = append(out.Rows, SettlementRow{Agency: a, Procedure: k.Procedure, Counts: c})
		out.Total = out.Total.Add(c)
	}
	slices.SortFunc(out.Rows, func(a, b SettlementRow) int {
		return cmp.Or(cmp.Compare(levelRank[a.Agency.Level], levelRank[b.Agency.Level]), strings.Compare(a.Agency.Code, b.Agency.Code),
			strings.Compare(a.Procedure, b.Procedure))
	})
	return out, nil
}

// figures turns summed counters into a period's figures.
func figures(during, before aggregate.Counts) PeriodCounts {
	open := before[aggregate.Open] + during[aggregate.Open]
	overdue := before[aggregate.Overdue] + during[aggregate.Overdue]
	return PeriodCounts{
		ReceivedOnline: during[aggregate.RecvOnline], ReceivedCounter: during[aggregate.RecvCounter], ReceivedPostal: during[aggregate.RecvPostal],
		CarriedOver:  before[aggregate.Open],
		SettledEarly: during[aggregate.SettledEarly], SettledOnTime: during[aggregate.SettledOnTime], SettledLate: during[aggregate.SettledLate],
		OpenWithin: open - overdue, OpenOverdue: overdue,
		Digitized: during[aggregate.Digitized], Rated: during[aggregate.Rated], Dislikes: during[aggregate.Dislikes],
		VNeID: during[aggregate.VNeID], EResult: during[aggregate.EResult],
		OnlineEResult: during[aggregate.OnlineEResult], DigitizedEResult: during[aggregate.DigitizedEResult],
		FeeDue: during[aggregate.FeeDue], PaidOnline: during[aggregate.PaidOnline],
		Reused: during[aggregate.Reused], Shared: during[aggregate.Shared], Complained: during[aggregate.Complained],
	}
}

func dayOf(d calendar.Date) int32 { return int32(d.Year*10000 + int(d.Month)*100 + d.Day) }

// RebuildFigures recomputes every counter from the event log and replaces
// the stored ones (`motcua index rebuild`). It reports how many dossiers it read.
func (s *Figures) RebuildFigures(ctx context.Context) (int, error) {
	n := 0
	_, err := s.Store.RebuildStats(ctx, false, func(agencyID int64) (aggregate.Delta, error) {
		d, k, err := s.recomputeFigures(ctx, agencyID)
		n += k
		return d, err
	})
	return n, err
}

// RebuildFiguresIfFlagged recomputes the counters at start when a migration
// left them to be built from the existing dossiers (an upgraded database).
func (s *Figures) RebuildFiguresIfFlagged(ctx context.Context) (bool, error) {
	return s.Store.RebuildStats(ctx, true, func(agencyID int64) (aggregate.Delta, error) {
		d, _, err := s.recomputeFigures(ctx, agencyID)
		return d, err
	})
}

// CheckFigures compares the stored counters with a recomputation from the
// event log (`motcua index check`), agency by agency: the differences (at
// most limit) and how many rows differ.
func (s *Figures) CheckFigures(ctx context.Context, limit int) ([]string, int, error) {
	agencies, err := s.Store.Agencies(ctx)
	if err != nil {
		return nil, 0, err
	}
	var (
		all   []string
		total int
	)
	for _, a := range agencies {
		d, _, err := s.recomputeFigures(ctx, a.ID)
		if err != nil {
			return nil, 0, err
		}
		diffs, n, err := s.Store.CompareAgencyStats(ctx, a.ID, d, limit-len(all))
		if err != nil {
			return nil, 0, err
		}
		all, total = append(all, diffs...), total+n
	}
	return all, total, nil
}

// recomputeFigures replays the log of the dossiers an agency holds.
func (s *Figures) recomputeFigures(ctx context.Context, agencyID int64) (aggregate.Delta, int, error) {
	dayStart := s.Deadlines().DayStart
	total, n := aggregate.Delta{}, 0
	err := s.Store.EachDossierHistory(ctx, agencyID, func(d *dossier.Dossier, evs []model.StoredEvent) error {
		log := make([]aggregate.Event, len(evs))
		for i, e := range evs {
			log[i] = aggregate.Event{Action: e.Action, At: e.At, Payload: e.Payload}
		}
		total.Merge(aggregate.Contribution(aggregate.Replay(d, log), dayStart))
		n++
		return nil
	})
	return total, n, err
}

// FiguresScope resolves the agency and procedure codes of a request for
// figures: the agency (zero for the province when agencyCode is empty) and
// whether the procedure exists. An unknown code is invalid (422), not "not
// found": the figures exist, the question cannot be asked.
func (s *Figures) FiguresScope(ctx context.Context, agencyCode, procedureCode string) (org.Agency, error) {
	var a org.Agency
	if agencyCode != "" {
		var err error
		if a, err = s.Store.AgencyByCode(ctx, agencyCode); errors.Is(err, model.ErrNotFound) {
			return a, apperr.Newf(apperr.Invalid, "agency_unknown", "Không có cơ quan mã %q.", "There is no agency with code %q.", agencyCode)
		} else if err != nil {
			return a, fmt.Errorf("service: agency %s: %w", agencyCode, err)
		}
	}
	if procedureCode != "" {
		if _, err := s.ProcedureVersion(ctx, procedureCode, 0); errors.Is(err, model.ErrNotFound) {
			return a, core.ErrProcedureUnknown(apperr.Invalid, procedureCode)
		} else if err != nil {
			return a, fmt.Errorf("service: procedure %s: %w", procedureCode, err)
		}
	}
	return a, nil
}
