package dossier

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/process"
)

// The payload of an event is what the action records beyond the status
// change. Each action writes one struct below; the log keeps it as a JSON
// object (Event.Payload, the dossier_events.payload column), and readers get
// it back with Decode. The keys and value formats are those the log has
// always held, so rows written before these types existed read the same
// way; the fields are in the order of their keys, the order the log wrote
// them in when payloads were maps, so new rows are byte for byte like old
// ones (testdata/stored_payloads.tsv). The audit chain hashes the stored
// text, so it holds either way.

// Payload is implemented by the payload struct of every action.
type Payload interface {
	// payloadOf tells whether events of action a carry this struct.
	payloadOf(a Action) bool
}

// SubmitPayload: submit, written by the service when the dossier is filed.
type SubmitPayload struct {
	Channel          Channel `json:"channel"`
	ProcedureVersion int     `json:"procedure_version"`
}

// ReceivePayload: receive. Digitized names the papers the one-stop scanned
// on receipt (set by the service, Circular 01/2023 Art. 7).
type ReceivePayload struct {
	Code       string    `json:"code"`
	Digitized  []string  `json:"digitized,omitempty"`
	DueAt      time.Time `json:"due_at"`
	DueExplain string    `json:"due_explain"`
	// ProcessVersion is the internal process the dossier enters (0: none).
	ProcessVersion int `json:"process_version,omitempty"`
}

// ReasonPayload: refuse, reject, withdraw and stop, which record only why.
// The reason is kept even when empty (a stop answering a withdrawal).
type ReasonPayload struct {
	Reason string `json:"reason"`
	// Step: a rejection's movement into the process's last step (steps.go).
	Step *process.Moved `json:"step,omitempty"`
}

// TransferPayload: transfer. The agency codes are added by the service
// (people read codes, not row ids); events of early versions lack them.
type TransferPayload struct {
	FromAgencyCode string `json:"from_agency_code"`
	FromAgencyID   int64  `json:"from_agency_id"`
	// Step: the end of the reception step, when the dossier has a process.
	Step         *process.Moved `json:"step,omitempty"`
	ToAgencyCode string         `json:"to_agency_code"`
	ToAgencyID   int64          `json:"to_agency_id"`
}

// SupplementRequestPayload: request_supplement (Form 02). Requests made
// before the checklist existed carry only a reason.
type SupplementRequestPayload struct {
	MissingPapers []MissingPaper `json:"missing_papers,omitempty"`
	Reason        string         `json:"reason"`
}

// SupplementPayload: supplement. The due dates are set only when the
// dossier had a running clock to resume (RULES-VN.md §3.1(4)).
type SupplementPayload struct {
	Components    []ComponentFiles `json:"components"`
	DueAt         time.Time        `json:"due_at,omitzero"`
	DueExplain    string           `json:"due_explain,omitempty"`
	PreviousDueAt time.Time        `json:"previous_due_at,omitzero"`
}

// PaymentPayload: request_payment (the amount due) and pay (the amount
// paid, with the online payment's reference when the gateway settled it).
type PaymentPayload struct {
	AmountVND  int64  `json:"amount_vnd"`
	PaymentRef string `json:"payment_ref,omitempty"`
}

// ExtendPayload: extend (Form 04).
type ExtendPayload struct {
	DueAt         time.Time `json:"due_at"`
	PreviousDueAt time.Time `json:"previous_due_at"`
	Reason        string    `json:"reason"`
	Signer        string    `json:"signer"`
}

// ApprovePayload: approve, with the result issued (result.go).
type ApprovePayload struct {
	ResultFileIDs []string   `json:"result_file_ids,omitempty"`
	ResultKind    ResultKind `json:"result_kind,omitempty"`
	ResultName    string     `json:"result_name,omitempty"`
	// Step is the movement into the process's last step (steps.go).
	Step *process.Moved `json:"step,omitempty"`
}

// ReturnPayload: return_result. Rejection marks the hand-back of a
// rejection notice, after which the dossier stays rejected.
type ReturnPayload struct {
	Rejection    bool         `json:"rejection,omitempty"`
	ReturnMethod ReturnMethod `json:"return_method"`
}

// RatePayload: rate.
type RatePayload struct {
	Rating Rating `json:"rating"`
}

// ComplaintPayload: complaint (complaint.go).
type ComplaintPayload struct {
	ComplaintRef string `json:"complaint_ref,omitempty"`
	Reason       string `json:"reason"`
}

// UrgePayload: urge, naming the agency urged (urge.go).
type UrgePayload struct {
	AgencyID int64  `json:"agency_id"`
	Reason   string `json:"reason"`
}

// PostalPickedUpPayload: postal_picked_up (postal.go). At is the
// operator's time of the event, in every postal payload.
type PostalPickedUpPayload struct {
	At               time.Time `json:"at"`
	FeeReceipt       string    `json:"fee_receipt,omitempty"`
	FeesCollectedVND int64     `json:"fees_collected_vnd"`
	PickupPlace      string    `json:"pickup_place"`
	TrackingNumber   string    `json:"tracking_number,omitempty"`
}

// PostalHandedOverPayload: postal_handed_over, with the hand-over record.
type PostalHandedOverPayload struct {
	At             time.Time `json:"at"`
	HandoverRecord string    `json:"handover_record"`
	TrackingNumber string    `json:"tracking_number,omitempty"`
}

// PostalDeliveredPayload: postal_delivered.
type PostalDeliveredPayload struct {
	At             time.Time `json:"at"`
	TrackingNumber string    `json:"tracking_number,omitempty"`
}

// PostalDeliveryFailedPayload: postal_delivery_failed, with why.
type PostalDeliveryFailedPayload struct {
	At             time.Time `json:"at"`
	Reason         string    `json:"reason"`
	TrackingNumber string    `json:"tracking_number,omitempty"`
}

func (SubmitPayload) payloadOf(a Action) bool  { return a == ActSubmit }
func (ReceivePayload) payloadOf(a Action) bool { return a == ActReceive }
func (ReasonPayload) payloadOf(a Action) bool {
	return a == ActRefuse || a == ActReject || a == ActWithdraw || a == ActStop
}
func (TransferPayload) payloadOf(a Action) bool          { return a == ActTransfer }
func (SupplementRequestPayload) payloadOf(a Action) bool { return a == ActRequestSupplement }
func (SupplementPayload) payloadOf(a Action) bool        { return a == ActSupplement }
func (PaymentPayload) payloadOf(a Action) bool           { return a == ActRequestPayment || a == ActPay }
func (ExtendPayload) payloadOf(a Action) bool            { return a == ActExtend }
func (ApprovePayload) payloadOf(a Action) bool           { return a == ActApprove }
func (ReturnPayload) payloadOf(a Action) bool            { return a == ActReturnResult }
func (RatePayload) payloadOf(a Action) bool              { return a == ActRate }
func (ComplaintPayload) payloadOf(a Action) bool         { return a == ActComplaint }
func (UrgePayload) payloadOf(a Action) bool              { return a == ActUrge }
func (PostalPickedUpPayload) payloadOf(a Action) bool    { return a == ActPostalPickedUp }
func (PostalHandedOverPayload) payloadOf(a Action) bool  { return a == ActPostalHandedOver }
func (PostalDeliveredPayload) payloadOf(a Action) bool   { return a == ActPostalDelivered }
func (PostalDeliveryFailedPayload) payloadOf(a Action) bool {
	return a == ActPostalDeliveryFailed
}

// Decode reads the payload of an event of action a, as Apply wrote it or as
// the log returns it, into T, the payload struct of that action. ok is false
// when T is not a's payload or raw does not decode as T; keys T does not
// know are ignored and missing ones leave their zero value, so rows of
// earlier versions read too.
func Decode[T Payload](a Action, raw []byte) (T, bool) {
	var p T
	if !p.payloadOf(a) {
		return p, false
	}
	if len(raw) == 0 {
		return p, true
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return p, false
	}
	return p, true
}

// DecodeAny is Decode for a reader that does not know the action in
// advance (a page listing the whole log): the payload struct of a, as far
// as raw decodes (zero when it does not), or nil for an action without one.
func DecodeAny(a Action, raw []byte) Payload {
	var p Payload
	switch a {
	case ActSubmit:
		p, _ = Decode[SubmitPayload](a, raw)
	case ActReceive:
		p, _ = Decode[ReceivePayload](a, raw)
	case ActRefuse, ActReject, ActWithdraw, ActStop:
		p, _ = Decode[ReasonPayload](a, raw)
	case ActTransfer:
		p, _ = Decode[TransferPayload](a, raw)
	case ActRequestSupplement:
		p, _ = Decode[SupplementRequestPayload](a, raw)
	case ActSupplement:
		p, _ = Decode[SupplementPayload](a, raw)
	case ActRequestPayment, ActPay:
		p, _ = Decode[PaymentPayload](a, raw)
	case ActExtend:
		p, _ = Decode[ExtendPayload](a, raw)
	case ActApprove:
		p, _ = Decode[ApprovePayload](a, raw)
	case ActReturnResult:
		p, _ = Decode[ReturnPayload](a, raw)
	case ActRate:
		p, _ = Decode[RatePayload](a, raw)
	case ActComplaint:
		p, _ = Decode[ComplaintPayload](a, raw)
	case ActUrge:
		p, _ = Decode[UrgePayload](a, raw)
	case ActStep:
		p, _ = Decode[StepPayload](a, raw)
	case ActPostalPickedUp:
		p, _ = Decode[PostalPickedUpPayload](a, raw)
	case ActPostalHandedOver:
		p, _ = Decode[PostalHandedOverPayload](a, raw)
	case ActPostalDelivered:
		p, _ = Decode[PostalDeliveredPayload](a, raw)
	case ActPostalDeliveryFailed:
		p, _ = Decode[PostalDeliveryFailedPayload](a, raw)
	}
	return p
}

// ReasonOf is the reason recorded with an event of any action that takes
// one (refusal, supplementation request, extension, rejection, withdrawal,
// stop, complaint, urge, failed delivery); "" for the others.
func ReasonOf(a Action, raw []byte) string {
	switch p := DecodeAny(a, raw).(type) {
	case ReasonPayload:
		return p.Reason
	case SupplementRequestPayload:
		return p.Reason
	case ExtendPayload:
		return p.Reason
	case ComplaintPayload:
		return p.Reason
	case UrgePayload:
		return p.Reason
	case StepPayload:
		return p.Reason
	case PostalDeliveryFailedPayload:
		return p.Reason
	}
	return ""
}

// SetPayload writes p into the event. p must be the payload of the event's
// action: anything else is a programming error, caught by the tests.
func (e *Event) SetPayload(p Payload) {
	if !p.payloadOf(e.Action) {
		panic(fmt.Sprintf("dossier: %T is not the payload of %q", p, e.Action))
	}
	b, err := json.Marshal(p)
	if err != nil {
		// The payload structs hold strings, numbers, times and slices of
		// them: they always encode.
		panic(fmt.Sprintf("dossier: encode %T: %v", p, err))
	}
	e.Payload = b
}
