package citizens_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

const vneid = "https://sso.dancuquocgia.gov.vn"

func citizenService(t *testing.T, st *store.Store) *service.Service {
	t.Helper()
	svc, err := service.New(context.Background(), st, &service.Blobs{Dir: t.TempDir()}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

func countIdentity(t *testing.T, st *store.Store, subject string) int {
	t.Helper()
	var n int
	if err := st.QueryRow(context.Background(), `SELECT COUNT(*) FROM users WHERE oidc_subject = ?`, subject).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The first sign-in creates the citizen; later ones find them and follow
// the provider's changes to the name, email and phone.
func TestCitizenFromOIDC(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := citizenService(t, st)
		first, err := svc.CitizenFromOIDC(ctx, service.OIDCIdentity{Issuer: vneid, Subject: "s-001", Name: " Phạm Thị Dung ", Email: "dung@example.vn", Phone: "0901000001"})
		if err != nil {
			t.Fatal(err)
		}
		if first.ID == 0 || first.Role != org.RoleCitizen || first.Name != "Phạm Thị Dung" || first.AgencyID != nil || !strings.HasPrefix(first.Username, "oidc:") {
			t.Fatalf("created %+v", first)
		}
		if strings.Contains(first.Username, "s-001") {
			t.Fatalf("username %q reveals the subject", first.Username)
		}
		// The password form cannot be used with an OIDC account.
		if _, _, err := svc.Login(ctx, first.Username, "anything"); err == nil {
			t.Fatal("password sign-in of an OIDC citizen succeeded")
		}

		again, err := svc.CitizenFromOIDC(ctx, service.OIDCIdentity{Issuer: vneid, Subject: "s-001", Name: "Phạm Thị Dung", Email: "dung.moi@example.vn"})
		if err != nil {
			t.Fatal(err)
		}
		if again.ID != first.ID || again.Email != "dung.moi@example.vn" || again.Phone != "0901000001" {
			t.Fatalf("second sign-in %+v, want user %d with the new email and the kept phone", again, first.ID)
		}
		stored, err := st.UserByID(ctx, first.ID)
		if err != nil || stored.Email != "dung.moi@example.vn" || stored.Phone != "0901000001" || stored.Name != "Phạm Thị Dung" {
			t.Fatalf("stored %+v %v", stored, err)
		}
		if n := countIdentity(t, st, "s-001"); n != 1 {
			t.Fatalf("%d users for one identity", n)
		}

		// No name from the provider: a placeholder, never empty.
		anon, err := svc.CitizenFromOIDC(ctx, service.OIDCIdentity{Issuer: vneid, Subject: "s-002"})
		if err != nil || anon.Name == "" || anon.ID == first.ID {
			t.Fatalf("nameless %+v %v", anon, err)
		}

		// A deactivated citizen is refused.
		if _, err := st.Exec(ctx, `UPDATE users SET active = 0 WHERE id = ?`, first.ID); err != nil {
			t.Fatal(err)
		}
		_, err = svc.CitizenFromOIDC(ctx, service.OIDCIdentity{Issuer: vneid, Subject: "s-001", Name: "Phạm Thị Dung"})
		if e, ok := apperr.As(err); !ok || e.Kind != apperr.Forbidden {
			t.Fatalf("deactivated: %v, want a Forbidden apperr", err)
		}
		if n := countIdentity(t, st, "s-001"); n != 1 {
			t.Fatalf("deactivated identity created again: %d users", n)
		}

		// An identity bound to staff does not sign staff in as a citizen.
		var staffID int64
		err = st.InTx(ctx, func(tx *store.Tx) error {
			var err error
			staffID, err = tx.CreateUser(ctx, org.User{Username: "canbo", Name: "Cán bộ", Role: org.RoleCounter}, "")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Exec(ctx, `UPDATE users SET oidc_issuer = ?, oidc_subject = ? WHERE id = ?`, vneid, "s-staff", staffID); err != nil {
			t.Fatal(err)
		}
		_, err = svc.CitizenFromOIDC(ctx, service.OIDCIdentity{Issuer: vneid, Subject: "s-staff"})
		if e, ok := apperr.As(err); !ok || e.Kind != apperr.Forbidden {
			t.Fatalf("identity bound to staff: %v, want a Forbidden apperr", err)
		}
	})
}

// Concurrent first sign-ins of one person (two tabs, two nodes) end with
// one user that every caller gets.
func TestCitizenFromOIDCConcurrent(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		// Two service instances over one database, as two nodes would be.
		nodes := []*service.Service{citizenService(t, st), citizenService(t, st)}
		const n = 16
		var (
			wg    sync.WaitGroup
			start = make(chan struct{})
			users = make([]org.User, n)
			errs  = make([]error, n)
		)
		for i := range n {
			wg.Go(func() {
				<-start
				users[i], errs[i] = nodes[i%2].CitizenFromOIDC(context.Background(), service.OIDCIdentity{Issuer: vneid, Subject: "s-race", Name: "Vũ Minh Khoa"})
			})
		}
		close(start)
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("sign-in %d: %v", i, errs[i])
			}
			if users[i].ID != users[0].ID {
				t.Fatalf("sign-in %d got user %d, sign-in 0 got %d", i, users[i].ID, users[0].ID)
			}
		}
		if c := countIdentity(t, st, "s-race"); c != 1 {
			t.Fatalf("%d users for one identity", c)
		}
	})
}
