package processes_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// A dossier of a procedure with an approved internal process moves through
// it with its holders checked in the service (issue 13 item 2): received
// into step 1, handed to the competent agency, assigned by the leader to a
// named specialist, forwarded, approved only from the step before the
// return, and returned; each movement is an event on the dossier. A
// procedure without an approved process keeps the plain lifecycle.
func TestDossierMovesThroughItsApprovedProcess(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
		svc, who := servicetest.DemoAt(t, st, &now)
		counter, leader, specialist, admin := who("counter"), who("leader"), who("specialist"), who("admin")
		p := servicetest.FiveSteps("Quyết định thử nghiệm")
		if _, err := svc.SaveProcess(ctx, admin, p); err != nil {
			t.Fatal(err)
		}
		n := 0
		act := func(actor org.Actor, d *dossier.Dossier, in service.ActionInput) (*dossier.Dossier, error) {
			n++
			now = now.Add(30 * time.Minute)
			res, err := svc.Act(ctx, actor, d.ID, d.Version, in, fmt.Sprint("k", n), fmt.Sprint("h", n), func(*dossier.Dossier) ([]byte, error) { return nil, nil })
			if err != nil {
				return d, err
			}
			return res.Dossier, nil
		}
		must := func(d *dossier.Dossier, err error) *dossier.Dossier {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
		res, err := svc.Submit(ctx, counter, service.NewDossier{ProcedureCode: "3.000333", ReturnMethod: dossier.ReturnCounter,
			Applicant:  dossier.Applicant{Name: "Lê Văn Bước", IDNumber: "001090099999"},
			Components: []dossier.ComponentFiles{{Name: "Tờ khai", Originals: 1}}}, "s", "s", func(*dossier.Dossier) ([]byte, error) { return nil, nil })
		if err != nil {
			t.Fatal(err)
		}
		d := must(act(counter, res.Dossier, service.ActionInput{Action: "receive"}))
		if d.Step == nil || d.Step.Step != 1 || d.ProcessVersion != 1 {
			t.Fatalf("received: %+v v%d", d.Step, d.ProcessVersion)
		}
		d = must(act(counter, d, service.ActionInput{Action: "transfer"}))
		if d.Step.Step != 2 {
			t.Fatalf("transferred: %+v", d.Step)
		}
		if _, err := act(specialist, d, service.ActionInput{Action: "step", StepKind: "assign", Assignee: specialist.UserID}); servicetest.ErrCode(err) != "step_role" {
			t.Fatalf("a specialist assigning: %v", err)
		}
		d = must(act(leader, d, service.ActionInput{Action: "step", StepKind: "assign", Assignee: specialist.UserID}))
		if d.Step.Step != 3 || d.Step.Assignee != specialist.UserID {
			t.Fatalf("assigned: %+v", d.Step)
		}
		if _, err := act(leader, d, service.ActionInput{Action: "approve"}); servicetest.ErrCode(err) != "process_steps_remaining" {
			t.Fatalf("approved during the appraisal: %v", err)
		}
		d = must(act(specialist, d, service.ActionInput{Action: "step", StepKind: "forward"}))
		d = must(act(leader, d, service.ActionInput{Action: "approve"}))
		if d.Status != dossier.Done || d.Step.Step != 5 {
			t.Fatalf("approved: %s %+v", d.Status, d.Step)
		}
		evs, err := svc.Events(ctx, leader, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		steps := 0
		for _, e := range evs {
			if e.Action == string(dossier.ActStep) {
				steps++
			}
		}
		if steps != 2 {
			t.Fatalf("%d step events, want the assignment and the forward", steps)
		}

		acc, err := svc.StepAccount(ctx, leader, d.ID)
		if err != nil || acc == nil || len(acc.Records) != 5 || acc.Current == nil || acc.Current.Record.Step != 5 || acc.Attribution != nil {
			t.Fatalf("account before the return: %+v %v", acc, err)
		}
		if acc.Records[2].Officer != specialist.UserID || acc.Results[2].Measure.Timeliness != process.Early {
			t.Fatalf("the appraisal: %+v %+v", acc.Records[2], acc.Results[2].Measure)
		}
		d = must(act(counter, d, service.ActionInput{Action: "return_result"}))
		acc, err = svc.StepAccount(ctx, leader, d.ID)
		if err != nil || acc.Current != nil || acc.Attribution == nil || len(acc.Attribution.Late) != 0 {
			t.Fatalf("account after the return: %+v %v", acc, err)
		}

		// A second dossier whose appraisal sits for a week: the delay
		// report names the specialist's agency and the specialist.
		res2, err := svc.Submit(ctx, counter, service.NewDossier{ProcedureCode: "3.000333", ReturnMethod: dossier.ReturnCounter,
			Applicant:  dossier.Applicant{Name: "Lê Văn Chậm", IDNumber: "001090099997"},
			Components: []dossier.ComponentFiles{{Name: "Tờ khai", Originals: 1}}}, "s3", "s3", func(*dossier.Dossier) ([]byte, error) { return nil, nil })
		if err != nil {
			t.Fatal(err)
		}
		l := must(act(counter, res2.Dossier, service.ActionInput{Action: "receive"}))
		l = must(act(counter, l, service.ActionInput{Action: "transfer"}))
		l = must(act(leader, l, service.ActionInput{Action: "step", StepKind: "assign", Assignee: specialist.UserID}))
		now = now.Add(12 * 24 * time.Hour)
		l = must(act(specialist, l, service.ActionInput{Action: "step", StepKind: "forward"}))
		l = must(act(leader, l, service.ActionInput{Action: "approve"}))
		l = must(act(counter, l, service.ActionInput{Action: "return_result"}))
		day := calendar.DateOf(now)
		if _, _, err := svc.Delays(ctx, leader, day.AddDays(-30), day); servicetest.ErrCode(err) != "delays_supervisors" {
			t.Fatalf("a leader read the province's delay report: %v", err)
		}
		doc, rep, err := svc.Delays(ctx, who("director"), day.AddDays(-30), day)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Late) != 1 || rep.Late[0].Code != l.Code || len(rep.Officers) == 0 || rep.Officers[0].Key != fmt.Sprint(specialist.UserID) || rep.Officers[0].Over != 1 {
			t.Fatalf("delay report: %+v", rep)
		}
		if doc.Officers[0].Name != specialist.Name || doc.Late[0].Responsible == "" || !strings.Contains(doc.Late[0].Steps, "3. Thẩm định") {
			t.Fatalf("delay document: %+v", doc)
		}

		// Another procedure, no approved process: the plain lifecycle.
		other, err := svc.Submit(ctx, counter, service.NewDossier{ProcedureCode: "2.001583", ReturnMethod: dossier.ReturnCounter,
			Applicant:  dossier.Applicant{Name: "Lê Văn Thường", IDNumber: "001090099998"},
			Components: []dossier.ComponentFiles{{Name: "Tờ khai", Originals: 1}}}, "s2", "s2", func(*dossier.Dossier) ([]byte, error) { return nil, nil })
		if err != nil {
			t.Fatal(err)
		}
		o := must(act(counter, other.Dossier, service.ActionInput{Action: "receive"}))
		if o.Step != nil {
			t.Fatalf("a procedure without an approved process has no steps: %+v", o.Step)
		}
	})
}
