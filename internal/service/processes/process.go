package processes

import (
	"context"
	"errors"
	"fmt"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/service/internal/core"
	"github.com/motcua/motcua/internal/store"
)

// SaveProcess stores an administrator's internal process for a procedure as
// a new version, in force from now, after checking it against the time limit
// of the procedure's current version: budgets that do not add up are refused
// with how much they differ. Dossiers already received keep the version they
// were received under.
func (s *Processes) SaveProcess(ctx context.Context, actor org.Actor, p process.Process) (process.Process, error) {
	if err := core.RequireAdmin(actor); err != nil {
		return process.Process{}, err
	}
	proc, err := s.Store.Procedure(ctx, p.ProcedureCode, 0)
	if errors.Is(err, model.ErrNotFound) {
		return process.Process{}, apperr.ErrNotFound
	} else if err != nil {
		return process.Process{}, err
	}
	p.ProcedureVersion, p.Derived = proc.Version, false
	if err := p.Validate(proc.TimeLimit); err != nil {
		return process.Process{}, err
	}
	err = s.Store.InTx(ctx, func(tx *store.Tx) error {
		v, err := tx.SaveProcess(ctx, p, s.Now(), actor.Username)
		p.Version = v
		return err
	})
	if err != nil {
		return process.Process{}, fmt.Errorf("service: save process of %s: %w", p.ProcedureCode, err)
	}
	return p, nil
}

// DossierProcess is the internal process a dossier the actor may see runs
// under: the version in force when it was received (now, while it waits for
// reception), provided it adds up to the time limit of the procedure version
// the dossier was filed under; otherwise the process derived from that limit
// (process.Derive, marked Derived).
func (s *Processes) DossierProcess(ctx context.Context, actor org.Actor, id int64) (process.Process, error) {
	d, err := s.Dossier(ctx, actor, id)
	if err != nil {
		return process.Process{}, err
	}
	proc, err := s.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion)
	if err != nil {
		return process.Process{}, fmt.Errorf("service: procedure of dossier %d: %w", id, err)
	}
	at := s.Now()
	if d.ReceivedAt != nil {
		at = *d.ReceivedAt
	}
	return s.ProcessAt(ctx, proc, at)
}
