package store_test

import (
	"errors"
	"testing"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// An agency's address and phone (migration 0023) are kept and read back by
// every query that loads agencies, on both databases.
func TestAgencyContact(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		center := seed(t, s)
		if a, err := s.AgencyByID(ctx, center); err != nil || a.Address != "" || a.Phone != "" {
			t.Fatalf("a new agency has no contact: %+v %v", a, err)
		}
		err := s.InTx(ctx, func(tx *store.Tx) error {
			return tx.SetAgencyContact(ctx, center, "Số 8 đường Lê Lợi, phường Hạc Thành", "0237 385 2001")
		})
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.AgencyByID(ctx, center)
		if err != nil || a.Address != "Số 8 đường Lê Lợi, phường Hạc Thành" || a.Phone != "0237 385 2001" {
			t.Fatalf("by id: %+v %v", a, err)
		}
		list, err := s.Agencies(ctx)
		if err != nil || len(list) == 0 {
			t.Fatal(err)
		}
		for _, x := range list {
			if x.ID == center && x.Phone != "0237 385 2001" {
				t.Fatalf("listed: %+v", x)
			}
		}
		err = s.InTx(ctx, func(tx *store.Tx) error { return tx.SetAgencyContact(ctx, 999999, "", "") })
		if !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("unknown agency: %v", err)
		}
	})
}
