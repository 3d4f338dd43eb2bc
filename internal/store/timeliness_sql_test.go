package store_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// The figures (the counters kept with each event, and the open dossiers
// counted now) and the overview's drill-down lists answer the same question
// the same way, on both databases: one dossier per case, each in its own
// agency, asked about December 2026 on Monday 14/12 at 10:00 (running) and
// about 1–12 December (ended).
func TestTimelinessFiguresAgreeWithDrillDown(t *testing.T) {
	type dates struct {
		due, finished, suspended *time.Time
		supplements              int
	}
	recv := ictAt(12, 1, 9, 0)
	due11 := ptr(ictAt(12, 11, 17, 0)) // Friday
	cases := []struct {
		name           string
		d              dates
		running, ended string // the kinds the dossier counts in
	}{
		{"due tomorrow: within time and at risk (RULES §3.2)",
			dates{due: ptr(ictAt(12, 15, 17, 0))}, "in_time at_risk", "in_time"},
		{"open past due is overdue: the end is the period's end (RULES §3.2)",
			dates{due: due11}, "overdue", "overdue"},
		{"finished after the due instant is late (NgayKetThucXuLy > NgayHenTra)",
			dates{due: ptr(ictAt(12, 8, 17, 0)), finished: ptr(ictAt(12, 9, 10, 0))}, "late", "late"},
		{"supplemented once, due moved, finished before the due day is early (RULES §3.1(4))",
			dates{due: due11, finished: ptr(ictAt(12, 10, 10, 0)), supplements: 1}, "early", "early"},
		{"supplemented twice is late though finished early (Decree 118 Art. 11(2); 766: hơn 01 lần thì tính quá hạn)",
			dates{due: due11, finished: ptr(ictAt(12, 10, 10, 0)), supplements: 2}, "late", "late"},
		{"supplemented twice and open before due is overdue (766: hơn 01 lần thì tính quá hạn)",
			dates{due: ptr(ictAt(12, 30, 17, 0)), supplements: 2}, "overdue", "overdue"},
		{"paused by a request made in time: the request is the end, within time, not at risk (RULES §3.2)",
			dates{due: due11, suspended: ptr(ictAt(12, 10, 9, 0)), supplements: 1}, "in_time", "in_time"},
		{"paused by a request made after the due instant is overdue",
			dates{due: due11, suspended: ptr(ictAt(12, 12, 9, 0)), supplements: 1}, "overdue", "overdue"},
	}
	dayStart := func(t time.Time) time.Time { return calendar.Default().DayStart(calendar.DateOf(t)) }
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		agencies := make([]int64, len(cases))
		total := aggregate.Delta{}
		err := s.InTx(ctx, func(tx *store.Tx) error {
			if _, _, err := tx.SaveProcedure(ctx, catalog.Procedure{Code: "1.000001", Name: "Thủ tục 1.000001", TimeLimit: catalog.TimeLimit{Amount: 3, Unit: catalog.UnitWorkingDays}}); err != nil {
				return err
			}
			for i, c := range cases {
				a, err := tx.CreateAgency(ctx, org.Agency{Code: fmt.Sprintf("000.00.%02d.H99", 10+i), Name: fmt.Sprintf("Sở %d", i), Level: org.LevelProvince, Kind: org.KindDepartment})
				if err != nil {
					return err
				}
				agencies[i] = a
				sub := recv.UTC()
				d := &dossier.Dossier{Code: fmt.Sprintf("T-%d", i), ProcedureCode: "1.000001", ProcedureVersion: 1, Status: dossier.Submitted,
					Channel: dossier.ChannelOnline, ReturnMethod: dossier.ReturnOnline, Applicant: dossier.Applicant{Name: "Người nộp", IDNumber: "001090000001"},
					Components: []dossier.ComponentFiles{}, ReceivingAgencyID: a, ProcessingAgencyID: a, Version: 1, SubmittedAt: sub, UpdatedAt: sub}
				if d.ID, err = tx.InsertDossier(ctx, d); err != nil {
					return err
				}
				d.Status, d.ReceivedAt, d.DueAt, d.OriginalDueAt, d.SupplementCount = dossier.Processing, &recv, c.d.due, c.d.due, c.d.supplements
				if c.d.suspended != nil {
					d.Status, d.SuspendedAt = dossier.SupplementRequested, c.d.suspended
				}
				if c.d.finished != nil {
					d.Status, d.FinishedAt = dossier.Done, c.d.finished
				}
				d.Version = 2
				if ok, err := tx.UpdateDossier(ctx, d, 1); !ok || err != nil {
					return fmt.Errorf("update %s: %v %w", d.Code, ok, err)
				}
				total.Merge(aggregate.Contribution(d, dayStart))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ReplaceStats(ctx, total); err != nil {
			t.Fatal(err)
		}
		now := ictAt(12, 14, 10, 0)
		for _, q := range []struct {
			name     string
			from, to calendar.Date
			running  bool
		}{
			{"running", calendar.Date{Year: 2026, Month: 12, Day: 1}, calendar.Date{Year: 2026, Month: 12, Day: 31}, true},
			{"ended", calendar.Date{Year: 2026, Month: 12, Day: 1}, calendar.Date{Year: 2026, Month: 12, Day: 12}, false},
		} {
			end := time.Date(q.to.Year, q.to.Month, q.to.Day, 0, 0, 0, 0, ict).AddDate(0, 0, 1)
			asOf := now
			if !q.running {
				asOf = end
			}
			next := calendar.DateOf(asOf).AddDays(1)
			for !calendar.Default().IsWorkingDay(next) {
				next = next.AddDays(1)
			}
			f := model.OverviewFilter{Start: time.Date(2026, 12, 1, 0, 0, 0, 0, ict), End: end, AsOf: asOf,
				AtRiskBy: calendar.Default().DayEnd(next), DayOpen: 7 * time.Hour}
			first, last := int32(q.from.Year*10000+int(q.from.Month)*100+q.from.Day), int32(q.to.Year*10000+int(q.to.Month)*100+q.to.Day)
			sf := model.StatsFilter{AgencyIDs: agencies}
			during, err := s.SumStats(ctx, sf, aggregate.Ranges(first, last))
			if err != nil {
				t.Fatal(err)
			}
			before, err := s.SumStats(ctx, sf, aggregate.Before(first))
			if err != nil {
				t.Fatal(err)
			}
			open, err := s.OpenNow(ctx, sf, now)
			if err != nil {
				t.Fatal(err)
			}
			risk, err := s.AtRisk(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			counted, err := s.Overview(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range cases {
				t.Run(q.name+"/"+c.name, func(t *testing.T) {
					k := model.StatsKey{AgencyID: agencies[i]}
					d, b := during[k], before[k]
					inTime, overdue := b[aggregate.Open]+d[aggregate.Open]-b[aggregate.Overdue]-d[aggregate.Overdue], b[aggregate.Overdue]+d[aggregate.Overdue]
					if q.running {
						inTime, overdue = open[k].Open-open[k].Overdue, open[k].Overdue
					}
					figures := model.OverviewCounts{Early: int(d[aggregate.SettledEarly]), OnTime: int(d[aggregate.SettledOnTime]), Late: int(d[aggregate.SettledLate]),
						InTime: int(inTime), Overdue: int(overdue), AtRisk: risk[agencies[i]]}
					one := f
					one.AgencyID = agencies[i]
					var listed model.OverviewCounts
					var kinds []string
					for _, kind := range model.OverviewKinds {
						list, err := s.OverviewDossiers(ctx, one, kind, nil, 500)
						if err != nil {
							t.Fatal(err)
						}
						if len(list) > 0 {
							kinds = append(kinds, string(kind))
						}
						switch kind {
						case model.KindEarly:
							listed.Early = len(list)
						case model.KindOnTime:
							listed.OnTime = len(list)
						case model.KindLate:
							listed.Late = len(list)
						case model.KindInTime:
							listed.InTime = len(list)
						case model.KindOverdue:
							listed.Overdue = len(list)
						case model.KindAtRisk:
							listed.AtRisk = len(list)
						}
					}
					if figures != listed {
						t.Errorf("figures %+v, drill-down lists %+v", figures, listed)
					}
					if got := counted[agencies[i]]; got != listed {
						t.Errorf("overview counts %+v, drill-down lists %+v", got, listed)
					}
					want := c.running
					if !q.running {
						want = c.ended
					}
					if got := strings.Join(kinds, " "); got != want {
						t.Errorf("listed in %q, want %q", got, want)
					}
				})
			}
		}
	})
}
