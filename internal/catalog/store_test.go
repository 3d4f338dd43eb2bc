package catalog_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/demo/data"
	"github.com/motcua/motcua/internal/eform"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// A procedure version keeps its e-form, its components' requirements and
// its marked fills through the store (the version's JSON), on both
// databases; saving it again is no new version, a changed form is one
// (issue 21 items 1–3).
func TestProcedureVersion_FormRequirementsFills(t *testing.T) {
	ctx := context.Background()
	procs, _, err := catalog.ParseFile(bytes.NewReader(data.Procedures()))
	if err != nil {
		t.Fatal(err)
	}
	forms, err := eform.LoadDir(data.Forms())
	if err != nil {
		t.Fatal(err)
	}
	catalog.AttachForms(procs, forms)
	var birth, copyExtract catalog.Procedure
	for _, p := range procs {
		switch p.Code {
		case "1.001193":
			birth = p
		case "2.000635":
			copyExtract = p
		}
	}
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		save := func(p catalog.Procedure) (model.SaveOutcome, int) {
			var out model.SaveOutcome
			var v int
			if err := s.InTx(ctx, func(tx *store.Tx) error {
				var err error
				out, v, err = tx.SaveProcedure(ctx, p)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			return out, v
		}
		save(birth)
		save(copyExtract)
		got, err := s.Procedure(ctx, "1.001193", 0)
		if err != nil {
			t.Fatal(err)
		}
		if got.Form == nil || !reflect.DeepEqual(*got.Form, *birth.Form) {
			t.Fatal("the e-form did not survive the store")
		}
		if !reflect.DeepEqual(got.Components, birth.Components) || got.Components[0].Requirement != catalog.Conditional {
			t.Fatalf("components changed in the store: %+v", got.Components[0])
		}
		if out, v := save(birth); out != model.ProcedureUnchanged || v != 1 {
			t.Fatalf("saving the same version again: %s v%d", out, v)
		}
		edited := birth
		f := *birth.Form
		f.Version = 2
		edited.Form = &f
		if out, v := save(edited); out != model.ProcedureVersioned || v != 2 {
			t.Fatalf("an edited form must be a new version: %s v%d", out, v)
		}
		if old, err := s.Procedure(ctx, "1.001193", 1); err != nil || old.Form.Version != 1 {
			t.Fatalf("version 1 must keep the form it had: %v", err)
		}
		ce, err := s.Procedure(ctx, "2.000635", 0)
		if err != nil {
			t.Fatal(err)
		}
		if fill, ok := ce.FilledIn(catalog.FieldTimeLimit); !ok || fill.Basis == "" || !ce.TimeLimit.Set() {
			t.Fatalf("the fill mark did not survive the store: %+v", ce.Filled)
		}
	})
}
