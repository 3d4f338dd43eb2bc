package web_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/service"
)

// consultingProcess is a seven-step process for 3.000333 (6 working days)
// that consults the demo's departments of construction and agriculture and
// is decided by the provincial People's Committee.
func consultingProcess(t *testing.T, e *env) {
	t.Helper()
	st := func(name string, role process.Role, h process.Holder, quarters int, out process.OutputKind) process.Step {
		s := process.Step{Name: name, Role: role, Holder: h, Budget: process.Budget(quarters), Output: process.Output{Kind: out}}
		if out == process.OutputForm {
			s.Output.Form, s.Output.Circular = "01", process.Circular012018
		}
		return s
	}
	center, proc := process.Holder{Kind: process.HolderCenter}, process.Holder{Kind: process.HolderProcessing}
	p := process.Process{ProcedureCode: criminalRecord, Decision: "Quyết định số 15/QĐ-UBND (thử nghiệm)", Steps: []process.Step{
		st("Tiếp nhận, số hoá", process.RoleOneStop, center, 4, process.OutputForm),
		st("Phân công", process.RoleDivisionLeader, proc, 2, process.OutputAssignment),
		st("Thẩm định, dự thảo văn bản xin ý kiến", process.RoleSpecialist, proc, 4, process.OutputDocument),
		st("Các Sở cho ý kiến", process.RoleConsulted, process.Holder{Kind: process.HolderConsulted, Agencies: []string{demo.DeptConstruct, demo.DeptAgri}}, 4, process.OutputOpinion),
		st("Văn thư lấy số, chuyển UBND tỉnh", process.RoleClerk, proc, 2, process.OutputDocument),
		st("UBND tỉnh xem xét, quyết định", process.RolePPCLeader, process.Holder{Kind: process.HolderPPC}, 4, process.OutputDecision),
		st("Trả kết quả", process.RoleOneStop, center, 4, process.OutputResult),
	}}
	if _, err := e.svc.SaveProcess(t.Context(), e.actorNamed("admin"), p); err != nil {
		t.Fatal(err)
	}
}

// In a real Chromium (issue 13 "Done when": the pages cover assign,
// forward, return, consult, submit to the PPC, urge): the leader assigns a
// specialist on the dossier page, the specialist sends the dossier for
// opinions, the director urges the consulted departments, each answers from
// its own account, the clerk returns it once for a missing paper and then
// submits it to the People's Committee, whose leader decides. Screenshots
// of each step under artifacts/e2e/.
func TestBrowserDossierThroughItsProcess(t *testing.T) {
	e := sqliteEnv(t)
	c := newChrome(t)
	consultingProcess(t, e)
	d := e.seedAct(e.seedDossierReturn(criminalRecord, "Hồ Văn Quy Trình", dossier.ReturnCounter), "counter", act("receive"), act("transfer"))
	page := fmt.Sprintf("%s/dossiers/%d", e.url, d.ID)
	spec := e.actorNamed("specialist")

	leader := c.newTab("leader", 1366, 900)
	signInStaff(leader, e.url, "leader")
	leader.run("open the step form", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("steps")),
		chromedp.Click(chromedp.CSS(`#act-step summary`)), chromedp.WaitVisible(chromedp.ID("step-assignee")))
	leader.sees("Quy trình nội bộ", "Đang ở bước 2: Phân công", "Phân công chuyên viên")
	leader.page("assign")
	leader.run("assign the specialist", chromedp.SetValue(chromedp.ID("step-assignee"), fmt.Sprint(spec.UserID)),
		chromedp.Click(chromedp.CSS(`#act-step button[type=submit]`)), chromedp.WaitVisible(chromedp.ID("step-now")))
	leader.sees("Đang ở bước 3")
	leader.page("assigned")

	sp := c.newTab("specialist", 1366, 900)
	signInStaff(sp, e.url, "specialist")
	sp.run("consult", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("steps")),
		chromedp.Click(chromedp.CSS(`#act-step summary`)), chromedp.WaitVisible(chromedp.CSS(`input[name=step_kind][value=consult]`)),
		chromedp.Click(chromedp.CSS(`input[name=step_kind][value=consult]`)), chromedp.Click(chromedp.CSS(`#act-step button[type=submit]`)),
		chromedp.WaitVisible(chromedp.ID("step-now")))
	sp.sees("Đang ở bước 4: Các Sở cho ý kiến", "Còn chờ ý kiến của")
	sp.page("consulting")

	d = e.fresh(d)
	d = e.seedAct(d, "director", actWith("urge", "reason", "Đề nghị các Sở cho ý kiến trước 16:00"))
	xd := c.newTab("specialist_xd", 1366, 900)
	signInStaff(xd, e.url, "specialist_xd")
	xd.run("workspace", chromedp.Navigate(e.url+"/work"), chromedp.WaitVisible(chromedp.ID("steps-work")))
	xd.sees("Cơ quan cần cho ý kiến", d.Code)
	xd.page("opinion-owed")
	xd.run("answer", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("steps")),
		chromedp.Click(chromedp.CSS(`#act-step summary`)), chromedp.WaitVisible(chromedp.CSS(`input[name=step_kind][value=answer]`)),
		chromedp.SendKeys(chromedp.ID("reason-step"), "Thống nhất"), chromedp.Click(chromedp.CSS(`#act-step button[type=submit]`)),
		chromedp.WaitVisible(chromedp.ID("step-now")))
	// The page before the post shows the same section: wait for the opinion
	// to be recorded rather than for the page.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if d = e.fresh(d); len(d.Step.Answers) == 1 || time.Now().After(deadline) {
			break
		}
	}
	d = e.seedAct(d, "specialist_nn", actStep("answer", 0, 0, ""))
	if d.Step.Step != 5 {
		t.Fatalf("after both opinions: %+v", d.Step)
	}
	// The clerk sends it back once for a missing paper, then submits it.
	sp.run("return", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("steps")),
		chromedp.Click(chromedp.CSS(`#act-step summary`)), chromedp.Click(chromedp.CSS(`input[name=step_kind][value=return]`)),
		chromedp.SetValue(chromedp.ID("step-to"), "3"), chromedp.Click(chromedp.CSS(`#act-step button[type=submit]`)),
		chromedp.WaitVisible(chromedp.ID("reason-step-error")))
	sp.sees("Cần ghi rõ lý do khi trả lại bước trước.")
	sp.page("return-needs-reason")
	d = e.fresh(d)
	d = e.seedAct(d, "specialist", actStep("return", 3, spec.UserID, "Thiếu bản sao giấy chứng nhận"))
	d = e.seedAct(d, "specialist", actStep("consult", 0, 0, ""))
	d = e.seedAct(d, "specialist_xd", actStep("answer", 0, 0, ""))
	d = e.seedAct(d, "specialist_nn", actStep("answer", 0, 0, ""))
	d = e.seedAct(d, "specialist", actStep("submit", 0, 0, ""))
	ppc := c.newTab("leader_ubnd", 1366, 900)
	signInStaff(ppc, e.url, "leader_ubnd")
	ppc.run("the People's Committee's dossier", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("steps")))
	ppc.sees("Đang ở bước 6: UBND tỉnh xem xét, quyết định")
	ppc.page("submitted")
	d = e.seedAct(d, "leader_ubnd", act("approve"))
	if d.Status != dossier.Done || d.Step.Step != 7 {
		t.Fatalf("decided: %s %+v", d.Status, d.Step)
	}
	leader.run("the process done", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("steps-table")))
	leader.page("decided")
}

func actStep(kind string, to int, assignee int64, reason string) service.ActionInput {
	return service.ActionInput{Action: "step", StepKind: kind, ToStep: to, Assignee: assignee, Reason: reason}
}

func actWith(action, field, value string) service.ActionInput {
	in := service.ActionInput{Action: action}
	if field == "reason" {
		in.Reason = value
	}
	return in
}
