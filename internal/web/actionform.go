package web

import (
	"context"
	"errors"
	"net/url"
	"slices"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/view"
)

// actionForm is what the action_form template needs to draw one action.
type actionForm struct {
	V      *view.View
	Action dossier.Action
	Form   url.Values // values typed before a refusal, for this action only
	Open   bool
	Post   string
}

func actionCtx(v *view.View, a dossier.Action) actionForm {
	f := actionForm{V: v, Action: a, Form: url.Values{}}
	if d, ok := v.Data.(*dossierData); ok {
		f.Post = d.ActURL
		if d.Failed == string(a) && d.Form != nil {
			f.Form, f.Open = d.Form, true
		}
	}
	return f
}

// fields each action asks for, beyond the always-present note.
var actionFields = map[dossier.Action][]string{
	dossier.ActRefuse:            {"reason"},
	dossier.ActRequestSupplement: {"reason"},
	dossier.ActReject:            {"reason"},
	dossier.ActExtend:            {"reason", "signer"},
	dossier.ActWithdraw:          {"reason"},
	dossier.ActStop:              {"reason"},
	dossier.ActTransfer:          {"to_agency"},
	dossier.ActRequestPayment:    {"amount_vnd"},
	dossier.ActRate:              {"rating"},
	dossier.ActApprove:           {"result_file", "result_name"},
	dossier.ActComplaint:         {"reason", "complaint_ref"},
	dossier.ActUrge:              {"reason"},
}

// Needs reports whether the action's form shows the field.
func (f actionForm) Needs(field string) bool { return slices.Contains(actionFields[f.Action], field) }

// Required mirrors the domain rules so the browser can warn before posting;
// the server checks again either way.
func (f actionForm) Required(field string) bool {
	switch field {
	case "result_name":
		return false
	case "result_file":
		// Only a citizen who chose an online result must get its file
		// (dossier.approveResult); a paper result may come without one.
		d, ok := f.V.Data.(*dossierData)
		return f.Needs(field) && (!ok || d.D.ReturnMethod == dossier.ReturnOnline)
	}
	if field != "reason" {
		return f.Needs(field)
	}
	switch f.Action {
	case dossier.ActWithdraw, dossier.ActRequestSupplement:
		// request_supplement: the checklist may say it all (supplement_checklist.go).
		return false
	case dossier.ActStop:
		d, ok := f.V.Data.(*dossierData)
		return !ok || d.D.Status != dossier.WithdrawalRequested
	}
	return f.Needs(field)
}

// Confirm asks before actions that end or refuse a dossier.
func (f actionForm) Confirm() bool {
	return slices.Contains([]dossier.Action{dossier.ActRefuse, dossier.ActReject, dossier.ActStop, dossier.ActWithdraw}, f.Action)
}

func init() {
	funcs["actionCtx"] = actionCtx
	funcs["ratingScale"] = func() []int { return []int{3, 2, 1} }
}

// act applies an action taken from a page. Pages redirect afterwards, so the
// service's rendered answer is not used; a version that moved on reads as
// "someone changed the dossier, look again" in the page's language.
func (s *Server) act(ctx context.Context, actor org.Actor, id int64, version int, in service.ActionInput, key, hash string) error {
	_, err := s.svc.Act(ctx, actor, id, version, in, key, hash, func(d *dossier.Dossier) ([]byte, error) { return nil, nil })
	if errors.Is(err, apperr.ErrStale) {
		return apperr.New(apperr.Conflict, "dossier_changed", translate("vi", "dos.stale"), translate("en", "dos.stale"))
	}
	return err
}
