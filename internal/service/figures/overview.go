package figures

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/model"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
)

// The director's overview: for each agency, how many dossiers were settled
// early, on time and late in a period, and how many are being processed
// within time, overdue or at risk.
//
// Rules (DESIGN.md "Due dates", RULES-VN.md §3):
//   - A dossier counts once it has been received (it has a due date).
//   - Settled in the period: finished (done, rejected, stopped, or returned
//     without a done step) at an instant in [From 00:00, To+1 00:00), Vietnam
//     time. Late: finished after the due instant. Early: finished before the
//     opening (07:00) of the due date's working day. On time: otherwise.
//   - Being processed, described at AsOf = the end of the period, or now when
//     the period has not ended: received before AsOf and not finished before
//     it. Overdue: the clock ran past the due instant; the clock stops at a
//     supplementation request (Decree 118/2025 Art. 11), so a dossier
//     waiting for the applicant is overdue only if it was already late when
//     the request was made. Within time: otherwise.
//   - At risk: within time, the clock running (not waiting for
//     supplementation), and due no later than the close of the next working
//     day after AsOf's date — so what falls due today and on the next working
//     day, which an agency can still settle if it acts now. At-risk dossiers
//     are a part of the within-time ones, not an addition.
//   - On-time rate: (early + on time) / settled, rounded down to 0.1 % so that
//     100 % is shown only when nothing was late.
//
// For a period that has ended, AsOf is in the past and the figures use each
// dossier's current due date and supplementation state: an extension or a
// supplementation after AsOf is taken as if known then. The current month,
// the default, is exact.

// OverviewKind names one figure of the overview.
type OverviewKind = model.OverviewKind

// The figures, re-exported for transports.
const (
	KindEarly    = model.KindEarly
	KindOnTime   = model.KindOnTime
	KindLate     = model.KindLate
	KindInTime   = model.KindInTime
	KindOverdue  = model.KindOverdue
	KindAtRisk   = model.KindAtRisk
	KindDisliked = model.KindDisliked
)

// Period is a range of whole days in Vietnam's time, both ends included.
type Period struct {
	From, To calendar.Date
}

// MonthOf is the calendar month holding t (Vietnam time).
func MonthOf(t time.Time) Period {
	d := calendar.DateOf(t)
	first := calendar.Date{Year: d.Year, Month: d.Month, Day: 1}
	next := calendar.Date{Year: d.Year, Month: d.Month + 1, Day: 1}
	if d.Month == time.December {
		next = calendar.Date{Year: d.Year + 1, Month: time.January, Day: 1}
	}
	return Period{From: first, To: next.AddDays(-1)}
}

// maxPeriodDays bounds a period so that one request cannot scan decades.
const maxPeriodDays = 3 * 366

// ParsePeriod reads a period from YYYY-MM-DD dates; a missing end defaults
// to the current month's.
func ParsePeriod(from, to string, now time.Time) (Period, error) {
	p := MonthOf(now)
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	var err error
	if from != "" {
		if p.From, err = calendar.ParseDate(from); err != nil {
			return p, apperr.Newf(apperr.Invalid, "period_from_invalid",
				"Ngày bắt đầu %q không hợp lệ; hãy ghi theo dạng năm-tháng-ngày, ví dụ 2026-12-01.",
				"The start date %q is not valid; write it as year-month-day, e.g. 2026-12-01.", from)
		}
	}
	if to != "" {
		if p.To, err = calendar.ParseDate(to); err != nil {
			return p, apperr.Newf(apperr.Invalid, "period_to_invalid",
				"Ngày kết thúc %q không hợp lệ; hãy ghi theo dạng năm-tháng-ngày, ví dụ 2026-12-31.",
				"The end date %q is not valid; write it as year-month-day, e.g. 2026-12-31.", to)
		}
	}
	if p.To.Before(p.From) {
		return p, apperr.New(apperr.Invalid, "period_reversed",
			"Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.", "The end date must be on or after the start date.")
	}
	if p.From.DaysUntil(p.To) >= maxPeriodDays {
		return p, apperr.New(apperr.Invalid, "period_too_long",
			"Khoảng thời gian tối đa 3 năm.", "The period may be at most 3 years.")
	}
	return p, nil
}

// Bounds returns the period as instants: [From 00:00, To+1 00:00) in Vietnam.
func (p Period) Bounds() (start, end time.Time) {
	return p.From.At(0), p.To.AddDays(1).At(0)
}

// OverviewQuery is what the director asks for.
type OverviewQuery struct {
	AgencyID      int64  // 0: every agency
	ProcedureCode string // "": every procedure
	Period        Period
}

// OverviewWindow is the instants a query's rules use.
type OverviewWindow struct {
	Start, End time.Time // settled in [Start, End)
	AsOf       time.Time // in-progress figures describe this instant
	AtRiskBy   time.Time // due no later than this: at risk
	// Running is true while the period has not ended: its in-progress
	// figures are then those of now, counted from the open dossiers. It is
	// decided once, with the instant AsOf was taken from: asking the clock
	// again later gives another instant, and the figures fell back to the
	// sweeps summed to the period's end (open dossiers judged at the end of
	// the month while the page said "as of now").
	Running bool
}

// Window computes the instants of a period seen at now.
func Window(cal *calendar.Calendar, p Period, now time.Time) OverviewWindow {
	w := OverviewWindow{}
	w.Start, w.End = p.Bounds()
	w.AsOf, w.Running = now, true
	if !now.Before(w.End) {
		w.AsOf, w.Running = w.End, false
	}
	w.AtRiskBy = AtRiskBy(cal, w.AsOf)
	return w
}

// AtRiskBy is the close of the next working day after t's date.
func AtRiskBy(cal *calendar.Calendar, t time.Time) time.Time {
	next := calendar.DateOf(t).AddDays(1)
	for i := 0; i < 60 && !cal.IsWorkingDay(next); i++ {
		next = next.AddDays(1)
	}
	return cal.DayEnd(next)
}

// OverviewCounts are one agency's figures.
type OverviewCounts struct{ model.OverviewCounts }

// Settled is the number settled in the period.
func (c OverviewCounts) Settled() int { return c.Early + c.OnTime + c.Late }

// InProgress is the number being processed.
func (c OverviewCounts) InProgress() int { return c.InTime + c.Overdue }

// OnTimeRate is the share settled early or on time, in tenths of a percent
// rounded down (998 is 99.8 %); ok is false when nothing was settled.
func (c OverviewCounts) OnTimeRate() (permille int, ok bool) {
	n := c.Settled()
	if n == 0 {
		return 0, false
	}
	return (c.Early + c.OnTime) * 1000 / n, true
}

// OverviewRow is one agency's line.
type OverviewRow struct {
	Agency org.Agency
	OverviewCounts
}

// Overview is the answer to a query.
type Overview struct {
	Query     OverviewQuery
	Window    OverviewWindow
	Procedure *catalog.Procedure // the procedure filtered on, if any
	Rows      []OverviewRow
	Total     OverviewCounts
}

var errOverviewScope = apperr.New(apperr.Forbidden, "overview_scope",
	"Chỉ lãnh đạo Trung tâm, lãnh đạo tỉnh và quản trị viên xem được số liệu toàn tỉnh.",
	"Only the center's director, the province's leaders and administrators see the whole province's figures.")

// overviewFilter validates a query and returns the store filter for it.
func (s *Figures) overviewFilter(ctx context.Context, actor org.Actor, q OverviewQuery) (model.OverviewFilter, OverviewWindow, *catalog.Procedure, error) {
	var f model.OverviewFilter
	if !actor.AllScope || actor.Role == org.RoleCitizen {
		return f, OverviewWindow{}, nil, errOverviewScope
	}
	if q.Period.From == (calendar.Date{}) || q.Period.To.Before(q.Period.From) {
		return f, OverviewWindow{}, nil, apperr.New(apperr.Invalid, "period_invalid", "Khoảng thời gian không hợp lệ.", "The period is not valid.")
	}
	if q.AgencyID != 0 {
		if _, ok := s.Agency(q.AgencyID); !ok {
			return f, OverviewWindow{}, nil, apperr.New(apperr.Invalid, "agency_unknown", "Không có cơ quan này.", "There is no such agency.")
		}
	}
	var proc *catalog.Procedure
	if q.ProcedureCode != "" {
		p, err := s.Store.Procedure(ctx, q.ProcedureCode, 0)
		if errors.Is(err, model.ErrNotFound) {
			return f, OverviewWindow{}, nil, apperr.Newf(apperr.Invalid, "procedure_unknown", "Không có thủ tục mã %q.", "There is no procedure with code %q.", q.ProcedureCode)
		} else if err != nil {
			return f, OverviewWindow{}, nil, err
		}
		proc = &p
	}
	cal := s.Calendar()
	w := Window(cal, q.Period, s.Now())
	day := calendar.DateOf(w.AsOf)
	f = model.OverviewFilter{AgencyID: q.AgencyID, ProcedureCode: q.ProcedureCode, Start: w.Start, End: w.End,
		AsOf: w.AsOf, AtRiskBy: w.AtRiskBy, DayOpen: cal.DayStart(day).Sub(day.At(0))}
	return f, w, proc, nil
}

// levelRank orders agencies: province first, then districts, then communes.
var levelRank = map[org.Level]int{org.LevelProvince: 0, org.LevelDistrict: 1, org.LevelCommune: 2}

// Overview counts the figures of every agency (or of the one asked for):
// each active agency has a row, with zeros when nothing happened; an
// inactive agency has one only if it still has figures.
func (s *Figures) Overview(ctx context.Context, actor org.Actor, q OverviewQuery) (*Overview, error) {
	f, w, proc, err := s.overviewFilter(ctx, actor, q)
	if err != nil {
		return nil, err
	}
	return s.overview(ctx, q, f, w, proc)
}

func (s *Figures) overview(ctx context.Context, q OverviewQuery, f model.OverviewFilter, w OverviewWindow, proc *catalog.Procedure) (*Overview, error) {
	counts, err := s.overviewCounts(ctx, q, f, w)
	if err != nil {
		return nil, err
	}
	out := &Overview{Query: q, Window: w, Procedure: proc}
	for _, a := range s.Agencies() {
		c, has := counts[a.ID]
		if (q.AgencyID != 0 && a.ID != q.AgencyID) || (!a.Active && !has) {
			continue
		}
		out.Rows = append(out.Rows, OverviewRow{Agency: a, OverviewCounts: OverviewCounts{c}})
		out.Total.OverviewCounts = out.Total.Add(c)
	}
	slices.SortStableFunc(out.Rows, func(a, b OverviewRow) int {
		return cmp.Or(cmp.Compare(levelRank[a.Agency.Level], levelRank[b.Agency.Level]), strings.Compare(a.Agency.Code, b.Agency.Code))
	})
	return out, nil
}

// OverviewPage is one page of the dossiers behind a figure.
type OverviewPage struct {
	Overview *Overview // the figures of the same query (Total holds the figure's count)
	Kind     OverviewKind
	Dossiers []*dossier.Dossier
	Next     *model.OverviewCursor // nil on the last page
}

// OverviewDossiers lists the dossiers counted in one figure, nearest due
// date first, limit at a time.
func (s *Figures) OverviewDossiers(ctx context.Context, actor org.Actor, q OverviewQuery, kind OverviewKind, after *model.OverviewCursor, limit int) (*OverviewPage, error) {
	if !kind.Valid() {
		return nil, apperr.Newf(apperr.Invalid, "overview_kind_invalid",
			"Loại số liệu %q không tồn tại (early, on_time, late, in_time, overdue, at_risk).",
			"Unknown figure %q (early, on_time, late, in_time, overdue, at_risk).", kind)
	}
	f, w, proc, err := s.overviewFilter(ctx, actor, q)
	if err != nil {
		return nil, err
	}
	ov, err := s.overview(ctx, q, f, w, proc)
	if err != nil {
		return nil, err
	}
	if limit <= 0 || limit > 500 {
		limit = 200
	}
	list, err := s.Store.OverviewDossiers(ctx, f, kind, after, limit+1)
	if err != nil {
		return nil, err
	}
	page := &OverviewPage{Overview: ov, Kind: kind, Dossiers: list}
	if len(list) > limit {
		page.Dossiers = list[:limit]
		last := list[limit-1]
		page.Next = &model.OverviewCursor{DueAt: *last.DueAt, ID: last.ID}
	}
	return page, nil
}

// overviewCounts reads the figures from the counters kept with each event
// (DESIGN.md: the dashboard never scans all dossiers): settled in the period
// from the period's rows, in progress from the sweeps summed to its end (or
// from the open dossiers while it runs), and at risk from the short range
// of dossiers due between AsOf and AtRiskBy. The store's Overview SQL says
// the same from the dossiers themselves; tests hold the two together.
func (s *Figures) overviewCounts(ctx context.Context, q OverviewQuery, f model.OverviewFilter, w OverviewWindow) (map[int64]model.OverviewCounts, error) {
	var agencies []int64
	if q.AgencyID != 0 {
		agencies = []int64{q.AgencyID}
	} else {
		for _, a := range s.Agencies() {
			agencies = append(agencies, a.ID)
		}
	}
	sf := model.StatsFilter{AgencyIDs: agencies, Procedure: q.ProcedureCode}
	during, before, live, err := s.periodSums(ctx, sf, q.Period, w)
	if err != nil {
		return nil, err
	}
	risk, err := s.Store.AtRisk(ctx, f)
	if err != nil {
		return nil, err
	}
	out := map[int64]model.OverviewCounts{}
	for _, id := range agencies {
		k := model.StatsKey{AgencyID: id}
		c := figures(during[k], before[k])
		if live != nil {
			o := live[k]
			c.OpenWithin, c.OpenOverdue = o.Open-o.Overdue, o.Overdue
		}
		oc := model.OverviewCounts{Early: int(c.SettledEarly), OnTime: int(c.SettledOnTime), Late: int(c.SettledLate),
			InTime: int(c.OpenWithin), Overdue: int(c.OpenOverdue), AtRisk: risk[id]}
		if oc != (model.OverviewCounts{}) {
			out[id] = oc
		}
	}
	return out, nil
}

// periodSums are the counters a period's figures are made of: the sums over
// its days, the open and overdue dossiers carried into it, and, while it
// runs, those open as of now (one definition for the overview and the
// settlement report, so that they cannot count differently).
func (s *Figures) periodSums(ctx context.Context, sf model.StatsFilter, p Period, w OverviewWindow) (during, before map[model.StatsKey]aggregate.Counts, live map[model.StatsKey]model.OpenCounts, err error) {
	first, last := dayOf(p.From), dayOf(p.To)
	if during, err = s.Store.SumStats(ctx, sf, aggregate.Ranges(first, last)); err != nil {
		return nil, nil, nil, err
	}
	sweeps := sf
	sweeps.Columns = []aggregate.Column{aggregate.Open, aggregate.Overdue}
	if before, err = s.Store.SumStats(ctx, sweeps, aggregate.Before(first)); err != nil {
		return nil, nil, nil, err
	}
	if w.Running {
		if live, err = s.Store.OpenNow(ctx, sf, w.AsOf); err != nil {
			return nil, nil, nil, err
		}
	}
	return during, before, live, nil
}
