package store_test

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

func TestOpenDossiers(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		agency := seed(t, s)
		var ds []*dossier.Dossier
		for range 5 {
			ds = append(ds, newDossier(t, s, agency))
		}
		// Open dossiers: the nearest due date first, those without one last.
		base := time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC)
		for i, hours := range []int{48, 0, 24} {
			d := ds[i]
			due := base.Add(time.Duration(hours) * time.Hour)
			d.Status, d.DueAt = dossier.Processing, &due
			d.Version++
			if err := s.InTx(ctx, func(tx *store.Tx) error { _, err := tx.UpdateDossier(ctx, d, d.Version-1); return err }); err != nil {
				t.Fatal(err)
			}
		}
		open, err := s.OpenDossiers(ctx, nil, []dossier.Status{dossier.Processing, dossier.Submitted}, 10)
		if err != nil {
			t.Fatal(err)
		}
		want := []int64{ds[1].ID, ds[2].ID, ds[0].ID, ds[3].ID, ds[4].ID}
		for i, id := range want {
			if open[i].ID != id {
				t.Fatalf("open dossiers out of order at %d: got %d want %d", i, open[i].ID, id)
			}
		}
	})
}
