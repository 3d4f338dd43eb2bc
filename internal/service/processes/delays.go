package processes

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/report"
)

// maxDelayDossiers bounds one delay report: a province returns some tens of
// thousands of dossiers a month under approved processes.
const maxDelayDossiers = 50000

// Delays is the delay report of the dossiers handed back in [from, to]
// (issue 13 item 3): per agency, per step and per officer, the steps that
// ran over their budgets and by how many working hours, and which agency
// made each late dossier late. For the director, the chair and the
// administrator (the center supervises the agencies, Decree 118/2025
// Art. 8).
func (s *Processes) Delays(ctx context.Context, actor org.Actor, from, to calendar.Date) (report.Delays, process.DelayReport, error) {
	switch actor.Role {
	case org.RoleDirector, org.RoleChair, org.RoleAdmin:
	default:
		return report.Delays{}, process.DelayReport{}, apperr.New(apperr.Forbidden, "delays_supervisors",
			"Báo cáo trễ hạn theo bước dành cho Giám đốc Trung tâm, lãnh đạo UBND và quản trị viên.",
			"The step delay report is for the center's director, the People's Committee's leaders and administrators.")
	}
	start, end := s.Calendar().DayStart(from), s.Calendar().DayStart(to.AddDays(1))
	list, logs, err := s.Store.ProcessDossiersReturned(ctx, start, end, maxDelayDossiers)
	if err != nil {
		return report.Delays{}, process.DelayReport{}, err
	}
	procs := map[string]process.Process{}
	var accounts []process.Account
	names := map[string]string{} // dossier code → procedure name
	for _, d := range list {
		key := d.ProcedureCode + "@" + strconv.Itoa(d.ProcessVersion)
		p, ok := procs[key]
		if !ok {
			if p, err = s.Store.Process(ctx, d.ProcedureCode, d.ProcessVersion); err != nil {
				return report.Delays{}, process.DelayReport{}, fmt.Errorf("service: process %s: %w", key, err)
			}
			procs[key] = p
		}
		acc, err := s.account(d, p, logs[d.ID], s.Now())
		if err != nil || acc.Attribution == nil {
			// A history that does not add up is the log's to explain, not
			// the report's to hide: say which dossier.
			s.Log.Warn("delay report: dossier left out", "dossier", d.ID, "err", err)
			continue
		}
		late := d.FinishedAt != nil && d.DueAt != nil && d.FinishedAt.After(*d.DueAt)
		accounts = append(accounts, process.Account{DossierID: d.ID, Code: d.Code, Late: late, Records: acc.Records, Attribution: *acc.Attribution})
		if proc, err := s.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion); err == nil {
			names[d.Code] = proc.Name
		}
	}
	r := process.Delays(accounts)
	return s.delaysDocument(ctx, r, names, start, end), r, nil
}

// delaysDocument names the rows of r for people.
func (s *Processes) delaysDocument(ctx context.Context, r process.DelayReport, procedures map[string]string, from, to time.Time) report.Delays {
	agency := map[string]string{}
	for _, a := range s.Agencies() {
		agency[a.Code] = a.Name
	}
	named := func(code string) string {
		if n, ok := agency[code]; ok {
			return n
		}
		return code
	}
	line := func(row process.DelayRow, name string) report.DelayLine {
		return report.DelayLine{Name: name, Agency: named(row.Agency), Steps: row.Steps, Over: row.Over, OverHours: row.OverHours(), LateDossiers: row.LateDossiers}
	}
	out := report.Delays{Scope: s.ProvinceName(), From: from, To: to}
	for _, row := range r.Agencies {
		out.Agencies = append(out.Agencies, line(row, named(row.Key)))
	}
	for _, row := range r.Roles {
		out.Roles = append(out.Roles, line(row, process.Role(row.Key).Vi()))
	}
	for _, row := range r.Officers {
		name := "#" + row.Key
		if id, err := strconv.ParseInt(row.Key, 10, 64); err == nil {
			if u, err := s.Store.UserByID(ctx, id); err == nil {
				name = u.Name
			}
		}
		out.Officers = append(out.Officers, line(row, name))
	}
	for _, ld := range r.Late {
		var steps []string
		for _, st := range ld.Steps {
			steps = append(steps, fmt.Sprintf("%d. %s (+%s giờ)", st.Step, st.Name, strconv.FormatFloat(float64(st.Measure.OverMinutes())/60, 'f', -1, 64)))
		}
		out.Late = append(out.Late, report.LateLine{Code: ld.Code, Procedure: procedures[ld.Code], Responsible: named(ld.Responsible), Steps: strings.Join(steps, "; ")})
	}
	return out
}
