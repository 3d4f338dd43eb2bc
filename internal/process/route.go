package process

import (
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
)

// MoveKind is how a dossier leaves its current step (issue 13 item 2). Every
// forward movement goes to the next step; what it is called, and so what a
// client must say, follows from the two steps' roles and holders, so that a
// leader cannot "submit to the PPC" a dossier whose next step is not the
// PPC's.
type MoveKind string

// Movements through a process.
const (
	MoveAssign  MoveKind = "assign"  // phân công: the division leader gives the dossier to a specialist, by name
	MoveForward MoveKind = "forward" // chuyển bước tiếp theo
	MoveConsult MoveKind = "consult" // lấy ý kiến: into a step of consulted agencies working in parallel
	MoveAnswer  MoveKind = "answer"  // a consulted agency's opinion; the last one ends the step
	MoveSubmit  MoveKind = "submit"  // trình: into a step held by the People's Committee
	MoveDecide  MoveKind = "decide"  // the PPC leader's decision, out of the PPC's step
	MoveReturn  MoveKind = "return"  // trả lại: back to an earlier step, with a reason
)

// Valid reports whether k is a known movement.
func (k MoveKind) Valid() bool {
	switch k {
	case MoveAssign, MoveForward, MoveConsult, MoveAnswer, MoveSubmit, MoveDecide, MoveReturn:
		return true
	}
	return false
}

// Agencies names, by code, the agencies a step's holder kind stands for in
// one dossier: the center that received it, the agency competent for it
// and the People's Committee above them.
type Agencies struct {
	Center, Processing, PPC string
}

// holder resolves step s to the agency that holds it, or to the consulted
// agencies.
func (a Agencies) holder(s Step) (string, []string) {
	switch s.Holder.Kind {
	case HolderCenter:
		return a.Center, nil
	case HolderProcessing:
		return a.Processing, nil
	case HolderAgency:
		return s.Holder.Agency, nil
	case HolderPPC:
		return a.PPC, nil
	case HolderConsulted:
		return "", slices.Clone(s.Holder.Agencies)
	}
	return "", nil
}

// Position is where a dossier stands in its process at one moment: the
// step, since when, who holds it and, once assigned, which officer.
type Position struct {
	Step     int       `json:"step"` // from 1; 0 before the first step starts
	Since    time.Time `json:"since"`
	Agency   string    `json:"agency,omitempty"`   // the holding agency; for a consultation, "" (see Pending)
	Assignee int64     `json:"assignee,omitempty"` // the officer the step was given to; 0: the agency as a whole
	// Pending are the consulted agencies whose opinions are still owed, and
	// Answers the opinions received, in a consultation step.
	Pending []string `json:"pending,omitempty"`
	Answers []Answer `json:"answers,omitempty"`
}

// Started reports whether the dossier has entered its process.
func (p Position) Started() bool { return p.Step > 0 }

// Mover is who moves a dossier: an officer of an agency in a role.
type Mover struct {
	UserID int64
	Agency string // code of the officer's agency
	Role   org.Role
}

// Move is one movement asked for.
type Move struct {
	Kind     MoveKind
	To       int    // return: the earlier step; otherwise ignored (always the next)
	Assignee int64  // assign (required) and return (optional): the officer who takes the step
	Reason   string // return: why (required)
	At       time.Time
}

// Moved is the record of a movement, as the dossier's event keeps it: enough
// to replay the dossier's way through the process ([Records]).
type Moved struct {
	Kind     MoveKind  `json:"kind"`
	From     int       `json:"from_step"`
	To       int       `json:"to_step"`
	By       string    `json:"by_agency,omitempty"` // the agency that moved it (the one that answered, for an answer)
	ByUser   int64     `json:"by_user,omitempty"`   // the officer who moved it: who did the step it left
	Agency   string    `json:"agency,omitempty"`    // the new holder
	Assignee int64     `json:"assignee,omitempty"`
	Pending  []string  `json:"pending,omitempty"` // a consultation's agencies still owing an opinion after this move
	Reason   string    `json:"reason,omitempty"`
	At       time.Time `json:"at"`
}

// actsAs says which process roles an account's role may fill. The
// accounts know fewer roles than the processes: a leader leads a division,
// an agency or the People's Committee (the PPC chair too); a specialist
// also numbers and seals as clerk, and checks as the PPC's office; the
// consulted agencies answer through either.
func actsAs(r org.Role) []Role {
	switch r {
	case org.RoleCounter:
		return []Role{RoleOneStop}
	case org.RoleSpecialist:
		return []Role{RoleSpecialist, RoleClerk, RolePPCOffice, RoleConsulted}
	case org.RoleLeader:
		return []Role{RoleDivisionLeader, RoleAgencyLeader, RolePPCLeader, RoleConsulted}
	case org.RoleChair:
		return []Role{RolePPCLeader}
	}
	return nil
}

// ForwardKind is what leaving step from for the next one is called.
func ForwardKind(p Process, from int) MoveKind {
	if from < 1 || from >= len(p.Steps) {
		return MoveForward
	}
	cur, next := p.Steps[from-1], p.Steps[from]
	switch {
	case cur.Role == RolePPCLeader || cur.Role == RolePPCOffice && cur.Holder.Kind == HolderPPC && next.Holder.Kind != HolderPPC:
		return MoveDecide
	case next.Holder.Kind == HolderPPC:
		return MoveSubmit
	case next.Holder.Kind == HolderConsulted:
		return MoveConsult
	case cur.Role == RoleDivisionLeader && next.Role == RoleSpecialist:
		return MoveAssign
	}
	return MoveForward
}

// Begin is the position of a dossier received at instant at: in its first
// step, held by whoever the step names (the receiving center, which
// receives and digitizes it and then hands it to the competent agency).
func Begin(p Process, ag Agencies, at time.Time) (Position, error) {
	if len(p.Steps) == 0 {
		return Position{}, apperr.New(apperr.Invalid, "process_empty",
			"Quy trình không có bước nào.", "The process has no steps.")
	}
	s := p.Steps[0]
	agency, pending := ag.holder(s)
	return Position{Step: 1, Since: at, Agency: agency, Pending: pending}, nil
}

// Advance applies move m by mover to a dossier at pos, under process p,
// and returns the new position and the record to keep. The mover must hold
// the current step (its agency, in a role the step allows, and the assigned
// officer once there is one); a consulted agency answers only for itself;
// the step after the last is the dossier's return, not a step.
func Advance(p Process, ag Agencies, pos Position, who Mover, m Move) (Position, Moved, error) {
	if !m.Kind.Valid() {
		return pos, Moved{}, apperr.Newf(apperr.Invalid, "move_unknown",
			"Không có thao tác chuyển bước %q.", "There is no step movement %q.", m.Kind)
	}
	if pos.Step < 1 || pos.Step > len(p.Steps) {
		return pos, Moved{}, apperr.New(apperr.Invalid, "process_not_started",
			"Hồ sơ chưa vào quy trình nội bộ.", "The dossier has not entered its internal process.")
	}
	cur := p.Steps[pos.Step-1]
	if m.Kind == MoveAnswer {
		return answer(p, ag, pos, who, m)
	}
	if err := holds(cur, pos, who); err != nil {
		return pos, Moved{}, err
	}
	if m.Kind == MoveReturn {
		return back(p, ag, pos, who, m)
	}
	if pos.Step == len(p.Steps) {
		return pos, Moved{}, apperr.New(apperr.Invalid, "process_last_step",
			"Đây là bước cuối của quy trình: hãy trả kết quả cho người nộp.",
			"This is the last step of the process: return the result to the applicant.")
	}
	if len(pos.Pending) > 0 {
		return pos, Moved{}, apperr.Newf(apperr.Invalid, "consultation_open",
			"Còn chờ ý kiến của: %s.", "Opinions are still owed by: %s.", strings.Join(pos.Pending, ", "))
	}
	if want := ForwardKind(p, pos.Step); m.Kind != want {
		return pos, Moved{}, apperr.Newf(apperr.Invalid, "move_wrong_kind",
			"Bước tiếp theo của hồ sơ là %q: thao tác phải là %q, không phải %q.",
			"The dossier's next step is %q: the movement is %q, not %q.", p.Steps[pos.Step].Name, want, m.Kind)
	}
	if m.Kind == MoveAssign && m.Assignee == 0 {
		return pos, Moved{}, apperr.New(apperr.Invalid, "assignee_required",
			"Cần chọn chuyên viên được phân công.", "Choose the specialist to assign.").On("assignee")
	}
	return enter(p, ag, pos, who, m, pos.Step+1)
}

// CanMove reports whether who may move the dossier at pos at all: it holds
// the current step, or its agency owes an opinion in it. Pages offer the
// movement form only then; Advance checks each movement again.
func CanMove(p Process, pos Position, who Mover) bool {
	if pos.Step < 1 || pos.Step > len(p.Steps) {
		return false
	}
	cur := p.Steps[pos.Step-1]
	if cur.Holder.Kind == HolderConsulted {
		return slices.Contains(pos.Pending, who.Agency) && slices.Contains(actsAs(who.Role), RoleConsulted) ||
			len(pos.Pending) == 0 && holds(cur, pos, who) == nil
	}
	return holds(cur, pos, who) == nil
}

// holds checks that who holds the current step.
func holds(cur Step, pos Position, who Mover) error {
	if !slices.Contains(actsAs(who.Role), cur.Role) {
		return apperr.Newf(apperr.Forbidden, "step_role",
			"Bước %[1]q do %[2]s thực hiện.", "Step %[1]q is taken by the %[3]s.", cur.Name, cur.Role.vi(), cur.Role.en())
	}
	if cur.Holder.Kind == HolderConsulted {
		return nil // the consulting agency moves it once every opinion is in
	}
	if who.Agency != pos.Agency {
		return apperr.Newf(apperr.Forbidden, "step_agency",
			"Hồ sơ đang ở bước %q của cơ quan khác.", "The dossier is at step %q, held by another agency.", cur.Name)
	}
	if pos.Assignee != 0 && who.UserID != pos.Assignee && who.Role != org.RoleLeader {
		return apperr.Newf(apperr.Forbidden, "step_assignee",
			"Bước %q đã được phân công cho công chức khác.", "Step %q is assigned to another officer.", cur.Name)
	}
	return nil
}

func enter(p Process, ag Agencies, pos Position, who Mover, m Move, to int) (Position, Moved, error) {
	next := p.Steps[to-1]
	agency, pending := ag.holder(next)
	np := Position{Step: to, Since: m.At, Agency: agency, Assignee: m.Assignee, Pending: pending}
	rec := Moved{Kind: m.Kind, From: pos.Step, To: to, By: who.Agency, ByUser: who.UserID, Agency: agency, Assignee: m.Assignee,
		Pending: slices.Clone(pending), Reason: m.Reason, At: m.At}
	return np, rec, nil
}

func back(p Process, ag Agencies, pos Position, who Mover, m Move) (Position, Moved, error) {
	if m.To < 1 || m.To >= pos.Step {
		return pos, Moved{}, apperr.Newf(apperr.Invalid, "return_step",
			"Chỉ trả lại được một bước trước bước %d.", "A dossier can be returned only to a step before step %d.", pos.Step).On("to_step")
	}
	if strings.TrimSpace(m.Reason) == "" {
		return pos, Moved{}, apperr.New(apperr.Invalid, "reason_required",
			"Cần ghi rõ lý do khi trả lại bước trước.", "A reason is required to return the dossier to an earlier step.").On("reason")
	}
	if p.Steps[m.To-1].Holder.Kind == HolderConsulted {
		return pos, Moved{}, apperr.New(apperr.Invalid, "return_to_consultation",
			"Không trả lại bước lấy ý kiến: hãy lấy ý kiến lại từ bước trước đó.",
			"A dossier is not returned to a consultation step: consult again from the step before it.")
	}
	return enter(p, ag, pos, who, m, m.To)
}

// answer records a consulted agency's opinion. The step ends with the last
// opinion and the dossier enters the next step at that instant, held by
// whoever holds it, without a further hand-over (issue 13 item 2: "the step
// ending when all have answered").
func answer(p Process, ag Agencies, pos Position, who Mover, m Move) (Position, Moved, error) {
	cur := p.Steps[pos.Step-1]
	i := slices.Index(pos.Pending, who.Agency)
	if cur.Holder.Kind != HolderConsulted || i < 0 {
		return pos, Moved{}, apperr.New(apperr.Forbidden, "not_consulted",
			"Cơ quan của bạn không có ý kiến nào đang chờ cho hồ sơ này.",
			"Your agency owes no opinion on this dossier.")
	}
	if !slices.Contains(actsAs(who.Role), RoleConsulted) {
		return pos, Moved{}, apperr.New(apperr.Forbidden, "step_role",
			"Ý kiến của cơ quan được lấy ý kiến do chuyên viên hoặc lãnh đạo gửi.",
			"A consulted agency's opinion is sent by its specialist or leader.")
	}
	np := pos
	np.Pending = slices.Delete(slices.Clone(pos.Pending), i, i+1)
	np.Answers = append(slices.Clone(pos.Answers), Answer{Agency: who.Agency, At: m.At})
	rec := Moved{Kind: MoveAnswer, From: pos.Step, To: pos.Step, By: who.Agency, ByUser: who.UserID, Pending: slices.Clone(np.Pending), Reason: m.Reason, At: m.At}
	if len(np.Pending) > 0 || pos.Step == len(p.Steps) {
		return np, rec, nil
	}
	next := p.Steps[pos.Step]
	agency, pending := ag.holder(next)
	rec.To, rec.Agency, rec.Pending = pos.Step+1, agency, slices.Clone(pending)
	return Position{Step: pos.Step + 1, Since: m.At, Agency: agency, Pending: pending}, rec, nil
}

// Vi is who acts in the step, in Vietnamese, as reports name them.
func (r Role) Vi() string { return r.vi() }

func (r Role) vi() string {
	switch r {
	case RoleOneStop:
		return "công chức Bộ phận Một cửa"
	case RoleDivisionLeader:
		return "lãnh đạo phòng chuyên môn"
	case RoleSpecialist:
		return "chuyên viên"
	case RoleAgencyLeader:
		return "lãnh đạo cơ quan"
	case RoleClerk:
		return "văn thư"
	case RolePPCOffice:
		return "Văn phòng UBND"
	case RolePPCLeader:
		return "lãnh đạo UBND"
	case RoleConsulted:
		return "cơ quan được lấy ý kiến"
	}
	return string(r)
}

func (r Role) en() string {
	switch r {
	case RoleOneStop:
		return "one-stop officer"
	case RoleDivisionLeader:
		return "division leader"
	case RoleSpecialist:
		return "specialist"
	case RoleAgencyLeader:
		return "agency leader"
	case RoleClerk:
		return "clerk"
	case RolePPCOffice:
		return "PPC office"
	case RolePPCLeader:
		return "PPC leader"
	case RoleConsulted:
		return "consulted agency"
	}
	return string(r)
}
