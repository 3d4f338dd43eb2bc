package store_test

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// A dossier's place in its internal process is stored with it and found
// by the workspaces (issue 13 items 2 and 4): the holding agency's officer
// it was assigned to, the agency as a whole, and each consulted agency
// still owing its opinion; on SQLite and PostgreSQL.
func TestStepStoredAndHeld(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		agency := seed(t, s)
		save := func(d *dossier.Dossier, pos *process.Position) {
			t.Helper()
			prev := d.Version
			d.Status, d.Version, d.ProcessVersion, d.Step = dossier.Processing, d.Version+1, 3, pos
			err := s.InTx(ctx, func(tx *store.Tx) error {
				ok, err := tx.UpdateDossier(ctx, d, prev)
				if err == nil && !ok {
					t.Fatal("version moved")
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		since := time.Date(2026, 2, 10, 10, 0, 0, 0, time.UTC)
		assigned, whole, consult, none := newDossier(t, s, agency), newDossier(t, s, agency), newDossier(t, s, agency), newDossier(t, s, agency)
		save(assigned, &process.Position{Step: 3, Since: since, Agency: "STC", Assignee: 31})
		save(whole, &process.Position{Step: 2, Since: since.Add(time.Hour), Agency: "STC"})
		save(consult, &process.Position{Step: 6, Since: since.Add(2 * time.Hour), Pending: []string{"SNNMT", "SKHCN"},
			Answers: []process.Answer{{Agency: "SXD", At: since.Add(3 * time.Hour)}}})
		_ = none

		got, err := s.Dossier(ctx, consult.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ProcessVersion != 3 || got.Step == nil || got.Step.Step != 6 || len(got.Step.Pending) != 2 || len(got.Step.Answers) != 1 ||
			!got.Step.Answers[0].At.Equal(since.Add(3*time.Hour)) {
			t.Fatalf("read back %+v %+v", got.ProcessVersion, got.Step)
		}
		if d, _ := s.Dossier(ctx, none.ID); d.Step != nil {
			t.Fatalf("a dossier without a process has no step: %+v", d.Step)
		}
		ids := func(ds []*dossier.Dossier) []int64 {
			var out []int64
			for _, d := range ds {
				out = append(out, d.ID)
			}
			return out
		}
		for _, c := range []struct {
			name    string
			agency  string
			officer int64
			want    []int64
		}{
			{"the assigned specialist: their step and the agency's unassigned one", "STC", 31, []int64{assigned.ID, whole.ID}},
			{"another specialist: only the unassigned one", "STC", 32, []int64{whole.ID}},
			{"the division leader sees the agency's steps", "STC", 0, []int64{assigned.ID, whole.ID}},
			{"a consulted agency owing its opinion", "SKHCN", 55, []int64{consult.ID}},
			{"an agency that already answered owes nothing", "SXD", 51, nil},
		} {
			got, err := s.StepHolds(ctx, c.agency, c.officer, 50)
			if err != nil {
				t.Fatal(err)
			}
			if g := ids(got); len(g) != len(c.want) || (len(g) > 0 && (g[0] != c.want[0] || g[len(g)-1] != c.want[len(c.want)-1])) {
				t.Errorf("%s: %v, want %v", c.name, g, c.want)
			}
		}
	})
}
