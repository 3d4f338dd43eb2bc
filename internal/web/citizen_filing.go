package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/locale"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/form"
)

// Citizen filing: the online filing form and its post (texts read by web/form).

type citFiling struct {
	citForm
	Proc      procedureData
	CanFile   bool
	Key       string
	Applicant dossier.Applicant
	Return    string
	MaxFileMB int
	MaxPostMB int
	// Docs: the person's documents that may be reused, offered beside
	// each paper's upload (RULES-VN.md §8.5: never asked twice).
	Docs []model.Document
}

// DocLabel describes a document of the store in the list of choices.
func (d *citFiling) DocLabel(lang string, doc model.Document) string {
	day := doc.IssuedAt.In(vietnam).Format("02/01/2006")
	return translate(lang, "cit.reuse_option", doc.Name, doc.FileName, translate(lang, "ds.kind."+string(doc.Kind)), day)
}

// Returns lists the result delivery choices in the order shown.
func (d *citFiling) Returns() []string { return []string{"online", "counter", "postal"} }

func (s *Server) citNewFiling(r *http.Request, code string) (*citFiling, error) {
	pd, err := s.loadProcedure(r, code)
	if err != nil {
		return nil, err
	}
	d := &citFiling{Proc: pd, CanFile: pd.P.TimeLimit.Set(), MaxFileMB: service.MaxFileSize >> 20, MaxPostMB: citMaxPost >> 20}
	d.Components = citComponents(pd.P, "")
	if d.Docs, err = s.svc.ReusableDocuments(r.Context(), sessionOf(r).Actor); err != nil {
		return nil, err
	}
	return d, nil
}

func (s *Server) citRenderFiling(w http.ResponseWriter, r *http.Request, status int, d *citFiling, errMsg string) {
	v := s.newView(r, "cit.file_title", d)
	if errMsg != "" {
		v.Error = errMsg
	} else if len(d.Errors) > 0 {
		v.Error = v.T("cit.err_summary", len(d.Errors))
	}
	s.render(w, r, status, "citizen_file", v)
}

func (s *Server) citFileForm(w http.ResponseWriter, r *http.Request, sess *session) {
	d, err := s.citNewFiling(r, r.PathValue("code"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d.Key, d.Return = randomHex(16), string(dossier.ReturnOnline)
	if u, err := s.svc.Profile(r.Context(), sess.Actor); err == nil {
		d.Applicant = dossier.Applicant{Name: u.Name, IDNumber: u.IDNumber, Phone: u.Phone, Email: u.Email}
	} else {
		d.Applicant.Name = sess.Actor.Name
	}
	s.citRenderFiling(w, r, 200, d, "")
}

func citErrText(lang string, err error) string { return locale.Error(locale.Parse(lang), err) }

// citPlaceError puts a service refusal beside its field when it has one.
func citPlaceError(lang string, err error, st *citForm) bool {
	p, ok := form.ApplicantProblem(err)
	if ok {
		st.fail(p.Field, translate(lang, p.Label), citErrText(lang, err))
	}
	return ok
}

func (s *Server) citFilePost(w http.ResponseWriter, r *http.Request, sess *session) {
	m, ok := s.readUploadPost(w, r, citMaxPost+citMaxText)
	defer m.cleanup()
	if !ok {
		return
	}
	d, err := s.citNewFiling(r, r.PathValue("code"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	lang := langOf(r)
	f := m.Values
	fl := form.ParseFiling(f)
	d.Key, d.Applicant, d.Return = fl.Key, fl.Applicant, fl.Return
	if d.Key == "" {
		d.Key = randomHex(16)
	}
	ctx := r.Context()
	// The same form again after it went through: back to that dossier,
	// without uploading its files a second time.
	if body, ok, err := s.svc.Answered(ctx, sess.Actor, d.Key); err != nil {
		s.renderError(w, r, err)
		return
	} else if id, perr := strconv.ParseInt(string(body), 10, 64); ok && perr == nil {
		http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d?ok=cit_filed", id), http.StatusSeeOther)
		return
	}
	if !d.CanFile {
		s.citRenderFiling(w, r, http.StatusUnprocessableEntity, d, translate(lang, "proc.no_limit"))
		return
	}
	s.citCollectFiles(ctx, sess.Actor, lang, m, &d.citForm)
	s.citChosenDocs(ctx, sess.Actor, lang, f, d)
	uploadFailed := len(d.Errors) > 0
	for _, p := range fl.Check() {
		d.fail(p.Field, translate(lang, p.Label), citErrText(lang, p.Err))
	}
	rm := fl.ReturnMethod()
	if !uploadFailed && citTotalFiles(d.Components) == 0 {
		d.fail(d.Components[0].FieldID(), d.Components[0].Name, translate(lang, "cit.err_no_files"))
	}
	if len(d.Errors) > 0 {
		status := http.StatusUnprocessableEntity
		if m.Cut {
			status = http.StatusRequestEntityTooLarge
		}
		s.citRenderFiling(w, r, status, d, "")
		return
	}
	a := d.Applicant
	if err := a.Normalize(); err != nil { // checked field by field above; kept as the last word
		citPlaceError(lang, err, &d.citForm)
		s.citRenderFiling(w, r, http.StatusUnprocessableEntity, d, "")
		return
	}
	in := service.NewDossier{ProcedureCode: d.Proc.P.Code, Channel: dossier.ChannelOnline, Applicant: a, ReturnMethod: rm}
	for _, c := range d.Components {
		cf := dossier.ComponentFiles{Name: c.Name, FileIDs: c.fileIDs()}
		if c.DocID > 0 {
			cf.DocumentIDs = []int64{c.DocID}
		}
		in.Components = append(in.Components, cf)
	}
	hash := service.RequestHash("web-file", in.ProcedureCode, a.Name, a.IDNumber, a.Phone, a.Email, a.Address, string(rm), citFilesHash(d.Components))
	res, err := s.svc.Submit(ctx, sess.Actor, in, d.Key, hash, func(d *dossier.Dossier) ([]byte, error) {
		return []byte(strconv.FormatInt(d.ID, 10)), nil
	})
	if err != nil {
		if e, ok := apperr.As(err); ok && e.Code == "idempotency_key_reused" {
			d.Key = randomHex(16)
			s.citRenderFiling(w, r, http.StatusConflict, d, translate(lang, "cit.err_key_reused"))
			return
		}
		status := s.httpStatus(r, err)
		if citPlaceError(lang, err, &d.citForm) {
			s.citRenderFiling(w, r, status, d, "")
			return
		}
		s.citRenderFiling(w, r, status, d, citErrText(lang, err))
		return
	}
	id := string(res.Body)
	if res.Dossier != nil {
		id = strconv.FormatInt(res.Dossier.ID, 10)
	}
	http.Redirect(w, r, "/my/dossiers/"+id+"?ok=cit_filed", http.StatusSeeOther)
}

// citChosenDocs reads the documents chosen from the data store, one per
// paper. The list offered holds only the person's own valid documents; a
// number not in it (a forged form, or a paper that expired since the page
// was drawn) is refused beside its paper, and the service checks again.
func (s *Server) citChosenDocs(ctx context.Context, actor org.Actor, lang string, f url.Values, d *citFiling) {
	for i := range d.Components {
		c := &d.Components[i]
		v := strings.TrimSpace(f.Get(c.DocField()))
		if v == "" {
			continue
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err == nil && slices.ContainsFunc(d.Docs, func(doc model.Document) bool { return doc.ID == id }) {
			c.DocID = id
			continue
		}
		msg := translate(lang, "cit.err_doc_unknown", v)
		if doc, err := s.svc.OwnDocument(ctx, actor, id); err == nil && !doc.ValidAt(s.svc.Now()) {
			msg = translate(lang, "cit.err_doc_expired", doc.Name, doc.ValidUntil.In(vietnam).Format("02/01/2006"))
		}
		d.fail(c.DocFieldID(), c.Name, msg)
	}
}

// DocFieldID is the id of the component's choice from the data store.
func (c citComp) DocFieldID() string { return "doc-" + strconv.Itoa(c.Index) }
