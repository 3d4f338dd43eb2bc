package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/textfold"
	"github.com/motcua/motcua/internal/web/view"
)

// The check page: the dossier's papers against the procedure's, and the counter's actions.

// checkRow pairs one required component with what the applicant provided.
type checkRow struct {
	I                 int
	Name              string
	Originals, Copies int
	Provided          *providedPaper
}

type providedPaper struct {
	J                 int // its index among the dossier's components
	Name              string
	Originals, Copies int
	Counted           bool
	FileIDs           []string
	Reused, Digitized bool
}

func provided(j int, h dossier.ComponentFiles) *providedPaper {
	return &providedPaper{J: j, Name: h.Name, Originals: h.Originals, Copies: h.Copies, Counted: h.Originals+h.Copies > 0,
		FileIDs: h.FileIDs, Reused: h.Reused, Digitized: h.Digitized}
}

type checkData struct {
	*dossierData
	Rows    []checkRow
	Extra   []providedPaper
	Form    url.Values // the failed form's values (as typed)
	FullURL string
	Scans   []scanRow // the receive form's scan inputs, per dossier component
	ScanMB  int
}

// scanRow is one component of the dossier in the receive form: a paper the
// officer may scan and mark digitized, or one already electronic.
type scanRow struct {
	J          int
	Name       string
	Electronic bool         // filed as a file online or taken from the data store
	HasFiles   bool         // scans attached when the dossier was entered at the counter
	Kept       []model.File // scans uploaded by a refused attempt
	Digitize   bool         // HasFiles: the existing scans are marked digitized
}

// AllElectronic tells that no paper of the dossier needs scanning.
func (d *checkData) AllElectronic() bool {
	for _, sc := range d.Scans {
		if !sc.Electronic {
			return false
		}
	}
	return len(d.Scans) > 0
}

// Can reports whether the actor may take action a now.
func (d *checkData) Can(a string) bool { return slices.Contains(d.Allowed, dossier.Action(a)) }

// Open tells whether action a's form failed and is shown again.
func (d *checkData) Open(a string) bool { return d.Failed == a }

// Val is a value typed in action a's failed form.
func (d *checkData) Val(a, name string) string {
	if d.Failed != a || d.Form == nil {
		return ""
	}
	return d.Form.Get(name)
}

// Ticked says whether component i is ticked in the list field of action a:
// as typed after a failure, otherwise checked when the paper was provided.
// (The supplementation checklist ticks its own rows: supplement_checklist.go.)
func (d *checkData) Ticked(a, field string, i int) bool {
	if d.Failed == a && d.Form != nil {
		return slices.Contains(d.Form[field], strconv.Itoa(i))
	}
	return i < len(d.Rows) && d.Rows[i].Provided != nil
}

// Other actions the counter may take elsewhere (the full dossier page).
func (d *checkData) Others() bool {
	for _, a := range d.Allowed {
		switch a {
		case dossier.ActReceive, dossier.ActRefuse, dossier.ActRequestSupplement, dossier.ActTransfer, dossier.ActReturnResult, dossier.ActRate:
		default:
			return true
		}
	}
	return false
}

func matchComponents(req []catalog.Component, have []dossier.ComponentFiles) ([]checkRow, []providedPaper) {
	rows := make([]checkRow, len(req))
	used := make([]bool, len(have))
	for i, c := range req {
		rows[i] = checkRow{I: i, Name: c.Name, Originals: c.CopiesOriginal, Copies: c.CopiesCopy}
		for j, h := range have {
			if !used[j] && sameComponent(c.Name, h.Name) {
				used[j] = true
				rows[i].Provided = provided(j, h)
				break
			}
		}
	}
	var extra []providedPaper
	for j, h := range have {
		if !used[j] {
			extra = append(extra, *provided(j, h))
		}
	}
	return rows, extra
}

func (s *Server) counterCheck(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	s.showCheck(w, r, sess, id, 200, nil, "", nil)
}

func (s *Server) showCheck(w http.ResponseWriter, r *http.Request, sess *session, id int64, status int, form url.Values, failed string, actErr error) {
	dd, err := s.loadDossier(r, sess.Actor, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	dd.Failed, dd.ActErr = failed, actErr
	dd.ActURL = fmt.Sprintf("/counter/dossiers/%d/act", id)
	for _, a := range s.svc.Agencies() {
		if a.Active && a.ID != dd.D.ProcessingAgencyID && a.Kind != org.KindServiceCenter {
			dd.Agencies = append(dd.Agencies, a)
		}
	}
	sort.SliceStable(dd.Agencies, func(i, j int) bool { return dd.Agencies[i].Code < dd.Agencies[j].Code })
	dd.Form = form
	d := &checkData{dossierData: dd, Form: form, FullURL: fmt.Sprintf("/dossiers/%d?back=%s", id, url.QueryEscape(fmt.Sprintf("/counter/dossiers/%d", id)))}
	d.Rows, d.Extra = matchComponents(dd.Procedure.Components, dd.D.Components)
	if d.Can(string(dossier.ActReceive)) {
		d.Scans, d.ScanMB = s.scanRows(r, sess.Actor, dd.D, form, failed == string(dossier.ActReceive)), service.MaxFileSize>>20
	}
	v := s.newView(r, "counter.check_title", d)
	// Before reception the dossier has no code yet: name it by whose it is
	// ("Kiểm tra hồ sơ của …"), so the title does not read as if the name
	// were the dossier's code beside "(chưa cấp mã)".
	if dd.D.Code != "" {
		v.Title = v.T("counter.check_title") + " " + dd.D.Code
	} else {
		v.Title = v.T("counter.check_title_of", dd.D.Applicant.Name)
	}
	if r.URL.Query().Get("ok") == "counter_new" {
		v.Flash = v.T("counter.created")
	}
	if actErr != nil {
		v.Error = v.ErrorText(actErr)
	}
	s.render(w, r, status, "counter_check", v)
}

// counterAct applies an action from the check page. The checklist of the
// receive form is written into the event's note; the supplementation form's
// papers travel as missing_papers (supplement_checklist.go), which Form 02
// prints row by row.
func (s *Server) counterAct(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	typed := url.Values{}
	for k, v := range r.PostForm {
		typed[k] = slices.Clone(v)
	}
	back := fmt.Sprintf("/counter/dossiers/%d", id)
	fail := func(err error) {
		s.showCheck(w, r, sess, id, s.httpStatus(r, err), typed, r.PostFormValue("action"), err)
	}
	action := r.PostFormValue("action")
	if action == string(dossier.ActReceive) {
		d, err := s.svc.Dossier(r.Context(), sess.Actor, id)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		p, err := s.svc.ProcedureVersion(r.Context(), d.ProcedureCode, d.ProcedureVersion)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		field, header := "checked", translate("vi", "counter.note_checked")
		var names []string
		for i, c := range p.Components { // in the procedure's order
			if slices.Contains(r.PostForm[field], strconv.Itoa(i)) {
				names = append(names, textfold.NFC(c.Name))
			}
		}
		r.PostForm.Set("note", composeNote(header, names, r.PostFormValue("note")))
		s.counterReceive(w, r, sess, d, back, typed, fail)
		return
	}
	s.postAction(w, r, sess, id, back, fail)
}

// composeNote puts a list under a header before the officer's own note:
//
//	Thành phần cần bổ sung:
//	- Tờ khai …
//	- Bản sao …
//
//	<note>
func composeNote(header string, items []string, note string) string {
	note = strings.TrimSpace(note)
	if len(items) == 0 {
		return note
	}
	var b strings.Builder
	b.WriteString(header)
	for _, it := range items {
		b.WriteString("\n- ")
		b.WriteString(strings.ReplaceAll(it, "\n", " "))
	}
	if note != "" {
		b.WriteString("\n\n")
		b.WriteString(note)
	}
	return b.String()
}

// listInNote reads back the items composeNote wrote under header; Form 02
// still reads supplementation requests made before the checklist this way.
func listInNote(note, header string) []string {
	lines := strings.Split(note, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != header {
			continue
		}
		var out []string
		for _, item := range lines[i+1:] {
			item = strings.TrimSpace(item)
			if !strings.HasPrefix(item, "- ") {
				break
			}
			out = append(out, strings.TrimSpace(item[2:]))
		}
		return out
	}
	return nil
}

// paperArg and hiddenArg carry the page into the check page's sub-templates.
type paperArg struct {
	V *view.View
	P providedPaper
}

type hiddenArg struct {
	V       *view.View
	Action  string
	Version int
	Key     string
}

func init() {
	funcs["paperCtx"] = func(v *view.View, p any) paperArg {
		switch p := p.(type) {
		case *providedPaper:
			return paperArg{V: v, P: *p}
		case providedPaper:
			return paperArg{V: v, P: p}
		}
		return paperArg{V: v}
	}
	funcs["actCtx"] = func(v *view.View, action string) hiddenArg {
		h := hiddenArg{V: v, Action: action}
		if d, ok := v.Data.(*checkData); ok {
			h.Version, h.Key = d.D.Version, d.Key
		}
		return h
	}
}
