package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/form"
)

// Administration: the procedure catalogue and its local edits.

type adminProceduresData struct {
	Q     string
	Items []catalog.Procedure
}

func (s *Server) adminProcedures(w http.ResponseWriter, r *http.Request, sess *session) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	list, err := s.svc.SearchProcedures(r.Context(), model.ProcedureFilter{Q: q, Limit: 200})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, 200, "admin_procedures", s.newView(r, "admin.procedures", adminProceduresData{Q: q, Items: list}))
}

type adminProcedureData struct {
	adminForm
	P          catalog.Procedure
	Components string // the components as the textarea shows them
	AgencyID   int64
	AgencyName string
	Agencies   []org.Agency
	Units      []string
	// OnlineLevels are the choices of Decree 42/2022 Art. 11, and unknown.
	OnlineLevels []string
}

func (s *Server) procedurePage(w http.ResponseWriter, r *http.Request, status int, form adminForm, err error) {
	code := r.PathValue("code")
	p, a, perr := s.svc.Procedure(r.Context(), code)
	if perr != nil {
		s.renderError(w, r, perr)
		return
	}
	d := &adminProcedureData{adminForm: form, P: p, Components: service.FormatComponents(p.Components), Agencies: s.activeAgencies(),
		Units:        []string{catalog.UnitWorkingDays, catalog.UnitDays, catalog.UnitSameDay},
		OnlineLevels: []string{catalog.OnlineFull, catalog.OnlinePartial, catalog.OnlineNone, catalog.OnlineUnknown}}
	d.AgencyID, d.AgencyName = a.ID, a.Name
	v := s.newView(r, "admin.procedures", d)
	v.Title = p.Name
	if err != nil {
		v.Error = v.ErrorText(err)
	}
	s.render(w, r, status, "admin_procedure", v)
}

func (s *Server) adminProcedure(w http.ResponseWriter, r *http.Request, sess *session) {
	s.procedurePage(w, r, 200, adminForm{}, nil)
}

func (s *Server) adminEditProcedure(w http.ResponseWriter, r *http.Request, sess *session) {
	code := r.PathValue("code")
	show := func(status int, err error) {
		s.procedurePage(w, r, status, adminForm{Form: r.PostForm, Failed: "edit"}, err)
	}
	e, err := form.ParseProcedureEdit(r.PostForm)
	var out model.SaveOutcome
	if err == nil {
		_, out, err = s.svc.EditProcedure(r.Context(), sess.Actor, code, e)
	}
	if err != nil {
		if ae, ok := apperr.As(err); ok && ae.Kind == apperr.Conflict {
			show(http.StatusConflict, err)
			return
		}
		s.failed(w, r, err, show)
		return
	}
	ok := "admin_procedure_saved"
	if out == model.ProcedureUnchanged {
		ok = "admin_procedure_same"
	}
	redirectOK(w, r, "/admin/procedures/"+url.PathEscape(code), ok)
}

func (s *Server) adminProcedureAgency(w http.ResponseWriter, r *http.Request, sess *session) {
	code := r.PathValue("code")
	id, err := form.ID(r.PostForm, "agency")
	if err == nil {
		err = s.svc.SetProcedureAgency(r.Context(), sess.Actor, code, id)
	}
	if err != nil {
		s.failed(w, r, err, func(status int, err error) {
			s.procedurePage(w, r, status, adminForm{Form: r.PostForm, Failed: "agency"}, err)
		})
		return
	}
	redirectOK(w, r, "/admin/procedures/"+url.PathEscape(code), "admin_procedure_agency")
}
