package figures_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// Five dossiers of Sở Tư pháp in December 2026 (10 calendar days each),
// hand-computed: early, on time, late and rated "không hài lòng", one open
// past due and one open within time at the period's end.
func TestIndex766FromDossiers(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, ict)
		svc, who := servicetest.DemoAt(t, st, &now)
		key := 0
		body := func(*dossier.Dossier) ([]byte, error) { return nil, nil }
		act := func(d *dossier.Dossier, u string, at time.Time, in service.ActionInput) *dossier.Dossier {
			now, key = at, key+1
			res, err := svc.Act(ctx, who(u), d.ID, d.Version, in, fmt.Sprint("a", key), fmt.Sprint(key), body)
			if err != nil {
				t.Fatalf("%s %s: %v", u, in.Action, err)
			}
			return res.Dossier
		}
		file := func(at time.Time) *dossier.Dossier {
			now, key = at, key+1
			// A paper result: this test is about timeliness, not results.
			res, err := svc.Submit(ctx, who("citizen"), service.NewDossier{ProcedureCode: "3.000333", ReturnMethod: dossier.ReturnCounter,
				Applicant: dossier.Applicant{Name: "Nguyễn Văn Dân", IDNumber: "001090012345"}}, fmt.Sprint("s", key), fmt.Sprint(key), body)
			if err != nil {
				t.Fatal(err)
			}
			d := act(res.Dossier, "counter", at, service.ActionInput{Action: "receive"})
			return act(d, "counter", at.Add(time.Hour), service.ActionInput{Action: "transfer"})
		}
		dec := func(day, hour int) time.Time { return time.Date(2026, 12, day, hour, 0, 0, 0, ict) }
		act(file(dec(1, 9)), "leader", dec(3, 10), service.ActionInput{Action: "approve"})  // due 11/12 17:00: early
		act(file(dec(1, 9)), "leader", dec(11, 16), service.ActionInput{Action: "approve"}) // on time
		late := act(file(dec(1, 9)), "leader", dec(14, 10), service.ActionInput{Action: "approve"})
		late = act(late, "counter", dec(14, 11), service.ActionInput{Action: "return_result"})
		act(late, "citizen", dec(14, 12), service.ActionInput{Action: "rate", Rating: int(dossier.Dissatisfied)})
		file(dec(2, 9))  // due 14/12: open and overdue at the end of December
		file(dec(28, 9)) // due 07/01/2027: open within time

		now = time.Date(2027, 1, 5, 9, 0, 0, 0, ict)
		dir := who("director")
		period, _ := service.ParsePeriod("2026-12-01", "2026-12-31", now)
		rep, err := svc.Index766(ctx, dir, service.SettlementQuery{Period: period})
		if err != nil {
			t.Fatal(err)
		}
		c := rep.Counts
		if c.SettledEarly != 1 || c.SettledOnTime != 1 || c.SettledLate != 1 || c.OpenOverdue != 1 || c.OpenWithin != 1 || c.Dislikes != 1 || c.ReceivedOnline != 5 {
			t.Fatalf("counts %+v", c)
		}
		ind := func(id string) (float64, float64) {
			i, ok := rep.Result.Indicator(id)
			if !ok || i.Ratio == nil {
				t.Fatalf("indicator %s missing or without ratio: %+v", id, i)
			}
			return *i.Ratio, i.Points
		}
		// 2.1 (RULES §3.2): (early + on time + open within) / (settled + open) = 3/5 = 60 % of 20 points.
		if r, p := ind("2.1"); r != 60 || p != 12 {
			t.Fatalf("2.1: %.2f%% %.2f points, want 60%% 12", r, p)
		}
		// 5.4: 100 % − (late 1/3 + disliked 1/3) = 33.33 %, target 90 %: 33.33 × 6 / 90 = 2.22.
		if r, p := ind("5.4"); r != 33.33 || p != 2.22 {
			t.Fatalf("5.4: %.2f%% %.2f points, want 33.33%% 2.22", r, p)
		}
		// Group 1 is not measured until an administrator enters it.
		if i, _ := rep.Result.Indicator("1.1"); i.Available {
			t.Fatal("1.1 must not be invented")
		}
		unmeasured := rep.Result.Unmeasured
		if err := svc.EnterIndexInput(ctx, who("director"), demo.DeptJustice, 202612, service.EnteredInput{Indicator: "1.1", Numerator: 9, Denominator: 10}, ""); err == nil {
			t.Fatal("only administrators enter index inputs")
		}
		if err := svc.EnterIndexInput(ctx, who("admin"), demo.DeptJustice, 202612, service.EnteredInput{Indicator: "1.1", Numerator: 11, Denominator: 10}, ""); err == nil {
			t.Fatal("a numerator above the denominator is refused")
		}
		if err := svc.EnterIndexInput(ctx, who("admin"), demo.DeptJustice, 202612, service.EnteredInput{Indicator: "1.1", Numerator: 9, Denominator: 10}, "QĐ công bố"); err != nil {
			t.Fatal(err)
		}
		rep, _ = svc.Index766(ctx, dir, service.SettlementQuery{Period: period})
		if r, _ := ind("1.1"); r != 90 || rep.Result.Unmeasured >= unmeasured {
			t.Fatalf("entered 1.1: ratio %.2f, unmeasured %.2f (was %.2f)", r, rep.Result.Unmeasured, unmeasured)
		}
		// A leader sees the own department's index, not the province's.
		justice, _ := st.AgencyByCode(ctx, demo.DeptJustice)
		if _, err := svc.Index766(ctx, who("leader"), service.SettlementQuery{Period: period}); err == nil {
			t.Fatal("a department leader must not see the whole province")
		}
		own, err := svc.Index766(ctx, who("leader"), service.SettlementQuery{Period: period, AgencyID: justice.ID})
		if err != nil || own.Counts.Settled() != 3 {
			t.Fatalf("own department: %v %+v", err, own)
		}
	})
}

// One read for every agency gives what one query per agency gives.
func TestIndexByAgencyMatchesOneQueryPerAgency(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc, setNow := lived(t, st, 60)
		setNow(time.Date(2027, 2, 1, 9, 0, 0, 0, ict))
		director := org.Actor{UserID: 1, Role: org.RoleDirector, AllScope: true}
		period, _ := service.ParsePeriod("2026-11-01", "2026-12-31", time.Now())
		all, err := svc.IndexByAgency(ctx, director, period)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range svc.Agencies() {
			one, err := svc.Index766(ctx, director, service.SettlementQuery{AgencyID: a.ID, Period: period})
			if err != nil {
				t.Fatal(err)
			}
			if all[a.ID].Counts != one.Counts || all[a.ID].Result.Total != one.Result.Total {
				t.Fatalf("%s: together %+v %.2f, alone %+v %.2f", a.Code, all[a.ID].Counts, all[a.ID].Result.Total, one.Counts, one.Result.Total)
			}
		}
	})
}

// RULES-VN.md §6 4.5b: dossiers filed by citizens signed in with the
// national e-ID use population data; those of a password account do not.
func TestVNeIDDossiersCountFor4_5b(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, ict)
		svc, who := servicetest.DemoAt(t, st, &now)
		u, err := svc.CitizenFromOIDC(ctx, service.OIDCIdentity{Issuer: "https://vneid.example", Subject: "s-1", Name: "Trần Văn Định"})
		if err != nil {
			t.Fatal(err)
		}
		// The actor as every request sees it: from the session token.
		token, _ := svc.IssueToken(ctx, u.ID)
		verified, err := svc.Authenticate(ctx, token)
		if err != nil || !verified.Verified {
			t.Fatalf("an e-ID citizen must be verified: %+v %v", verified, err)
		}
		counter := who("counter")
		body := func(*dossier.Dossier) ([]byte, error) { return nil, nil }
		for i, who := range []org.Actor{verified, who("citizen"), verified} {
			res, err := svc.Submit(ctx, who, service.NewDossier{ProcedureCode: "3.000333",
				Applicant: dossier.Applicant{Name: who.Name, IDNumber: "001090012345"}}, fmt.Sprint("v", i), fmt.Sprint(i), body)
			if err != nil {
				t.Fatal(err)
			}
			if res.Dossier.VNeIDVerified != who.Verified {
				t.Fatalf("dossier %d: verified %v, filer %v", i, res.Dossier.VNeIDVerified, who.Verified)
			}
			if _, err := svc.Act(ctx, counter, res.Dossier.ID, 1, service.ActionInput{Action: "receive"}, fmt.Sprint("r", i), fmt.Sprint(i), body); err != nil {
				t.Fatal(err)
			}
		}
		period, _ := service.ParsePeriod("2026-12-01", "2026-12-31", now)
		rep, err := svc.Index766(ctx, org.Actor{UserID: 1, Role: org.RoleDirector, AllScope: true}, service.SettlementQuery{Period: period})
		if err != nil {
			t.Fatal(err)
		}
		i, _ := rep.Result.Indicator("4.5b")
		if rep.Counts.VNeID != 2 || i.Numerator != 2 || i.Denominator != 3 || i.Ratio == nil || *i.Ratio != 66.67 {
			t.Fatalf("4.5b: counts %d, indicator %+v", rep.Counts.VNeID, i)
		}
		if _, n, _ := svc.CheckFigures(ctx, 3); n != 0 {
			t.Fatal("the rebuild from the log must count the e-ID dossiers too")
		}
	})
}

// RULES-VN.md §6 4.1: dossiers settled with an electronic result over the
// dossiers settled; the result is the leader's own upload, readable by the
// applicant.
func TestElectronicResultCountsFor4_1(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, ict)
		svc, who := servicetest.DemoAt(t, st, &now)
		body := func(*dossier.Dossier) ([]byte, error) { return nil, nil }
		pdf, err := svc.Upload(ctx, who("leader"), "ket-qua.pdf", strings.NewReader("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for i := range 2 {
			// The second dossier's result is on paper: approved without a file.
			ret := dossier.ReturnOnline
			if i == 1 {
				ret = dossier.ReturnCounter
			}
			res, err := svc.Submit(ctx, who("citizen"), service.NewDossier{ProcedureCode: "3.000333", ReturnMethod: ret,
				Applicant: dossier.Applicant{Name: "Nguyễn Văn Dân", IDNumber: "001090012345"}}, fmt.Sprint("s", i), fmt.Sprint(i), body)
			if err != nil {
				t.Fatal(err)
			}
			d := res.Dossier
			for j, a := range []string{"receive", "transfer"} {
				r, err := svc.Act(ctx, who("counter"), d.ID, d.Version, service.ActionInput{Action: a}, fmt.Sprint("c", i, j), fmt.Sprint(i, j), body)
				if err != nil {
					t.Fatal(err)
				}
				d = r.Dossier
			}
			ids = append(ids, d.ID)
		}
		// A result attached to anything but an approval, or someone else's file, is refused.
		if _, err := svc.Act(ctx, who("leader"), ids[0], 3, service.ActionInput{Action: "reject", Reason: "x", ResultFileIDs: []string{pdf.ID}}, "bad1", "b1", body); err == nil {
			t.Fatal("a result goes with an approval only")
		}
		other, _ := svc.Upload(ctx, who("counter"), "khac.pdf", strings.NewReader("%PDF-1.4\n%%EOF\n"))
		if _, err := svc.Act(ctx, who("leader"), ids[0], 3, service.ActionInput{Action: "approve", ResultFileIDs: []string{other.ID}}, "bad2", "b2", body); err == nil {
			t.Fatal("the leader attaches their own upload only")
		}
		if _, err := svc.Act(ctx, who("leader"), ids[0], 3, service.ActionInput{Action: "approve", ResultFileIDs: []string{pdf.ID}}, "ok1", "o1", body); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Act(ctx, who("leader"), ids[1], 3, service.ActionInput{Action: "approve"}, "ok2", "o2", body); err != nil {
			t.Fatal(err)
		}
		if _, rc, err := svc.DossierFile(ctx, who("citizen"), ids[0], pdf.ID); err != nil {
			t.Fatalf("the applicant reads the electronic result: %v", err)
		} else {
			rc.Close()
		}
		period, _ := service.ParsePeriod("2026-12-01", "2026-12-31", now)
		rep, err := svc.Index766(ctx, who("director"), service.SettlementQuery{Period: period})
		if err != nil {
			t.Fatal(err)
		}
		i, _ := rep.Result.Indicator("4.1")
		if rep.Counts.EResult != 1 || i.Numerator != 1 || i.Denominator != 2 || i.Ratio == nil || *i.Ratio != 50 {
			t.Fatalf("4.1: %+v", i)
		}
		if _, n, _ := svc.CheckFigures(ctx, 3); n != 0 {
			t.Fatal("the log replay must know the electronic result")
		}
	})
}
