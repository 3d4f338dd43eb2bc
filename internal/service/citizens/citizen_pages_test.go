package citizens_test

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// A write made under a key is found again by the same person only.
func TestAnsweredFindsOnlyTheActorsCompletedWrite(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Now()
		svc, actor := servicetest.DemoAt(t, st, &now)
		citizen, counter := actor("citizen"), actor("counter")
		if _, ok, err := svc.Answered(ctx, citizen, "k-1"); ok || err != nil {
			t.Fatalf("nothing was written yet: %v %v", ok, err)
		}
		in := service.NewDossier{ProcedureCode: "3.000333", Applicant: dossier.Applicant{Name: "Nguyễn Văn Dân", IDNumber: "001090012345"}}
		if _, err := svc.Submit(ctx, citizen, in, "k-1", "h", func(*dossier.Dossier) ([]byte, error) { return []byte("42"), nil }); err != nil {
			t.Fatal(err)
		}
		body, ok, err := svc.Answered(ctx, citizen, "k-1")
		if !ok || err != nil || string(body) != "42" {
			t.Fatalf("the citizen's own write: %q %v %v", body, ok, err)
		}
		if _, ok, _ := svc.Answered(ctx, counter, "k-1"); ok {
			t.Fatal("keys are per person")
		}
		if _, ok, _ := svc.Answered(ctx, citizen, ""); ok {
			t.Fatal("an empty key answers nothing")
		}
	})
}
