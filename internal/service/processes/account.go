package processes

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/service/internal/core"
)

// StepAccount is a dossier's way through its internal process so far: each
// visit of a step with its own budget, the step it is in now measured
// against that budget, and, once settled, which steps and agencies made it
// late (issue 13 item 3).
type StepAccount struct {
	Process process.Process
	Records []process.StepRecord
	// Results measure every visit against its own budget and due instant,
	// at now for the open one.
	Results []StepResult
	// Current is the open visit (nil once the dossier is settled).
	Current *StepResult
	// Attribution names the agencies that made a settled dossier late.
	Attribution *process.Attribution
}

// StepResult is one visit measured.
type StepResult struct {
	Record  process.StepRecord
	Step    process.Step
	Measure process.Measure
}

// StepAccount accounts for a dossier the actor may see; nil when the
// dossier runs under no approved process.
func (s *Processes) StepAccount(ctx context.Context, actor org.Actor, id int64) (*StepAccount, error) {
	d, err := s.Dossier(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if d.Step == nil || d.ReceivedAt == nil {
		return nil, nil
	}
	p, err := s.Store.Process(ctx, d.ProcedureCode, d.ProcessVersion)
	if err != nil {
		return nil, fmt.Errorf("service: process of dossier %d: %w", id, err)
	}
	evs, err := s.Store.Events(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.account(d, p, evs, s.Now())
}

func (s *Processes) account(d *dossier.Dossier, p process.Process, evs []model.StoredEvent, now time.Time) (*StepAccount, error) {
	moves, pauses := StepHistory(evs)
	var end time.Time
	if d.ReturnedAt != nil {
		end = *d.ReturnedAt
	} else if d.Status == dossier.Stopped && d.FinishedAt != nil {
		end = *d.FinishedAt
	}
	ag := process.Agencies{Center: s.code(d.ReceivingAgencyID), Processing: s.code(d.ProcessingAgencyID)}
	recs := process.Records(p, ag, *d.ReceivedAt, moves, pauses, end)
	clock := process.NewClock(s.Calendar())
	out := &StepAccount{Process: p, Records: recs}
	for _, r := range recs {
		m, err := clock.Measure(r.Started, r.Finished, r.Budget, r.Pauses, now)
		if err != nil {
			return nil, fmt.Errorf("service: measure step %d of dossier %d: %w", r.Step, d.ID, err)
		}
		res := StepResult{Record: r, Measure: m}
		if r.Step >= 1 && r.Step <= len(p.Steps) {
			res.Step = p.Steps[r.Step-1]
		}
		out.Results = append(out.Results, res)
	}
	if n := len(out.Results); n > 0 && out.Results[n-1].Record.Finished.IsZero() {
		out.Current = &out.Results[n-1]
	}
	if !end.IsZero() {
		a, err := clock.Attribute(recs)
		if err != nil {
			return nil, fmt.Errorf("service: attribute dossier %d: %w", d.ID, err)
		}
		out.Attribution = &a
	}
	return out, nil
}

func (s *Processes) code(id int64) string {
	a, _ := s.Agency(id)
	return a.Code
}

// StepHistory reads from a dossier's log the movements through its process
// (the step events, and the steps the transfer, approval and rejection
// entered) and the pauses of its clock: waiting for the applicant's
// supplementation, and the withdrawal request, which stays open.
func StepHistory(evs []model.StoredEvent) ([]process.Moved, []process.Pause) {
	var (
		moves  []process.Moved
		pauses []process.Pause
	)
	add := func(m *process.Moved) {
		if m != nil {
			moves = append(moves, *m)
		}
	}
	for _, e := range evs {
		a := dossier.Action(e.Action)
		switch a {
		case dossier.ActStep:
			if p, ok := dossier.Decode[dossier.StepPayload](a, e.Payload); ok {
				add(&p.Moved)
			}
		case dossier.ActTransfer:
			p, _ := dossier.Decode[dossier.TransferPayload](a, e.Payload)
			add(p.Step)
		case dossier.ActApprove:
			p, _ := dossier.Decode[dossier.ApprovePayload](a, e.Payload)
			add(p.Step)
		case dossier.ActReject:
			p, _ := dossier.Decode[dossier.ReasonPayload](a, e.Payload)
			add(p.Step)
		case dossier.ActRequestSupplement, dossier.ActWithdraw:
			if n := len(pauses); n == 0 || !pauses[n-1].To.IsZero() {
				pauses = append(pauses, process.Pause{From: e.At})
			}
		case dossier.ActSupplement:
			if n := len(pauses); n > 0 && pauses[n-1].To.IsZero() {
				pauses[n-1].To = e.At
			}
		}
	}
	return moves, pauses
}

// Assignees are the specialists a leader may assign a step to: those of the
// leader's own agency. Nobody else assigns, so others get none.
func (s *Processes) Assignees(ctx context.Context, actor org.Actor) ([]model.StaffContact, error) {
	if actor.Role != org.RoleLeader || actor.AgencyID == 0 {
		return nil, nil
	}
	return s.Store.AgencyOfficers(ctx, actor.AgencyID, org.RoleSpecialist)
}

// StepItem is a step an officer's workspace lists: the dossier, the step it
// is in, since when, its due instant and the working time left (negative
// once over), or an opinion the officer's agency owes.
type StepItem struct {
	Dossier  *dossier.Dossier
	Step     int
	Name     string
	Since    time.Time
	Due      time.Time
	LeftMins int
	Owed     bool           // an opinion owed in a consultation
	Holder   string         // the holding agency's code ("" in a consultation)
	Budget   process.Budget // the step's own
}

// StepWork lists the steps the actor holds (issue 13 item 4): those of the
// actor's agency given to the actor or not yet to anyone (a leader sees all
// the agency's), and the opinions the agency owes, oldest first.
func (s *Processes) StepWork(ctx context.Context, actor org.Actor) ([]StepItem, error) {
	code := s.code(actor.AgencyID)
	if code == "" || actor.Role == org.RoleCitizen {
		return nil, nil
	}
	officer := actor.UserID
	if actor.Role == org.RoleLeader {
		officer = 0
	}
	list, err := s.Store.StepHolds(ctx, code, officer, 200)
	if err != nil {
		return nil, err
	}
	items, err := s.stepItems(ctx, list, code)
	if err != nil {
		return nil, err
	}
	for i := range items {
		items[i].Dossier.Applicant = core.ShownApplicant(actor, items[i].Dossier.Applicant)
	}
	return items, nil
}

// StepsNow tells, for each dossier of ds under an internal process, the step
// it is in, its holder's time left or over (issue 13 item 3: the director's
// supervision shows who holds each open dossier, since when, how far into
// its step's budget). Keyed by dossier ID; dossiers without a process are
// left out.
func (s *Processes) StepsNow(ctx context.Context, ds []*dossier.Dossier) (map[int64]StepItem, error) {
	var with []*dossier.Dossier
	for _, d := range ds {
		if d.Step != nil && d.FinishedAt == nil {
			with = append(with, d)
		}
	}
	items, err := s.stepItems(ctx, with, "")
	if err != nil {
		return nil, err
	}
	out := make(map[int64]StepItem, len(items))
	for _, it := range items {
		out[it.Dossier.ID] = it
	}
	return out, nil
}

// stepItems measures the current step of each dossier; owedBy marks the
// opinions that agency owes.
func (s *Processes) stepItems(ctx context.Context, list []*dossier.Dossier, owedBy string) ([]StepItem, error) {
	clock := process.NewClock(s.Calendar())
	procs := map[string]process.Process{}
	now := s.Now()
	var out []StepItem
	for _, d := range list {
		key := d.ProcedureCode + "@" + strconv.Itoa(d.ProcessVersion)
		p, ok := procs[key]
		if !ok {
			var err error
			if p, err = s.Store.Process(ctx, d.ProcedureCode, d.ProcessVersion); err != nil {
				return nil, fmt.Errorf("service: process %s: %w", key, err)
			}
			procs[key] = p
		}
		if d.Step.Step < 1 || d.Step.Step > len(p.Steps) {
			continue
		}
		st := p.Steps[d.Step.Step-1]
		item := StepItem{Dossier: d, Step: d.Step.Step, Name: st.Name, Since: d.Step.Since, Holder: d.Step.Agency, Budget: st.Budget,
			Owed: owedBy != "" && slices.Contains(d.Step.Pending, owedBy)}
		if m, err := clock.Measure(d.Step.Since, time.Time{}, st.Budget, nil, now); err == nil {
			item.Due, item.LeftMins = m.Due, m.BudgetMinutes()-m.UsedMinutes()
		}
		out = append(out, item)
	}
	return out, nil
}
