package core

import (
	"context"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
)

type procKey struct {
	code    string
	version int
}

// ProcedureVersion loads one version of a procedure. Published versions are
// never changed (a change is a new version), so they are cached: every action
// on a dossier needs its version's time limit, and reading and decoding it
// from the database each time would sit on the hottest path.
func (s *Core) ProcedureVersion(ctx context.Context, code string, version int) (catalog.Procedure, error) {
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

// ErrProcedureUnknown refuses a procedure code the catalogue does not have,
// as kind (not found for a look-up, invalid for a question about it).
func ErrProcedureUnknown(kind apperr.Kind, code string) error {
	return apperr.Newf(kind, "procedure_unknown", "Không có thủ tục mã %q.", "There is no procedure with code %q.", code)
}
