package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/index766"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// The figures: the Decision 766 index and the periodic settlement report of
// an agency (with the agencies under it) or of the province, for a period.
// Both read the incremental counters through the service, which decides
// what the caller may see.

// ScopeView says what the figures cover.
type ScopeView struct {
	// Kind is "province" (every agency) or "agency" (one agency with the
	// agencies under it).
	Kind       string  `json:"kind"`
	AgencyCode *string `json:"agency_code"` // null for the province
	Name       string  `json:"name"`        // the agency's name, or the province's People's Committee
}

// PeriodView is a period of whole days in Vietnam, both ends included.
type PeriodView struct {
	From calendar.Date `json:"from"`
	To   calendar.Date `json:"to"`
}

// IndexView is the Decision 766 index of a scope and period.
type IndexView struct {
	Scope      ScopeView              `json:"scope"`
	Period     PeriodView             `json:"period"`
	AsOf       Time                   `json:"as_of"`
	Total      float64                `json:"total"`
	Measured   float64                `json:"measured"`
	Unmeasured float64                `json:"unmeasured"`
	Band       BandView               `json:"band"`
	Groups     []IndexGroupView       `json:"groups"`
	Indicators []IndicatorView        `json:"indicators"`
	Counts     service.PeriodCounts   `json:"counts"`
	Entered    []service.EnteredInput `json:"entered"`
}

// BandView is the ranking band of a total.
type BandView struct {
	Code   string  `json:"code"`
	Name   string  `json:"name"`
	NameVI string  `json:"name_vi"`
	Min    float64 `json:"min"`
}

// IndexGroupView is one of the six DVCQG groups.
type IndexGroupView struct {
	Key        string  `json:"key"`
	Name       string  `json:"name"`
	NameVI     string  `json:"name_vi"`
	Points     float64 `json:"points"`
	Max        float64 `json:"max"`
	Unmeasured float64 `json:"unmeasured"`
}

// IndicatorView is one indicator of the index.
type IndicatorView struct {
	ID          string   `json:"id"`
	Group       string   `json:"group"`
	Name        string   `json:"name"`
	NameVI      string   `json:"name_vi"`
	Numerator   int64    `json:"numerator"`
	Denominator int64    `json:"denominator"`
	Ratio       *float64 `json:"ratio"`
	Points      float64  `json:"points"`
	Max         float64  `json:"max"`
	Target      float64  `json:"target"`
	Scored      bool     `json:"scored"`
	Available   bool     `json:"available"`
	Note        string   `json:"note"`
}

// SettlementView is the settlement report as JSON.
type SettlementView struct {
	Title  string               `json:"title"`
	Unit   string               `json:"unit"`
	Scope  ScopeView            `json:"scope"`
	Period PeriodView           `json:"period"`
	AsOf   Time                 `json:"as_of"`
	Rows   []SettlementRowView  `json:"rows"`
	Total  service.PeriodCounts `json:"total"`
}

// SettlementRowView is an agency's subtotal (kind "agency", no procedure)
// followed by one row per procedure of that agency (kind "procedure").
type SettlementRowView struct {
	Kind          string               `json:"kind"`
	AgencyCode    string               `json:"agency_code"`
	AgencyName    string               `json:"agency_name"`
	ProcedureCode *string              `json:"procedure_code"`
	ProcedureName *string              `json:"procedure_name"`
	Counts        service.PeriodCounts `json:"counts"`
}

// figuresQuery reads the agency, from, to and procedure parameters into a
// query and describes its scope; unknown codes and bad dates are 422.
func (s *Server) figuresQuery(r *http.Request) (service.SettlementQuery, ScopeView, error) {
	q := r.URL.Query()
	var sq service.SettlementQuery
	scope := ScopeView{Kind: "province", Name: s.svc.ProvinceName()}
	agencyCode, procCode := strings.TrimSpace(q.Get("agency")), strings.TrimSpace(q.Get("procedure"))
	a, err := s.svc.FiguresScope(r.Context(), agencyCode, procCode)
	if err != nil {
		return sq, scope, err
	}
	if a.ID != 0 {
		sq.AgencyID = a.ID
		scope = ScopeView{Kind: "agency", AgencyCode: &a.Code, Name: a.Name}
	}
	p, err := service.ParsePeriod(q.Get("from"), q.Get("to"), s.svc.Now())
	if err != nil {
		return sq, scope, err
	}
	sq.Period = p
	sq.ProcedureCode = procCode
	return sq, scope, nil
}

func (s *Server) index766(w http.ResponseWriter, r *http.Request, actor org.Actor) {
	q, scope, err := s.figuresQuery(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	rep, err := s.svc.Index766(r.Context(), actor, q)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, 200, indexView(rep, scope))
}

func indexView(rep *service.IndexReport, scope ScopeView) IndexView {
	res := rep.Result
	v := IndexView{
		Scope: scope, Period: PeriodView{rep.Query.Period.From, rep.Query.Period.To}, AsOf: Time{rep.Window.AsOf},
		Total: res.Total, Measured: res.Measured(), Unmeasured: res.Unmeasured,
		Band:       BandView{Code: res.Band.Code, Name: res.Band.NameEN, NameVI: res.Band.NameVI, Min: res.Band.Min},
		Groups:     make([]IndexGroupView, 0, len(res.Groups)),
		Indicators: make([]IndicatorView, 0, len(res.Indicators)),
		Counts:     rep.Counts, Entered: rep.Entered,
	}
	for _, g := range res.Groups {
		v.Groups = append(v.Groups, IndexGroupView{Key: string(g.Key), Name: g.NameEN, NameVI: g.NameVI, Points: g.Points, Max: g.Max, Unmeasured: g.Unmeasured})
	}
	for _, ind := range res.Indicators {
		v.Indicators = append(v.Indicators, indicatorView(ind))
	}
	if v.Entered == nil {
		v.Entered = []service.EnteredInput{}
	}
	return v
}

func indicatorView(ind index766.Indicator) IndicatorView {
	return IndicatorView{ID: ind.ID, Group: string(ind.Group), Name: ind.NameEN, NameVI: ind.NameVI,
		Numerator: ind.Numerator, Denominator: ind.Denominator, Ratio: ind.Ratio, Points: ind.Points,
		Max: ind.Max, Target: ind.Target, Scored: ind.Scored, Available: ind.Available, Note: ind.Note}
}

func (s *Server) settlementReport(w http.ResponseWriter, r *http.Request, actor org.Actor) {
	format := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("format")))
	switch format {
	case "", "json", "xlsx", "pdf":
	default:
		s.writeError(w, r, apperr.Newf(apperr.BadInput, "format_invalid",
			"Định dạng %q không được hỗ trợ; chọn json, xlsx hoặc pdf.", "Format %q is not supported; choose json, xlsx or pdf.", format))
		return
	}
	q, scope, err := s.figuresQuery(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	q.ByProcedure = true
	st, err := s.svc.Settlement(r.Context(), actor, q)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	v := s.settlementView(r, st, scope)
	if format == "" || format == "json" {
		writeJSON(w, 200, v)
		return
	}
	f, err := s.svc.SettlementFile(r.Context(), st, format)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.MediaType)
	h.Set("Content-Disposition", `attachment; filename="`+f.Name+`"`)
	h.Set("Content-Length", strconv.Itoa(len(f.Body)))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(200)
	w.Write(f.Body)
}

// settlementView shows the service's by-procedure figures the way the
// report prints them: each agency's subtotal, then its procedures.
func (s *Server) settlementView(r *http.Request, st *service.Settlement, scope ScopeView) SettlementView {
	v := SettlementView{Title: service.ReportTitle, Unit: scope.Name, Scope: scope,
		Period: PeriodView{st.Query.Period.From, st.Query.Period.To}, AsOf: Time{st.Window.AsOf},
		Rows: []SettlementRowView{}, Total: st.Total}
	for _, g := range service.GroupByAgency(st) {
		v.Rows = append(v.Rows, SettlementRowView{Kind: "agency", AgencyCode: g.Agency.Code, AgencyName: g.Agency.Name, Counts: g.Subtotal})
		for _, row := range g.Rows {
			code, name := row.Procedure, s.svc.ProcedureName(r.Context(), row.Procedure)
			v.Rows = append(v.Rows, SettlementRowView{Kind: "procedure", AgencyCode: g.Agency.Code, AgencyName: g.Agency.Name,
				ProcedureCode: &code, ProcedureName: &name, Counts: row.Counts})
		}
	}
	return v
}
