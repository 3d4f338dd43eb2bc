package service

import (
	"context"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/store"
)

// ImportReport tells what an import did with each procedure.
type ImportReport struct {
	Created   []string        `json:"created"`
	Versioned []string        `json:"new_version"`
	Unchanged []string        `json:"unchanged"`
	Issues    []catalog.Issue `json:"issues"`
}

// ImportProcedures saves parsed procedures in one transaction: all or nothing,
// and a second run of the same file changes nothing.
func (s *Service) ImportProcedures(ctx context.Context, procs []catalog.Procedure, issues []catalog.Issue) (ImportReport, error) {
	rep := ImportReport{Issues: issues}
	err := s.Store.InTx(ctx, func(tx *store.Tx) error {
		for _, p := range procs {
			out, _, err := tx.SaveProcedure(ctx, p)
			if err != nil {
				return err
			}
			switch out {
			case model.ProcedureCreated:
				rep.Created = append(rep.Created, p.Code)
			case model.ProcedureVersioned:
				rep.Versioned = append(rep.Versioned, p.Code)
			default:
				rep.Unchanged = append(rep.Unchanged, p.Code)
			}
		}
		return nil
	})
	return rep, err
}

type procKey struct {
	code    string
	version int
}

// ProcedureVersion loads one version of a procedure. Published versions are
// never changed (a change is a new version), so they are cached: every action
// on a dossier needs its version's time limit, and reading and decoding it
// from the database each time would sit on the hottest path.
func (s *Service) ProcedureVersion(ctx context.Context, code string, version int) (catalog.Procedure, error) {
	k := procKey{code, version}
	if p, ok := s.procs.Load(k); ok {
		return p.(catalog.Procedure), nil
	}
	p, err := s.Store.Procedure(ctx, code, version)
	if err != nil {
		return p, err
	}
	s.procs.Store(k, p)
	return p, nil
}
