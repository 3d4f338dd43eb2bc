package forms

import "time"

// Agency is the issuing body as printed in the header: the parent agency
// ("UBND TỈNH H99") above the agency or unit itself ("TRUNG TÂM PHỤC VỤ
// HÀNH CHÍNH CÔNG"). Both are printed in upper case whatever their input.
type Agency struct {
	Parent, Name string
}

// Applicant is the person or organisation a dossier belongs to. IDNumber is
// the personal identification number, or the tax ID of an organisation.
type Applicant struct {
	Name, IDNumber, Address, Phone, Email string
}

// Component is one paper of a dossier with the number of originals and of
// copies; a count of 0 means "not specified" and prints as an empty cell.
type Component struct {
	Name              string
	Originals, Copies int
}

// Handover is one transfer of a dossier between agencies or officers, a row
// of the control slip. A zero At prints a blank time to be written by hand.
type Handover struct {
	From, To string
	At       time.Time
	Result   string // "Trước hạn", "Đúng hạn", "Quá hạn", or "" while pending
	Note     string
	// Step is the step of the internal process the hand-over ends, as the
	// approving decision names it ("3. Thẩm định…"), with its budget
	// ("0,5 ngày làm việc") and its own due instant, against which Result
	// is judged (issue 13 item 3). Blank for a dossier without a process.
	Step    string
	Budget  string
	StepDue time.Time
}

// Results a Handover may carry, as worded in the control slip's heading.
const (
	ResultEarly   = "Trước hạn"
	ResultOnTime  = "Đúng hạn"
	ResultOverdue = "Quá hạn"
)

// Receipt is Form 01, the receipt and appointment slip.
type Receipt struct {
	Agency     Agency
	Place      string // place of issue in the date line, e.g. "Hà Nội"
	Code       string // dossier code (mã hồ sơ)
	Applicant  Applicant
	Procedure  string
	Components []Component
	Sets       int    // number of dossier sets; 0 means one
	TimeLimit  string // statutory processing time, e.g. "3 ngày làm việc"
	ReceivedAt time.Time
	DueAt      time.Time
	ReturnAt   string // where to collect: "Tại Bộ phận Một cửa", "Qua dịch vụ bưu chính"…
	FeeVND     int64
	Receiver   string // officer who received the dossier
	TrackURL   string // status look-up address, encoded in the QR code
	TrackKey   string // lookup key for tracking beyond the status; optional
	Copy       string // copy marker, e.g. "Liên 1: Giao người nộp hồ sơ"; optional
}

// SupplementRequest is Form 02, the request to supplement or complete a
// dossier.
type SupplementRequest struct {
	Agency       Agency
	Place        string
	Number       string // the number before "/HDHS"; blank prints dots to write by hand
	Code         string // optional: a dossier refused at the counter has none yet
	At           time.Time
	Applicant    Applicant
	Procedure    string
	Items        []SupplementItem // what the applicant must add or correct
	Reason       string           // optional when every item says what is wrong
	Officer      string           // officer giving guidance, who signs
	OfficerPhone string
	// The receiving unit's address and phone; blank prints dots.
	AgencyAddress, AgencyPhone string
	LookupURL                  string // where the procedure's rules can be read
}

// SupplementItem is one row of Form 02: a paper, how many originals and
// copies it takes, and what is wrong with it ("Còn thiếu", "Chưa đầy đủ: …").
type SupplementItem struct {
	Component
	Problem string
}

// Refusal is Form 03, the refusal to receive and process a dossier.
type Refusal struct {
	Agency     Agency
	Place      string
	At         time.Time
	Applicant  Applicant
	Procedure  string
	LegalBasis string // the provision the refusal rests on
	Reason     string
	Officer    string
}

// Apology is Form 04, the apology and new appointment for a late result.
type Apology struct {
	Agency        Agency // the agency in charge of the dossier, not the counter
	Place         string
	At            time.Time
	Code          string
	Applicant     Applicant
	Procedure     string
	ReceivedAt    time.Time
	OriginalDueAt time.Time
	NewDueAt      time.Time
	Reason        string
	// Responsible is the agency whose steps of the internal process made
	// the dossier late, when it is not the one that apologises (a consulted
	// agency, the PPC): the apology names it beside the reason (issue 13
	// item 3; RULES-VN.md §4). Blank: the agency in charge itself.
	Responsible string
	Signer      string
	SignerTitle string // e.g. "GIÁM ĐỐC"; defaults to "THỦ TRƯỞNG CƠ QUAN"
}

// ControlSlip is the control slip that travels with a dossier: Form 05 of
// Circular 01/2018, Form 06 of Circular 03/2025.
type ControlSlip struct {
	Agency       Agency
	Code         string
	Applicant    Applicant
	Procedure    string
	ReceivedAt   time.Time
	DueAt        time.Time
	Processing   string // agency (unit) processing the dossier
	Coordinating string // agencies consulted, if any
	Handovers    []Handover
}
