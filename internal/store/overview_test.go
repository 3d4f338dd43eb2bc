package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

var ict = time.FixedZone("ICT", 7*3600)

// ictAt is a time in December 2026 (or another month) in Vietnam.
func ictAt(month time.Month, day, hour, min int) time.Time {
	return time.Date(2026, month, day, hour, min, 0, 0, ict)
}

func ptr(t time.Time) *time.Time { return &t }

// overviewDossier stores a dossier with the given dates; nil dates stay unset.
type overviewDossier struct {
	code                               string
	agency                             int64
	proc                               string
	received, due, finished, suspended *time.Time
}

func insertOverviewDossier(t *testing.T, s *store.Store, o overviewDossier) int64 {
	t.Helper()
	now := ictAt(11, 1, 9, 0).UTC()
	d := &dossier.Dossier{Code: o.code, ProcedureCode: o.proc, ProcedureVersion: 1, Status: dossier.Submitted, Channel: dossier.ChannelOnline,
		ReturnMethod: dossier.ReturnOnline, Applicant: dossier.Applicant{Name: "Người nộp " + o.code, IDNumber: "001090000001"},
		Components: []dossier.ComponentFiles{}, ReceivingAgencyID: o.agency, ProcessingAgencyID: o.agency, Version: 1,
		SubmittedAt: now, UpdatedAt: now}
	err := s.InTx(ctx, func(tx *store.Tx) error {
		id, err := tx.InsertDossier(ctx, d)
		if err != nil {
			return err
		}
		d.ID = id
		if o.received == nil {
			return nil
		}
		d.Status, d.ReceivedAt, d.DueAt, d.OriginalDueAt = dossier.Processing, o.received, o.due, o.due
		if o.suspended != nil {
			d.Status, d.SuspendedAt = dossier.SupplementRequested, o.suspended
		}
		if o.finished != nil {
			d.Status, d.FinishedAt = dossier.Done, o.finished
		}
		d.Version = 2
		ok, err := tx.UpdateDossier(ctx, d, 1)
		if !ok && err == nil {
			t.Fatal("update refused")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return d.ID
}

// The overview's SQL, hand-checked on both databases: each boundary of the
// rules sits on one dossier.
func TestOverviewCountsAndLists(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		var a, b int64
		err := s.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if a, err = tx.CreateAgency(ctx, org.Agency{Code: "000.00.10.H99", Name: "Sở A", Level: org.LevelProvince, Kind: org.KindDepartment}); err != nil {
				return err
			}
			if b, err = tx.CreateAgency(ctx, org.Agency{Code: "000.01.30.H99", Name: "Xã B", Level: org.LevelCommune, Kind: org.KindPeoplesCommittee}); err != nil {
				return err
			}
			for _, code := range []string{"1.000001", "1.000002"} {
				if _, _, err := tx.SaveProcedure(ctx, catalog.Procedure{Code: code, Name: "Thủ tục " + code, TimeLimit: catalog.TimeLimit{Amount: 3, Unit: catalog.UnitWorkingDays}}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		recv := ptr(ictAt(12, 1, 9, 0))
		due11 := ptr(ictAt(12, 11, 17, 0)) // Friday; its working day opens at 07:00
		ids := map[string]int64{}
		for _, o := range []overviewDossier{
			{code: "early", agency: a, proc: "1.000001", received: recv, due: due11, finished: ptr(ictAt(12, 3, 10, 0))},
			{code: "early-edge", agency: a, proc: "1.000001", received: recv, due: due11, finished: ptr(ictAt(12, 11, 7, 0).Add(-time.Millisecond))},
			{code: "ontime-open", agency: a, proc: "1.000001", received: recv, due: due11, finished: ptr(ictAt(12, 11, 7, 0))},
			{code: "ontime-due", agency: a, proc: "1.000001", received: recv, due: due11, finished: due11},
			{code: "late", agency: a, proc: "1.000002", received: recv, due: due11, finished: ptr(due11.Add(time.Millisecond))},
			{code: "before-period", agency: a, proc: "1.000001", received: ptr(ictAt(11, 20, 9, 0)), due: ptr(ictAt(11, 25, 17, 0)), finished: ptr(ictAt(11, 30, 23, 59))},
			{code: "overdue", agency: a, proc: "1.000001", received: recv, due: due11},
			{code: "risk-today", agency: a, proc: "1.000001", received: recv, due: ptr(ictAt(12, 14, 17, 0))},
			{code: "risk-edge", agency: a, proc: "1.000001", received: recv, due: ptr(ictAt(12, 15, 17, 0))},
			{code: "in-time", agency: a, proc: "1.000001", received: recv, due: ptr(ictAt(12, 15, 17, 0).Add(time.Millisecond))},
			{code: "waiting", agency: a, proc: "1.000001", received: recv, due: due11, suspended: ptr(ictAt(12, 10, 9, 0))},
			{code: "waiting-late", agency: a, proc: "1.000001", received: recv, due: due11, suspended: ptr(ictAt(12, 12, 9, 0))},
			{code: "b-early", agency: b, proc: "1.000002", received: recv, due: due11, finished: ptr(ictAt(12, 10, 9, 0))},
			{code: "b-future", agency: b, proc: "1.000002", received: ptr(ictAt(12, 14, 11, 0)), due: ptr(ictAt(12, 17, 17, 0))},
			{code: "b-submitted", agency: b, proc: "1.000002"},
		} {
			ids[o.code] = insertOverviewDossier(t, s, o)
		}

		// December, seen on Monday 14 December at 10:00: at risk is what falls
		// due by the close of Tuesday 15 December.
		dec := model.OverviewFilter{Start: ictAt(12, 1, 0, 0), End: time.Date(2027, 1, 1, 0, 0, 0, 0, ict),
			AsOf: ictAt(12, 14, 10, 0), AtRiskBy: ictAt(12, 15, 17, 0), DayOpen: 7 * time.Hour}
		got, err := s.Overview(ctx, dec)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]model.OverviewCounts{
			a: {Early: 2, OnTime: 2, Late: 1, InTime: 4, Overdue: 2, AtRisk: 2},
			b: {Early: 1},
		}
		if len(got) != len(want) || got[a] != want[a] || got[b] != want[b] {
			t.Fatalf("December:\n got %+v\nwant %+v", got, want)
		}

		// Filters narrow the same figures.
		byProc := dec
		byProc.ProcedureCode = "1.000002"
		if got, err := s.Overview(ctx, byProc); err != nil || len(got) != 2 || got[a] != (model.OverviewCounts{Late: 1}) || got[b] != (model.OverviewCounts{Early: 1}) {
			t.Fatalf("procedure filter: %+v %v", got, err)
		}
		byAgency := dec
		byAgency.AgencyID = b
		if got, err := s.Overview(ctx, byAgency); err != nil || len(got) != 1 || got[b] != (model.OverviewCounts{Early: 1}) {
			t.Fatalf("agency filter: %+v %v", got, err)
		}
		// November, seen at its end: one dossier settled late (due 25th, done 30th), nothing open.
		nov := model.OverviewFilter{Start: ictAt(11, 1, 0, 0), End: ictAt(12, 1, 0, 0), AsOf: ictAt(12, 1, 0, 0),
			AtRiskBy: ictAt(12, 2, 17, 0), DayOpen: 7 * time.Hour}
		if got, err := s.Overview(ctx, nov); err != nil || len(got) != 1 || got[a] != (model.OverviewCounts{Late: 1}) {
			t.Fatalf("November: %+v %v", got, err)
		}

		// The list behind each number holds exactly its dossiers, nearest due first.
		list := func(f model.OverviewFilter, kind model.OverviewKind, after *model.OverviewCursor, limit int) []string {
			t.Helper()
			ds, err := s.OverviewDossiers(ctx, f, kind, after, limit)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, d := range ds {
				out = append(out, d.Code)
			}
			return out
		}
		for kind, codes := range map[model.OverviewKind][]string{
			model.KindEarly:   {"early", "early-edge", "b-early"},
			model.KindOnTime:  {"ontime-open", "ontime-due"},
			model.KindLate:    {"late"},
			model.KindOverdue: {"overdue", "waiting-late"},
			model.KindInTime:  {"waiting", "risk-today", "risk-edge", "in-time"},
			model.KindAtRisk:  {"risk-today", "risk-edge"},
		} {
			got := list(dec, kind, nil, 100)
			if !slices.Equal(sortedCopy(got), sortedCopy(codes)) {
				t.Errorf("%s lists %v, want %v", kind, got, codes)
			}
			if len(got) != want[a].Add(want[b]).Get(kind) {
				t.Errorf("%s: %d listed, %d counted", kind, len(got), want[a].Add(want[b]).Get(kind))
			}
		}
		// In-time ordered by due date, paged two at a time.
		first := list(dec, model.KindInTime, nil, 2)
		if !slices.Equal(first, []string{"waiting", "risk-today"}) {
			t.Fatalf("first page %v", first)
		}
		d, _ := s.Dossier(ctx, ids["risk-today"])
		second := list(dec, model.KindInTime, &model.OverviewCursor{DueAt: *d.DueAt, ID: d.ID}, 2)
		if !slices.Equal(second, []string{"risk-edge", "in-time"}) {
			t.Fatalf("second page %v", second)
		}
		if got := list(byProc, model.KindLate, nil, 10); !slices.Equal(got, []string{"late"}) {
			t.Fatalf("late of procedure 1.000002: %v", got)
		}
		if _, err := s.OverviewDossiers(ctx, dec, "nonsense", nil, 10); err == nil {
			t.Fatal("an unknown figure must be refused")
		}
	})
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}
