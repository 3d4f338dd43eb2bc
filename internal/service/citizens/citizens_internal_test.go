package citizens

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"

	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/internal/core"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// Two first sign-ins of one person that both looked and found nobody: one
// insertion wins, the other meets the unique index and must return the
// winner's user rather than an error. The hook holds both callers after
// their lookup until both have missed, so the race is certain.
func TestCitizenFromOIDCLostInsertionReadsWinner(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		node := func() *Citizens {
			c, err := core.New(ctx, st, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if err != nil {
				t.Fatal(err)
			}
			return New(c)
		}
		nodes := [2]*Citizens{node(), node()}
		var missed sync.WaitGroup
		missed.Add(2)
		oidcLookupMissed = func() { missed.Done(); missed.Wait() }
		t.Cleanup(func() { oidcLookupMissed = func() {} })

		var (
			wg    sync.WaitGroup
			users [2]org.User
			errs  [2]error
		)
		for i := range 2 {
			wg.Go(func() {
				users[i], errs[i] = nodes[i].CitizenFromOIDC(ctx, OIDCIdentity{Issuer: "https://sso.dancuquocgia.gov.vn", Subject: "s-meet", Name: "Đỗ Thu Hà"})
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("sign-in %d: %v", i, err)
			}
		}
		if users[0].ID == 0 || users[0].ID != users[1].ID {
			t.Fatalf("users %d and %d, want one", users[0].ID, users[1].ID)
		}
		var n int
		if err := st.QueryRow(ctx, `SELECT COUNT(*) FROM users WHERE oidc_subject = 's-meet'`).Scan(&n); err != nil || n != 1 {
			t.Fatalf("%d users (%v), want 1", n, err)
		}
	})
}
