package processes_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store/storetest"
)

// Source: issue 13 items 2 and 5 — the demo province runs Bắc Ninh's
// twelve-step process for 1.009645 (Decision 1582/QĐ-UBND) with staff for
// every step: the one-stop receives and hands over, the department's
// leader assigns and signs, its specialist appraises and numbers (as
// clerk), two departments give their opinions in parallel in their own
// workspaces, the dossier is submitted to the provincial People's
// Committee, whose leader decides, and the one-stop returns the result.
func TestDemoRunsBacNinh1582_TwelveSteps(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	// The demo's process is in force from when the demo loads: after it.
	now := time.Now().Add(time.Minute)
	svc, who := servicetest.DemoAt(t, st, &now)
	n := 0
	act := func(actor org.Actor, d *dossier.Dossier, in service.ActionInput) *dossier.Dossier {
		t.Helper()
		n++
		now = now.Add(2 * time.Hour)
		res, err := svc.Act(ctx, actor, d.ID, d.Version, in, fmt.Sprint("k", n), fmt.Sprint("h", n), func(*dossier.Dossier) ([]byte, error) { return nil, nil })
		if err != nil {
			t.Fatalf("%s by %s at step %v: %v", in.Action+" "+in.StepKind, actor.Username, d.Step, err)
		}
		return res.Dossier
	}
	step := func(actor string, d *dossier.Dossier, kind string, assignee int64) *dossier.Dossier {
		t.Helper()
		return act(who(actor), d, service.ActionInput{Action: "step", StepKind: kind, Assignee: assignee})
	}
	res, err := svc.Submit(ctx, who("counter"), service.NewDossier{ProcedureCode: "1.009645", ReturnMethod: dossier.ReturnCounter,
		Applicant:  dossier.Applicant{Name: "Công ty TNHH Đầu Tư Mẫu", IDNumber: "0101234567"},
		Components: []dossier.ComponentFiles{{Name: "Văn bản đề nghị thực hiện dự án đầu tư", Originals: 1}}}, "s", "s",
		func(*dossier.Dossier) ([]byte, error) { return nil, nil })
	if err != nil {
		t.Fatal(err)
	}
	d := act(who("counter"), res.Dossier, service.ActionInput{Action: "receive"})
	if d.Step == nil || d.Step.Step != 1 {
		t.Fatalf("the demo's 1.009645 runs under no process: %+v", d.Step)
	}
	d = act(who("counter"), d, service.ActionInput{Action: "transfer"})
	spec := who("specialist_tc")
	d = step("leader_stc", d, "assign", spec.UserID) // 2 → 3
	d = step("specialist_tc", d, "forward", 0)       // 3 → 4
	d = step("leader_stc", d, "forward", 0)          // 4 → 5
	d = step("leader_stc", d, "consult", 0)          // 5 → 6
	if d.Step.Step != 6 || len(d.Step.Pending) != 2 {
		t.Fatalf("consultation: %+v", d.Step)
	}
	if _, err := svc.Dossier(ctx, who("specialist_xd"), d.ID); err != nil {
		t.Fatalf("a consulted department cannot see the dossier it is asked about: %v", err)
	}
	// The director urges the holders of the step: the departments that owe
	// their opinions, not the department that consults them (issue 13
	// item 3; Decree 118/2025 Art. 8).
	for user, email := range map[string]string{"specialist_xd": "xd@sxd.gov.vn", "specialist_nn": "nn@snn.gov.vn", "specialist_tc": "tc@stc.gov.vn"} {
		a := who(user)
		if err := st.UpdateUserProfile(ctx, a.UserID, a.Name, email, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	d = act(who("director"), d, service.ActionInput{Action: "urge", Reason: "Đề nghị có ý kiến trước 16:00"})
	sent := map[string]bool{}
	for _, m := range servicetest.OutboxKeys(t, st, d.ID) {
		if m.Subject == "Đôn đốc xử lý hồ sơ "+d.Code {
			sent[m.Recipient] = true
		}
	}
	if !sent["xd@sxd.gov.vn"] || !sent["nn@snn.gov.vn"] || sent["tc@stc.gov.vn"] {
		t.Fatalf("urged %v, want the two consulted departments only", sent)
	}
	d = step("specialist_xd", d, "answer", 0)
	d = step("specialist_nn", d, "answer", 0) // the last opinion: step 7 begins
	if d.Step.Step != 7 {
		t.Fatalf("after both opinions: %+v", d.Step)
	}
	d = step("specialist_tc", d, "forward", 0) // 7 → 8
	d = step("leader_stc", d, "forward", 0)    // 8 → 9
	d = step("leader_stc", d, "forward", 0)    // 9 → 10, the clerk
	d = step("specialist_tc", d, "submit", 0)  // 10 → 11, to the People's Committee
	if _, err := svc.Dossier(ctx, who("leader_ubnd"), d.ID); err != nil {
		t.Fatalf("the People's Committee cannot see what is submitted to it: %v", err)
	}
	d = act(who("leader_ubnd"), d, service.ActionInput{Action: "approve", ResultName: "Quyết định chấp thuận chủ trương đầu tư"}) // 11 → 12
	if d.Status != dossier.Done || d.Step.Step != 12 {
		t.Fatalf("decided: %s %+v", d.Status, d.Step)
	}
	d = act(who("counter"), d, service.ActionInput{Action: "return_result"})
	acc, err := svc.StepAccount(ctx, who("director"), d.ID)
	if err != nil || acc == nil || len(acc.Records) != 12 || acc.Attribution == nil {
		t.Fatalf("account: %+v %v", acc, err)
	}
	// `motcua index check`: the counters the live writes moved agree with
	// those rebuilt from the event log, step events included.
	if diffs, n, err := svc.CheckFigures(ctx, 20); err != nil || n != 0 {
		t.Fatalf("index check: %d rows differ %v (%v)", n, diffs, err)
	}
}
