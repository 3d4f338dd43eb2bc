package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
)

// Counter queues: the counter's home, what waits for it.

type queueRow struct {
	D         *dossier.Dossier
	Procedure string
	Waited    string // how long since it was filed (submitted queue)
	Long      bool   // waiting over a day
}

type counterHomeData struct {
	Q          string
	Searched   bool
	Pick       bool // sent here from the filing form without a procedure
	Procs      []catalog.Procedure
	CanReceive bool // counter officers receive; postal workers only return results
	Waiting    []queueRow
	Ready      []queueRow
	QV         *queueView // search, filters, count tiles, paging (queue.go)
}

// queueLimit bounds each queue on the page.
const queueLimit = 200

func (s *Server) counterHome(w http.ResponseWriter, r *http.Request, sess *session) {
	ctx := r.Context()
	d := counterHomeData{Q: strings.TrimSpace(r.URL.Query().Get("q")), CanReceive: sess.Actor.Role == org.RoleCounter, QV: readQueueView(r),
		Pick: r.URL.Query().Get("pick") != ""}
	lang := langOf(r)
	if err := s.queueTools(ctx, sess.Actor, lang, d.QV, d.CanReceive); err != nil {
		s.renderError(w, r, err)
		return
	}
	names := map[string]string{}
	rows := func(list []*dossier.Dossier, waited bool) ([]queueRow, error) {
		out := make([]queueRow, 0, len(list))
		now := s.svc.Now()
		for _, dd := range list {
			key := dd.ProcedureCode + "@" + strconv.Itoa(dd.ProcedureVersion)
			if _, ok := names[key]; !ok {
				p, err := s.svc.ProcedureVersion(ctx, dd.ProcedureCode, dd.ProcedureVersion)
				if err != nil {
					return nil, err
				}
				names[key] = p.Name
			}
			row := queueRow{D: dd, Procedure: names[key]}
			if waited {
				wait := now.Sub(dd.SubmittedAt)
				row.Waited, row.Long = duration(lang, wait), wait > 24*time.Hour
			}
			out = append(out, row)
		}
		return out, nil
	}
	if d.CanReceive {
		list, err := s.queuePage(ctx, sess.Actor, d.QV, "submitted")
		if err == nil {
			d.Waiting, err = rows(list, true)
		}
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		if d.Q != "" {
			d.Searched = true
			if d.Procs, err = s.svc.SearchProcedures(ctx, model.ProcedureFilter{Q: d.Q, Limit: 30}); err != nil {
				s.renderError(w, r, err)
				return
			}
		}
	}
	list, err := s.queuePage(ctx, sess.Actor, d.QV, "done")
	if err == nil {
		d.Ready, err = rows(list, false)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, 200, "counter", s.newView(r, "counter.title", d))
}

// duration says how long something has waited, in days and hours or hours
// and minutes.
func duration(lang string, d time.Duration) string {
	if d < 0 {
		d = 0
	}
	m := int(d / time.Minute)
	switch {
	case m >= 24*60:
		return translate(lang, "counter.dur_days", m/(24*60), m%(24*60)/60)
	case m >= 60:
		return translate(lang, "counter.dur_hours", m/60, m%60)
	}
	return translate(lang, "counter.dur_minutes", m)
}
