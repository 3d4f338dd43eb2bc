package store_test

import (
	"slices"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// An agency's list in one status holds the dossiers it processes and those
// it received for another agency, newest first, and nothing else.
func TestListDossiersByAgencyAndStatus(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		center := seed(t, s)
		var dept int64
		if err := s.InTx(ctx, func(tx *store.Tx) (err error) {
			dept, err = tx.CreateAgency(ctx, org.Agency{Code: "000.00.10.H99", Name: "Sở A", Level: org.LevelProvince, Kind: org.KindDepartment})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		set := func(d *dossier.Dossier, status dossier.Status, processing int64) int64 {
			d.Status, d.ProcessingAgencyID = status, processing
			if _, err := s.Exec(ctx, `UPDATE dossiers SET status = ?, processing_agency_id = ? WHERE id = ?`, status, processing, d.ID); err != nil {
				t.Fatal(err)
			}
			return d.ID
		}
		own := set(newDossier(t, s, dept), dossier.Processing, dept)      // received and processed by the department
		passed := set(newDossier(t, s, center), dossier.Processing, dept) // received at the center, processed by the department
		kept := set(newDossier(t, s, center), dossier.Processing, center) // the center's own
		set(newDossier(t, s, dept), dossier.Received, dept)               // another status
		for _, c := range []struct {
			scope []int64
			want  []int64
		}{
			{[]int64{dept}, []int64{passed, own}},
			{[]int64{center}, []int64{kept, passed}},
			{[]int64{center, dept}, []int64{kept, passed, own}},
		} {
			list, err := s.ListDossiers(ctx, model.DossierFilter{AgencyIDs: c.scope, Status: string(dossier.Processing)})
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, d := range list {
				got = append(got, d.ID)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("scope %v: %v, want %v", c.scope, got, c.want)
			}
		}
	})
}
