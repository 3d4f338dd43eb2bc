package api

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/report"
	"github.com/motcua/motcua/internal/service"
)

// DelaysView is the step delay report as JSON (issue 13 item 3).
type DelaysView struct {
	From     string          `json:"from"`
	To       string          `json:"to"`
	Agencies []DelayLineView `json:"agencies"`
	Steps    []DelayLineView `json:"steps"`
	Officers []DelayLineView `json:"officers"`
	Late     []LateView      `json:"late"`
}

// DelayLineView is one agency, step role or officer of the delay report.
type DelayLineView struct {
	Name         string  `json:"name"`
	Agency       string  `json:"agency,omitempty"`
	Steps        int     `json:"steps"`
	Over         int     `json:"over"`
	OverHours    float64 `json:"over_hours"`
	LateDossiers int     `json:"late_dossiers"`
}

// LateView is a late dossier and the agency that made it late.
type LateView struct {
	Code        string `json:"code"`
	Procedure   string `json:"procedure"`
	Responsible string `json:"responsible"`
	Steps       string `json:"steps"`
}

func delayLines(ls []report.DelayLine) []DelayLineView {
	out := []DelayLineView{}
	for _, l := range ls {
		out = append(out, DelayLineView{Name: l.Name, Agency: l.Agency, Steps: l.Steps, Over: l.Over, OverHours: l.OverHours, LateDossiers: l.LateDossiers})
	}
	return out
}

func (s *Server) delaysReport(w http.ResponseWriter, r *http.Request, actor org.Actor) {
	q := r.URL.Query()
	format := strings.ToLower(strings.TrimSpace(q.Get("format")))
	if format != "" && format != "json" && format != "xlsx" {
		s.writeError(w, r, apperr.Newf(apperr.BadInput, "format_invalid",
			"Định dạng %q không được hỗ trợ; chọn json hoặc xlsx.", "Format %q is not supported; choose json or xlsx.", format))
		return
	}
	p, err := service.ParsePeriod(q.Get("from"), q.Get("to"), s.svc.Now())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	doc, _, err := s.svc.Delays(r.Context(), actor, p.From, p.To)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if format == "xlsx" {
		var buf bytes.Buffer
		if err := report.WriteDelaysXLSX(&buf, doc); err != nil {
			s.writeError(w, r, err)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		h.Set("Content-Disposition", `attachment; filename="bao-cao-tre-han-theo-buoc-`+p.From.String()+"-"+p.To.String()+`.xlsx"`)
		h.Set("Content-Length", strconv.Itoa(buf.Len()))
		h.Set("Cache-Control", "no-store")
		w.WriteHeader(200)
		w.Write(buf.Bytes())
		return
	}
	v := DelaysView{From: p.From.String(), To: p.To.String(), Agencies: delayLines(doc.Agencies), Steps: delayLines(doc.Roles),
		Officers: delayLines(doc.Officers), Late: []LateView{}}
	for _, l := range doc.Late {
		v.Late = append(v.Late, LateView{Code: l.Code, Procedure: l.Procedure, Responsible: l.Responsible, Steps: l.Steps})
	}
	writeJSON(w, 200, v)
}
