package service

import (
	"context"
	"errors"
	"fmt"
	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"

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

func errProcedureUnknown(kind apperr.Kind, code string) error {
	return apperr.Newf(kind, "procedure_unknown", "Không có thủ tục mã %q.", "There is no procedure with code %q.", code)
}

// SearchProcedures finds procedures in the catalog, for the portal, the
// counter, the administration and the API alike.
func (s *Service) SearchProcedures(ctx context.Context, f model.ProcedureFilter) ([]catalog.Procedure, error) {
	return s.Store.SearchProcedures(ctx, f)
}

// Procedure is the current version of a procedure and the agency that
// settles it when the applicant names none (zero when none is set). The
// current version is read each time, not cached: an edit makes a new one.
func (s *Service) Procedure(ctx context.Context, code string) (catalog.Procedure, org.Agency, error) {
	p, err := s.Store.Procedure(ctx, code, 0)
	if errors.Is(err, model.ErrNotFound) {
		return p, org.Agency{}, errProcedureUnknown(apperr.NotFound, code)
	} else if err != nil {
		return p, org.Agency{}, fmt.Errorf("service: procedure %s: %w", code, err)
	}
	var a org.Agency
	if id, err := s.Store.ProcedureDefaultAgency(ctx, code); err != nil {
		return p, a, fmt.Errorf("service: default agency of %s: %w", code, err)
	} else if id != 0 {
		a, _ = s.Agency(id)
	}
	return p, a, nil
}
