package figures

import (
	"context"

	"github.com/motcua/motcua/internal/index766"
	"github.com/motcua/motcua/internal/org"
)

// IndexReport is the 766 index of a scope and period with the figures it
// was computed from.
type IndexReport struct {
	Query   SettlementQuery
	Window  OverviewWindow
	Counts  PeriodCounts
	Inputs  index766.Inputs
	Result  index766.Result
	Entered []EnteredInput
}

// Index766 computes the Decision 766 index of an agency (with the agencies
// under it) or of the province for a period, from the counters kept with
// each dossier event and the inputs administrators entered for what the
// system cannot see (publication of procedures, synchronisation, complaints).
func (s *Figures) Index766(ctx context.Context, actor org.Actor, q SettlementQuery) (*IndexReport, error) {
	q.ByProcedure = false
	st, err := s.Settlement(ctx, actor, q)
	if err != nil {
		return nil, err
	}
	c := st.Total
	in := InputsFrom(c)
	facts, err := s.Store.ProcedureFacts(ctx)
	if err != nil {
		return nil, err
	}
	var inScope func(int64) bool
	if q.AgencyID != 0 {
		keep := map[int64]bool{}
		for _, id := range s.Subtree(q.AgencyID) {
			keep[id] = true
		}
		inScope = func(id int64) bool { return keep[id] }
	}
	cat := scopeFacts(facts, inScope, q.ProcedureCode)
	var used map[string]PeriodCounts
	if cat.needsUse() {
		agencies, err := s.scopeAgencies(actor, q.AgencyID)
		if err != nil {
			return nil, err
		}
		byAgency, err := s.procedureUse(ctx, agencies, q.ProcedureCode, q.Period)
		if err != nil {
			return nil, err
		}
		used = map[string]PeriodCounts{}
		for _, m := range byAgency {
			for code, c := range m {
				used[code] = used[code].Add(c)
			}
		}
	}
	cat.apply(&in, used)
	entered, err := s.enteredInputs(ctx, q)
	if err != nil {
		return nil, err
	}
	for _, e := range entered {
		e.apply(&in)
	}
	return &IndexReport{Query: q, Window: st.Window, Counts: c, Inputs: in, Result: index766.Compute(in), Entered: entered}, nil
}

// InputsFrom fills the index inputs the counters hold. What lives outside
// the system (group 1, complaints) stays unmeasured until entered (see
// EnteredInput); the catalogue's part (3.1, 3.2, 4.5a) is added by
// catalogScope.
func InputsFrom(c PeriodCounts) index766.Inputs {
	return index766.Inputs{
		SettledEarly: c.SettledEarly, SettledOnTime: c.SettledOnTime, SettledLate: c.SettledLate,
		OpenWithin: c.OpenWithin, OpenOverdue: c.OpenOverdue, CarriedOver: c.CarriedOver,
		Received: c.Received(), ReceivedOnline: c.ReceivedOnline, ReceivedCounter: c.ReceivedCounter, ReceivedPostal: c.ReceivedPostal,
		// 3.3 and 4.2 count a dossier only with an electronic result where
		// the procedure yields a document one (RULES-VN.md §7, §6.2 group 4).
		OnlineCounted:               c.OnlineEResult,
		DigitizedDossiers:           c.DigitizedEResult,
		FeeDossiers:                 c.FeeDue,
		PaidOnline:                  c.PaidOnline,
		ReusedDataDossiers:          c.Reused,
		SharedDossiers:              c.Shared,
		PopulationDataDossiers:      c.VNeID,
		ResultDossiers:              c.Settled(),
		EResultDossiers:             c.EResult,
		SettledComplainedOrDisliked: c.Dislikes + c.Complained,
	}
}

// IndexByAgency computes every agency's index (each with the agencies under
// it) for a period from one read of the counters and one of the entered
// inputs, instead of one query per agency: the ranking of a province with a
// hundred communes stays one page view. Province-wide roles only.
func (s *Figures) IndexByAgency(ctx context.Context, actor org.Actor, p Period) (map[int64]*IndexReport, error) {
	facts, err := s.Store.ProcedureFacts(ctx)
	if err != nil {
		return nil, err
	}
	// By procedure only when the catalogue lets 3.2 or 4.5a be measured
	// somewhere: the read is several times larger.
	all, err := s.Settlement(ctx, actor, SettlementQuery{Period: p})
	if err != nil {
		return nil, err
	}
	own := map[int64]PeriodCounts{}
	for _, r := range all.Rows {
		own[r.Agency.ID] = own[r.Agency.ID].Add(r.Counts)
	}
	var ownProc map[int64]map[string]PeriodCounts
	if scopeFacts(facts, nil, "").needsUse() {
		agencies, err := s.scopeAgencies(actor, 0)
		if err != nil {
			return nil, err
		}
		if ownProc, err = s.procedureUse(ctx, agencies, "", p); err != nil {
			return nil, err
		}
	}
	entered, err := s.Store.IndexInputs(ctx, nil, monthOf(dayOf(p.From)), monthOf(dayOf(p.To)))
	if err != nil {
		return nil, err
	}
	out := map[int64]*IndexReport{}
	for _, a := range s.Agencies() {
		var c PeriodCounts
		keep := map[int64]bool{}
		used := map[string]PeriodCounts{}
		for _, id := range s.Subtree(a.ID) {
			c = c.Add(own[id])
			keep[id] = true
			for code, pc := range ownProc[id] {
				used[code] = used[code].Add(pc)
			}
		}
		in, list := InputsFrom(c), sumEntered(entered, keep)
		scopeFacts(facts, func(id int64) bool { return keep[id] }, "").apply(&in, used)
		for _, e := range list {
			e.apply(&in)
		}
		out[a.ID] = &IndexReport{Query: SettlementQuery{AgencyID: a.ID, Period: p}, Window: all.Window, Counts: c, Inputs: in,
			Result: index766.Compute(in), Entered: list}
	}
	return out, nil
}
