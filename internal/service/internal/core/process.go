package core

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/process"
)

// ProcessAt is the internal process of procedure version proc in force at
// instant at: the administrator's latest saved at or before it, provided it
// adds up to that version's time limit; otherwise the one derived from the
// limit (process.Derive, marked Derived).
func (s *Core) ProcessAt(ctx context.Context, proc catalog.Procedure, at time.Time) (process.Process, error) {
	p, err := s.Store.ProcessAt(ctx, proc.Code, at)
	switch {
	case errors.Is(err, model.ErrNotFound):
	case err != nil:
		return process.Process{}, err
	default:
		// A process saved for another version of the procedure whose time
		// limit has changed since no longer adds up; the derived one does.
		if p.Validate(proc.TimeLimit) == nil {
			return p, nil
		}
		s.Log.Warn("stored internal process does not fit the procedure version; using the derived one",
			"procedure", proc.Code, "procedure_version", proc.Version, "process_version", p.Version)
	}
	return process.Derive(proc.Code, proc.Version, proc.TimeLimit)
}

// StepEnv completes env for an action on d under its internal process
// (issue 13 item 2). Reception enters the process in force, when the
// administrator approved one: a derived process is shown and accounted
// for, but a dossier is not held to steps nobody decided (issue 13 item
// 1). Later actions run under the version the dossier was received under.
func (s *Core) StepEnv(ctx context.Context, env *dossier.Env, d *dossier.Dossier, action dossier.Action, actor org.Actor, proc catalog.Procedure, at time.Time) error {
	if a, ok := s.Agency(actor.AgencyID); ok {
		env.ActorAgency = a.Code
	}
	center := d.ReceivingAgencyID
	if action == dossier.ActReceive {
		center = actor.AgencyID
	}
	env.Agencies = process.Agencies{Center: s.agencyCode(center), Processing: s.agencyCode(d.ProcessingAgencyID),
		PPC: s.peoplesCommittee(d.ProcessingAgencyID)}
	switch {
	case action == dossier.ActReceive:
		p, err := s.ProcessAt(ctx, proc, at)
		if err != nil {
			return fmt.Errorf("service: process of %s: %w", proc.Code, err)
		}
		if !p.Derived {
			env.Process = &p
		}
	case d.Step != nil:
		p, err := s.Store.Process(ctx, d.ProcedureCode, d.ProcessVersion)
		if err != nil {
			return fmt.Errorf("service: process %s v%d of dossier %d: %w", d.ProcedureCode, d.ProcessVersion, d.ID, err)
		}
		env.Process = &p
	}
	return nil
}

func (s *Core) agencyCode(id int64) string {
	a, _ := s.Agency(id)
	return a.Code
}

// peoplesCommittee is the People's Committee above an agency: the nearest
// ancestor of that kind (the commune's for a commune agency, the
// province's for a department), the agency itself if it is one.
func (s *Core) peoplesCommittee(id int64) string {
	for range 10 {
		a, ok := s.Agency(id)
		if !ok {
			break
		}
		if a.Kind == org.KindPeoplesCommittee {
			return a.Code
		}
		if a.ParentID == nil {
			break
		}
		id = *a.ParentID
	}
	for _, a := range s.Agencies() {
		if a.Kind == org.KindPeoplesCommittee && a.ParentID == nil {
			return a.Code
		}
	}
	return ""
}

// holdsStep reports whether the actor's agency holds the dossier's current
// step, owes or gave an opinion in it: a consulted agency sees the dossier it
// is asked about, though it neither received nor processes it.
func (s *Core) holdsStep(actor org.Actor, d *dossier.Dossier) bool {
	if d.Step == nil || actor.AgencyID == 0 {
		return false
	}
	code := s.agencyCode(actor.AgencyID)
	if code == "" {
		return false
	}
	return code == d.Step.Agency || slices.Contains(d.Step.Pending, code) ||
		slices.ContainsFunc(d.Step.Answers, func(a process.Answer) bool { return a.Agency == code })
}

// ProvinceName is the name of the province's top agency (its People's
// Committee), or a generic name when none is set up.
func (s *Core) ProvinceName() string {
	var top *org.Agency
	for _, a := range s.Agencies() {
		if a.ParentID == nil && (top == nil || a.Code < top.Code) {
			top = &a
		}
	}
	if top == nil {
		return "Ủy ban nhân dân tỉnh"
	}
	return top.Name
}
