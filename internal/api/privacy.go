package api

import (
	"net/http"
	"strconv"

	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// Reveals of masked personal data (org.AccessPolicy; README "Roles and what
// each may see").
func (s *Server) privacyRoutes() {
	s.mux.HandleFunc("POST /api/v1/dossiers/{id}/reveal", s.authed(s.byID(s.reveal)))
	s.mux.HandleFunc("GET /api/v1/dossiers/{id}/reveals", s.authed(s.byID(s.dossierReveals)))
	s.mux.HandleFunc("GET /api/v1/reveals", s.authed(s.allReveals))
}

func (s *Server) reveal(w http.ResponseWriter, r *http.Request, actor org.Actor, id int64) {
	var in service.RevealInput
	if _, err := readBody(r, &in); err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.svc.Reveal(r.Context(), actor, id, in)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, 200, RevealedView{Applicant: res.Applicant, Reveal: revealView(res.Reveal)})
}

func (s *Server) dossierReveals(w http.ResponseWriter, r *http.Request, actor org.Actor, id int64) {
	s.writeReveals(w, r, actor, id)
}

func (s *Server) allReveals(w http.ResponseWriter, r *http.Request, actor org.Actor) {
	s.writeReveals(w, r, actor, 0)
}

func (s *Server) writeReveals(w http.ResponseWriter, r *http.Request, actor org.Actor, dossierID int64) {
	q := r.URL.Query()
	before, _ := strconv.ParseInt(q.Get("before"), 10, 64)
	limit, _ := strconv.Atoi(q.Get("limit"))
	list, err := s.svc.Reveals(r.Context(), actor, dossierID, before, limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	items := make([]RevealView, 0, len(list))
	for _, x := range list {
		items = append(items, revealView(x))
	}
	writeJSON(w, 200, map[string]any{"items": items})
}
