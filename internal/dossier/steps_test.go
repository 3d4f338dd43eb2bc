package dossier

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/process"
)

// A dossier under the derived process of a 5-day procedure (receive,
// assign, appraise, approve, return; process.Derive) moves through it with
// the lifecycle (issue 13 item 2): reception opens step 1, the counter's
// transfer ends it, the division leader assigns the specialist by name, the
// approval is the movement into the return step and cannot come earlier; a
// return to an earlier step needs its reason.
func TestStepsFollowTheLifecycle_DerivedProcess(t *testing.T) {
	p, err := process.Derive("1.001193", 1, catalog.TimeLimit{Amount: 5, Unit: "working_days"})
	if err != nil {
		t.Fatal(err)
	}
	p.Version = 2
	ag := process.Agencies{Center: "TT", Processing: "STP", PPC: "UBND"}
	envAs := func(agency string) Env {
		e := env
		e.Process, e.Agencies, e.ActorAgency = &p, ag, agency
		return e
	}
	d := fresh()
	step := func(t *testing.T, cmd Command, agency string, wantCode string) Event {
		t.Helper()
		cmd.At = t0.Add(time.Duration(d.Version) * time.Hour)
		ev, err := Apply(d, cmd, envAs(agency))
		if wantCode == "" && err != nil {
			t.Fatalf("%s: %v", cmd.Action, err)
		}
		if wantCode != "" {
			if e, ok := apperr.As(err); !ok || e.Code != wantCode {
				t.Fatalf("%s: %v, want %s", cmd.Action, err, wantCode)
			}
		}
		return ev
	}
	step(t, Command{Action: ActReceive, Actor: counter, Code: "X-261201-0009"}, "TT", "")
	if d.Step == nil || d.Step.Step != 1 || d.Step.Agency != "TT" || d.ProcessVersion != 2 {
		t.Fatalf("received: step %+v, process %d", d.Step, d.ProcessVersion)
	}
	ev := step(t, Command{Action: ActTransfer, Actor: counter}, "TT", "")
	if tp, ok := Decode[TransferPayload](ActTransfer, ev.Payload); !ok || tp.Step == nil || tp.Step.From != 1 || tp.Step.To != 2 || d.Step.Agency != "STP" {
		t.Fatalf("transfer: %s, step %+v", ev.Payload, d.Step)
	}
	step(t, Command{Action: ActStep, Actor: specialist, Move: process.Move{Kind: process.MoveAssign, Assignee: 3}}, "STP", "step_role")
	step(t, Command{Action: ActStep, Actor: leader, Move: process.Move{Kind: process.MoveAssign}}, "STP", "assignee_required")
	ev = step(t, Command{Action: ActStep, Actor: leader, Move: process.Move{Kind: process.MoveAssign, Assignee: 3}}, "STP", "")
	if sp, ok := Decode[StepPayload](ActStep, ev.Payload); !ok || sp.Kind != process.MoveAssign || sp.Assignee != 3 || d.Step.Step != 3 || d.Step.Assignee != 3 {
		t.Fatalf("assign: %s, step %+v", ev.Payload, d.Step)
	}
	step(t, Command{Action: ActApprove, Actor: leader}, "STP", "process_steps_remaining")
	step(t, Command{Action: ActStep, Actor: specialist, Move: process.Move{Kind: process.MoveForward}}, "STP", "")
	step(t, Command{Action: ActStep, Actor: leader, Move: process.Move{Kind: process.MoveForward}}, "STP", "process_approve_next")
	step(t, Command{Action: ActStep, Actor: leader, Move: process.Move{Kind: process.MoveReturn, To: 3}}, "STP", "reason_required")
	step(t, Command{Action: ActStep, Actor: leader, Move: process.Move{Kind: process.MoveReturn, To: 3, Assignee: 3}, Reason: "Thiếu ý kiến thẩm định"}, "STP", "")
	if d.Step.Step != 3 || d.Step.Assignee != 3 {
		t.Fatalf("returned: %+v", d.Step)
	}
	step(t, Command{Action: ActStep, Actor: specialist, Move: process.Move{Kind: process.MoveForward}}, "STP", "")
	ev = step(t, Command{Action: ActApprove, Actor: leader}, "STP", "")
	if ap, ok := Decode[ApprovePayload](ActApprove, ev.Payload); !ok || ap.Step == nil || ap.Step.To != 5 || d.Status != Done || d.Step.Agency != "TT" {
		t.Fatalf("approve: %s, status %s, step %+v", ev.Payload, d.Status, d.Step)
	}
	step(t, Command{Action: ActReturnResult, Actor: counter}, "TT", "")
	if d.Status != Returned || d.Step.Step != 5 {
		t.Fatalf("returned: %s, step %+v", d.Status, d.Step)
	}
}

// Without a process the lifecycle is as it always was, and a step movement
// is refused.
func TestStepWithoutProcess(t *testing.T) {
	d := at(t, Processing)
	if _, err := Apply(d, Command{Action: ActStep, Actor: leader, At: t0.Add(40 * time.Hour), Move: process.Move{Kind: process.MoveForward}}, env); err == nil {
		t.Fatal("a dossier without a process has no steps to move")
	}
	if d.Step != nil {
		t.Fatal("no process, no position")
	}
}
