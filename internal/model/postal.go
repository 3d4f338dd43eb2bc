package model

import "time"

// Directions of a postal leg.
const (
	PostalInbound  = "inbound"  // the dossier, from the applicant to the one-stop
	PostalOutbound = "outbound" // the result, from the one-stop to the applicant
)

// Statuses of a postal leg, in the order they happen.
const (
	LegPickedUp       = "picked_up"
	LegHandedOver     = "handed_over"
	LegDispatched     = "dispatched"
	LegDelivered      = "delivered"
	LegDeliveryFailed = "delivery_failed"
)

// PostalLeg is one journey of a dossier or its result by post.
type PostalLeg struct {
	ID               int64
	DossierID        int64
	Direction        string
	TrackingNumber   string
	Status           string
	OperatorKeyID    string
	PickupPlace      string
	FeesCollectedVND int64
	FeeReceipt       string
	HandoverRecord   string
	FailureReason    string
	PickedUpAt       *time.Time
	HandedOverAt     *time.Time
	DispatchedAt     *time.Time
	DeliveredAt      *time.Time
	FailedAt         *time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time
}
