package figures_test

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/model"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

var ict = time.FixedZone("ICT", 7*3600)

func dec(day, hour, min int) time.Time { return time.Date(2026, 12, day, hour, min, 0, 0, ict) }

func dayStart(t time.Time) time.Time { return calendar.Default().DayStart(calendar.DateOf(t)) }

// The counting rules, by hand. December 2026 seen on Monday 14 December at
// 10:00; the next working day closes on Tuesday 15 December at 17:00.
func TestClassify(t *testing.T) {
	w := service.OverviewWindow{Start: dec(1, 0, 0), End: time.Date(2027, 1, 1, 0, 0, 0, 0, ict), AsOf: dec(14, 10, 0), AtRiskBy: dec(15, 17, 0)}
	due := dec(11, 17, 0) // Friday 11 December, closing time
	ms := time.Millisecond
	type dates struct{ received, due, finished, suspended *time.Time }
	p := func(t time.Time) *time.Time { return &t }
	recv := p(dec(1, 9, 0))
	cases := []struct {
		name string
		d    dates
		want []service.OverviewKind
	}{
		{"not received yet: not counted", dates{}, nil},
		{"settled days before the due date: early", dates{recv, &due, p(dec(3, 10, 0)), nil}, []service.OverviewKind{service.KindEarly}},
		{"settled just before the due day opens: early", dates{recv, &due, p(dec(11, 7, 0).Add(-ms)), nil}, []service.OverviewKind{service.KindEarly}},
		{"settled as the due day opens: on time", dates{recv, &due, p(dec(11, 7, 0)), nil}, []service.OverviewKind{service.KindOnTime}},
		{"settled at the due instant: on time", dates{recv, &due, &due, nil}, []service.OverviewKind{service.KindOnTime}},
		{"settled a millisecond after: late", dates{recv, &due, p(due.Add(ms)), nil}, []service.OverviewKind{service.KindLate}},
		{"settled before the period: not counted", dates{p(dec(1, 9, 0).AddDate(0, 0, -10)), p(dec(1, 9, 0).AddDate(0, 0, -2)), p(dec(1, 0, 0).Add(-ms)), nil}, nil},
		{"settled at the period's first instant: counted", dates{p(dec(1, 9, 0).AddDate(0, 0, -10)), p(dec(1, 9, 0).AddDate(0, 0, -2)), p(dec(1, 0, 0)), nil}, []service.OverviewKind{service.KindLate}},
		{"open past the due instant: overdue", dates{recv, &due, nil, nil}, []service.OverviewKind{service.KindOverdue}},
		{"open, due today: within time and at risk", dates{recv, p(dec(14, 17, 0)), nil, nil}, []service.OverviewKind{service.KindInTime, service.KindAtRisk}},
		{"open, due at the next working day's close: at risk", dates{recv, p(dec(15, 17, 0)), nil, nil}, []service.OverviewKind{service.KindInTime, service.KindAtRisk}},
		{"open, due later: within time", dates{recv, p(dec(15, 17, 0).Add(ms)), nil, nil}, []service.OverviewKind{service.KindInTime}},
		{"open, due exactly now: still within time", dates{recv, p(dec(14, 10, 0)), nil, nil}, []service.OverviewKind{service.KindInTime, service.KindAtRisk}},
		{"waiting for supplementation asked in time: within time, not at risk", dates{recv, &due, nil, p(dec(10, 9, 0))}, []service.OverviewKind{service.KindInTime}},
		{"waiting, asked at the due instant: within time", dates{recv, &due, nil, &due}, []service.OverviewKind{service.KindInTime}},
		{"waiting, asked after the due instant: overdue", dates{recv, &due, nil, p(dec(12, 9, 0))}, []service.OverviewKind{service.KindOverdue}},
		{"received after the instant described: not counted", dates{p(dec(14, 11, 0)), p(dec(17, 17, 0)), nil, nil}, nil},
		{"received at the instant described: not yet", dates{p(dec(14, 10, 0)), p(dec(17, 17, 0)), nil, nil}, nil},
		{"finished after the instant described: still open then", dates{recv, p(dec(21, 17, 0)), p(dec(14, 11, 0)), nil}, []service.OverviewKind{service.KindEarly, service.KindInTime}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &dossier.Dossier{ReceivedAt: c.d.received, DueAt: c.d.due, FinishedAt: c.d.finished, SuspendedAt: c.d.suspended}
			if got := classify(d, w, dayStart); !slices.Equal(got, c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestAtRiskBy(t *testing.T) {
	cal := calendar.Default()
	at := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, ict) }
	for _, c := range []struct {
		name     string
		now, end time.Time
	}{
		{"Monday: Tuesday's close", at(12, 14, 10), at(12, 15, 17)},
		{"Friday: Monday's close", at(12, 11, 10), at(12, 14, 17)},
		{"Saturday: Monday's close", at(12, 12, 10), at(12, 14, 17)},
		{"Wednesday 29 April: 30/4 and 1/5 are off, so Monday 4 May", at(4, 29, 10), at(5, 4, 17)},
		{"late evening still counts its own date", at(12, 14, 23), at(12, 15, 17)},
	} {
		if got := service.AtRiskBy(cal, c.now); !got.Equal(c.end) {
			t.Errorf("%s: %v, want %v", c.name, got, c.end)
		}
	}
}

func TestPeriods(t *testing.T) {
	d := func(y int, m time.Month, day int) calendar.Date { return calendar.Date{Year: y, Month: m, Day: day} }
	for _, c := range []struct {
		now  time.Time
		want service.Period
	}{
		{dec(14, 10, 0), service.Period{From: d(2026, 12, 1), To: d(2026, 12, 31)}},
		{time.Date(2026, 11, 30, 23, 30, 0, 0, time.UTC), service.Period{From: d(2026, 12, 1), To: d(2026, 12, 31)}}, // already 1 December in Vietnam
		{time.Date(2028, 2, 10, 0, 0, 0, 0, ict), service.Period{From: d(2028, 2, 1), To: d(2028, 2, 29)}},
	} {
		if got := service.MonthOf(c.now); got != c.want {
			t.Errorf("MonthOf(%v) = %v, want %v", c.now, got, c.want)
		}
	}
	p, err := service.ParsePeriod("2026-11-01", "2026-11-30", dec(14, 10, 0))
	if err != nil || p != (service.Period{From: d(2026, 11, 1), To: d(2026, 11, 30)}) {
		t.Fatalf("%v %v", p, err)
	}
	start, end := p.Bounds()
	if !start.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, ict)) || !end.Equal(dec(1, 0, 0)) {
		t.Fatalf("bounds %v %v", start, end)
	}
	if p, err := service.ParsePeriod("", "", dec(14, 10, 0)); err != nil || p != service.MonthOf(dec(14, 10, 0)) {
		t.Fatalf("the default period is the current month: %v %v", p, err)
	}
	for _, bad := range [][2]string{{"2026-13-01", ""}, {"01/12/2026", ""}, {"", "2026-02-30"}, {"2026-12-31", "2026-12-01"}, {"2020-01-01", "2026-12-31"}} {
		_, err := service.ParsePeriod(bad[0], bad[1], dec(14, 10, 0))
		if e, ok := apperr.As(err); !ok || e.Kind != apperr.Invalid || e.MessageVi == "" {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func TestOnTimeRate(t *testing.T) {
	for _, c := range []struct {
		early, onTime, late int
		want                int
		ok                  bool
	}{
		{0, 0, 0, 0, false},
		{2, 1, 1, 750, true},
		{1, 1, 1, 666, true}, // rounded down: 66.6 %
		{0, 0, 3, 0, true},
		{1000, 0, 0, 1000, true},
		{1999, 0, 1, 999, true}, // 99.95 % is shown as 99.9 %, never 100 % with a late dossier
	} {
		n := service.OverviewCounts{OverviewCounts: model.OverviewCounts{Early: c.early, OnTime: c.onTime, Late: c.late}}
		got, ok := n.OnTimeRate()
		if got != c.want || ok != c.ok {
			t.Errorf("%d/%d/%d: %d %v, want %d %v", c.early, c.onTime, c.late, got, ok, c.want, c.ok)
		}
	}
}

// The store's SQL and Classify must agree on every dossier: many dossiers
// with dates around every boundary, several windows and filters, both
// databases.
func TestOverviewAgreesWithClassify(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		var agencies [3]int64
		err := st.InTx(ctx, func(tx *store.Tx) error {
			for i, code := range []string{"000.00.10.H99", "000.00.11.H99", "000.01.30.H99"} {
				id, err := tx.CreateAgency(ctx, org.Agency{Code: code, Name: "Cơ quan " + code, Level: org.LevelProvince, Kind: org.KindDepartment})
				if err != nil {
					return err
				}
				agencies[i] = id
			}
			for _, code := range []string{"1.000001", "1.000002"} {
				if _, _, err := tx.SaveProcedure(ctx, catalog.Procedure{Code: code, Name: code, TimeLimit: catalog.TimeLimit{Amount: 3, Unit: catalog.UnitWorkingDays}}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		svc, err := service.New(ctx, st, &service.Blobs{Dir: t.TempDir()}, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		cal := svc.Calendar()
		rng := rand.New(rand.NewPCG(7, 11))
		base := time.Date(2026, 11, 20, 0, 0, 0, 0, ict)
		// Instants on a grid of half hours over ~40 days, so that many land
		// exactly on openings, closings and period bounds.
		instant := func() time.Time { return base.Add(time.Duration(rng.IntN(40*48)) * 30 * time.Minute) }
		var all []*dossier.Dossier
		err = st.InTx(ctx, func(tx *store.Tx) error {
			for i := range 400 {
				sub := base.UTC()
				d := &dossier.Dossier{ProcedureCode: []string{"1.000001", "1.000002"}[i%2], ProcedureVersion: 1, Status: dossier.Submitted,
					Channel: dossier.ChannelOnline, ReturnMethod: dossier.ReturnOnline, Applicant: dossier.Applicant{Name: "A", IDNumber: "001090000001"},
					Components: []dossier.ComponentFiles{}, ReceivingAgencyID: agencies[i%3], ProcessingAgencyID: agencies[i%3], Version: 1,
					SubmittedAt: sub, UpdatedAt: sub}
				id, err := tx.InsertDossier(ctx, d)
				if err != nil {
					return err
				}
				d.ID = id
				if rng.IntN(10) > 0 {
					recv := instant()
					due := cal.DayEnd(calendar.DateOf(recv).AddDays(1 + rng.IntN(12)))
					d.Status, d.ReceivedAt, d.DueAt = dossier.Processing, &recv, &due
					switch rng.IntN(8) {
					case 0: // exactly at the due instant, or as the due day opens, or a moment around
						f := []time.Time{due, dayStart(due), dayStart(due).Add(-time.Millisecond), due.Add(time.Millisecond)}[rng.IntN(4)]
						d.Status, d.FinishedAt = dossier.Done, &f
					case 1, 2, 3:
						f := recv.Add(time.Duration(1+rng.IntN(20*48)) * 30 * time.Minute)
						d.Status, d.FinishedAt = dossier.Done, &f
					case 4:
						s := recv.Add(time.Duration(1+rng.IntN(15*48)) * 30 * time.Minute)
						d.Status, d.SuspendedAt = dossier.SupplementRequested, &s
					}
					if rng.IntN(8) == 0 { // asked twice: late whatever the dates
						d.SupplementCount = 2
					}
					d.Version = 2
					if _, err := tx.UpdateDossier(ctx, d, 1); err != nil {
						return err
					}
				}
				all = append(all, d)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// The counters, as the events of these lives would have kept them.
		total := aggregate.Delta{}
		for _, d := range all {
			total.Merge(aggregate.Contribution(d, dayStart))
		}
		if err := st.ReplaceStats(ctx, total); err != nil {
			t.Fatal(err)
		}
		director := org.Actor{UserID: 1, Role: org.RoleDirector, AllScope: true}
		type query struct {
			name string
			q    service.OverviewQuery
			now  time.Time
		}
		decP, _ := service.ParsePeriod("2026-12-01", "2026-12-31", dec(14, 10, 0))
		early, _ := service.ParsePeriod("2026-12-01", "2026-12-10", dec(14, 10, 0))
		nov, _ := service.ParsePeriod("2026-11-01", "2026-11-30", dec(14, 10, 0))
		for _, c := range []query{
			{"December on the 14th", service.OverviewQuery{Period: decP}, dec(14, 10, 0)},
			{"December on the 14th at the due day's opening", service.OverviewQuery{Period: decP}, dec(14, 7, 0)},
			{"1–10 December, ended", service.OverviewQuery{Period: early}, dec(14, 10, 0)},
			{"November, ended", service.OverviewQuery{Period: nov}, dec(14, 10, 0)},
			{"December, one agency", service.OverviewQuery{Period: decP, AgencyID: agencies[1]}, dec(20, 12, 0)},
			{"December, one procedure", service.OverviewQuery{Period: decP, ProcedureCode: "1.000002"}, dec(20, 12, 0)},
		} {
			t.Run(c.name, func(t *testing.T) {
				svc.Now = func() time.Time { return c.now }
				w := service.Window(cal, c.q.Period, c.now)
				want := map[int64]map[service.OverviewKind][]int64{}
				for _, d := range all {
					if (c.q.AgencyID != 0 && d.ProcessingAgencyID != c.q.AgencyID) || (c.q.ProcedureCode != "" && d.ProcedureCode != c.q.ProcedureCode) {
						continue
					}
					for _, k := range classify(d, w, dayStart) {
						if want[d.ProcessingAgencyID] == nil {
							want[d.ProcessingAgencyID] = map[service.OverviewKind][]int64{}
						}
						want[d.ProcessingAgencyID][k] = append(want[d.ProcessingAgencyID][k], d.ID)
					}
				}
				ov, err := svc.Overview(ctx, director, c.q)
				if err != nil {
					t.Fatal(err)
				}
				total := 0
				for _, row := range ov.Rows {
					for _, k := range model.OverviewKinds {
						if got, exp := row.Get(k), len(want[row.Agency.ID][k]); got != exp {
							t.Errorf("agency %d %s: overview %d, Classify %d", row.Agency.ID, k, got, exp)
						}
						total += row.Get(k)
						page, err := svc.OverviewDossiers(ctx, director, service.OverviewQuery{Period: c.q.Period, AgencyID: row.Agency.ID, ProcedureCode: c.q.ProcedureCode}, k, nil, 500)
						if err != nil {
							t.Fatal(err)
						}
						var ids []int64
						for _, d := range page.Dossiers {
							ids = append(ids, d.ID)
						}
						slices.Sort(ids)
						if !slices.Equal(ids, want[row.Agency.ID][k]) {
							t.Errorf("agency %d %s: listed %v, Classify %v", row.Agency.ID, k, ids, want[row.Agency.ID][k])
						}
					}
				}
				if total == 0 {
					t.Fatal("the sample must count something")
				}
			})
		}
	})
}

func TestOverviewIsForTheWholeProvinceRoles(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	svc, err := service.New(ctx, st, &service.Blobs{Dir: t.TempDir()}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	p := service.MonthOf(dec(14, 10, 0))
	for _, a := range []org.Actor{{Role: org.RoleCounter, AgencyID: 1, Scope: []int64{1}}, {Role: org.RoleCitizen}, {Role: org.RoleLeader, Scope: []int64{1, 2}}} {
		if _, err := svc.Overview(ctx, a, service.OverviewQuery{Period: p}); err == nil {
			t.Errorf("%s must not see the province's figures", a.Role)
		} else if e, _ := apperr.As(err); e == nil || e.Kind != apperr.Forbidden {
			t.Errorf("%s: %v", a.Role, err)
		}
	}
	director := org.Actor{Role: org.RoleDirector, AllScope: true}
	if _, err := svc.Overview(ctx, director, service.OverviewQuery{Period: p, ProcedureCode: "9.999999"}); err == nil {
		t.Error("an unknown procedure must be refused")
	}
	if _, err := svc.Overview(ctx, director, service.OverviewQuery{Period: p, AgencyID: 404}); err == nil {
		t.Error("an unknown agency must be refused")
	}
	if _, err := svc.OverviewDossiers(ctx, director, service.OverviewQuery{Period: p}, "sideways", nil, 10); err == nil {
		t.Error("an unknown figure must be refused")
	}
}
