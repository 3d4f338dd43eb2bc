package web

import (
	"bytes"
	"net/http"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/report"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/view"
)

func init() {
	addMessages(map[string][2]string{
		"delays.title":      {"Báo cáo trễ hạn theo bước xử lý", "Delays by processing step"},
		"delays.lead":       {"Hồ sơ theo quy trình nội bộ đã trả trong kỳ: bước nào quá thời hạn được giao, bao nhiêu giờ làm việc, do cơ quan, công chức nào.", "Dossiers handed back in the period under an internal process: which steps ran over their budgets, by how many working hours, and whose."},
		"delays.from":       {"Từ ngày", "From"},
		"delays.to":         {"Đến ngày", "To"},
		"delays.show":       {"Xem", "Show"},
		"delays.xlsx":       {"Tải bảng tính (XLSX)", "Download the workbook (XLSX)"},
		"delays.agencies":   {"Theo cơ quan", "By agency"},
		"delays.roles":      {"Theo bước", "By step"},
		"delays.officers":   {"Theo công chức", "By officer"},
		"delays.late":       {"Hồ sơ trễ hạn và cơ quan làm trễ", "Late dossiers and who made them late"},
		"delays.name":       {"Tên", "Name"},
		"delays.steps":      {"Số bước", "Steps"},
		"delays.over":       {"Quá thời hạn", "Over budget"},
		"delays.hours":      {"Giờ làm việc quá", "Working hours over"},
		"delays.late_n":     {"Hồ sơ trễ do cơ quan", "Late dossiers it caused"},
		"delays.resp":       {"Cơ quan làm trễ hạn", "Made late by"},
		"delays.late_steps": {"Các bước quá thời hạn", "Steps over budget"},
		"delays.none":       {"Không có hồ sơ nào trong kỳ.", "No dossier in the period."},
		"delays.format":     {"Định dạng phải là xlsx.", "The format must be xlsx."},
		"delays.nav":        {"Trễ hạn theo bước", "Delays by step"},
	})
	funcs["delayTable"] = func(v *view.View, key string, lines []report.DelayLine, agencies bool) delayTable {
		return delayTable{V: v, Key: key, Lines: lines, Agencies: agencies}
	}
}

// delayTable is one table of the delay report page.
type delayTable struct {
	V        *view.View
	Key      string
	Lines    []report.DelayLine
	Agencies bool
}

func (s *Server) delaysRoutes() {
	s.mux.HandleFunc("GET /director/delays", s.require(s.delaysPage, org.RoleDirector, org.RoleChair, org.RoleAdmin))
}

// delaysPage shows the step delay report of a period, or sends its workbook.
func (s *Server) delaysPage(w http.ResponseWriter, r *http.Request, sess *session) {
	q := r.URL.Query()
	p, err := service.ParsePeriod(q.Get("from"), q.Get("to"), s.svc.Now())
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	doc, _, err := s.svc.Delays(r.Context(), sess.Actor, p.From, p.To)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	switch q.Get("format") {
	case "":
	case "xlsx":
		var buf bytes.Buffer
		if err := report.WriteDelaysXLSX(&buf, doc); err != nil {
			s.renderError(w, r, err)
			return
		}
		sendPrivate(w, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"bao-cao-tre-han-theo-buoc-"+p.From.String()+"-"+p.To.String()+".xlsx", int64(buf.Len()), &buf)
		return
	default:
		s.renderError(w, r, apperr.New(apperr.BadInput, "format_invalid", translate("vi", "delays.format"), translate("en", "delays.format")))
		return
	}
	v := s.newView(r, "delays.title", struct {
		From, To string
		Doc      report.Delays
	}{p.From.String(), p.To.String(), doc})
	s.render(w, r, 200, "delays", v)
}
