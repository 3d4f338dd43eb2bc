package service_test

import (
	"context"
	"testing"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// The one look-up of a procedure that the portal, the administration and
// the API share: the current version with its default agency, and an
// unknown code as the service's own not-found, never the store's error.
func TestProcedureLookUp(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := servicetest.Demo(t, st)
		p, a, err := svc.Procedure(ctx, "3.000333")
		if err != nil || p.Code != "3.000333" || a.ID == 0 || a.Code != demo.DeptJustice {
			t.Fatalf("procedure %s, agency %+v, %v", p.Code, a, err)
		}
		_, _, err = svc.Procedure(ctx, "9.999999")
		if e, ok := apperr.As(err); !ok || e.Kind != apperr.NotFound || e.Code != "procedure_unknown" {
			t.Fatalf("unknown code: %v", err)
		}
		// Figures for a code that does not exist cannot be asked for: 422.
		for _, c := range [][2]string{{"XX.NONE", ""}, {"", "9.999999"}} {
			if _, err := svc.FiguresScope(ctx, c[0], c[1]); func() bool { e, ok := apperr.As(err); return !ok || e.Kind != apperr.Invalid }() {
				t.Errorf("figures scope %q: %v, want invalid", c, err)
			}
		}
		if a, err := svc.FiguresScope(ctx, demo.DeptJustice, "3.000333"); err != nil || a.Code != demo.DeptJustice {
			t.Fatalf("known codes: %+v, %v", a, err)
		}
		list, err := svc.SearchProcedures(ctx, model.ProcedureFilter{Q: "khai sinh", Limit: 5})
		if err != nil || len(list) == 0 {
			t.Fatalf("search: %d, %v", len(list), err)
		}
	})
}
