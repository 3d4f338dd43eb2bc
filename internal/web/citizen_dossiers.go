package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/form"
)

// Citizen dossiers: the person's list and one dossier, with the actions asked of them.

type citRow struct {
	D          *dossier.Dossier
	Procedure  string
	Timeliness dossier.Timeliness
	CTA        string // supplement, pay, rate: what is asked of the person
}

type citListData struct {
	Rows  []citRow
	Older string // link to the next page, if any
}

const citPage = 50

func (s *Server) citList(w http.ResponseWriter, r *http.Request, sess *session) {
	after, _ := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
	if after < 0 {
		after = 0
	}
	list, err := s.svc.List(r.Context(), sess.Actor, service.ListFilter{Limit: citPage, AfterID: after})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	now, dayStart := s.svc.Now(), s.svc.Deadlines().DayStart
	names := map[string]string{}
	d := citListData{}
	for _, ds := range list {
		key := ds.ProcedureCode + "@" + strconv.Itoa(ds.ProcedureVersion)
		if _, ok := names[key]; !ok {
			if p, err := s.svc.ProcedureVersion(r.Context(), ds.ProcedureCode, ds.ProcedureVersion); err == nil {
				names[key] = p.Name
			} else {
				names[key] = ds.ProcedureCode
			}
		}
		d.Rows = append(d.Rows, citRow{D: ds, Procedure: names[key], Timeliness: ds.Timeliness(now, dayStart), CTA: citCallToAction(ds, sess.Actor)})
	}
	if len(list) == citPage {
		d.Older = "/my/dossiers?after=" + strconv.FormatInt(list[len(list)-1].ID, 10)
	}
	s.render(w, r, 200, "citizen_list", s.newView(r, "cit.my_title", d))
}

// citCallToAction names what the dossier waits for from its applicant.
func citCallToAction(d *dossier.Dossier, actor org.Actor) string {
	allowed := dossier.Allowed(d, actor)
	switch {
	case slices.Contains(allowed, dossier.ActSupplement):
		return "supplement"
	case d.Status == dossier.PaymentRequested:
		return "pay"
	case slices.Contains(allowed, dossier.ActRate):
		return "rate"
	}
	return ""
}

// citDossierData is the citizen's dossier page.
type citDossierData struct {
	*dossierData
	citForm
	Next          string // what happens next, in words
	Asked         *model.StoredEvent
	AskedReason   string
	Reason        string // why a dossier was refused, rejected or stopped
	CanSupplement bool
	CanRate       bool
	CanWithdraw   bool
	CanComplain   bool
	SuppKey       string
	SuppNote      string
	MaxFileMB     int
	MaxPostMB     int
}

// RatingScale lists the choices, the best first.
func (d *citDossierData) RatingScale() []int { return []int{3, 2, 1} }

// Val is a value typed in the rate or withdraw form before a refusal.
func (d *citDossierData) Val(action, field string) string {
	if d.Failed != action || d.Form == nil {
		return ""
	}
	return d.Form.Get(field)
}

func citLastEvent(evs []model.StoredEvent, actions ...dossier.Action) *model.StoredEvent {
	for i := len(evs) - 1; i >= 0; i-- {
		if slices.Contains(actions, dossier.Action(evs[i].Action)) {
			return &evs[i]
		}
	}
	return nil
}

func (s *Server) citLoad(r *http.Request, sess *session, id int64) (*citDossierData, error) {
	base, err := s.loadDossier(r, sess.Actor, id)
	if err != nil {
		return nil, err
	}
	base.ActURL = "/my/dossiers/" + strconv.FormatInt(id, 10) + "/act"
	d := &citDossierData{dossierData: base, MaxFileMB: service.MaxFileSize >> 20, MaxPostMB: citMaxPost >> 20, SuppKey: base.Key + "-supplement"}
	dd := base.D
	d.CanSupplement = slices.Contains(base.Allowed, dossier.ActSupplement)
	d.CanRate = slices.Contains(base.Allowed, dossier.ActRate)
	d.CanWithdraw = slices.Contains(base.Allowed, dossier.ActWithdraw)
	d.CanComplain = slices.Contains(base.Allowed, dossier.ActComplaint)
	if dd.SupplementCount > 0 {
		d.Asked = citLastEvent(base.Events, dossier.ActRequestSupplement)
		d.AskedReason = eventReason(d.Asked)
	}
	switch dd.Status {
	case dossier.Refused, dossier.Rejected, dossier.Stopped:
		d.Reason = eventReason(citLastEvent(base.Events, dossier.ActRefuse, dossier.ActReject, dossier.ActStop, dossier.ActWithdraw))
	}
	next := "cit.next." + string(dd.Status)
	if dd.Status == dossier.Done {
		next = "cit.next.done_" + string(dd.ReturnMethod)
	}
	d.Next = translate(langOf(r), next)
	d.Components = citComponents(base.Procedure, citOtherPapers)
	return d, nil
}

func (s *Server) citRender(w http.ResponseWriter, r *http.Request, status int, d *citDossierData, errMsg string) {
	v := s.newView(r, "cit.dossier_title", d)
	code := d.D.Code
	if code == "" {
		code = v.T("dos.not_received")
	}
	v.Title = v.T("cit.dossier_title", code)
	switch r.URL.Query().Get("ok") {
	case "cit_filed":
		v.Flash = v.T("cit.ok_filed")
	case "cit_supplemented":
		v.Flash = v.T("cit.ok_supplemented")
	}
	if errMsg != "" {
		v.Error = errMsg
	} else if len(d.Errors) > 0 {
		v.Error = v.T("cit.err_summary", len(d.Errors))
	}
	s.render(w, r, status, "citizen_dossier", v)
}

func (s *Server) citDossier(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	d, err := s.citLoad(r, sess, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.citRender(w, r, 200, d, "")
}

// citAct rates or withdraws; supplements come with files through citSupplement.
func (s *Server) citAct(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	action := r.PostFormValue("action")
	fail := func(actErr error) {
		d, err := s.citLoad(r, sess, id)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		d.Form, d.Failed = r.PostForm, action
		s.citRender(w, r, s.httpStatus(r, actErr), d, citErrText(langOf(r), actErr))
	}
	if err := form.CheckCitizenAction(r.PostForm); err != nil {
		fail(err)
		return
	}
	s.postAction(w, r, sess, id, "/my/dossiers/"+strconv.FormatInt(id, 10), fail)
}

// citSupplement sends the one supplementation the agency asked for: files per
// paper and/or a note, under the same upload rules as filing.
func (s *Server) citSupplement(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	m, ok := s.readUploadPost(w, r, citMaxPost+citMaxText)
	defer m.cleanup()
	if !ok {
		return
	}
	d, err := s.citLoad(r, sess, id) // someone else's dossier: 404 before any upload
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	lang := langOf(r)
	f := m.Values
	sp := form.ParseSupplement(f)
	d.SuppNote = sp.Note
	version := sp.Version
	if sp.Key != "" {
		d.SuppKey = sp.Key
	}
	ctx := r.Context()
	if _, ok, err := s.svc.Answered(ctx, sess.Actor, d.SuppKey); err != nil {
		s.renderError(w, r, err)
		return
	} else if ok { // sent again after it went through
		http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d?ok=cit_supplemented", id), http.StatusSeeOther)
		return
	}
	if !d.CanSupplement {
		s.citRender(w, r, http.StatusUnprocessableEntity, d, translate(lang, "cit.not_asked"))
		return
	}
	s.citCollectFiles(ctx, sess.Actor, lang, m, &d.citForm)
	if len(d.Errors) == 0 && citTotalFiles(d.Components) == 0 && d.SuppNote == "" {
		d.fail(d.Components[0].FieldID(), d.Components[0].Name, citErrText(lang, apperr.New(apperr.Invalid, "supplement_empty",
			"Hãy đính kèm giấy tờ bổ sung hoặc ghi rõ nội dung đã bổ sung.", "Attach the supplementary papers or describe what you add.")))
	}
	if len(d.Errors) > 0 {
		status := http.StatusUnprocessableEntity
		if m.Cut {
			status = http.StatusRequestEntityTooLarge
		}
		s.citRender(w, r, status, d, "")
		return
	}
	in := service.ActionInput{Action: string(dossier.ActSupplement), Note: d.SuppNote}
	for _, c := range d.Components {
		if len(c.Kept) > 0 {
			in.Components = append(in.Components, dossier.ComponentFiles{Name: c.Name, FileIDs: c.fileIDs()})
		}
	}
	hash := service.RequestHash("web-supplement", strconv.FormatInt(id, 10), strconv.Itoa(version), d.SuppNote, citFilesHash(d.Components))
	err = s.act(ctx, sess.Actor, id, version, in, d.SuppKey, hash)
	if err != nil {
		if e, ok := apperr.As(err); ok && e.Code == "idempotency_key_reused" {
			d.SuppKey = randomHex(16) + "-supplement"
		}
		s.citRender(w, r, s.httpStatus(r, err), d, citErrText(lang, err))
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d?ok=cit_supplemented", id), http.StatusSeeOther)
}
