package figures_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// lived drives dossiers through their lives with the real service, at
// random moments of November and December 2026, so that the counters are
// kept the way production keeps them: event by event.
func lived(t *testing.T, st *store.Store, n int) (*service.Service, func(time.Time)) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 11, 2, 8, 0, 0, 0, ict)
	svc, actor := servicetest.DemoAt(t, st, &now)
	setNow := func(t time.Time) { now = t }
	citizen, counter, specialist, leader, finance := actor("citizen"), actor("counter"), actor("specialist"), actor("leader"), actor("specialist_tc")
	rng := rand.New(rand.NewPCG(3, 5))
	key := 0
	body := func(*dossier.Dossier) ([]byte, error) { return []byte("{}"), nil }
	for i := range n {
		proc, boss := "3.000333", leader // 10 days, Sở Tư pháp
		if i%3 == 0 {
			proc, boss = "2.001583", finance // 3 working days, Sở Tài chính: the demo has no leader there, so these stay open and fall overdue
		}
		// A working-hours instant between 2 November and 24 December.
		at := time.Date(2026, 11, 2, 7, 30, 0, 0, ict).Add(time.Duration(rng.IntN(52))*24*time.Hour + time.Duration(rng.IntN(18))*30*time.Minute)
		now = at
		key++
		res, err := svc.Submit(ctx, citizen, service.NewDossier{ProcedureCode: proc,
			Applicant:  dossier.Applicant{Name: fmt.Sprintf("Người nộp %d", i), IDNumber: "001090012345"},
			Components: []dossier.ComponentFiles{{Name: "Tờ khai"}}}, fmt.Sprint("k", key), fmt.Sprint(key), body)
		if err != nil {
			t.Fatal(err)
		}
		d := res.Dossier
		step := func(who org.Actor, in service.ActionInput, after time.Duration) bool {
			now = now.Add(after)
			key++
			res, err := svc.Act(ctx, who, d.ID, d.Version, in, fmt.Sprint("k", key), fmt.Sprint(key), body)
			if err != nil {
				return false
			}
			d = res.Dossier
			return true
		}
		hours := func(max int) time.Duration { return time.Duration(1+rng.IntN(max)) * time.Hour }
		if rng.IntN(10) == 0 || !step(counter, service.ActionInput{Action: "receive"}, hours(30)) {
			continue // never received
		}
		step(counter, service.ActionInput{Action: "transfer"}, time.Hour)
		if rng.IntN(4) == 0 {
			step(specialist, service.ActionInput{Action: "request_supplement", Reason: "thiếu giấy tờ"}, hours(100))
			if rng.IntN(3) > 0 {
				step(citizen, service.ActionInput{Action: "supplement", Note: "đã bổ sung"}, hours(150))
			}
		}
		if d.Status == dossier.Processing && rng.IntN(8) == 0 && d.DueAt != nil {
			nd := d.DueAt.Add(72 * time.Hour)
			step(boss, service.ActionInput{Action: "extend", Reason: "cần xác minh", Signer: "Giám đốc", NewDueAt: &nd}, hours(40))
		}
		if d.Status == dossier.Processing && rng.IntN(5) > 0 {
			action := service.ActionInput{Action: "approve"}
			if rng.IntN(6) == 0 {
				action = service.ActionInput{Action: "reject", Reason: "không đủ điều kiện"}
			}
			if step(boss, action, hours(300)) && d.Status == dossier.Done && rng.IntN(2) == 0 {
				step(counter, service.ActionInput{Action: "return_result"}, hours(20))
				if rng.IntN(2) == 0 {
					step(citizen, service.ActionInput{Action: "rate", Rating: 1 + rng.IntN(3)}, hours(10))
				}
			}
		}
	}
	return svc, setNow
}

// The incremental counters agree with a full recomputation from the event
// log, and the figures read from them agree, dossier by dossier, with the
// point-in-time rules of RULES-VN.md §3.2 (classify), for ended and
// running periods and for one agency's subtree.
func TestFiguresFromCountersAgreeWithTheRules(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc, setNow := lived(t, st, 150)
		diffs, n, err := svc.CheckFigures(ctx, 5)
		if err != nil || n != 0 {
			t.Fatalf("incremental counters differ from the event log in %d rows (%v): %v", n, err, diffs)
		}
		director := org.Actor{UserID: 1, Role: org.RoleDirector, AllScope: true}
		dayStart := svc.Deadlines().DayStart
		all, err := st.ListDossiers(ctx, model.DossierFilter{Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		justice, _ := st.AgencyByCode(ctx, demo.DeptJustice)
		check := func(name string, q service.SettlementQuery, now time.Time) {
			t.Run(name, func(t *testing.T) {
				setNow(now)
				got, err := svc.Settlement(ctx, director, q)
				if err != nil {
					t.Fatal(err)
				}
				w := service.Window(svc.Calendar(), q.Period, now)
				var want service.PeriodCounts
				start := w.Start
				for _, d := range all {
					if q.AgencyID != 0 && d.ProcessingAgencyID != q.AgencyID {
						continue
					}
					for _, k := range classify(d, w, dayStart) {
						switch k {
						case service.KindEarly:
							want.SettledEarly++
						case service.KindOnTime:
							want.SettledOnTime++
						case service.KindLate:
							want.SettledLate++
						case service.KindInTime:
							want.OpenWithin++
						case service.KindOverdue:
							want.OpenOverdue++
						}
					}
					if d.ReceivedAt != nil && !d.ReceivedAt.Before(start) && d.ReceivedAt.Before(w.End) {
						want.ReceivedOnline++
					}
					if d.ReceivedAt != nil && d.ReceivedAt.Before(start) && (d.FinishedAt == nil || !d.FinishedAt.Before(start)) {
						want.CarriedOver++
					}
				}
				g := got.Total
				if g.ReceivedOnline != want.ReceivedOnline || g.CarriedOver != want.CarriedOver || g.SettledEarly != want.SettledEarly ||
					g.SettledOnTime != want.SettledOnTime || g.SettledLate != want.SettledLate || g.OpenWithin != want.OpenWithin ||
					g.OpenOverdue != want.OpenOverdue {
					t.Fatalf("counters %+v\n   rules %+v", g, want)
				}
				if g.Settled()+g.OpenWithin+g.OpenOverdue == 0 {
					t.Fatal("the sample must count something")
				}
			})
		}
		dec, _ := service.ParsePeriod("2026-12-01", "2026-12-31", time.Now())
		nov, _ := service.ParsePeriod("2026-11-01", "2026-11-30", time.Now())
		mid, _ := service.ParsePeriod("2026-11-16", "2026-12-09", time.Now())
		late := time.Date(2027, 2, 1, 9, 0, 0, 0, ict)
		check("November, ended", service.SettlementQuery{Period: nov}, late)
		// A running period counts what is open as of now (every event of the
		// sample is in the past by then).
		running, _ := service.ParsePeriod("2026-12-01", "2027-03-31", time.Now())
		check("December to March, running on 1 February", service.SettlementQuery{Period: running}, late)
		check("ragged period across months, ended", service.SettlementQuery{Period: mid}, late)
		check("December, Sở Tư pháp only", service.SettlementQuery{Period: dec, AgencyID: justice.ID}, late)

		// A rebuild from the log gives the same counters.
		setNow(late)
		before, _ := svc.Settlement(ctx, director, service.SettlementQuery{Period: dec, ByProcedure: true})
		if _, err := svc.RebuildFigures(ctx); err != nil {
			t.Fatal(err)
		}
		after, _ := svc.Settlement(ctx, director, service.SettlementQuery{Period: dec, ByProcedure: true})
		if fmt.Sprint(before.Rows) != fmt.Sprint(after.Rows) || len(after.Rows) < 2 {
			t.Fatalf("rebuild changed the figures:\n%v\n%v", before.Rows, after.Rows)
		}
		if _, n, _ := svc.CheckFigures(ctx, 5); n != 0 {
			t.Fatalf("after a rebuild %d rows differ", n)
		}
		// A tampered counter is caught by the check.
		if _, err := st.Exec(ctx, `UPDATE stats SET settled_late = settled_late + 1 WHERE grain = 'y'`); err != nil {
			t.Fatal(err)
		}
		if _, n, _ := svc.CheckFigures(ctx, 5); n == 0 {
			t.Fatal("the check must notice counters that differ from the log")
		}
	})
}

// A database upgraded from a version without counters has dossiers and an
// empty stats table: the first start builds the counters from the log, once.
func TestCountersBuiltOnceAfterUpgrade(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc, _ := lived(t, st, 30)
		// lived's database is new: its flag was taken by nobody yet.
		if done, err := svc.RebuildFiguresIfFlagged(ctx); err != nil || !done {
			t.Fatalf("a new database's flag must be honoured once: %v %v", done, err)
		}
		if done, _ := svc.RebuildFiguresIfFlagged(ctx); done {
			t.Fatal("the counters are built once")
		}
		// Simulate the upgrade: dossiers present, counters gone, flag set.
		if _, err := st.Exec(ctx, `DELETE FROM stats`); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Exec(ctx, `UPDATE stats_rebuild SET needed = 1`); err != nil {
			t.Fatal(err)
		}
		if _, n, _ := svc.CheckFigures(ctx, 1); n == 0 {
			t.Fatal("empty counters must differ from the log")
		}
		if done, err := svc.RebuildFiguresIfFlagged(ctx); err != nil || !done {
			t.Fatalf("rebuild after upgrade: %v %v", done, err)
		}
		if _, n, _ := svc.CheckFigures(ctx, 1); n != 0 {
			t.Fatalf("%d counter rows differ after the rebuild", n)
		}
	})
}
