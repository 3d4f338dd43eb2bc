package web

import (
	"bytes"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/forms"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/web/view"
)

func init() {
	addMessages(map[string][2]string{
		"pdf.no_handover":      {"Hồ sơ chưa có kết quả hay thông báo từ chối nên chưa có gì để trả.", "The dossier has no result or rejection notice yet, so there is nothing to hand over."},
		"pdf.handover_result":  {"Kết quả giải quyết thủ tục hành chính", "Result of the administrative procedure"},
		"pdf.handover_reject":  {"Thông báo từ chối giải quyết hồ sơ", "Notice of rejection"},
		"pdf.handover_efile":   {"Tệp kết quả điện tử %d", "Electronic result file %d"},
		"handover.title":       {"Biên nhận trả kết quả", "Hand-over receipt"},
		"handover.rejection":   {"Thông báo từ chối", "Rejection notice"},
		"handover.paper":       {"Kết quả giấy", "Paper result"},
		"handover.efile":       {"Tệp kết quả %d", "Result file %d"},
		"handover.what":        {"Trả cho người nộp", "To hand over"},
		"handover.efile_title": {"Mở tệp kết quả %d của hồ sơ %s", "Open result file %d of dossier %s"},
	})
	funcs["handoverOf"] = func(v *view.View, d *dossier.Dossier) handoverCell { return handoverCell{V: v, D: d} }
}

// handoverCell is what the return queue's "to hand over" cell shows.
type handoverCell struct {
	V *view.View
	D *dossier.Dossier
}

// handover is the receipt the applicant signs when the counter hands back
// what the dossier produced (forms.HandoverReceipt): the result once the
// agency settled it, or the rejection notice. Before that there is nothing
// to hand over.
func (f *formData) handover(w *bytes.Buffer, actor org.Actor) error {
	rejected := f.d.Status == dossier.Rejected
	if f.d.ReceivedAt == nil || f.d.Code == "" || !(rejected || f.d.Status == dossier.Done || f.d.Status == dossier.Returned) {
		return notFoundMsg("pdf.no_handover")
	}
	recv := f.agency(f.d.ReceivingAgencyID)
	out := forms.HandoverReceipt{
		Agency: f.header(recv), Place: f.place(recv), Code: f.d.Code, Applicant: f.applicant(),
		Procedure: f.proc.Name, ReceivedAt: *f.d.ReceivedAt, Method: f.returnMethod(recv),
		Officer: actor.Name,
	}
	if f.d.DueAt != nil {
		out.DueAt = *f.d.DueAt
	}
	if f.d.FinishedAt != nil {
		out.FinishedAt = *f.d.FinishedAt
	}
	if _, ev := f.event(dossier.ActReturnResult); ev != nil {
		out.ReturnedAt, out.Officer = ev.At, ev.ActorName
	}
	if rejected {
		out.Items = []forms.HandoverItem{{Name: vi("pdf.handover_reject"), Copies: 1}}
	} else {
		out.Items = f.resultItems()
		switch f.d.Timeliness(f.s.svc.Now(), f.s.svc.Deadlines().DayStart) {
		case dossier.Early:
			out.Timeliness = forms.ResultEarly
		case dossier.OnTime:
			out.Timeliness = forms.ResultOnTime
		case dossier.Late:
			out.Timeliness = forms.ResultOverdue
		}
	}
	return forms.RenderHandover(w, out)
}

// resultItems lists the result as the approval recorded it: the paper
// document under the name the leader gave it, and each electronic file. An
// electronic result (the applicant chose to receive it online) has no paper.
func (f *formData) resultItems() []forms.HandoverItem {
	name, electronic := vi("pdf.handover_result"), f.d.ReturnMethod == dossier.ReturnOnline
	if _, ev := f.event(dossier.ActApprove); ev != nil {
		p, _ := dossier.Decode[dossier.ApprovePayload](dossier.ActApprove, ev.Payload)
		if p.ResultName != "" {
			name = p.ResultName
		}
		electronic = p.ResultKind == dossier.ResultElectronic
	}
	var items []forms.HandoverItem
	if !electronic {
		items = append(items, forms.HandoverItem{Name: name, Copies: 1})
	}
	for i := range f.d.ResultFileIDs {
		n := vi("pdf.handover_efile", i+1)
		if electronic && len(f.d.ResultFileIDs) == 1 {
			n = name
		}
		items = append(items, forms.HandoverItem{Name: n, Electronic: true})
	}
	if len(items) == 0 { // an electronic result approved before files were required
		items = append(items, forms.HandoverItem{Name: name, Electronic: true})
	}
	return items
}
