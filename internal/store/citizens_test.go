package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

const testIssuer = "https://sso.dancuquocgia.gov.vn"

func createOIDCUser(s *store.Store, username, issuer, subject string) (int64, error) {
	var id int64
	err := s.InTx(context.Background(), func(tx *store.Tx) error {
		var err error
		id, err = tx.CreateOIDCUser(context.Background(), org.User{Username: username, Name: "Lê Văn Cường", Role: org.RoleCitizen, Email: "cuong@example.vn"},
			issuer, subject, time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC))
		return err
	})
	return id, err
}

// A citizen is found by (issuer, subject) only; the identity is unique, and
// users without one (staff, subject "") never match.
func TestUserByOIDC(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		c := context.Background()
		if _, err := s.UserByOIDC(c, testIssuer, "sub-1"); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("unknown identity: %v, want ErrNotFound", err)
		}
		id, err := createOIDCUser(s, "oidc:aaaa", testIssuer, "sub-1")
		if err != nil {
			t.Fatal(err)
		}
		acc, err := s.UserByOIDC(c, testIssuer, "sub-1")
		if err != nil {
			t.Fatal(err)
		}
		if acc.User.ID != id || acc.User.Role != org.RoleCitizen || acc.User.Name != "Lê Văn Cường" || acc.User.Email != "cuong@example.vn" || !acc.Active {
			t.Fatalf("got %+v", acc)
		}
		// Same subject at another issuer is another person.
		if _, err := s.UserByOIDC(c, "https://other.example", "sub-1"); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("other issuer: %v, want ErrNotFound", err)
		}
		if _, err := createOIDCUser(s, "oidc:bbbb", "https://other.example", "sub-1"); err != nil {
			t.Fatalf("same subject at another issuer: %v", err)
		}
		// The empty subject is the staff default and never an identity.
		if _, err := s.UserByOIDC(c, "", ""); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("empty subject: %v, want ErrNotFound", err)
		}
		// No password: the password form cannot sign the citizen in.
		cred, err := s.CredentialsByUsername(c, "oidc:aaaa")
		if err != nil || cred.PasswordHash != "" {
			t.Fatalf("credentials: %+v %v, want an empty password hash", cred, err)
		}
		// The same identity again is a unique violation, even under another username.
		_, err = createOIDCUser(s, "oidc:cccc", testIssuer, "sub-1")
		if !store.IsUniqueViolation(err) {
			t.Fatalf("duplicate identity: %v, want a unique violation", err)
		}

		if err := s.UpdateUserProfile(c, id, "Lê Văn Cường Mới", "moi@example.vn", "0912345678", ""); err != nil {
			t.Fatal(err)
		}
		acc, _ = s.UserByOIDC(c, testIssuer, "sub-1")
		if acc.User.Name != "Lê Văn Cường Mới" || acc.User.Email != "moi@example.vn" || acc.User.Phone != "0912345678" {
			t.Fatalf("after update: %+v", acc.User)
		}

		if _, err := s.Exec(c, `UPDATE users SET active = 0 WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
		if acc, err = s.UserByOIDC(c, testIssuer, "sub-1"); err != nil || acc.Active {
			t.Fatalf("deactivated: %+v %v, want found and inactive", acc, err)
		}
	})
}

// Concurrent first sign-ins of one person: exactly one insertion wins, the
// others fail with a unique violation the service turns into a re-read.
func TestCreateOIDCUserConcurrent(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		const n = 12
		var (
			wg    sync.WaitGroup
			start = make(chan struct{})
			ids   = make([]int64, n)
			errs  = make([]error, n)
		)
		for i := range n {
			wg.Go(func() {
				<-start
				ids[i], errs[i] = createOIDCUser(s, "oidc:race", testIssuer, "sub-race")
			})
		}
		close(start)
		wg.Wait()
		won := 0
		for i, err := range errs {
			switch {
			case err == nil:
				won++
			case !store.IsUniqueViolation(err):
				t.Errorf("insertion %d: %v, want success or a unique violation", i, err)
			}
		}
		if won != 1 {
			t.Fatalf("%d insertions succeeded, want 1", won)
		}
		var count int
		if err := s.QueryRow(context.Background(), `SELECT COUNT(*) FROM users WHERE oidc_subject = ?`, "sub-race").Scan(&count); err != nil || count != 1 {
			t.Fatalf("users with the subject: %d %v, want 1", count, err)
		}
	})
}
