package figures

import (
	"context"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/index766"
	"github.com/motcua/motcua/internal/model"
)

// catalogScope is what the catalogue says about the procedures of one scope:
// enough to know whether the counters need reading by procedure at all.
type catalogScope struct {
	facts                  []model.ProcedureFact
	unknownLevel, unknownA int64
	online, forCitizens    int64 // procedures offering an online service; procedures for individuals
}

// needsUse reports whether 3.0, 3.2 or 4.5a can be measured and depend on
// the period's dossiers, which takes the counters by procedure, a read
// several times larger than the index's own. While the catalogue leaves
// levels or subjects unknown, or no procedure of the scope is concerned,
// the read is skipped.
func (c catalogScope) needsUse() bool {
	return (c.unknownLevel == 0 && c.online > 0) || (c.unknownA == 0 && c.forCitizens > 0)
}

// scopeFacts keeps the procedures of a jurisdiction: those whose default
// agency is in the scope (inScope nil: the whole province), or one
// procedure when the index is asked for one.
func scopeFacts(all []model.ProcedureFact, inScope func(int64) bool, procedure string) catalogScope {
	var out catalogScope
	for _, f := range all {
		if procedure != "" && f.Code != procedure {
			continue
		}
		if inScope != nil && !inScope(f.AgencyID) {
			continue
		}
		out.facts = append(out.facts, f)
		switch {
		case !catalog.KnownOnlineLevel(f.OnlineLevel):
			out.unknownLevel++
		case f.OnlineLevel != catalog.OnlineNone:
			out.online++
		}
		switch f.Audience {
		case catalog.AudienceUnknown:
			out.unknownA++
		case catalog.AudienceCitizens:
			out.forCitizens++
		}
	}
	return out
}

// apply fills 3.0, 3.1, 3.2 and 4.5a (RULES-VN.md §6.2 groups 3a and 4):
// the procedures of the jurisdiction by online level and audience, and which
// of them received an online dossier, or one filed with the national e-ID,
// in the period (used: the period's figures by procedure code). 3.0 takes
// the procedures offering a full-process service as those eligible for it
// [inference: the catalogue has no separate eligibility flag]; an
// administrator's entry for 3.0 replaces it.
func (c catalogScope) apply(in *index766.Inputs, used map[string]PeriodCounts) {
	in.ProceduresUnknownLevel, in.ProceduresUnknownAudience = c.unknownLevel, c.unknownA
	if c.unknownLevel == 0 {
		full := index766.Pair{Available: true}
		for _, f := range c.facts {
			if f.OnlineLevel == catalog.OnlineFull {
				full.Numerator += used[f.Code].ReceivedOnline
				full.Denominator += used[f.Code].Received()
			}
		}
		in.FullProcess = full
	}
	for _, f := range c.facts {
		in.ProceduresInJurisdiction++
		online := false
		switch f.OnlineLevel {
		case catalog.OnlineFull:
			in.ProceduresOnlineFull++
			online = true
		case catalog.OnlinePartial:
			in.ProceduresOnlinePartial++
			online = true
		}
		if online {
			in.OnlineServices++
			if used[f.Code].ReceivedOnline > 0 {
				in.OnlineServicesWithDossier++
			}
		}
		if f.Audience == catalog.AudienceCitizens {
			in.ProceduresForCitizens++
			if used[f.Code].VNeID > 0 {
				in.ProceduresPopulationData++
			}
		}
	}
}

// procedureUse reads, by agency and procedure, what the catalogue's
// indicators need of a period: dossiers received, online and in all, and
// those filed with the national e-ID. Only those columns are read: the rows
// by procedure are many, and decoding every counter of each was most of
// the cost (BENCHMARKS.md, issue 5).
func (s *Figures) procedureUse(ctx context.Context, agencies []int64, procedure string, p Period) (map[int64]map[string]PeriodCounts, error) {
	f := model.StatsFilter{AgencyIDs: agencies, Procedure: procedure, ByProcedure: true,
		Columns: []aggregate.Column{aggregate.RecvOnline, aggregate.RecvCounter, aggregate.RecvPostal, aggregate.VNeID}}
	rows, err := s.Store.SumStats(ctx, f, aggregate.Ranges(dayOf(p.From), dayOf(p.To)))
	if err != nil {
		return nil, err
	}
	out := map[int64]map[string]PeriodCounts{}
	for k, c := range rows {
		m := out[k.AgencyID]
		if m == nil {
			m = map[string]PeriodCounts{}
			out[k.AgencyID] = m
		}
		m[k.Procedure] = PeriodCounts{ReceivedOnline: c[aggregate.RecvOnline], ReceivedCounter: c[aggregate.RecvCounter],
			ReceivedPostal: c[aggregate.RecvPostal], VNeID: c[aggregate.VNeID]}
	}
	return out, nil
}
