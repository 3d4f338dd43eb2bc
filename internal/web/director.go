package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/view"
)

// The director's view: per agency, dossiers settled early, on time and late
// in a period with the on-time rate, and those being processed within time,
// overdue and at risk. Every number links to the list of dossiers behind it.
// The rules are service/overview.go's.

func init() {
	addMessages(map[string][2]string{
		"dir.title":          {"Điều hành: tình hình giải quyết hồ sơ", "Overview: how dossiers are settled"},
		"dir.filters":        {"Chọn số liệu", "Choose the figures"},
		"dir.agency":         {"Cơ quan giải quyết", "Processing agency"},
		"dir.agency_all":     {"Tất cả cơ quan", "All agencies"},
		"dir.procedure":      {"Mã thủ tục", "Procedure code"},
		"dir.procedure_hint": {"Để trống để xem mọi thủ tục; ví dụ 2.001583.", "Leave empty for every procedure; e.g. 2.001583."},
		"dir.from":           {"Từ ngày", "From"},
		"dir.to":             {"Đến ngày", "To"},
		"dir.show":           {"Xem số liệu", "Show the figures"},
		"dir.period":         {"Kỳ số liệu: từ %s đến %s.", "Period: %s to %s."},
		"dir.asof":           {"Hồ sơ đang giải quyết tính đến %s.", "Dossiers being processed as of %s."},
		"dir.proc_filter":    {"Chỉ tính thủ tục %s — %s.", "Only procedure %s — %s."},
		"dir.caption":        {"Số hồ sơ theo cơ quan giải quyết (bấm vào một số để xem danh sách hồ sơ)", "Dossiers by processing agency (select a number to see the dossiers)"},
		"dir.settled":        {"Đã giải quyết trong kỳ", "Settled in the period"},
		"dir.in_progress":    {"Đang giải quyết", "Being processed"},
		"dir.rate":           {"Tỷ lệ đúng hạn", "On-time rate"},
		"dir.total":          {"Toàn tỉnh", "Whole province"},
		"dir.col.early":      {"Trước hạn", "Early"},
		"dir.col.on_time":    {"Đúng hạn", "On time"},
		"dir.col.late":       {"Quá hạn", "Late"},
		"dir.col.in_time":    {"Trong hạn", "Within time"},
		"dir.col.overdue":    {"Đã quá hạn", "Overdue"},
		"dir.col.at_risk":    {"Sắp đến hạn", "At risk"},
		"dir.list.early":     {"Hồ sơ giải quyết trước hạn", "Dossiers settled early"},
		"dir.list.on_time":   {"Hồ sơ giải quyết đúng hạn", "Dossiers settled on time"},
		"dir.list.late":      {"Hồ sơ giải quyết quá hạn", "Dossiers settled late"},
		"dir.list.disliked":  {"Hồ sơ bị đánh giá không hài lòng hoặc có phản ánh", "Dossiers rated dissatisfied or complained about"},
		"dir.list.in_time":   {"Hồ sơ đang giải quyết trong hạn", "Dossiers being processed within time"},
		"dir.list.overdue":   {"Hồ sơ đang giải quyết đã quá hạn", "Dossiers being processed and overdue"},
		"dir.list.at_risk":   {"Hồ sơ sắp đến hạn", "Dossiers at risk of being late"},
		"dir.link":           {"%d — %s — %s", "%d — %s — %s"},
		"dir.rules":          {"Cách tính", "How the figures are counted"},
		"dir.rule_settled":   {"Đã giải quyết trong kỳ: hồ sơ có kết quả (hoặc bị trả lại, dừng giải quyết) trong kỳ. Trước hạn: trước giờ làm việc đầu tiên của ngày hẹn trả; đúng hạn: đến hết thời điểm hẹn trả; quá hạn: sau thời điểm hẹn trả.", "Settled in the period: dossiers with a result (or rejected, or stopped) within the period. Early: before the start of working hours on the due date; on time: by the due instant; late: after it."},
		"dir.rule_rate":      {"Tỷ lệ đúng hạn = (trước hạn + đúng hạn) / số hồ sơ đã giải quyết, làm tròn xuống.", "On-time rate = (early + on time) / dossiers settled, rounded down."},
		"dir.rule_progress":  {"Đang giải quyết: đã tiếp nhận, chưa có kết quả tại thời điểm tính. Thời gian chờ bổ sung hồ sơ không tính vào thời hạn.", "Being processed: received and without a result at the time shown. Time spent waiting for supplementation does not count."},
		"dir.rule_at_risk":   {"Sắp đến hạn: còn trong hạn, không chờ bổ sung, và đến hạn trước khi hết giờ làm việc của ngày làm việc kế tiếp (%s). Các hồ sơ này đã nằm trong cột Trong hạn.", "At risk: within time, not waiting for supplementation, and due before the close of the next working day (%s). They are already counted as within time."},
		"dir.rule_past":      {"Với kỳ đã kết thúc, hồ sơ đang giải quyết được tính theo hạn trả hiện tại của từng hồ sơ.", "For a period that has ended, dossiers being processed are counted with each dossier's current due date."},
		"dir.count":          {"%d hồ sơ", "%d dossiers"},
		"dir.empty":          {"Không có hồ sơ nào.", "No dossiers."},
		"dir.back":           {"Quay lại bảng số liệu", "Back to the figures"},
		"dir.next":           {"Trang sau", "Next page"},
		"dir.scope_agency":   {"Cơ quan: %s.", "Agency: %s."},
		"dir.scope_all":      {"Tất cả cơ quan.", "All agencies."},
		"dir.agency_bad":     {"Cơ quan đã chọn không hợp lệ.", "The chosen agency is not valid."},
		"dir.kind_bad":       {"Loại số liệu không hợp lệ.", "Unknown figure."},
		"dir.cursor_bad":     {"Liên kết trang không hợp lệ.", "The page link is not valid."},
	})
}

func (s *Server) directorRoutes() {
	roles := []org.Role{org.RoleDirector, org.RoleChair, org.RoleAdmin}
	s.mux.HandleFunc("GET /director", s.require(s.director, roles...))
	s.mux.HandleFunc("GET /director/dossiers", s.require(s.directorDossiers, roles...))
	s.dashboardRoutes()
}

// dirFilter is the filter form as typed, kept to re-show it and to build links.
type dirFilter struct {
	Agency, Procedure, From, To string
}

func readDirFilter(r *http.Request) dirFilter {
	q := r.URL.Query()
	return dirFilter{Agency: strings.TrimSpace(q.Get("agency")), Procedure: strings.TrimSpace(q.Get("procedure")),
		From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to"))}
}

// query turns the form into a service query; an empty period is the
// current month.
func (s *Server) dirQuery(f dirFilter) (service.OverviewQuery, error) {
	var q service.OverviewQuery
	if f.Agency != "" {
		id, err := strconv.ParseInt(f.Agency, 10, 64)
		if err != nil || id <= 0 {
			return q, apperr.New(apperr.Invalid, "agency_invalid", translate("vi", "dir.agency_bad"), translate("en", "dir.agency_bad"))
		}
		q.AgencyID = id
	}
	q.ProcedureCode = f.Procedure
	p, err := service.ParsePeriod(f.From, f.To, s.svc.Now())
	if err != nil {
		return q, err
	}
	q.Period = p
	return q, nil
}

// link is the address of the figures (kind "") or of a figure's list.
func (f dirFilter) link(agency int64, kind service.OverviewKind) string {
	v := url.Values{}
	if agency != 0 {
		v.Set("agency", strconv.FormatInt(agency, 10))
	}
	if f.Procedure != "" {
		v.Set("procedure", f.Procedure)
	}
	v.Set("from", f.From)
	v.Set("to", f.To)
	if kind == "" {
		return "/director?" + v.Encode()
	}
	v.Set("kind", string(kind))
	return "/director/dossiers?" + v.Encode()
}

// dirCell is one linked number.
type dirCell struct {
	Kind  service.OverviewKind
	N     int
	Href  string
	Label string
}

type dirRow struct {
	Agency org.Agency
	Name   string
	Cells  []dirCell // early, on_time, late, in_time, overdue, at_risk
	Rate   string
}

type directorData struct {
	F         dirFilter
	Agencies  []org.Agency
	Ready     bool
	Overview  *service.Overview
	Rows      []dirRow
	Total     dirRow
	Procedure string
	From, To  time.Time // the period's first and last days
	Past      bool      // the period has ended
}

// formatRate writes tenths of a percent the way each language writes it.
func formatRate(lang string, permille int, ok bool) string {
	if !ok {
		return "—"
	}
	if lang == "en" {
		return fmt.Sprintf("%d.%d%%", permille/10, permille%10)
	}
	return fmt.Sprintf("%d,%d%%", permille/10, permille%10)
}

func (s *Server) dirRow(v *view.View, f dirFilter, a org.Agency, name string, c service.OverviewCounts) dirRow {
	row := dirRow{Agency: a, Name: name}
	for _, k := range model.OverviewKinds {
		n := c.Get(k)
		row.Cells = append(row.Cells, dirCell{Kind: k, N: n, Href: f.link(a.ID, k), Label: v.T("dir.link", n, v.T("dir.list."+string(k)), name)})
	}
	rate, ok := c.OnTimeRate()
	row.Rate = formatRate(v.Lang, rate, ok)
	return row
}

func (s *Server) director(w http.ResponseWriter, r *http.Request, sess *session) {
	f := readDirFilter(r)
	d := &directorData{F: f, Agencies: s.svc.Agencies()}
	v := s.newView(r, "dir.title", d)
	q, err := s.dirQuery(f)
	var ov *service.Overview
	if err == nil {
		ov, err = s.svc.Overview(r.Context(), sess.Actor, q)
	}
	if err != nil {
		if _, ok := apperr.As(err); !ok || s.httpStatus(r, err) == http.StatusForbidden {
			s.renderError(w, r, err)
			return
		}
		v.Error = v.ErrorText(err)
		s.render(w, r, s.httpStatus(r, err), "director", v)
		return
	}
	// Links carry the period actually shown, so that a list is the list of
	// the number it came from even if the month changes meanwhile.
	d.F.From, d.F.To = q.Period.From.String(), q.Period.To.String()
	d.Ready, d.Overview = true, ov
	d.From, d.To = q.Period.From.At(0), q.Period.To.At(0)
	d.Past = !ov.Window.Running
	if ov.Procedure != nil {
		d.Procedure = ov.Procedure.Name
	}
	for _, row := range ov.Rows {
		d.Rows = append(d.Rows, s.dirRow(v, d.F, row.Agency, row.Agency.Name, row.OverviewCounts))
	}
	total := org.Agency{ID: q.AgencyID}
	name := v.T("dir.total")
	if q.AgencyID != 0 && len(ov.Rows) == 1 {
		name = ov.Rows[0].Agency.Name
	}
	d.Total = s.dirRow(v, d.F, total, name, ov.Total)
	s.render(w, r, 200, "director", v)
}

type dirListRow struct {
	D          *dossier.Dossier
	Procedure  string
	Timeliness dossier.Timeliness
	// Step is where an open dossier under an internal process stands: who
	// holds it, since when, its step's time left or over.
	Step   *service.StepItem
	Holder string
}

type directorListData struct {
	F         dirFilter
	Kind      service.OverviewKind
	Scope     string
	Procedure string
	Count     int
	Overview  *service.Overview
	Rows      []dirListRow
	Back      string
	Next      string
	From, To  time.Time
}

func (s *Server) directorDossiers(w http.ResponseWriter, r *http.Request, sess *session) {
	f := readDirFilter(r)
	qv := r.URL.Query()
	kind := service.OverviewKind(qv.Get("kind"))
	fail := func(vi, en string) {
		s.renderError(w, r, apperr.New(apperr.Invalid, "director_list_invalid", vi, en))
	}
	if !kind.Valid() {
		fail(translate("vi", "dir.kind_bad"), translate("en", "dir.kind_bad"))
		return
	}
	q, err := s.dirQuery(f)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	var after *model.OverviewCursor
	if qv.Get("after_id") != "" {
		id, err1 := strconv.ParseInt(qv.Get("after_id"), 10, 64)
		due, err2 := strconv.ParseInt(qv.Get("after_due"), 10, 64)
		if err1 != nil || err2 != nil {
			fail(translate("vi", "dir.cursor_bad"), translate("en", "dir.cursor_bad"))
			return
		}
		after = &model.OverviewCursor{DueAt: time.UnixMilli(due), ID: id}
	}
	page, err := s.svc.OverviewDossiers(r.Context(), sess.Actor, q, kind, after, 200)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f.From, f.To = q.Period.From.String(), q.Period.To.String()
	count := page.Overview.Total.Get(kind)
	if slices.Contains(model.ListOnlyKinds, kind) {
		count = len(page.Dossiers) // no column counts it; a list of more than a page says so with its next link
	}
	d := &directorListData{F: f, Kind: kind, Overview: page.Overview, Count: count, Back: f.link(q.AgencyID, ""),
		From: q.Period.From.At(0), To: q.Period.To.At(0)}
	v := s.newView(r, "dir.list."+string(kind), d)
	if q.AgencyID != 0 {
		a, _ := s.svc.Agency(q.AgencyID)
		d.Scope = v.T("dir.scope_agency", a.Name)
		v.Title += " — " + a.Name
	} else {
		d.Scope = v.T("dir.scope_all")
	}
	if page.Overview.Procedure != nil {
		d.Procedure = page.Overview.Procedure.Name
	}
	now, dayStart := s.svc.Now(), s.svc.Deadlines().DayStart
	names := map[string]string{}
	for _, ds := range page.Dossiers {
		key := fmt.Sprintf("%s@%d", ds.ProcedureCode, ds.ProcedureVersion)
		if _, ok := names[key]; !ok {
			if p, err := s.svc.ProcedureVersion(r.Context(), ds.ProcedureCode, ds.ProcedureVersion); err == nil {
				names[key] = p.Name
			}
		}
		d.Rows = append(d.Rows, dirListRow{D: ds, Procedure: names[key], Timeliness: ds.Timeliness(now, dayStart)})
	}
	steps, err := s.svc.StepsNow(r.Context(), page.Dossiers)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	for i := range d.Rows {
		if it, ok := steps[d.Rows[i].D.ID]; ok {
			d.Rows[i].Step = &it
			for _, a := range s.svc.Agencies() {
				if a.Code == it.Holder {
					d.Rows[i].Holder = a.Name
				}
			}
		}
	}
	if page.Next != nil {
		next := r.URL.Query()
		next.Set("from", f.From)
		next.Set("to", f.To)
		next.Set("after_due", strconv.FormatInt(page.Next.DueAt.UnixMilli(), 10))
		next.Set("after_id", strconv.FormatInt(page.Next.ID, 10))
		d.Next = "/director/dossiers?" + next.Encode()
	}
	s.render(w, r, 200, "director_dossiers", v)
}
