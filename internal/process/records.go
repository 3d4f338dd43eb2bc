package process

import (
	"slices"
	"time"
)

// Records replays a dossier's way through process p, from its reception at
// start through moves (in order), into one record per visit of a step, for
// [Clock.Attribute] and the control slip: a step returned to is visited
// again and measured again against its budget, so that the time a return
// costs is counted against the step that had to be done again. pauses are
// the dossier's stretches without a clock (supplementation, payment); each
// belongs to the visit during which it began. end is when the last visit
// ended (the dossier was settled), or zero while it goes on.
func Records(p Process, ag Agencies, start time.Time, moves []Moved, pauses []Pause, end time.Time) []StepRecord {
	if len(p.Steps) == 0 {
		return nil
	}
	var out []StepRecord
	open := func(step int, at time.Time, by string, agency string, pending []string, assignee int64) {
		s := p.Steps[step-1]
		r := StepRecord{Step: step, Name: s.Name, Budget: s.Budget, Agency: agency, Role: s.Role, Officer: assignee, Started: at}
		if s.Holder.Kind == HolderConsulted {
			// The consultation is the consulting agency's step; each
			// consulted agency answers within it.
			r.Agency = by
			for _, a := range pending {
				r.Answers = append(r.Answers, Answer{Agency: a})
			}
		}
		out = append(out, r)
	}
	first, pending := ag.holder(p.Steps[0])
	open(1, start, "", first, pending, 0)
	for _, m := range moves {
		cur := &out[len(out)-1]
		if m.Kind == MoveAnswer {
			for i := range cur.Answers {
				if cur.Answers[i].Agency == m.By && cur.Answers[i].At.IsZero() {
					cur.Answers[i].At = m.At
				}
			}
		}
		if m.To == m.From || m.To < 1 || m.To > len(p.Steps) {
			continue
		}
		cur.Finished = m.At
		if p.Steps[cur.Step-1].Holder.Kind != HolderConsulted && m.ByUser != 0 {
			cur.Officer = m.ByUser
		}
		by := m.By
		if m.Kind == MoveAnswer { // the last opinion: the consulting agency goes on
			by = cur.Agency
		}
		open(m.To, m.At, by, m.Agency, m.Pending, m.Assignee)
	}
	if !end.IsZero() {
		out[len(out)-1].Finished = end
	}
	for _, ps := range pauses {
		for i := range out {
			r := &out[i]
			if ps.From.Before(r.Started) || (!r.Finished.IsZero() && !ps.From.Before(r.Finished)) {
				continue
			}
			if !r.Finished.IsZero() && (ps.To.IsZero() || ps.To.After(r.Finished)) {
				ps.To = r.Finished
			}
			r.Pauses = append(r.Pauses, ps)
			break
		}
	}
	for i := range out {
		slices.SortFunc(out[i].Pauses, func(a, b Pause) int { return a.From.Compare(b.From) })
	}
	return out
}

// Current is the visit a dossier is in now: the last of its records.
func Current(recs []StepRecord) (StepRecord, bool) {
	if len(recs) == 0 || !recs[len(recs)-1].Finished.IsZero() {
		return StepRecord{}, false
	}
	return recs[len(recs)-1], true
}
