package admin

import (
	"context"
	"errors"
	"fmt"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/internal/core"

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
func (s *Admin) ImportProcedures(ctx context.Context, procs []catalog.Procedure, issues []catalog.Issue) (ImportReport, error) {
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

// SearchProcedures finds procedures in the catalog, for the portal, the
// counter, the administration and the API alike.
func (s *Admin) SearchProcedures(ctx context.Context, f model.ProcedureFilter) ([]catalog.Procedure, error) {
	return s.Store.SearchProcedures(ctx, f)
}

// Procedure is the current version of a procedure and the agency that
// settles it when the applicant names none (zero when none is set). The
// current version is read each time, not cached: an edit makes a new one.
func (s *Admin) Procedure(ctx context.Context, code string) (catalog.Procedure, org.Agency, error) {
	p, err := s.Store.Procedure(ctx, code, 0)
	if errors.Is(err, model.ErrNotFound) {
		return p, org.Agency{}, core.ErrProcedureUnknown(apperr.NotFound, code)
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
