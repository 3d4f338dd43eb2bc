package postal

import (
	"time"

	"github.com/motcua/motcua/internal/dossier"
)

// Types of the operator's events (RULES-VN.md §9 "Status events to model").
const (
	PickedUp       = "picked_up"       // POSTAL_PICKED_UP
	HandedOver     = "handed_over"     // POSTAL_HANDED_TO_ONE_STOP
	Delivered      = "delivered"       // RESULT_DELIVERED
	DeliveryFailed = "delivery_failed" // the result could not be delivered
	// ResultDispatch is ours: RESULT_HANDED_TO_POST.
	ResultDispatch = "result_dispatch"
)

// Where the postal employee picked the dossier up (Decision 45/2016 Art. 6(1)).
const (
	PlaceAddress    = "address"     // at the applicant's address
	PlacePostOffice = "post_office" // at a postal service point
)

// Component is one paper counted with the applicant against the published
// list of components, originals and copies marked (Circular 17/2017 Art. 5).
type Component struct {
	Name      string `json:"name"`
	Originals int    `json:"originals"`
	Copies    int    `json:"copies"`
}

// Event is what the operator sends to POST /api/v1/postal/events. One shape
// for every type; each type says which fields it needs.
type Event struct {
	Type string `json:"type"`
	// EventID is the operator's unique id of this event: a resend of the
	// same event (a new nonce, the same body) is answered from the log.
	EventID string `json:"event_id"`
	// At is when it happened, by the operator's clock.
	At             time.Time `json:"at"`
	TrackingNumber string    `json:"tracking_number,omitempty"`

	// picked_up
	ProcedureCode    string               `json:"procedure_code,omitempty"`
	AgencyCode       string               `json:"agency_code,omitempty"`
	Applicant        *dossier.Applicant   `json:"applicant,omitempty"`
	Components       []Component          `json:"components,omitempty"`
	ReturnMethod     dossier.ReturnMethod `json:"return_method,omitempty"` // postal when the applicant also wants the result by post (Art. 5)
	PickupPlace      string               `json:"pickup_place,omitempty"`
	FeesCollectedVND int64                `json:"fees_collected_vnd,omitempty"`
	FeeReceipt       string               `json:"fee_receipt,omitempty"` // the receipt issued for the fees (Art. 11)

	// handed_over
	HandoverRecord string `json:"handover_record,omitempty"` // number of the biên bản giao nhận

	// delivered, delivery_failed
	DossierCode string `json:"dossier_code,omitempty"`
	Reason      string `json:"reason,omitempty"` // delivery_failed
}

// Ack is our answer to an accepted event.
type Ack struct {
	Type           string         `json:"type"`
	EventID        string         `json:"event_id"`
	DossierID      int64          `json:"dossier_id"`
	DossierCode    string         `json:"dossier_code"`
	Status         dossier.Status `json:"status"`
	Version        int            `json:"version"`
	TrackingNumber string         `json:"tracking_number"`
	LegStatus      string         `json:"leg_status"`
}

// Dispatch is our webhook when the result is handed to post. It carries what
// the postman needs to deliver and nothing more: no ID number, phone or
// e-mail address.
type Dispatch struct {
	Type           string    `json:"type"` // result_dispatch
	EventID        string    `json:"event_id"`
	DossierCode    string    `json:"dossier_code"`
	TrackingNumber string    `json:"tracking_number,omitempty"`
	DispatchedAt   time.Time `json:"dispatched_at"`
	AgencyCode     string    `json:"agency_code"` // the one-stop that sends
	Recipient      Recipient `json:"recipient"`
	Items          []Item    `json:"items"`
}

// Recipient is who the result goes to.
type Recipient struct {
	Name    string `json:"name"`
	Address string `json:"address"`
}

// Item is one thing in the envelope.
type Item struct {
	Name   string `json:"name"`
	Copies int    `json:"copies"`
}
