package dossier

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/process"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
)

// Action is a command on a dossier.
type Action string

const (
	ActSubmit            Action = "submit" // recorded when the dossier is created
	ActReceive           Action = "receive"
	ActRefuse            Action = "refuse"
	ActTransfer          Action = "transfer"
	ActRequestSupplement Action = "request_supplement"
	ActSupplement        Action = "supplement"
	ActRequestPayment    Action = "request_payment"
	ActPay               Action = "pay"
	ActExtend            Action = "extend"
	ActApprove           Action = "approve"
	ActReject            Action = "reject"
	ActWithdraw          Action = "withdraw"
	ActStop              Action = "stop"
	ActReturnResult      Action = "return_result"
	ActRate              Action = "rate" // the applicant's satisfaction, once the dossier is settled
)

// Actions lists the actions a client may send, in lifecycle order.
var Actions = []Action{ActReceive, ActRefuse, ActTransfer, ActRequestSupplement, ActSupplement, ActRequestPayment,
	ActPay, ActExtend, ActApprove, ActReject, ActWithdraw, ActStop, ActReturnResult, ActRate, ActComplaint, ActUrge, ActStep}

// rule says from which statuses an action may be taken and by which roles.
// The owner flag lets the applicant act on their own dossier.
type rule struct {
	from  []Status
	roles []org.Role
	owner bool
}

var active = []Status{Submitted, Received, Processing, SupplementRequested, PaymentRequested}

var rules = map[Action]rule{
	ActReceive:           {from: []Status{Submitted}, roles: []org.Role{org.RoleCounter}},
	ActRefuse:            {from: []Status{Submitted}, roles: []org.Role{org.RoleCounter}},
	ActTransfer:          {from: []Status{Received, Processing}, roles: []org.Role{org.RoleCounter, org.RoleLeader}},
	ActRequestSupplement: {from: []Status{Submitted, Received, Processing}, roles: []org.Role{org.RoleCounter, org.RoleSpecialist, org.RoleLeader}},
	ActSupplement:        {from: []Status{SupplementRequested}, roles: []org.Role{org.RoleCounter}, owner: true},
	ActRequestPayment:    {from: []Status{Received, Processing}, roles: []org.Role{org.RoleCounter, org.RoleSpecialist, org.RoleLeader}},
	// A fee is recorded paid by the counter officer who took the money, or
	// by the payment gateway's verified callback; never by the applicant's
	// own word.
	ActPay:          {from: []Status{PaymentRequested}, roles: []org.Role{org.RoleCounter, org.RoleSystem}},
	ActExtend:       {from: []Status{Processing, PaymentRequested}, roles: []org.Role{org.RoleLeader}},
	ActApprove:      {from: []Status{Processing}, roles: []org.Role{org.RoleLeader}},
	ActReject:       {from: []Status{Processing}, roles: []org.Role{org.RoleLeader}},
	ActWithdraw:     {from: active, roles: []org.Role{org.RoleCounter}, owner: true},
	ActStop:         {from: append([]Status{WithdrawalRequested}, active[1:]...), roles: []org.Role{org.RoleCounter, org.RoleLeader}},
	ActReturnResult: {from: []Status{Done, Rejected}, roles: []org.Role{org.RoleCounter, org.RolePostal}},
	// The applicant rates online; the counter officer records the rating of
	// someone present at the result desk (Circular 01/2018 Art. 12).
	ActRate: {from: []Status{Returned, Rejected, Refused, Stopped}, roles: []org.Role{org.RoleCounter}, owner: true},
	// The postal operator's reports (postal.go): the dossier on its way in,
	// the result on its way out.
	ActComplaint:            complaintRule, // complaint.go
	ActUrge:                 urgeRule,      // urge.go
	ActStep:                 stepRule,      // steps.go
	ActPostalPickedUp:       {from: []Status{Submitted}, roles: postalRoles},
	ActPostalHandedOver:     {from: []Status{Submitted}, roles: postalRoles},
	ActPostalDelivered:      {from: []Status{Returned, Rejected}, roles: postalRoles},
	ActPostalDeliveryFailed: {from: []Status{Returned, Rejected}, roles: postalRoles},
}

// ParseAction checks a client-supplied action name.
func ParseAction(s string) (Action, error) {
	a := Action(strings.TrimSpace(s))
	if _, ok := rules[a]; !ok {
		return "", apperr.Newf(apperr.Invalid, "unknown_action",
			"Thao tác %q không tồn tại. Các thao tác hợp lệ (receive, refuse, transfer, request_supplement, supplement, request_payment, pay, extend, approve, reject, withdraw, stop, return_result, rate, complaint, urge).",
			"Unknown action %q. Valid actions (receive, refuse, transfer, request_supplement, supplement, request_payment, pay, extend, approve, reject, withdraw, stop, return_result, rate, complaint, urge).", s)
	}
	return a, nil
}

// Allowed lists the actions the actor may take on d now; pages and clients use
// it to offer only what will succeed.
func Allowed(d *Dossier, actor org.Actor) []Action {
	var out []Action
	for _, a := range Actions {
		if permitted(a, d, actor) == nil && slices.Contains(rules[a].from, d.Status) && !usedUp(a, d) {
			out = append(out, a)
		}
	}
	return out
}

// usedUp tells whether a once-only action has already been taken, so that
// pages do not offer what the rules will refuse.
func usedUp(a Action, d *Dossier) bool {
	switch a {
	case ActStep:
		return d.Step == nil // no internal process, no steps to move
	case ActRequestSupplement:
		return d.SupplementCount > 0 // Decree 118/2025 Art. 11(2)
	case ActExtend:
		return d.ExtensionCount > 0
	case ActRate:
		return d.Rating != Unrated
	case ActReturnResult:
		return d.Status == Rejected && d.ReturnedAt != nil
	}
	return false
}

// permitted checks the role (and ownership) part of an action's rule.
func permitted(a Action, d *Dossier, actor org.Actor) error {
	r := rules[a]
	if r.owner && actor.Role == org.RoleCitizen && d.ApplicantUserID != 0 && actor.UserID == d.ApplicantUserID {
		return nil
	}
	if slices.Contains(r.roles, actor.Role) {
		return nil
	}
	return apperr.Newf(apperr.Forbidden, "role_forbidden",
		"Vai trò %q không được thực hiện thao tác %q trên hồ sơ này.",
		"The role %q may not take the action %q on this dossier.", actor.Role, a)
}

// Command is one action with its inputs.
type Command struct {
	Action       Action
	Actor        org.Actor
	At           time.Time
	Note         string
	Reason       string           // refuse, request_supplement, reject, withdraw, stop, extend
	Signer       string           // extend: the head of agency who signs Form 04
	NewDueAt     *time.Time       // extend
	ToAgencyID   int64            // transfer
	AmountVND    int64            // request_payment, pay
	Components   []ComponentFiles // supplement
	Code         string           // receive: the dossier code issued by the store's sequence
	Rating       Rating           // rate
	ResultFiles  []string         // approve: the electronic result's files
	ResultName   string           // approve: the result document's name or number, as the leader typed it
	PaymentRef   string           // pay: the online payment's reference, set only from a verified provider callback
	Postal       *PostalReport    // postal_*: the operator's report, set only from its signed webhook
	ComplaintRef string           // complaint: the PAKN reference, when recorded by staff
	Move         process.Move     // step: the movement through the internal process

	// MissingPapers: request_supplement — the papers Form 02 lists.
	MissingPapers []MissingPaper
}

// Event is the record of an applied command, as appended to the log.
type Event struct {
	Action  Action          `json:"action"`
	From    Status          `json:"from_status"`
	To      Status          `json:"to_status"`
	At      time.Time       `json:"at"`
	Note    string          `json:"note,omitempty"`
	Payload json.RawMessage `json:"payload,omitempty"` // the action's payload struct (payload.go), encoded
}

// Deadlines is the calendar arithmetic the lifecycle needs.
type Deadlines interface {
	// Due computes the due instant for a dossier received at t.
	Due(received time.Time, amount int, unit string) (time.Time, string, error)
	// Resume moves due later by the working time between suspension and resumption.
	Resume(due, suspendedAt, resumedAt time.Time) (time.Time, string, error)
	// Extend validates a new due date asked for at requestedAt.
	Extend(current, requestedAt, newDue time.Time) (string, error)
	// DayStart is the opening instant of the working day that contains t.
	DayStart(t time.Time) time.Time
}

// TimeLimit is the statutory time of the procedure version the dossier was filed under.
type TimeLimit struct {
	Amount int
	Unit   string
}
