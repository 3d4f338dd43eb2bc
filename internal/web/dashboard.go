package web

import (
	"cmp"
	"context"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/index766"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/view"
)

// The 766 dashboard (GET /director/index): the Decision 766 index of the
// province or of one agency for a period, as the national portal computes it
// (service.Index766): the total and its band, what part of the 100 points the
// system can measure, the six groups, the trend over 12 weeks, every
// agency's total, and the indicators with the dossiers behind them. The
// numbers that have a list link to the director's drill-down
// (/director/dossiers), which lists the dossiers behind a figure.

func init() {
	addMessages(map[string][2]string{
		"dash.title":                 {"Bộ chỉ số 766", "Decision 766 index"},
		"dash.nav":                   {"Chỉ số 766", "766 index"},
		"dash.link":                  {"Xem Bộ chỉ số 766 (điểm, xếp hạng, xu hướng theo tuần)", "See the Decision 766 index (score, ranking, weekly trend)"},
		"dash.to_province":           {"Xem chỉ số toàn tỉnh", "See the whole province's index"},
		"dash.province":              {"Toàn tỉnh", "Whole province"},
		"dash.filters":               {"Chọn phạm vi và kỳ số liệu", "Choose the scope and period"},
		"dash.agency":                {"Cơ quan", "Agency"},
		"dash.custom":                {"Xem theo ngày đã chọn", "Show these dates"},
		"dash.custom_open":           {"Chọn khoảng ngày khác", "Choose other dates"},
		"dash.asof_past":             {"Hồ sơ đang giải quyết được tính tại cuối kỳ (hết ngày %s).", "Dossiers being processed are counted at the end of the period (%s)."},
		"dash.asof_now":              {"Kỳ chưa kết thúc: hồ sơ đang giải quyết được tính đến %s.", "The period has not ended: dossiers being processed are counted as of %s."},
		"dash.presets":               {"Hoặc chọn nhanh kỳ số liệu", "Or pick a period"},
		"dash.p.this_week":           {"Tuần này", "This week"},
		"dash.p.last_week":           {"Tuần trước", "Last week"},
		"dash.p.this_month":          {"Tháng này", "This month"},
		"dash.p.last_month":          {"Tháng trước", "Last month"},
		"dash.p.this_quarter":        {"Quý này", "This quarter"},
		"dash.p.this_year":           {"Năm nay", "This year"},
		"dash.period_bad":            {"Kỳ số liệu đã chọn không hợp lệ.", "The chosen period is not valid."},
		"dash.agency_unknown":        {"Không có cơ quan này.", "There is no such agency."},
		"dash.headline":              {"Kết quả", "Result"},
		"dash.total":                 {"Tổng điểm", "Total score"},
		"dash.total_band":            {"%s điểm — %s", "%s points — %s"},
		"dash.measured":              {"Phần đo được", "Measured part"},
		"dash.measured_n":            {"%s/100 điểm", "%s/100 points"},
		"dash.measured_text":         {"đo được %s/100 điểm; %s điểm cần nhập số liệu ngoài hệ thống", "%s of 100 points measured; %s points need figures from outside the system"},
		"dash.measured_all":          {"đo được đủ 100/100 điểm", "all 100 points measured"},
		"dash.enter":                 {"Nhập số liệu ngoài hệ thống (quản trị viên)", "Enter the figures from outside the system (administrators)"},
		"dash.band_note":             {"Xếp loại tính như Cổng DVCQG: phần chưa đo được tính 0 điểm.", "The band is computed as the national portal does: unmeasured points count as 0."},
		"dash.rank":                  {"Xếp hạng", "Rank"},
		"dash.rank_n":                {"%d/%d", "%d/%d"},
		"dash.rank_text":             {"trong %d cơ quan có hồ sơ trong kỳ", "among %d agencies with dossiers in the period"},
		"dash.rank_none":             {"không xếp hạng: không có hồ sơ trong kỳ", "not ranked: no dossiers in the period"},
		"dash.rank_province":         {"Cơ quan dẫn đầu", "Leading agency"},
		"dash.rank_province_t":       {"%s điểm; thấp nhất: %s, %s điểm (%d cơ quan có hồ sơ).", "%s points; lowest: %s, %s points (%d agencies with dossiers)."},
		"dash.rank_province_1":       {"%s điểm; cơ quan duy nhất có hồ sơ trong kỳ.", "%s points; the only agency with dossiers in the period."},
		"dash.rank_province_0":       {"Chưa cơ quan nào có hồ sơ trong kỳ.", "No agency has dossiers in the period."},
		"dash.ontime":                {"2.1 Trước hạn, đúng hạn", "2.1 Early or on time"},
		"dash.ontime_text":           {"%s/%s hồ sơ", "%s of %s dossiers"},
		"dash.lost":                  {"Hồ sơ làm mất điểm chỉ số 2.1:", "Dossiers costing points on indicator 2.1:"},
		"dash.lost_none":             {"Không có hồ sơ quá hạn trong kỳ.", "No late or overdue dossiers in the period."},
		"dash.figures":               {"Số hồ sơ trong kỳ", "Dossiers in the period"},
		"dash.figures_cap":           {"Bấm vào một số để xem danh sách hồ sơ", "Select a number to see the dossiers"},
		"dash.received":              {"Tiếp nhận", "Received"},
		"dash.received_by":           {"trực tuyến %s · trực tiếp %s · bưu chính %s", "online %s · counter %s · post %s"},
		"dash.dislikes":              {"Không hài lòng", "Dissatisfied"},
		"dash.dislikes_hint":         {"đánh giá khi nhận kết quả", "rated on receiving the result"},
		"dash.groups":                {"Điểm theo nhóm chỉ số", "Points by group"},
		"dash.trend":                 {"Xu hướng 12 tuần", "Trend over 12 weeks"},
		"dash.trend_intro":           {"Mỗi tuần từ thứ Hai đến Chủ nhật, đến hết tuần có ngày %s. Tuần không có hồ sơ để trống, không tính là 0.", "Each week runs Monday to Sunday, up to the week of %s. A week without dossiers is left blank, not counted as 0."},
		"dash.ranking":               {"Xếp hạng các cơ quan", "Agencies ranked"},
		"dash.ranking_intro":         {"Tổng điểm của từng cơ quan trong cùng kỳ; bấm vào tên để xem chỉ số của cơ quan đó.", "Each agency's total for the same period; select a name to see that agency's index."},
		"dash.ranking_nodata":        {"Không có hồ sơ trong kỳ, không xếp hạng:", "No dossiers in the period, not ranked:"},
		"dash.table":                 {"Xem số liệu dạng bảng", "Show the figures as a table"},
		"dash.col.group":             {"Nhóm chỉ số", "Group"},
		"dash.col.points":            {"Điểm", "Points"},
		"dash.col.max":               {"Tối đa", "Maximum"},
		"dash.col.unmeasured":        {"Chưa đo", "Not measured"},
		"dash.col.week":              {"Tuần", "Week"},
		"dash.col.total":             {"Tổng điểm", "Total"},
		"dash.col.ontime":            {"2.1 Tỷ lệ", "2.1 Ratio"},
		"dash.col.dossiers":          {"Hồ sơ (mẫu số 2.1)", "Dossiers (2.1 denominator)"},
		"dash.col.rank":              {"Hạng", "Rank"},
		"dash.col.agency":            {"Cơ quan", "Agency"},
		"dash.col.band":              {"Xếp loại", "Band"},
		"dash.col.measured":          {"Đo được", "Measured"},
		"dash.col.indicator":         {"Chỉ số", "Indicator"},
		"dash.col.fraction":          {"Tử số / mẫu số", "Numerator / denominator"},
		"dash.col.ratio":             {"Tỷ lệ", "Ratio"},
		"dash.col.score":             {"Điểm / tối đa", "Points / max"},
		"dash.col.target":            {"Mục tiêu", "Target"},
		"dash.week_label":            {"Tuần %d: %s", "Week %d: %s"},
		"dash.no_data":               {"không có số liệu", "no data"},
		"dash.indicators":            {"Các chỉ số thành phần", "The indicators"},
		"dash.indicators_cap":        {"Chỉ số thành phần theo nhóm (bấm vào số để xem hồ sơ)", "Indicators by group (select a number to see the dossiers)"},
		"dash.unmeasured":            {"chưa đo", "not measured"},
		"dash.why.enter":             {"cần quản trị viên nhập số liệu", "an administrator must enter the figures"},
		"dash.why.procedure":         {"chỉ tính khi chọn một thủ tục", "shown for one procedure only"},
		"dash.why.none":              {"hệ thống chưa có số liệu", "the system does not hold these figures"},
		"dash.na":                    {"chưa phát sinh", "none yet"},
		"dash.monitored_cap":         {"Chỉ số theo dõi, không tính điểm", "Monitored indicators, not scored"},
		"dash.monitored_title":       {"Chỉ số theo dõi, không tính điểm (%d)", "Monitored indicators, not scored (%d)"},
		"dash.monitored":             {"theo dõi, không tính điểm", "monitored, not scored"},
		"dash.target_n":              {"≥ %s%%", "≥ %s%%"},
		"dash.gained":                {"Tính vào tử số:", "Counted in the numerator:"},
		"dash.lost_in":               {"Làm mất điểm:", "Costing points:"},
		"dash.k.early":               {"%s trước hạn", "%s early"},
		"dash.k.on_time":             {"%s đúng hạn", "%s on time"},
		"dash.k.late":                {"%s giải quyết quá hạn", "%s settled late"},
		"dash.k.in_time":             {"%s đang giải quyết trong hạn", "%s being processed within time"},
		"dash.k.overdue":             {"%s đang giải quyết đã quá hạn", "%s being processed and overdue"},
		"dash.k.dislikes":            {"%s không hài lòng hoặc có phản ánh", "%s dissatisfied or complained about"},
		"dash.rules":                 {"Cách tính", "How it is computed"},
		"dash.rule_sum":              {"Tổng điểm là tổng điểm 6 nhóm như Cổng DVCQG công bố (18 + 20 + 12 + 10 + 22 + 18 = 100). Mỗi chỉ số: tỷ lệ = tử số / mẫu số; có mục tiêu thì đạt mục tiêu được điểm tối đa, chưa đạt thì điểm = tỷ lệ × điểm tối đa / mục tiêu; không có mục tiêu thì điểm = tỷ lệ × điểm tối đa.", "The total is the sum of the six groups the national portal publishes (18 + 20 + 12 + 10 + 22 + 18 = 100). Each indicator: ratio = numerator / denominator; with a target, reaching it earns the maximum, otherwise points = ratio × maximum / target; without one, points = ratio × maximum."},
		"dash.rule_21":               {"2.1: (trước hạn + đúng hạn + đang giải quyết trong hạn) / (đã giải quyết + đang giải quyết) trong kỳ. Hồ sơ đang giải quyết được tính tại cuối kỳ (hoặc hiện tại nếu kỳ chưa kết thúc).", "2.1: (early + on time + being processed within time) / (settled + being processed) in the period. Dossiers being processed are counted at the end of the period (or now while it runs)."},
		"dash.rule_54":               {"5.4: 100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ bị đánh giá không hài lòng) trên số hồ sơ đã giải quyết; mục tiêu 90%.", "5.4: 100% − (late share + dissatisfied share) of the dossiers settled; target 90%."},
		"dash.rule_bands":            {"Xếp loại: Xuất sắc từ 90; Tốt từ 80; Khá từ 70; Trung bình từ 50; Yếu dưới 50.", "Bands: Excellent from 90; Good from 80; Fair from 70; Average from 50; Weak below 50."},
		"dash.svg.none":              {"Không có số liệu trong kỳ.", "No figures for the period."},
		"dash.svg.of":                {"%s / %s", "%s / %s"},
		"dash.svg.group_desc":        {"%s: %s trên %s điểm.", "%s: %s of %s points."},
		"dash.svg.group_unmeasured":  {"Chưa đo %s điểm.", "%s points not measured."},
		"dash.svg.legend_earned":     {"Điểm đạt được", "Points earned"},
		"dash.svg.legend_lost":       {"Điểm bị mất (đã đo)", "Points lost (measured)"},
		"dash.svg.legend_unmeasured": {"Chưa đo (cần số liệu ngoài hệ thống)", "Not measured (figures from outside)"},
		"dash.svg.week":              {"Tuần %s: tổng %s điểm, chỉ số 2.1 đạt %s%%.", "Week %s: total %s points, indicator 2.1 at %s%%."},
		"dash.svg.week_no21":         {"Tuần %s: tổng %s điểm, chỉ số 2.1 chưa phát sinh.", "Week %s: total %s points, no dossier for indicator 2.1."},
		"dash.svg.week_none":         {"Tuần %s: không có số liệu.", "Week %s: no data."},
		"dash.svg.na":                {"không có", "none"},
		"dash.svg.legend_total":      {"Tổng điểm (thang 100)", "Total score (out of 100)"},
		"dash.svg.legend_ontime":     {"2.1 Tỷ lệ trước hạn, đúng hạn (%)", "2.1 Early or on-time ratio (%)"},
		"dash.svg.legend_gap":        {"Tuần không có số liệu", "Week without data"},
		"dash.svg.rank_desc":         {"Hạng %d: %s, %s điểm, %s.", "Rank %d: %s, %s points, %s."},
		"dash.svg.current":           {"(đang xem)", "(shown)"},
		"dash.chart.groups":          {"Biểu đồ điểm theo 6 nhóm chỉ số", "Chart of the points of the six groups"},
		"dash.chart.trend":           {"Biểu đồ tổng điểm và chỉ số 2.1 theo tuần", "Chart of the total and indicator 2.1 by week"},
		"dash.chart.ranking":         {"Biểu đồ tổng điểm của các cơ quan", "Chart of the agencies' totals"},
	})
}

func (s *Server) dashboardRoutes() {
	s.mux.HandleFunc("GET /director/index", s.require(s.dashboard, org.RoleDirector, org.RoleChair, org.RoleAdmin))
	s.mux.HandleFunc("GET /director/report", s.require(s.settlementDownload, org.RoleDirector, org.RoleChair, org.RoleAdmin))
}

// dashPresets are the periods offered in one click.
var dashPresets = []string{"this_week", "last_week", "this_month", "last_month", "this_quarter", "this_year"}

// dashFilter is the form as typed.
type dashFilter struct {
	Agency, Period, From, To string
}

func readDashFilter(r *http.Request) dashFilter {
	q := r.URL.Query()
	return dashFilter{Agency: strings.TrimSpace(q.Get("agency")), Period: strings.TrimSpace(q.Get("period")),
		From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to"))}
}

// href is the dashboard of an agency (0: the province) for the filter's dates.
func (f dashFilter) href(agency int64) string {
	v := url.Values{}
	if agency != 0 {
		v.Set("agency", strconv.FormatInt(agency, 10))
	}
	v.Set("from", f.From)
	v.Set("to", f.To)
	return "/director/index?" + v.Encode()
}

// mondayOf is the Monday of d's week (weeks run Monday to Sunday).
func mondayOf(d calendar.Date) calendar.Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

// presetPeriod is a named period around today.
func presetPeriod(name string, today calendar.Date) (service.Period, bool) {
	month := func(y int, m time.Month) calendar.Date { return calendar.Date{Year: y, Month: m, Day: 1} }
	monthsFrom := func(first calendar.Date, n int) service.Period {
		t := time.Date(first.Year, first.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return service.Period{From: first, To: month(t.Year(), t.Month()).AddDays(-1)}
	}
	switch name {
	case "this_week":
		m := mondayOf(today)
		return service.Period{From: m, To: m.AddDays(6)}, true
	case "last_week":
		m := mondayOf(today).AddDays(-7)
		return service.Period{From: m, To: m.AddDays(6)}, true
	case "this_month":
		return monthsFrom(month(today.Year, today.Month), 1), true
	case "last_month":
		first := month(today.Year, today.Month).AddDays(-1)
		return monthsFrom(month(first.Year, first.Month), 1), true
	case "this_quarter":
		return monthsFrom(month(today.Year, (today.Month-1)/3*3+1), 3), true
	case "this_year":
		return monthsFrom(month(today.Year, time.January), 12), true
	}
	return service.Period{}, false
}

func dashInvalid(code, key string) error {
	return apperr.New(apperr.Invalid, code, translate("vi", key), translate("en", key))
}

// query reads the scope and period; no period is this month, dates without
// a preset are a custom period.
func (s *Server) dashQuery(f *dashFilter) (int64, service.Period, error) {
	var agency int64
	if f.Agency != "" {
		id, err := strconv.ParseInt(f.Agency, 10, 64)
		if err != nil || id <= 0 {
			return 0, service.Period{}, dashInvalid("agency_invalid", "dir.agency_bad")
		}
		if _, ok := s.svc.Agency(id); !ok {
			return 0, service.Period{}, dashInvalid("agency_unknown", "dash.agency_unknown")
		}
		agency = id
	}
	now := s.svc.Now()
	if f.Period == "" {
		f.Period = "custom"
		if f.From == "" && f.To == "" {
			f.Period = "this_month"
		}
	}
	if f.Period == "custom" {
		p, err := service.ParsePeriod(f.From, f.To, now)
		if err == nil {
			// Dates that are a preset's show as that preset.
			for _, name := range dashPresets {
				if pp, _ := presetPeriod(name, calendar.DateOf(now)); pp == p {
					f.Period = name
					break
				}
			}
		}
		return agency, p, err
	}
	p, ok := presetPeriod(f.Period, calendar.DateOf(now))
	if !ok {
		return 0, p, dashInvalid("period_invalid", "dash.period_bad")
	}
	return agency, p, nil
}

// dashLink is a count with the list behind it (Href empty: no list).
type dashLink struct {
	Text, Href, Label string
}

// dashStat is one headline figure.
type dashStat struct {
	Label, Value, Text string
	Href, LinkText     string
}

type dashGroupRow struct {
	Name, Points, Max, Unmeasured string
}

type dashWeek struct {
	Label, Total, OnTime, Dossiers string
	Gap                            bool
}

type dashRankRow struct {
	Rank                              int
	Name, Href, Total, Band, Measured string
	Current                           bool
}

// dashLine is a sentence of linked counts under an indicator.
type dashLine struct {
	Lead  string
	Items []dashLink
}

type dashInd struct {
	ID, Name      string
	Available     bool
	Scored        bool
	Fraction      string
	Ratio         string
	Score, Target string
	Why           string
	Lines         []dashLine
}

type dashSection struct {
	Name, Score string
	Rows        []dashInd
}

type dashboardData struct {
	F        dashFilter
	Agencies []org.Agency
	Presets  []string
	Ready    bool

	Scope         string
	ProvinceHref  string // set when an agency is shown
	ReportHref    string // the settlement report of the same scope and period, format added by the page
	From, To      time.Time
	AsOfText      string
	Monitored     []dashInd
	Stats         []dashStat
	Lost          []dashLink
	Figures       []dashStat
	GroupsSVG     template.HTML
	Groups        []dashGroupRow
	TrendSVG      template.HTML
	TrendEnd      time.Time
	Weeks         []dashWeek
	RankingSVG    template.HTML
	Ranking       []dashRankRow
	NoData        []dashRankRow
	Sections      []dashSection
	EnterHref     string
	HasUnmeasured bool
}

// inLang picks the name in the page's language.
func inLang(lang, vi, en string) string {
	if lang == "en" {
		return en
	}
	return vi
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request, sess *session) {
	f := readDashFilter(r)
	d := &dashboardData{F: f, Agencies: s.svc.Agencies(), Presets: dashPresets}
	v := s.newView(r, "dash.title", d)
	agency, p, err := s.dashQuery(&d.F)
	if err == nil {
		err = s.fillDashboard(r.Context(), v, d, sess.Actor, agency, p)
	}
	if err != nil {
		if _, ok := apperr.As(err); !ok || s.httpStatus(r, err) == http.StatusForbidden {
			s.renderError(w, r, err)
			return
		}
		d.Ready = false
		v.Error = v.ErrorText(err)
		s.render(w, r, s.httpStatus(r, err), "dashboard", v)
		return
	}
	s.render(w, r, 200, "dashboard", v)
}

// fillDashboard computes everything the page shows.
func (s *Server) fillDashboard(ctx context.Context, v *view.View, d *dashboardData, actor org.Actor, agency int64, p service.Period) error {
	rep, err := s.svc.Index766(ctx, actor, service.SettlementQuery{AgencyID: agency, Period: p})
	if err != nil {
		return err
	}
	lang, res, c := v.Lang, rep.Result, rep.Counts
	// Links and the form carry the period actually shown.
	d.F.From, d.F.To = p.From.String(), p.To.String()
	dir := dirFilter{From: d.F.From, To: d.F.To}
	d.Ready, d.From, d.To = true, p.From.At(0), p.To.At(0)
	d.ReportHref = reportHref(agency, p)
	if !rep.Window.Running {
		d.AsOfText = v.T("dash.asof_past", p.To.At(0).Format("02/01/2006"))
	} else {
		d.AsOfText = v.T("dash.asof_now", rep.Window.AsOf.In(vietnam).Format("15:04, 02/01/2006"))
	}
	d.Scope = v.T("dash.province")
	if agency != 0 {
		a, _ := s.svc.Agency(agency)
		d.Scope, d.ProvinceHref = a.Name, d.F.href(0)
	}
	v.Title += " — " + d.Scope

	// The lists behind the counts.
	kindLink := func(kind service.OverviewKind, n int64) dashLink {
		return dashLink{Text: v.T("dash.k."+string(kind), fmtCount(lang, n)), Href: dir.link(agency, kind),
			Label: v.T("dir.link", int(n), v.T("dir.list."+string(kind)), d.Scope)}
	}
	early, onTime, late := kindLink(model.KindEarly, c.SettledEarly), kindLink(model.KindOnTime, c.SettledOnTime), kindLink(model.KindLate, c.SettledLate)
	inTime, overdue := kindLink(model.KindInTime, c.OpenWithin), kindLink(model.KindOverdue, c.OpenOverdue)
	// 5.4 counts a settled dossier disliked or complained about once.
	unhappy := c.Dislikes + c.Complained
	dislikes := dashLink{Text: v.T("dash.k.dislikes", fmtCount(lang, unhappy)), Href: dir.link(agency, model.KindDisliked),
		Label: v.T("dir.link", int(unhappy), v.T("dir.list.disliked"), d.Scope)}
	if c.SettledLate > 0 {
		d.Lost = append(d.Lost, late)
	}
	if c.OpenOverdue > 0 {
		d.Lost = append(d.Lost, overdue)
	}

	// Headline.
	d.HasUnmeasured = res.Unmeasured > 0
	d.EnterHref = "/admin/index-inputs"
	measured := dashStat{Label: v.T("dash.measured"), Value: v.T("dash.measured_n", fmtPts(lang, res.Measured())), Text: v.T("dash.measured_all")}
	if d.HasUnmeasured {
		measured.Text = v.T("dash.measured_text", fmtPts(lang, res.Measured()), fmtPts(lang, res.Unmeasured))
		measured.Href, measured.LinkText = d.EnterHref, v.T("dash.enter")
	}
	d.Stats = append(d.Stats,
		dashStat{Label: v.T("dash.total"), Value: v.T("dash.total_band", fmtNum(lang, res.Total, 2), inLang(lang, res.Band.NameVI, res.Band.NameEN)),
			Text: v.T("dash.band_note")},
		measured)

	// Ranking of every agency for the same period.
	if err := s.dashRanking(ctx, v, d, actor, agency, p); err != nil {
		return err
	}
	rank := dashStat{Label: v.T("dash.rank_province"), Value: "—", Text: v.T("dash.rank_province_0")}
	if n := len(d.Ranking); n > 0 {
		first, last := d.Ranking[0], d.Ranking[n-1]
		rank.Value, rank.Href, rank.LinkText = first.Name, "#rank", v.T("dash.ranking")
		rank.Text = v.T("dash.rank_province_1", first.Total)
		if n > 1 {
			rank.Text = v.T("dash.rank_province_t", first.Total, last.Name, last.Total, n)
		}
	}
	if agency != 0 {
		rank = dashStat{Label: v.T("dash.rank"), Value: "—", Text: v.T("dash.rank_none")}
		for _, row := range d.Ranking {
			if row.Current {
				rank.Value, rank.Text = v.T("dash.rank_n", row.Rank, len(d.Ranking)), v.T("dash.rank_text", len(d.Ranking))
			}
		}
	}
	d.Stats = append(d.Stats, rank)
	if ind, ok := res.Indicator("2.1"); ok {
		st := dashStat{Label: v.T("dash.ontime"), Value: "—", Text: v.T("dash.na")}
		if ind.Ratio != nil {
			st.Value = fmtNum(lang, *ind.Ratio, 2) + "%"
			st.Text = v.T("dash.ontime_text", fmtCount(lang, ind.Numerator), fmtCount(lang, ind.Denominator))
		}
		d.Stats = append(d.Stats, st)
	}

	// The counts, each with its list.
	d.Figures = []dashStat{
		{Label: v.T("dash.received"), Value: fmtCount(lang, c.Received()),
			Text: v.T("dash.received_by", fmtCount(lang, c.ReceivedOnline), fmtCount(lang, c.ReceivedCounter), fmtCount(lang, c.ReceivedPostal))},
	}
	for _, k := range []struct {
		kind service.OverviewKind
		n    int64
		l    dashLink
	}{{model.KindEarly, c.SettledEarly, early}, {model.KindOnTime, c.SettledOnTime, onTime}, {model.KindLate, c.SettledLate, late},
		{model.KindInTime, c.OpenWithin, inTime}, {model.KindOverdue, c.OpenOverdue, overdue}} {
		d.Figures = append(d.Figures, dashStat{Label: v.T("dir.list." + string(k.kind)), Value: fmtCount(lang, k.n), Href: k.l.Href, LinkText: k.l.Label})
	}
	d.Figures = append(d.Figures, dashStat{Label: v.T("dash.dislikes"), Value: fmtCount(lang, c.Dislikes), Text: v.T("dash.dislikes_hint")})

	// Groups.
	var bars []groupBar
	for _, g := range res.Groups {
		name := inLang(lang, g.NameVI, g.NameEN)
		bars = append(bars, groupBar{Name: name, Points: g.Points, Max: g.Max, Unmeasured: g.Unmeasured})
		d.Groups = append(d.Groups, dashGroupRow{Name: name, Points: fmtNum(lang, g.Points, 2), Max: fmtPts(lang, g.Max), Unmeasured: fmtPts(lang, g.Unmeasured)})
	}
	// The charts are built by svg.go from numbers and escaped strings only
	// (see the safety note there), so they may be embedded as they are.
	d.GroupsSVG = template.HTML(groupsChart("chart-groups", v.T("dash.chart.groups"), lang, v.T, bars))

	// Indicators.
	enterable := map[string]bool{}
	for _, id := range service.EnterableIndicators {
		enterable[id] = true
	}
	for _, g := range res.Groups {
		sec := dashSection{Name: inLang(lang, g.NameVI, g.NameEN), Score: fmtNum(lang, g.Points, 2) + " / " + fmtPts(lang, g.Max)}
		for _, ind := range res.Indicators {
			if ind.Group != g.Key {
				continue
			}
			row := dashInd{ID: ind.ID, Name: inLang(lang, ind.NameVI, ind.NameEN), Available: ind.Available, Scored: ind.Scored,
				Ratio: "—", Target: "—", Score: v.T("dash.monitored")}
			if ind.Target > 0 {
				row.Target = v.T("dash.target_n", fmtPts(lang, ind.Target))
			}
			if ind.Scored {
				row.Score = fmtNum(lang, ind.Points, 2) + " / " + fmtPts(lang, ind.Max)
			}
			switch {
			case !ind.Available:
				row.Fraction = v.T("dash.unmeasured")
				switch {
				case enterable[ind.ID]:
					row.Why = v.T("dash.why.enter")
				case ind.ID == "2.2":
					row.Why = v.T("dash.why.procedure")
				default:
					row.Why = v.T("dash.why.none")
				}
				if ind.Scored {
					row.Score = "— / " + fmtPts(lang, ind.Max)
				}
			default:
				row.Fraction = fmtCount(lang, ind.Numerator) + " / " + fmtCount(lang, ind.Denominator)
				if ind.Ratio != nil {
					row.Ratio = fmtNum(lang, *ind.Ratio, 2) + "%"
				} else {
					row.Ratio = v.T("dash.na")
				}
			}
			switch ind.ID {
			case "2.1":
				row.Lines = []dashLine{{v.T("dash.gained"), []dashLink{early, onTime, inTime}}, {v.T("dash.lost_in"), []dashLink{late, overdue}}}
			case "5.4":
				row.Lines = []dashLine{{v.T("dash.gained"), []dashLink{early, onTime}}, {v.T("dash.lost_in"), []dashLink{late, dislikes}}}
			}
			if ind.Scored {
				sec.Rows = append(sec.Rows, row)
			} else {
				d.Monitored = append(d.Monitored, row)
			}
		}
		d.Sections = append(d.Sections, sec)
	}

	return s.dashTrend(ctx, v, d, actor, agency, p)
}

// dashTrend computes the last 12 weeks, Monday to Sunday, up to the week of
// the period's end (or of today, if the period ends later: weeks to come
// have nothing to show). A week without any dossier has no value.
func (s *Server) dashTrend(ctx context.Context, v *view.View, d *dashboardData, actor org.Actor, agency int64, p service.Period) error {
	const weeks = 12
	end := p.To
	if today := calendar.DateOf(s.svc.Now()); today.Before(end) {
		end = today
	}
	d.TrendEnd = end.At(0)
	last := mondayOf(end)
	var points []trendPoint
	for i := weeks - 1; i >= 0; i-- {
		mon := last.AddDays(-7 * i)
		sun := mon.AddDays(6)
		rep, err := s.svc.Index766(ctx, actor, service.SettlementQuery{AgencyID: agency, Period: service.Period{From: mon, To: sun}})
		if err != nil {
			return err
		}
		_, isoWeek := mon.At(0).ISOWeek()
		long := mon.At(0).Format("02/01") + "–" + sun.At(0).Format("02/01/2006")
		pt := trendPoint{Label: mon.At(0).Format("02/01"), Long: long}
		row := dashWeek{Label: v.T("dash.week_label", isoWeek, long), Total: v.T("dash.no_data"), OnTime: "—", Dossiers: "0", Gap: true}
		if rep.Counts != (service.PeriodCounts{}) {
			total := rep.Result.Total
			pt.Total = &total
			row.Gap, row.Total = false, fmtNum(v.Lang, total, 2)
			if ind, ok := rep.Result.Indicator("2.1"); ok {
				row.Dossiers = fmtCount(v.Lang, ind.Denominator)
				if ind.Ratio != nil {
					r := *ind.Ratio
					pt.OnTime = &r
					row.OnTime = fmtNum(v.Lang, r, 2) + "%"
				}
			}
		}
		points = append(points, pt)
		d.Weeks = append(d.Weeks, row)
	}
	// Safe to embed: built by svg.go from numbers and escaped strings only.
	d.TrendSVG = template.HTML(trendChart("chart-trend", v.T("dash.chart.trend"), v.Lang, v.T, points))
	return nil
}

// dashRanking computes every agency's index for the period (the province's
// root is the province itself and is left out). Agencies without dossiers
// in the period are listed apart, never ranked as 0. Ties share a rank
// (competition ranking: 1, 1, 3).
func (s *Server) dashRanking(ctx context.Context, v *view.View, d *dashboardData, actor org.Actor, current int64, p service.Period) error {
	type scored struct {
		a   org.Agency
		res index766.Result
	}
	var list []scored
	reports, err := s.svc.IndexByAgency(ctx, actor, p)
	if err != nil {
		return err
	}
	for _, a := range s.svc.Agencies() {
		if a.ParentID == nil {
			continue
		}
		rep := reports[a.ID]
		if rep.Counts == (service.PeriodCounts{}) {
			if a.Active || a.ID == current {
				d.NoData = append(d.NoData, dashRankRow{Name: a.Name, Href: d.F.href(a.ID), Current: a.ID == current})
			}
			continue
		}
		list = append(list, scored{a, rep.Result})
	}
	hundredths := func(f float64) int64 { return int64(math.Round(f * 100)) }
	slices.SortStableFunc(list, func(x, y scored) int {
		return cmp.Or(cmp.Compare(hundredths(y.res.Total), hundredths(x.res.Total)), strings.Compare(x.a.Name, y.a.Name))
	})
	var bars []rankBar
	for i, sc := range list {
		rank := i + 1
		if i > 0 && hundredths(sc.res.Total) == hundredths(list[i-1].res.Total) {
			rank = d.Ranking[i-1].Rank
		}
		band := inLang(v.Lang, sc.res.Band.NameVI, sc.res.Band.NameEN)
		href := d.F.href(sc.a.ID)
		d.Ranking = append(d.Ranking, dashRankRow{Rank: rank, Name: sc.a.Name, Href: href, Total: fmtNum(v.Lang, sc.res.Total, 2),
			Band: band, Measured: fmtPts(v.Lang, sc.res.Measured()) + "/100", Current: sc.a.ID == current})
		bars = append(bars, rankBar{Rank: rank, Name: sc.a.Name, Total: sc.res.Total, BandCode: sc.res.Band.Code, BandName: band,
			Href: href, Current: sc.a.ID == current})
	}
	// Safe to embed: built by svg.go from numbers and escaped strings only.
	d.RankingSVG = template.HTML(rankingChart("chart-ranking", v.T("dash.chart.ranking"), v.Lang, v.T, bars))
	return nil
}
