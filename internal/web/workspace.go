package web

import (
	"net/http"
	"time"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

func init() {
	addMessages(map[string][2]string{
		"work.title":    {"Hồ sơ cần xử lý", "Dossiers to process"},
		"work.lead":     {"Hồ sơ của cơ quan bạn chưa có kết quả, việc gấp nhất ở trên cùng.", "Your agency's unfinished dossiers, most urgent first."},
		"work.count":    {"%d hồ sơ", "%d dossiers"},
		"work.empty":    {"Không có hồ sơ nào đang chờ xử lý.", "No dossier is waiting."},
		"work.urgency":  {"Mức độ", "Urgency"},
		"work.urged":    {"Được đôn đốc", "Urged"},
		"urg.overdue":   {"Đã quá hạn", "Overdue"},
		"urg.due_today": {"Đến hạn hôm nay", "Due today"},
		"urg.at_risk":   {"Sắp đến hạn", "Due next working day"},
		"urg.waiting":   {"Chờ người nộp bổ sung", "Waiting for the applicant"},
		"urg.normal":    {"Trong hạn", "Within time"},
		"work.summary":  {"Tóm tắt", "Summary"},
		"work.open":     {"Mở hồ sơ", "Open"},
	})
}

func (s *Server) workspaceRoutes() {
	s.mux.HandleFunc("GET /work", s.require(s.inbox, org.RoleSpecialist, org.RoleLeader, org.RoleCounter, org.RoleDirector, org.RoleAdmin))
}

type inboxRow struct {
	service.InboxItem
	Procedure string
	NewPapers *time.Time // the applicant's supplementation came in after the agency last acted
}

type inboxData struct {
	Rows   []inboxRow
	Counts map[service.Urgency]int
	// Steps are the internal-process steps the officer holds and the
	// opinions the agency owes (issue 13 item 4).
	Steps []service.StepItem
}

// urgencyOrder is the order of the summary boxes.
var urgencyOrder = []service.Urgency{service.UrgOverdue, service.UrgDueToday, service.UrgAtRisk, service.UrgNormal, service.UrgWaiting}

func (s *Server) inbox(w http.ResponseWriter, r *http.Request, sess *session) {
	items, err := s.svc.Inbox(r.Context(), sess.Actor, 300)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	answered, err := s.svc.SupplementAnswered(r.Context(), items)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := inboxData{Counts: map[service.Urgency]int{}}
	names := map[string]string{}
	for _, it := range items {
		key := it.Dossier.ProcedureCode
		if _, ok := names[key]; !ok {
			var p catalog.Procedure
			if p, err = s.svc.ProcedureVersion(r.Context(), it.Dossier.ProcedureCode, it.Dossier.ProcedureVersion); err == nil {
				names[key] = p.Name
			}
		}
		row := inboxRow{InboxItem: it, Procedure: names[key]}
		if at, ok := answered[it.Dossier.ID]; ok {
			row.NewPapers = &at
		}
		d.Rows = append(d.Rows, row)
		d.Counts[it.Urgency]++
	}
	if d.Steps, err = s.svc.StepWork(r.Context(), sess.Actor); err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, 200, "work", s.newView(r, "work.title", d))
}

func init() {
	funcs["urgencies"] = func() []service.Urgency { return urgencyOrder }
}
