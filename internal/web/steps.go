package web

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/service"
)

func init() {
	addMessages(map[string][2]string{
		"action.step":    {"Chuyển bước quy trình", "Step movement"},
		"dir.step_now":   {"Đang ở bước", "Current step"},
		"dir.step_since": {"từ %s", "since %s"},
		"work.steps":     {"Các bước quy trình bạn đang giữ", "Process steps you hold"},
		"work.left":      {"Thời gian còn lại", "Time left"},
		"work.left_h":    {"còn %s giờ làm việc", "%s working hours left"},
		"work.over_h":    {"quá %s giờ làm việc", "%s working hours over"},
		"work.owed":      {"Cơ quan cần cho ý kiến", "Your agency's opinion is owed"},
		"steps.title":    {"Quy trình nội bộ", "Internal process"},
		"steps.decision": {"Theo %s", "Under %s"},
		"steps.n":        {"Bước", "Step"},
		"steps.name":     {"Nội dung", "Task"},
		"steps.holder":   {"Cơ quan, người thực hiện", "Held by"},
		"steps.budget":   {"Thời gian", "Budget"},
		"steps.started":  {"Bắt đầu", "Started"},
		"steps.due":      {"Hạn của bước", "Step due"},
		"steps.finished": {"Chuyển đi", "Handed on"},
		"steps.result":   {"Kết quả", "Outcome"},
		"steps.days":     {"%s ngày làm việc", "%s working days"},
		"steps.current":  {"Đang ở bước %d: %s — %s, từ %s; đã dùng %s/%s giờ làm việc.", "At step %d: %s — %s, since %s; %s of %s working hours used."},
		"steps.over":     {"Quá hạn của bước %s giờ làm việc.", "%s working hours past the step's due."},
		"steps.move":     {"Chuyển bước", "Move to a step"},
		"steps.kind":     {"Thao tác", "Movement"},
		"steps.to":       {"Trả lại bước", "Return to step"},
		"steps.assignee": {"Chuyên viên được phân công", "Specialist assigned"},
		"steps.pending":  {"Còn chờ ý kiến của: %s", "Opinions still owed by: %s"},
		"steps.late_by":  {"Làm trễ hạn: %s", "Made it late: %s"},
		"move.assign":    {"Phân công chuyên viên", "Assign a specialist"},
		"move.forward":   {"Chuyển bước tiếp theo", "Forward to the next step"},
		"move.consult":   {"Gửi lấy ý kiến các cơ quan", "Consult the agencies"},
		"move.answer":    {"Gửi ý kiến của cơ quan", "Send the agency's opinion"},
		"move.submit":    {"Trình Ủy ban nhân dân", "Submit to the People's Committee"},
		"move.decide":    {"Quyết định, chuyển trả kết quả", "Decide, hand on for return"},
		"move.return":    {"Trả lại bước trước", "Return to an earlier step"},
	})
	funcs["stepMove"] = func(k process.MoveKind) string { return "move." + string(k) }
	funcs["stepHours"] = hours
	funcs["neg"] = func(n int) int { return -n }
}

// stepsView is the internal-process section of the dossier page: every
// visit of a step against its own budget, where the dossier stands now,
// and the movements the officer may make (issue 13 items 2 and 3).
type stepsView struct {
	Acc       *service.StepAccount
	Rows      []stepRow
	Current   *stepRow
	Kinds     []process.MoveKind // what the officer may choose
	Earlier   []stepRow          // steps a return may go back to
	Assignees []model.StaffContact
	Late      []string // agencies that made the settled dossier late
}

type stepRow struct {
	N                  int
	Name, Holder       string
	Budget             string
	Started, Finished  time.Time
	Due                time.Time
	Timeliness         process.Timeliness
	UsedH, BudgetH     string
	OverH              string
	Pending            string
	Assignee, Answered string
}

func hours(minutes int) string {
	return strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(float64(minutes)/60, 'f', 2, 64), "0"), ".")
}

func (s *Server) stepsOf(ctx context.Context, actor org.Actor, d *dossier.Dossier) (*stepsView, error) {
	if d.Step == nil || actor.Role == org.RoleCitizen {
		return nil, nil
	}
	acc, err := s.svc.StepAccount(ctx, actor, d.ID)
	if err != nil || acc == nil {
		return nil, err
	}
	name := func(code string) string {
		for _, a := range s.svc.Agencies() {
			if a.Code == code {
				return a.Name
			}
		}
		return code
	}
	v := &stepsView{Acc: acc}
	for _, r := range acc.Results {
		row := stepRow{N: r.Record.Step, Name: r.Record.Name, Holder: name(r.Record.Agency), Budget: r.Record.Budget.Vi(),
			Started: r.Record.Started, Finished: r.Record.Finished, Due: r.Measure.Due, Timeliness: r.Measure.Timeliness,
			UsedH: hours(r.Measure.UsedMinutes()), BudgetH: hours(r.Measure.BudgetMinutes())}
		if over := r.Measure.OverMinutes(); over > 0 {
			row.OverH = hours(over)
		}
		if len(r.Record.Answers) > 0 {
			var owed []string
			for _, a := range r.Record.Answers {
				if a.At.IsZero() {
					owed = append(owed, name(a.Agency))
				}
			}
			row.Pending = strings.Join(owed, ", ")
		}
		v.Rows = append(v.Rows, row)
	}
	if acc.Current != nil {
		v.Current = &v.Rows[len(v.Rows)-1]
	}
	if acc.Attribution != nil {
		for _, a := range acc.Attribution.Agencies {
			v.Late = append(v.Late, name(a.Agency))
		}
	}
	mover := process.Mover{UserID: actor.UserID, Role: actor.Role}
	if a, ok := s.svc.Agency(actor.AgencyID); ok {
		mover.Agency = a.Code
	}
	if d.Status == dossier.Processing && d.Step != nil && process.CanMove(acc.Process, *d.Step, mover) {
		last := len(acc.Process.Steps)
		if d.Step.Step < last-1 && len(d.Step.Pending) == 0 {
			v.Kinds = append(v.Kinds, process.ForwardKind(acc.Process, d.Step.Step))
		}
		if len(d.Step.Pending) > 0 {
			v.Kinds = append(v.Kinds, process.MoveAnswer)
		}
		for _, r := range v.Rows {
			if r.N < d.Step.Step && acc.Process.Steps[r.N-1].Holder.Kind != process.HolderConsulted &&
				!containsStep(v.Earlier, r.N) {
				v.Earlier = append(v.Earlier, r)
			}
		}
		if len(v.Earlier) > 0 {
			v.Kinds = append(v.Kinds, process.MoveReturn)
		}
		if v.Assignees, err = s.svc.Assignees(ctx, actor); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func containsStep(rows []stepRow, n int) bool {
	for _, r := range rows {
		if r.N == n {
			return true
		}
	}
	return false
}
