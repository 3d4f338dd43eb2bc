package admin

import (
	"context"
	"fmt"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
)

// Seed is a whole province to create in an empty database at once: the
// demonstration's (internal/demo), which the bench also starts from. Codes
// name the agencies, since their ids exist only once created.
type Seed struct {
	Agencies []SeedAgency // every parent and one-stop before the agencies naming it
	Counters []SeedCounter
	Users    []SeedUser
	// PasswordHash is every account's password (auth.HashPassword).
	PasswordHash string
	Procedures   []catalog.Procedure
	// ProcedureAgency is the code of the agency settling a procedure.
	ProcedureAgency func(catalog.Procedure) string
}

// SeedAgency is an agency of a Seed, with its parent and one-stop by code.
type SeedAgency struct {
	Agency          org.Agency // ID, ParentID and OneStopID are ignored
	Parent, OneStop string
}

// SeedCounter is a counter of the agency coded Agency.
type SeedCounter struct{ Agency, Code, Name string }

// SeedUser is an account at the agency coded Agency ("" for a citizen).
type SeedUser struct {
	User   org.User // ID and AgencyID are ignored
	Agency string
}

// SeedProvince creates the seed in one transaction when the database has no
// agency yet, and tells whether it did: loading twice changes nothing.
func (s *Admin) SeedProvince(ctx context.Context, seed Seed) (bool, error) {
	existing, err := s.Store.Agencies(ctx)
	if err != nil || len(existing) > 0 {
		return false, err
	}
	err = s.Store.InTx(ctx, func(tx *store.Tx) error {
		ids := map[string]int64{}
		ref := func(code string) *int64 {
			if code == "" {
				return nil
			}
			id := ids[code]
			return &id
		}
		for _, a := range seed.Agencies {
			ag := a.Agency
			ag.ParentID, ag.OneStopID = ref(a.Parent), ref(a.OneStop)
			if ids[ag.Code], err = tx.CreateAgency(ctx, ag); err != nil {
				return err
			}
		}
		for _, c := range seed.Counters {
			if _, err := tx.CreateCounter(ctx, model.Counter{AgencyID: ids[c.Agency], Code: c.Code, Name: c.Name}); err != nil {
				return err
			}
		}
		for _, u := range seed.Users {
			user := u.User
			user.AgencyID = ref(u.Agency)
			if _, err := tx.CreateUser(ctx, user, seed.PasswordHash); err != nil {
				return err
			}
		}
		for _, p := range seed.Procedures {
			if _, _, err := tx.SaveProcedure(ctx, p); err != nil {
				return err
			}
			if err := tx.SetProcedureAgency(ctx, p.Code, ids[seed.ProcedureAgency(p)]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("service: seed the province: %w", err)
	}
	return true, s.ReloadAgencies(ctx)
}
