package web

import (
	"net/http"
	"strconv"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/form"
)

// Administration: agencies and their counters.

type agencyRow struct {
	org.Agency
	Parent, OneStop string
	HasDesk         bool
}

type agenciesData struct {
	adminForm
	Rows     []agencyRow
	All      []org.Agency
	OneStops []org.Agency
	Levels   []org.Level
	Kinds    []org.Kind
}

func (s *Server) agenciesPage(w http.ResponseWriter, r *http.Request, status int, form adminForm, err error) {
	all := s.svc.Agencies()
	d := &agenciesData{adminForm: form, All: all, OneStops: s.svc.OneStopAgencies(),
		Levels: []org.Level{org.LevelProvince, org.LevelCommune, org.LevelDistrict}, Kinds: service.Kinds}
	for _, a := range all {
		row := agencyRow{Agency: a, HasDesk: service.IsOneStop(a)}
		if a.ParentID != nil {
			p, _ := s.svc.Agency(*a.ParentID)
			row.Parent = p.Name
		}
		if a.OneStopID != nil {
			o, _ := s.svc.Agency(*a.OneStopID)
			row.OneStop = o.Name
		}
		d.Rows = append(d.Rows, row)
	}
	v := s.newView(r, "admin.agencies", d)
	if err != nil {
		v.Error = v.ErrorText(err)
	}
	s.render(w, r, status, "admin_agencies", v)
}

func (s *Server) adminAgencies(w http.ResponseWriter, r *http.Request, sess *session) {
	s.agenciesPage(w, r, 200, adminForm{}, nil)
}

func (s *Server) adminCreateAgency(w http.ResponseWriter, r *http.Request, sess *session) {
	show := func(status int, err error) {
		s.agenciesPage(w, r, status, adminForm{Form: r.PostForm, Failed: "agency"}, err)
	}
	in, err := form.ParseAgency(r.PostForm)
	if err == nil {
		_, err = s.svc.CreateAgency(r.Context(), sess.Actor, in)
	}
	if err != nil {
		s.failed(w, r, err, show)
		return
	}
	redirectOK(w, r, "/admin/agencies", "admin_agency_created")
}

func (s *Server) adminAgencyActive(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	active := r.PostFormValue("active") == "1"
	if err := s.svc.SetAgencyActive(r.Context(), sess.Actor, id, active); err != nil {
		s.failed(w, r, err, func(status int, err error) { s.agenciesPage(w, r, status, adminForm{}, err) })
		return
	}
	ok := "admin_agency_inactive"
	if active {
		ok = "admin_agency_active"
	}
	redirectOK(w, r, "/admin/agencies", ok)
}

type countersData struct {
	adminForm
	Agency   org.Agency
	OneStop  string
	HasDesk  bool
	Counters []model.Counter
}

func (s *Server) countersPage(w http.ResponseWriter, r *http.Request, sess *session, status int, form adminForm, err error) {
	id, perr := pathID(r)
	a, ok := s.svc.Agency(id)
	if perr != nil || !ok {
		s.renderError(w, r, apperr.ErrNotFound)
		return
	}
	list, lerr := s.svc.Counters(r.Context(), sess.Actor, id)
	if lerr != nil {
		s.renderError(w, r, lerr)
		return
	}
	d := &countersData{adminForm: form, Agency: a, HasDesk: service.IsOneStop(a), Counters: list}
	if a.OneStopID != nil {
		o, _ := s.svc.Agency(*a.OneStopID)
		d.OneStop = o.Name
	}
	v := s.newView(r, "admin.counters", d)
	v.Title = v.T("admin.counters_of", a.Name)
	if err != nil {
		v.Error = v.ErrorText(err)
	}
	s.render(w, r, status, "admin_counters", v)
}

func (s *Server) adminCounters(w http.ResponseWriter, r *http.Request, sess *session) {
	s.countersPage(w, r, sess, 200, adminForm{}, nil)
}

func (s *Server) adminAddCounter(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	if _, err := s.svc.AddCounter(r.Context(), sess.Actor, id, r.PostFormValue("code"), r.PostFormValue("name")); err != nil {
		s.failed(w, r, err, func(status int, err error) {
			s.countersPage(w, r, sess, status, adminForm{Form: r.PostForm, Failed: "counter"}, err)
		})
		return
	}
	redirectOK(w, r, "/admin/agencies/"+strconv.FormatInt(id, 10)+"/counters", "admin_counter_added")
}
