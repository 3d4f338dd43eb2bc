package figures_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// 3.1, 3.2 and 4.5a read the catalogue (RULES-VN.md §6.2 groups 3a and 4):
// not measured while it leaves online levels or subjects unknown, and
// counted from the procedures and the period's dossiers once it says.
func TestIndexCatalogIndicators_766_3_1_3_2_4_5a(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, ict)
		svc, who := servicetest.DemoAt(t, st, &now)
		body := func(*dossier.Dossier) ([]byte, error) { return nil, nil }
		citizen := who("citizen")
		citizen.Verified = true // signed in with VNeID (4.5b, and 4.5a through its procedure)
		for i, code := range []string{"3.000333", "3.000333", "2.001583"} {
			res, err := svc.Submit(ctx, citizen, service.NewDossier{ProcedureCode: code,
				Applicant: dossier.Applicant{Name: "Nguyễn Văn Dân", IDNumber: "001090012345"}}, fmt.Sprint("s", i), fmt.Sprint(i), body)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Act(ctx, who("counter"), res.Dossier.ID, 1, service.ActionInput{Action: "receive"}, fmt.Sprint("r", i), fmt.Sprint(i), body); err != nil {
				t.Fatal(err)
			}
		}
		period, _ := service.ParsePeriod("2026-12-01", "2026-12-31", now)
		index := func() map[string]string {
			rep, err := svc.Index766(ctx, who("director"), service.SettlementQuery{Period: period})
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]string{}
			for _, id := range []string{"3.0", "3.1", "3.2", "4.5a"} {
				i, ok := rep.Result.Indicator(id)
				if !ok {
					t.Fatalf("no %s", id)
				}
				if i.Available {
					out[id] = fmt.Sprintf("%d/%d", i.Numerator, i.Denominator)
				} else {
					out[id] = "unmeasured: " + i.Note
				}
			}
			return out
		}
		var total int
		st.QueryRow(ctx, `SELECT COUNT(*) FROM procedures`).Scan(&total)
		got := index()
		if !strings.Contains(got["3.1"], "online service level unknown") || !strings.Contains(got["3.2"], "online service level unknown") ||
			!strings.HasPrefix(got["3.0"], "unmeasured") {
			t.Fatalf("the demo catalogue leaves most levels unknown: %v", got)
		}
		// The administrator completes the catalogue: one procedure offers a
		// full-process service, one a partial one; the birth registration
		// (3.000333) is for citizens, business registration (2.001583) for
		// organisations, and the rest for organisations.
		if _, err := st.Exec(ctx, `UPDATE procedures SET online_level = 'none', audience = 'organisations'`); err != nil {
			t.Fatal(err)
		}
		st.Exec(ctx, `UPDATE procedures SET online_level = 'full', audience = 'citizens' WHERE code = '3.000333'`)
		st.Exec(ctx, `UPDATE procedures SET online_level = 'partial' WHERE code = '1.001193'`)
		got = index()
		want := map[string]string{
			"3.0":  "2/2",                      // the two online dossiers of the one full-process procedure, of its 2 dossiers
			"3.1":  fmt.Sprintf("2/%d", total), // full + partial over every procedure of the province
			"3.2":  "1/2",                      // of the two online services, only 3.000333 received an online dossier
			"4.5a": "1/1",                      // the one procedure for citizens had a VNeID dossier
		}
		for id, w := range want {
			if got[id] != w {
				t.Errorf("%s: %s, want %s", id, got[id], w)
			}
		}
		// An administrator's figure for 3.0 (from the national portal)
		// replaces the catalogue's estimate.
		if err := svc.EnterIndexInput(ctx, who("admin"), demo.DeptJustice, 202612, service.EnteredInput{Indicator: "3.0", Numerator: 7, Denominator: 10}, "DVCQG"); err != nil {
			t.Fatal(err)
		}
		if got := index(); got["3.0"] != "7/10" {
			t.Fatalf("entered 3.0: %s", got["3.0"])
		}
		// One procedure without subjects makes 4.5a unmeasured again.
		st.Exec(ctx, `UPDATE procedures SET audience = '' WHERE code = '1.001193'`)
		if got := index(); !strings.Contains(got["4.5a"], "subjects unknown for 1 procedures") || got["3.2"] != "1/2" {
			t.Fatalf("after clearing one procedure's subjects: %v", got)
		}
	})
}
