package api_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/store"
)

// A dossier keeps the procedure version it was filed under: a later change of
// the time limit applies to new dossiers only (RULES-VN.md: rule sets are
// versioned; each dossier keeps the version that applied).
func TestDossierKeepsProcedureVersion(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		old := e.do("POST", "/api/v1/dossiers", "citizen", submitBody(businessReg), map[string]string{"Idempotency-Key": newKey()})
		if old.num("procedure_version") != 1 {
			t.Fatalf("filed under %s", old.raw)
		}
		ctx := context.Background()
		p, err := e.st.Procedure(ctx, businessReg, 0)
		if err != nil {
			t.Fatal(err)
		}
		p.TimeLimit = catalog.TimeLimit{Amount: 10, Unit: catalog.UnitWorkingDays}
		if err := e.st.InTx(ctx, func(tx *store.Tx) error { _, _, err := tx.SaveProcedure(ctx, p); return err }); err != nil {
			t.Fatal(err)
		}
		cur := e.do("GET", "/api/v1/procedures/"+businessReg, "", nil, nil)
		if cur.num("version") != 2 {
			t.Fatalf("current version: %s", cur.raw)
		}
		id, v := old.num("id"), old.num("version")
		r := e.mustAct("counter", id, &v, map[string]any{"action": "receive"})
		// Version 1: 3 working days from Tuesday 1/12 → Friday 4/12.
		if r.str("due_at") != "2026-12-04T17:00:00+07:00" || r.num("procedure_version") != 1 {
			t.Fatalf("old dossier must keep 3 working days: %s", r.raw)
		}
		n := e.do("POST", "/api/v1/dossiers", "citizen", submitBody(businessReg), map[string]string{"Idempotency-Key": newKey()})
		nid, nv := n.num("id"), n.num("version")
		r = e.mustAct("counter", nid, &nv, map[string]any{"action": "receive"})
		// Version 2: 10 working days from Tuesday 1/12 → Tuesday 15/12.
		if r.str("due_at") != "2026-12-15T17:00:00+07:00" || r.num("procedure_version") != 2 {
			t.Fatalf("new dossier must use 10 working days: %s", r.raw)
		}
		if r.str("code") != fmt.Sprintf("000.00.01.H99-261201-%04d", 2) {
			t.Fatalf("second receipt of the day: %s", r.str("code"))
		}
	})
}
