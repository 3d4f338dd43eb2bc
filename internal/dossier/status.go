// Package dossier is the dossier aggregate: its statuses, the actions that move
// it and the legal rules each action checks. It knows nothing of HTTP or SQL:
// the service layer loads a Dossier, calls Apply, and stores the resulting
// event and state in one transaction.
package dossier

// Status of a dossier. The national code is what the National Public Service
// Portal (DVCQG) expects in TrangThaiHoSo (RULES-VN.md §1.2).
type Status string

const (
	Submitted           Status = "submitted"
	Received            Status = "received"
	Refused             Status = "refused"
	Processing          Status = "processing"
	SupplementRequested Status = "supplement_requested"
	PaymentRequested    Status = "payment_requested"
	WithdrawalRequested Status = "withdrawal_requested"
	Stopped             Status = "stopped"
	Done                Status = "done"
	Returned            Status = "returned"
	Rejected            Status = "rejected"
)

// Statuses lists every status in lifecycle order.
var Statuses = []Status{Submitted, Received, Refused, Processing, SupplementRequested, PaymentRequested,
	WithdrawalRequested, Stopped, Done, Returned, Rejected}

var nationalCodes = map[Status]int{
	Submitted: 1, Received: 2, Refused: 3, Processing: 4, SupplementRequested: 5, PaymentRequested: 6,
	WithdrawalRequested: 7, Stopped: 8, Done: 9, Returned: 10, Rejected: 3,
}

// NationalCode is the DVCQG status code.
func (s Status) NationalCode() int { return nationalCodes[s] }

// Valid reports whether s is a known status.
func (s Status) Valid() bool { _, ok := nationalCodes[s]; return ok }

// Terminal reports whether no action can follow.
func (s Status) Terminal() bool {
	return s == Refused || s == Stopped || s == Returned || s == Rejected
}

// Finished reports whether processing has ended for timeliness: the result is
// signed, or the dossier was rejected or stopped (RULES-VN.md §3.2).
func (s Status) Finished() bool {
	return s == Done || s == Returned || s == Rejected || s == Stopped
}

// Channel through which a dossier was filed (KenhThucHien, RULES-VN.md §1.1).
type Channel string

const (
	ChannelCounter Channel = "counter"
	ChannelOnline  Channel = "online"
	ChannelPostal  Channel = "postal"
)

// Code is the DVCQG channel code.
func (c Channel) Code() int {
	switch c {
	case ChannelCounter:
		return 1
	case ChannelOnline:
		return 2
	case ChannelPostal:
		return 3
	}
	return 0
}

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return c.Code() != 0 }

// ReturnMethod is how the applicant receives the result.
type ReturnMethod string

const (
	ReturnCounter ReturnMethod = "counter"
	ReturnPostal  ReturnMethod = "postal"
	ReturnOnline  ReturnMethod = "online"
)

// Valid reports whether m is a known return method.
func (m ReturnMethod) Valid() bool {
	return m == ReturnCounter || m == ReturnPostal || m == ReturnOnline
}

// Timeliness of a dossier against its due date (DESIGN.md "Due dates").
type Timeliness string

const (
	Early   Timeliness = "early"   // finished before the due date's working day began
	OnTime  Timeliness = "on_time" // finished on the due date's working day, by the due instant
	Late    Timeliness = "late"    // finished after the due instant
	InTime  Timeliness = "in_time" // unfinished, not yet due
	Overdue Timeliness = "overdue" // unfinished and past due
)
