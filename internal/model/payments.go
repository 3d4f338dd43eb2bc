package model

import "time"

// Payment statuses. A payment leaves pending once, and only through
// SettlePayment, so that a gateway's repeated notice changes nothing.
const (
	PaymentPending   = "pending"
	PaymentPaid      = "paid"
	PaymentFailed    = "failed"    // cancelled or refused at the gateway
	PaymentUnapplied = "unapplied" // money taken but the dossier no longer awaited it: a refund is due
)

// Payment is one attempt to pay a dossier's fee through an online gateway.
type Payment struct {
	ID          int64
	Ref         string // our unique reference at the gateway
	DossierID   int64
	Provider    string
	AmountVND   int64
	Status      string
	PayerUserID int64
	PayerName   string
	ProviderTxn string // the gateway's transaction number
	ResultCode  string // the gateway's result code
	ReceiptNo   string // set when paid
	CreatedAt   time.Time
	ExpiresAt   time.Time
	SettledAt   *time.Time
}

// Settlement is the gateway's verified outcome of a pending payment.
type Settlement struct {
	Status      string // PaymentPaid, PaymentFailed or PaymentUnapplied
	ProviderTxn string
	ResultCode  string
	ReceiptNo   string // paid only
	At          time.Time
}
