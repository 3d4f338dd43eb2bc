package store_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// A process is versioned: each save is a new version in force from its
// instant, and a dossier received before it keeps the earlier one.
func TestProcessVersions(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		limit := catalog.TimeLimit{Amount: 17, Unit: catalog.UnitWorkingDays}
		if err := s.InTx(ctx, func(tx *store.Tx) error {
			_, _, err := tx.SaveProcedure(ctx, catalog.Procedure{Code: "1.009645", Name: "Chấp thuận chủ trương đầu tư", TimeLimit: limit})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		v1, err := process.Derive("1.009645", 1, limit)
		if err != nil {
			t.Fatal(err)
		}
		v1.Province, v1.VariantCode, v1.Decision = "Bắc Ninh", "1.009645.H05", "1582/QĐ-UBND"
		// The consulted agencies round-trip with the steps.
		v1.Steps[2].Holder = process.Holder{Kind: process.HolderConsulted, Agencies: []string{"SXD", "SNNMT"}}
		v1.Steps[2].Role = process.RoleConsulted
		v2 := v1
		v2.Steps = append([]process.Step(nil), v1.Steps...)
		v2.Steps[0].Budget, v2.Steps[2].Budget = 1, v1.Steps[2].Budget+1
		t1 := time.Date(2026, 3, 1, 2, 0, 0, 0, time.UTC)
		t2 := t1.Add(48 * time.Hour)
		for i, c := range []struct {
			p  process.Process
			at time.Time
		}{{v1, t1}, {v2, t2}} {
			var got int
			if err := s.InTx(ctx, func(tx *store.Tx) error {
				var err error
				got, err = tx.SaveProcess(ctx, c.p, c.at, "admin")
				return err
			}); err != nil || got != i+1 {
				t.Fatalf("save %d: version %d, %v", i+1, got, err)
			}
		}
		if _, err := s.ProcessAt(ctx, "1.009645", t1.Add(-time.Millisecond)); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("before the first version: %v", err)
		}
		for _, c := range []struct {
			at   time.Time
			want process.Process
			v    int
		}{{t1, v1, 1}, {t2.Add(-time.Millisecond), v1, 1}, {t2, v2, 2}, {t2.Add(24 * time.Hour), v2, 2}} {
			got, err := s.ProcessAt(ctx, "1.009645", c.at)
			if err != nil {
				t.Fatal(err)
			}
			c.want.Version, c.want.Derived = c.v, false
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("at %s: got %+v, want %+v", c.at, got, c.want)
			}
		}
		if p, err := s.Process(ctx, "1.009645", 1); err != nil || p.Version != 1 || p.Steps[0].Budget != v1.Steps[0].Budget {
			t.Fatalf("version 1: %+v %v", p, err)
		}
		// A process belongs to a procedure of the catalog.
		err = s.InTx(ctx, func(tx *store.Tx) error {
			p := v1
			p.ProcedureCode = "9.999999"
			_, err := tx.SaveProcess(ctx, p, t2, "admin")
			return err
		})
		if err == nil {
			t.Fatal("stored a process for a procedure not in the catalog")
		}
	})
}
