package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/web/form"
	"github.com/motcua/motcua/internal/web/view"
)

// The checklist of the supplementation request (Form 02): one row per
// component of the procedure version, ticked when the paper is missing or
// must be put right, with what is wrong; and a row for a paper the list does
// not name. The same form serves the counter's check page and the agency's
// dossier page. Field names: missing=<i> (ticked rows), paper_<i> (the
// defect_<i>, explain_<i>; other_name, other_defect, other_explain. Row i is
// the procedure version's component i, named by the server, not the form.
// The post is read by form.ParseMissingPapers.

func init() {
	addMessages(map[string][2]string{
		"sup.papers":            {"Giấy tờ cần bổ sung, hoàn thiện (Mẫu 02)", "Papers to add or complete (Form 02)"},
		"sup.papers_hint":       {"Đánh dấu từng giấy tờ còn thiếu hoặc phải hoàn thiện và ghi rõ điểm cần sửa; mỗi giấy tờ là một dòng của Phiếu yêu cầu bổ sung.", "Tick each paper that is missing or must be put right and say what is wrong; each paper is one row of the supplementation request."},
		"sup.defect":            {"Tình trạng", "What is wrong"},
		"sup.defect.missing":    {"Còn thiếu", "Missing"},
		"sup.defect.incomplete": {"Chưa đầy đủ", "Incomplete"},
		"sup.defect.invalid":    {"Không hợp lệ", "Invalid"},
		"sup.explain":           {"Nội dung cần bổ sung, hoàn thiện", "What must be done"},
		"sup.other":             {"Giấy tờ khác (không có trong danh mục thành phần hồ sơ)", "Another paper (not in the procedure's list)"},
		"sup.other_name":        {"Tên giấy tờ", "Name of the paper"},
		"sup.reason_optional":   {"không bắt buộc khi đã đánh dấu giấy tờ", "optional when papers are ticked"},
		"sup.list":              {"Giấy tờ cần bổ sung, hoàn thiện", "Papers to add or complete"},
	})
	funcs["supplementChecklist"] = supplementChecklist
	funcs["paperErr"] = paperErr
	funcs["requestedPapers"] = requestedPapers
}

// supplementComponents are the components of the procedure version of the
// dossier the request posts to ({id} in the path), whose rows the checklist
// shows.
func (s *Server) supplementComponents(r *http.Request) ([]catalog.Component, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, apperr.ErrNotFound
	}
	d, err := s.svc.Dossier(r.Context(), sessionOf(r).Actor, id)
	if err != nil {
		return nil, err
	}
	p, err := s.svc.ProcedureVersion(r.Context(), d.ProcedureCode, d.ProcedureVersion)
	return p.Components, err
}

// paperErr is the message of a checklist error for field, in the page's
// language, or "".
func paperErr(v *view.View, field string) string {
	var pe *form.PaperError
	if d := checklistBase(v); d != nil && errors.As(d.ActErr, &pe) && pe.Field == field {
		return v.ErrorText(pe.Err)
	}
	return ""
}

type checklistRow struct {
	I               int
	Name            string
	Ticked          bool
	Defect, Explain string
}

type checklistData struct {
	V                             *view.View
	Rows                          []checklistRow
	OtherName, OtherDefect, Other string
	Defects                       []dossier.Defect
}

func checklistBase(v *view.View) *dossierData {
	switch d := v.Data.(type) {
	case *dossierData:
		return d
	case *checkData:
		return d.dossierData
	}
	return nil
}

// supplementChecklist builds the checklist for the page: as typed after a
// failed post, otherwise with the papers not provided ticked.
func supplementChecklist(v *view.View) checklistData {
	out := checklistData{V: v, Defects: dossier.Defects}
	d := checklistBase(v)
	if d == nil {
		return out
	}
	const a = string(dossier.ActRequestSupplement)
	var typed url.Values
	if d.Failed == a && d.Form != nil {
		typed = d.Form
		out.OtherName, out.OtherDefect, out.Other = typed.Get("other_name"), typed.Get("other_defect"), typed.Get("other_explain")
	}
	for i, c := range d.Procedure.Components {
		k := strconv.Itoa(i)
		row := checklistRow{I: i, Name: c.Name}
		if typed != nil {
			row.Ticked = slices.Contains(typed["missing"], k)
			row.Defect, row.Explain = typed.Get("defect_"+k), typed.Get("explain_"+k)
		} else {
			row.Ticked = !slices.ContainsFunc(d.D.Components, func(p dossier.ComponentFiles) bool {
				return sameComponent(p.Name, c.Name) && (len(p.FileIDs) > 0 || p.Originals+p.Copies > 0)
			})
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

type papersData struct {
	V      *view.View
	Papers []dossier.MissingPaper
}

// requestedPapers are the papers a request_supplement event names, for the
// applicant's page.
func requestedPapers(v *view.View, ev *model.StoredEvent) papersData {
	out := papersData{V: v}
	if ev != nil {
		req, _ := dossier.Decode[dossier.SupplementRequestPayload](dossier.Action(ev.Action), ev.Payload)
		out.Papers = req.MissingPapers
	}
	return out
}
