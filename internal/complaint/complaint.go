// Package complaint is the handling of a complaint or petition about
// administrative procedures (phản ánh, kiến nghị — PAKN): received,
// refused, asked to supplement, transferred to the competent agency,
// answered, the answer published and rated, and re-raised, each within its
// legal time. 766 indicators 5.1–5.3 are measured from this lifecycle
// (RULES-VN.md §6 group 5: refusal within 2 working days, a supplementation
// request within 5, handling within 15 from receipt or transfer, the answer
// published within 2; Decree 20/2008/NĐ-CP on receiving and handling
// feedback on administrative regulations, as amended by Decree 92/2017).
//
// It is domain code, free of HTTP and SQL, like internal/dossier.
//
// Not yet called by the server: the PAKN pages and the 766 group-5 figures are issue 17 item 6, so deadcode lists this package until then.
package complaint

import (
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/textfold"
)

// Category is what a complaint is about (766 indicator 5.1).
type Category string

// The categories of indicator 5.1.
const (
	CategoryRules   Category = "rules"   // the rules and procedures themselves
	CategoryConduct Category = "conduct" // the behaviour of the officials who applied them
)

// Valid reports whether c is a category of indicator 5.1.
func (c Category) Valid() bool { return c == CategoryRules || c == CategoryConduct }

// Status is where a complaint stands.
type Status string

// Statuses of a complaint.
const (
	Received            Status = "received"             // lodged; being checked
	Refused             Status = "refused"              // not accepted, with the reason (≤ 2 working days)
	SupplementRequested Status = "supplement_requested" // the complainant must complete it (asked ≤ 5 working days)
	Handling            Status = "handling"             // accepted, with the competent agency
	Answered            Status = "answered"             // the agency answered (≤ 15 working days from receipt or transfer)
	Published           Status = "published"            // the answer made public (≤ 2 working days after it)
)

// Working days allowed for each stage (RULES-VN.md §6 group 5, indicator 5.2).
const (
	RefuseDays     = 2
	SupplementDays = 5
	HandleDays     = 15
	PublishDays    = 2
)

// Complaint is one PAKN.
type Complaint struct {
	ID        int64
	Ref       string // the reference given to the complainant
	DossierID int64  // the dossier it concerns, if any
	Category  Category
	AgencyID  int64 // the agency handling it now
	Status    Status
	Version   int

	ReceivedAt time.Time
	// HandlingFrom starts the 15 working days: the receipt, a transfer to
	// the competent agency, or the complainant's completion after a
	// supplementation request (a complaint is handled once it is complete).
	HandlingFrom time.Time
	RefusedAt    *time.Time
	AskedAt      *time.Time // supplementation requested
	AnsweredAt   *time.Time
	PublishedAt  *time.Time

	// Ratings of the published answer (indicator 5.3: "more dislikes than
	// likes" counts as dissatisfied).
	Likes, Dislikes int
	Reraised        bool // raised again after its answer: not settled to the complainant's satisfaction
}

// Action is what is done to a complaint.
type Action string

// Actions on a complaint.
const (
	ActRefuse            Action = "refuse"
	ActRequestSupplement Action = "request_supplement"
	ActSupplement        Action = "supplement"
	ActTransfer          Action = "transfer"
	ActAccept            Action = "accept"
	ActAnswer            Action = "answer"
	ActPublish           Action = "publish"
	ActLike              Action = "like"
	ActDislike           Action = "dislike"
	ActReraise           Action = "reraise"
)

// Command is one action with its inputs.
type Command struct {
	Action     Action
	At         time.Time
	Reason     string // refuse, request_supplement, answer (the answer's gist), reraise
	ToAgencyID int64  // transfer
}

var from = map[Action][]Status{
	ActRefuse:            {Received},
	ActRequestSupplement: {Received},
	ActSupplement:        {SupplementRequested},
	ActTransfer:          {Received, Handling},
	ActAccept:            {Received},
	ActAnswer:            {Handling},
	ActPublish:           {Answered},
	ActLike:              {Published},
	ActDislike:           {Published},
	ActReraise:           {Answered, Published},
}

// New is a complaint lodged at instant at.
func New(category Category, agencyID int64, at time.Time) (*Complaint, error) {
	if !category.Valid() {
		return nil, apperr.Newf(apperr.Invalid, "complaint_category",
			"Phân loại phản ánh, kiến nghị %q không hợp lệ (rules: quy định hành chính; conduct: hành vi của cán bộ).",
			"Unknown complaint category %q (rules: administrative rules; conduct: officials' behaviour).", category).On("category")
	}
	return &Complaint{Category: category, AgencyID: agencyID, Status: Received, ReceivedAt: at, HandlingFrom: at}, nil
}

// Apply checks cmd against the complaint's status and applies it; on error
// c is unchanged.
func Apply(c *Complaint, cmd Command) error {
	allowed, ok := from[cmd.Action]
	if !ok {
		return apperr.Newf(apperr.Invalid, "complaint_action", "Không có thao tác %q với phản ánh, kiến nghị.",
			"There is no complaint action %q.", cmd.Action)
	}
	if !slices.Contains(allowed, c.Status) {
		return apperr.Newf(apperr.Invalid, "complaint_action_status",
			"Không thể thực hiện %q khi phản ánh, kiến nghị đang ở trạng thái %q.",
			"The action %q is not possible while the complaint is %q.", cmd.Action, c.Status)
	}
	reason := strings.TrimSpace(textfold.NFC(cmd.Reason))
	needReason := func(vi, en string) error {
		if reason == "" {
			return apperr.New(apperr.Invalid, "reason_required", "Cần ghi rõ "+vi+".", "A "+en+" is required.").On("reason")
		}
		return nil
	}
	next := *c
	at := cmd.At
	switch cmd.Action {
	case ActRefuse:
		if err := needReason("lý do từ chối tiếp nhận", "reason for the refusal"); err != nil {
			return err
		}
		next.Status, next.RefusedAt = Refused, &at
	case ActRequestSupplement:
		if err := needReason("nội dung cần bổ sung", "list of what to complete"); err != nil {
			return err
		}
		next.Status, next.AskedAt = SupplementRequested, &at
	case ActSupplement:
		next.Status, next.HandlingFrom = Handling, at
	case ActTransfer:
		if cmd.ToAgencyID == 0 || cmd.ToAgencyID == c.AgencyID {
			return apperr.New(apperr.Invalid, "complaint_transfer_agency",
				"Chọn cơ quan có thẩm quyền khác để chuyển phản ánh, kiến nghị.",
				"Choose another, competent agency to transfer the complaint to.").On("to_agency")
		}
		next.Status, next.AgencyID, next.HandlingFrom = Handling, cmd.ToAgencyID, at
	case ActAccept:
		next.Status = Handling
	case ActAnswer:
		if err := needReason("nội dung trả lời", "answer"); err != nil {
			return err
		}
		next.Status, next.AnsweredAt = Answered, &at
	case ActPublish:
		next.Status, next.PublishedAt = Published, &at
	case ActLike:
		next.Likes++
	case ActDislike:
		next.Dislikes++
	case ActReraise:
		next.Reraised = true
	}
	next.Version++
	*c = next
	return nil
}
