package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

func TestAdminUserChanges(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		center := seed(t, s)
		var staff, citizen int64
		err := s.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if staff, err = tx.CreateUser(ctx, org.User{Username: "chuyenvien", Name: "Trần Văn Thụ Lý", Role: org.RoleSpecialist, AgencyID: &center}, "old-hash"); err != nil {
				return err
			}
			citizen, err = tx.CreateUser(ctx, org.User{Username: "congdan", Name: "Nguyễn Thị Dân", Role: org.RoleCitizen}, "")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		if err := s.SaveToken(ctx, "token-1", staff, now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordLogin(ctx, staff, 0, now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}

		// Staff list, searched without diacritics.
		list, err := s.Users(ctx, model.UserFilter{Staff: true})
		if err != nil || len(list) != 1 || list[0].ID != staff || !list[0].Active {
			t.Fatalf("staff list %+v %v", list, err)
		}
		if list, _ := s.Users(ctx, model.UserFilter{Q: "tran van"}); len(list) != 1 || list[0].ID != staff {
			t.Fatalf("search by folded name: %+v", list)
		}
		if list, _ := s.Users(ctx, model.UserFilter{}); len(list) != 2 || list[0].ID != staff || list[1].ID != citizen {
			t.Fatalf("all accounts by username: %+v", list)
		}

		// A new password clears the lockout and ends the sessions.
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.SetUserPassword(ctx, staff, "new-hash") }); err != nil {
			t.Fatal(err)
		}
		c, err := s.CredentialsByUsername(ctx, "chuyenvien")
		if err != nil || c.PasswordHash != "new-hash" || !c.LockedUntil.Before(now) || c.FailedLogins != 0 {
			t.Fatalf("after reset: %+v %v", c, err)
		}
		if _, err := s.UserByToken(ctx, "token-1", now); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("a password reset must end the sessions: %v", err)
		}

		// Role and agency.
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.SetUserRole(ctx, staff, org.RoleLeader, &center) }); err != nil {
			t.Fatal(err)
		}
		if u, _ := s.UserByID(ctx, staff); u.Role != org.RoleLeader || u.AgencyID == nil || *u.AgencyID != center {
			t.Fatalf("role change: %+v", u)
		}

		// Deactivation stops sign-in and sessions; reactivation restores sign-in.
		if err := s.SaveToken(ctx, "token-2", staff, now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.SetUserActive(ctx, staff, false) }); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CredentialsByUsername(ctx, "chuyenvien"); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("an inactive account must not sign in: %v", err)
		}
		if _, err := s.UserByToken(ctx, "token-2", now); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("an inactive account's sessions must end: %v", err)
		}
		if a, err := s.UserAccount(ctx, staff); err != nil || a.Active {
			t.Fatalf("account %+v %v", a, err)
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.SetUserActive(ctx, staff, true) }); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CredentialsByUsername(ctx, "chuyenvien"); err != nil {
			t.Fatalf("reactivated: %v", err)
		}

		// Unknown rows.
		for name, fn := range map[string]func(tx *store.Tx) error{
			"active":   func(tx *store.Tx) error { return tx.SetUserActive(ctx, 9999, false) },
			"password": func(tx *store.Tx) error { return tx.SetUserPassword(ctx, 9999, "x") },
			"role":     func(tx *store.Tx) error { return tx.SetUserRole(ctx, 9999, org.RoleLeader, &center) },
			"agency":   func(tx *store.Tx) error { return tx.SetAgencyActive(ctx, 9999, false) },
		} {
			if err := s.InTx(ctx, fn); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s of an unknown row: %v", name, err)
			}
		}
		if _, err := s.UserAccount(ctx, 9999); !errors.Is(err, model.ErrNotFound) {
			t.Fatal(err)
		}
	})
}

func TestAgencyActive(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		center := seed(t, s)
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.SetAgencyActive(ctx, center, false) }); err != nil {
			t.Fatal(err)
		}
		if a, err := s.AgencyByID(ctx, center); err != nil || a.Active {
			t.Fatalf("deactivated: %+v %v", a, err)
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.SetAgencyActive(ctx, center, true) }); err != nil {
			t.Fatal(err)
		}
		if a, _ := s.AgencyByID(ctx, center); !a.Active {
			t.Fatal("reactivated")
		}
	})
}
