package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/service"
)

func init() {
	addMessages(map[string][2]string{
		"rep.download": {"Báo cáo tình hình giải quyết TTHC của kỳ này:", "The settlement report of this period:"},
		"rep.xlsx":     {"tải Excel", "download Excel"},
		"rep.pdf":      {"tải PDF", "download PDF"},
		"rep.format":   {"Định dạng báo cáo phải là xlsx hoặc pdf.", "The report format must be xlsx or pdf."},
	})
}

// reportHref is the download address of a scope's report for a period.
func reportHref(agency int64, p service.Period) string {
	v := url.Values{}
	if agency != 0 {
		v.Set("agency", strconv.FormatInt(agency, 10))
	}
	v.Set("from", p.From.String())
	v.Set("to", p.To.String())
	return "/director/report?" + v.Encode()
}

// settlementDownload sends the periodic settlement report (by agency and
// procedure) as XLSX or PDF, the same document the API serves.
func (s *Server) settlementDownload(w http.ResponseWriter, r *http.Request, sess *session) {
	q := r.URL.Query()
	format := q.Get("format")
	if format != "xlsx" && format != "pdf" {
		s.renderError(w, r, apperr.New(apperr.BadInput, "format_invalid", translate("vi", "rep.format"), translate("en", "rep.format")))
		return
	}
	p, err := service.ParsePeriod(q.Get("from"), q.Get("to"), s.svc.Now())
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	var agency int64
	if a := q.Get("agency"); a != "" {
		if agency, err = strconv.ParseInt(a, 10, 64); err != nil {
			s.renderError(w, r, apperr.New(apperr.Invalid, "agency_unknown", "Không có cơ quan này.", "There is no such agency."))
			return
		}
	}
	st, err := s.svc.Settlement(r.Context(), sess.Actor, service.SettlementQuery{AgencyID: agency, Period: p, ByProcedure: true})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f, err := s.svc.SettlementFile(r.Context(), st, format)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", f.MediaType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+f.Name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(f.Body)
}
