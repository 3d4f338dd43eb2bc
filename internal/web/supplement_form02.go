package web

import (
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/forms"
	"github.com/motcua/motcua/internal/model"
)

// supplementItems are Form 02's rows for a request_supplement event: the
// papers of its checklist, else (requests made before the checklist, or by
// API clients sending only a reason) the papers an older page folded into the
// note, else one row pointing at the reason.
func supplementItems(f *formData, ev *model.StoredEvent) []forms.SupplementItem {
	var items []forms.SupplementItem
	req, _ := dossier.Decode[dossier.SupplementRequestPayload](dossier.Action(ev.Action), ev.Payload)
	for _, p := range req.MissingPapers {
		problem := p.Defect.Vi()
		if p.Explanation != "" {
			problem += ": " + p.Explanation
		}
		items = append(items, forms.SupplementItem{Component: f.component(dossier.ComponentFiles{Name: p.Name}), Problem: problem})
	}
	if len(items) > 0 {
		return items
	}
	for _, name := range listInNote(ev.Note, vi("counter.note_missing")) {
		items = append(items, forms.SupplementItem{Component: f.component(dossier.ComponentFiles{Name: name})})
	}
	if len(items) == 0 {
		items = []forms.SupplementItem{{Component: forms.Component{Name: vi("pdf.item_fallback")}}}
	}
	return items
}
