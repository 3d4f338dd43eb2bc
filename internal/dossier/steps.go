package dossier

import (
	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/process"
)

// ActStep moves a dossier between the steps of its internal process
// (issue 13 item 2): the division leader assigns it (phân công), an officer
// forwards it, the agency consults others in parallel and each answers, it
// is submitted to the People's Committee (trình) and decided there, or it
// is returned to an earlier step with a reason (trả lại). Each movement is
// one event, so the current step, its holder and its own due instant are
// known at every moment; process.Advance checks that the mover holds the
// step. The lifecycle's own actions still open and close the process: the
// counter's transfer ends the reception step, and the approval or
// rejection is the movement into the last step, the return of the result.
const ActStep Action = "step"

var stepRule = rule{
	from:  []Status{Processing},
	roles: []org.Role{org.RoleSpecialist, org.RoleLeader, org.RoleChair},
}

// StepPayload: step — the movement as process.Advance recorded it.
type StepPayload struct {
	process.Moved
}

func (StepPayload) payloadOf(a Action) bool { return a == ActStep }

var errNoProcess = apperr.New(apperr.Invalid, "process_not_started",
	"Hồ sơ chưa vào quy trình nội bộ.", "The dossier has not entered its internal process.")

// mover is the actor as the process knows it.
func mover(cmd Command, env Env) process.Mover {
	return process.Mover{UserID: cmd.Actor.UserID, Agency: env.ActorAgency, Role: cmd.Actor.Role}
}

func applyStep(d *Dossier, cmd Command, env Env, ev *Event) error {
	if env.Process == nil || d.Step == nil {
		return errNoProcess
	}
	m := cmd.Move
	m.At = cmd.At
	if m.Reason == "" {
		m.Reason = cmd.Reason
	}
	last := len(env.Process.Steps)
	if m.Kind != process.MoveReturn && m.Kind != process.MoveAnswer && d.Step.Step >= last-1 {
		return apperr.New(apperr.Invalid, "process_approve_next",
			"Bước tiếp theo là trả kết quả: hãy phê duyệt hoặc trả lại hồ sơ không đủ điều kiện.",
			"The next step is the return of the result: approve the dossier, or reject it.")
	}
	pos, moved, err := process.Advance(*env.Process, env.Agencies, *d.Step, mover(cmd, env), m)
	if err != nil {
		return err
	}
	d.Step = &pos
	moved.At = local(moved.At)
	ev.SetPayload(StepPayload{Moved: moved})
	return nil
}

// stepOnTransfer ends the reception step when the counter hands the dossier
// to the competent agency: the one-stop's step 1 is "receive, digitize,
// transfer".
func stepOnTransfer(d *Dossier, cmd Command, env Env) (*process.Moved, error) {
	if env.Process == nil || d.Step == nil || d.Step.Step != 1 || len(env.Process.Steps) < 2 {
		return nil, nil
	}
	pos, moved, err := process.Advance(*env.Process, env.Agencies, *d.Step, mover(cmd, env),
		process.Move{Kind: process.ForwardKind(*env.Process, 1), At: cmd.At})
	if err != nil {
		return nil, err
	}
	d.Step = &pos
	moved.At = local(moved.At)
	return &moved, nil
}

// stepOnSettle is the movement of an approval or rejection: from the step
// before the last into the last, the return of the result. A dossier still
// earlier in its process cannot be settled yet.
func stepOnSettle(d *Dossier, cmd Command, env Env) (*process.Moved, error) {
	if env.Process == nil || d.Step == nil {
		return nil, nil
	}
	last := len(env.Process.Steps)
	switch {
	case d.Step.Step >= last:
		return nil, nil
	case d.Step.Step < last-1:
		return nil, apperr.Newf(apperr.Invalid, "process_steps_remaining",
			"Hồ sơ đang ở bước %d (%s) của quy trình: chưa đến bước phê duyệt.",
			"The dossier is at step %d (%s) of its process: not yet at the approval.", d.Step.Step, env.Process.Steps[d.Step.Step-1].Name)
	}
	pos, moved, err := process.Advance(*env.Process, env.Agencies, *d.Step, mover(cmd, env),
		process.Move{Kind: process.ForwardKind(*env.Process, last-1), At: cmd.At, Reason: cmd.Reason})
	if err != nil {
		return nil, err
	}
	d.Step = &pos
	moved.At = local(moved.At)
	return &moved, nil
}
