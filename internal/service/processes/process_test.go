package processes_test

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store/storetest"
)

// A dossier runs under the process in force when it was received: derived
// while the procedure has none, the administrator's once saved; a dossier
// received before the save keeps the derived one.
func TestDossierProcess(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	svc, who := servicetest.DemoAt(t, st, &now)
	counter, admin := who("counter"), who("admin")
	body := func(*dossier.Dossier) ([]byte, error) { return nil, nil }
	receive := func(key string) int64 {
		t.Helper()
		res, err := svc.Submit(ctx, counter, service.NewDossier{ProcedureCode: "3.000333", Applicant: dossier.Applicant{Name: "Lê Văn Quầy", IDNumber: "001090099999"},
			Components: []dossier.ComponentFiles{{Name: "Tờ khai", Originals: 1}}}, key+"s", key+"s", body)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Act(ctx, counter, res.Dossier.ID, 1, service.ActionInput{Action: "receive"}, key+"r", key+"r", body); err != nil {
			t.Fatal(err)
		}
		return res.Dossier.ID
	}
	early := receive("a")
	derived, err := svc.DossierProcess(ctx, counter, early)
	if err != nil {
		t.Fatal(err)
	}
	proc, err := svc.ProcedureVersion(ctx, "3.000333", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !derived.Derived || derived.ProcedureCode != "3.000333" || derived.Validate(proc.TimeLimit) != nil {
		t.Fatalf("without a stored process: %+v", derived)
	}

	// The administrator's process: the derived one, its first two steps merged.
	own := derived
	own.Steps = append([]process.Step{{Name: "Tiếp nhận và phân công", Role: process.RoleOneStop, Holder: process.Holder{Kind: process.HolderCenter},
		Budget: derived.Steps[0].Budget + derived.Steps[1].Budget, Output: derived.Steps[0].Output}}, derived.Steps[2:]...)
	if _, err := svc.SaveProcess(ctx, counter, own); servicetest.ErrCode(err) != "admin_only" && servicetest.ErrCode(err) != "forbidden" {
		t.Fatalf("a counter officer saved a process: %v", err)
	}
	short := own
	short.Steps = append([]process.Step(nil), own.Steps...)
	short.Steps[1].Budget--
	if _, err := svc.SaveProcess(ctx, admin, short); servicetest.ErrCode(err) != "process_budget_short" {
		t.Fatalf("budgets a quarter day short: %v", err)
	}
	now = now.Add(time.Hour)
	saved, err := svc.SaveProcess(ctx, admin, own)
	if err != nil || saved.Version != 1 || saved.Derived {
		t.Fatalf("save: %+v %v", saved, err)
	}

	now = now.Add(time.Hour)
	late := receive("b")
	got, err := svc.DossierProcess(ctx, counter, late)
	if err != nil || got.Derived || got.Version != 1 || len(got.Steps) != len(derived.Steps)-1 {
		t.Fatalf("received after the save: %+v %v", got, err)
	}
	if got, err := svc.DossierProcess(ctx, counter, early); err != nil || !got.Derived {
		t.Fatalf("received before the save: %+v %v", got, err)
	}
}
