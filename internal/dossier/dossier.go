package dossier

import (
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/process"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/textfold"
	"github.com/motcua/motcua/internal/textin"
)

// Applicant is the person or organisation the dossier is for. ID numbers and
// phones are personal data: never shown on public pages or in logs.
type Applicant struct {
	Name     string `json:"name"`
	IDNumber string `json:"id_number"`
	Phone    string `json:"phone"`
	Email    string `json:"email"`
	Address  string `json:"address"`
}

// ComponentFiles lists the files attached for one dossier component and, for
// papers handed over at the counter, how many originals and copies were
// received (Form 01 item 1).
type ComponentFiles struct {
	Name      string   `json:"name"`
	FileIDs   []string `json:"file_ids"`
	Originals int      `json:"originals,omitempty"`
	Copies    int      `json:"copies,omitempty"`
	// Digitized: the one-stop scanned this paper on receipt (DuocSoHoa,
	// Circular 01/2023 Art. 7; 766 indicator 4.2).
	Digitized bool `json:"digitized,omitempty"`
	// Reused: taken from the applicant's electronic data store instead of
	// being submitted again (DuocLayTuKhoDMQG, Circular 01/2023 Art. 24;
	// 766 indicators 4.3/4.4).
	Reused bool `json:"reused,omitempty"`
	// DocumentIDs: input only — documents of the applicant's data store to
	// reuse; the service turns them into FileIDs and Reused, never stored.
	DocumentIDs []int64 `json:"document_ids,omitempty"`
}

// Dossier is the current state of one dossier, the projection of its events.
type Dossier struct {
	ID                 int64
	Code               string
	Ref                string // the tracking reference given at filing, before the legal code exists (issue 21 item 4)
	ProcedureCode      string
	ProcedureVersion   int
	Status             Status
	Channel            Channel
	ReturnMethod       ReturnMethod
	Applicant          Applicant
	ApplicantUserID    int64 // 0 when filed at the counter for someone without an account
	Components         []ComponentFiles
	ReceivingAgencyID  int64
	ProcessingAgencyID int64
	Version            int
	SubmittedAt        time.Time
	ReceivedAt         *time.Time
	DueAt              *time.Time // current due date
	OriginalDueAt      *time.Time // the date printed on Form 01
	PreviousDueAt      *time.Time // the due date before the last move (supplementation or extension)
	DueExplain         string
	SuspendedAt        *time.Time // set while waiting for supplementation
	ResumeStatus       Status     // where a supplementation or withdrawal request returns to
	SupplementCount    int
	ExtensionCount     int
	FinishedAt         *time.Time
	ReturnedAt         *time.Time
	FeeVND             int64
	PaymentDueVND      int64
	PaidVND            int64
	PaidOnline         bool     // the fee was paid through the online payment provider (DuocThanhToanTrucTuyen, 766 indicator 3.6)
	VNeIDVerified      bool     // filed by a citizen signed in with the national e-ID (766 indicator 4.5b)
	ResultFileIDs      []string // the electronic result (kết quả điện tử), attached when approved (766 indicator 4.1)
	Rating             Rating   // the applicant's satisfaction, 0 until rated
	ComplaintCount     int      // complaints (PAKN) linked to the dossier (766 indicator 5.4)
	UrgeCount          int      // expediting orders (đôn đốc) received, urge.go
	UrgedAt            *time.Time
	// ProcessVersion is the internal process the dossier was received
	// under (0: none, or the derived one), and Step where it stands in it
	// (nil without a process); steps.go.
	ProcessVersion int
	Step           *process.Position
	RatedAt        *time.Time
	UpdatedAt      time.Time
}

// Timeliness tells, at instant now, whether the dossier is or was on time.
// Supplementation time is already excluded because the due date moved by it
// (RULES-VN.md §3.1(4)); while waiting for the applicant the clock is stopped,
// so the request instant stands as the end (§3.2).
func (d *Dossier) Timeliness(now time.Time, dayStart func(time.Time) time.Time) Timeliness {
	if d.ReceivedAt == nil || d.DueAt == nil {
		return ""
	}
	due := *d.DueAt
	if d.FinishedAt != nil {
		switch {
		case d.FinishedAt.After(due):
			return Late
		case d.FinishedAt.Before(dayStart(due)):
			return Early
		default:
			return OnTime
		}
	}
	end := now
	if d.SuspendedAt != nil {
		end = *d.SuspendedAt
	}
	if end.After(due) {
		return Overdue
	}
	return InTime
}

var (
	idNumberRe = regexp.MustCompile(`^([0-9]{9}|[0-9]{12}|[0-9]{10}(-[0-9]{3})?)$`) // CMND 9, CCCD 12, tax ID 10 or 13
	phoneRe    = regexp.MustCompile(`^(\+84|0)[0-9]{9,10}$`)
)

func invalid(code, vi, en string) *apperr.Error { return apperr.New(apperr.Invalid, code, vi, en) }

func invalidText(code, field string, p textin.Problem) *apperr.Error {
	return apperr.Newf(apperr.Invalid, code, "Trường %[1]s %[2]s.", "Field %[1]s %[3]s.", field, p.Vi(), p.En())
}

// MaxPaperCount bounds the originals or copies of one paper received at the
// counter; Form 01 counts papers, a hundred of one kind is already unusual.
const MaxPaperCount = 99

// Normalize cleans component i (from 0) of a filing: its name is NFC, one
// visible line; the counts of originals and copies are whole numbers within
// MaxPaperCount (Form 01 item 1 prints them: a negative count is no receipt).
func (c *ComponentFiles) Normalize(i int) error {
	c.Name = textfold.NFC(c.Name)
	field := fmt.Sprintf("components[%d]", i)
	if p, ok := textin.Name(c.Name); !ok {
		return invalidText("component_name_invalid", field+".name", p)
	}
	if c.Name == "" {
		return apperr.Newf(apperr.Invalid, "component_name_required", "Thành phần hồ sơ thứ %d chưa có tên.", "Component %d has no name.", i+1)
	}
	for _, f := range []struct {
		name string
		n    int
	}{{"originals", c.Originals}, {"copies", c.Copies}} {
		name, n := f.name, f.n
		if n < 0 || n > MaxPaperCount {
			return apperr.Newf(apperr.Invalid, "component_count_invalid", "Trường %[1]s.%[2]s phải từ 0 đến %[3]d (là %[4]d).",
				"Field %[1]s.%[2]s must be 0 to %[3]d (it is %[4]d).", field, name, MaxPaperCount, n)
		}
	}
	return nil
}

// Normalize cleans the applicant's data (NFC, spaces) and checks it.
func (a *Applicant) Normalize() error {
	a.Name = textfold.NFC(a.Name)
	a.Address = textfold.NFC(a.Address)
	a.IDNumber = strings.TrimSpace(a.IDNumber)
	a.Phone = strings.NewReplacer(" ", "", ".", "", "-", "").Replace(strings.TrimSpace(a.Phone))
	a.Email = strings.TrimSpace(a.Email)
	// The name is one line of visible text: it is printed on Form 01, the
	// receipt and the result, and searched (DESIGN: NFC everywhere). Zero-width
	// characters and bidi overrides would make two names look alike or one
	// print as another; the address may span lines, nothing else may.
	if p, ok := textin.Name(a.Name); !ok {
		return invalidText("applicant_name_invalid", "applicant.name", p).On("applicant.name")
	}
	if p, ok := textin.Block(a.Address); !ok {
		return invalidText("applicant_address_invalid", "applicant.address", p).On("applicant.address")
	}
	for _, f := range [][2]string{{"applicant.id_number", a.IDNumber}, {"applicant.phone", a.Phone}, {"applicant.email", a.Email}} {
		if p, ok := textin.Line(f[1]); !ok {
			return invalidText("applicant_text_invalid", f[0], p).On(f[0])
		}
	}
	switch {
	case a.Name == "":
		return invalid("applicant_name_required", "Cần nhập họ tên người nộp hồ sơ.", "The applicant's name is required.").On("applicant.name")
	case len([]rune(a.Name)) > 200:
		return invalid("applicant_name_too_long", "Họ tên quá dài (tối đa 200 ký tự).", "The applicant's name is too long (200 characters at most).").On("applicant.name")
	case a.IDNumber == "":
		return invalid("applicant_id_required", "Cần nhập số định danh cá nhân (CCCD) hoặc mã số thuế.", "The personal ID number (CCCD) or tax ID is required.").On("applicant.id_number")
	case !idNumberRe.MatchString(a.IDNumber):
		return invalid("applicant_id_invalid", "Số định danh không hợp lệ: CCCD gồm 12 chữ số (CMND cũ 9 chữ số, mã số thuế 10 hoặc 13 chữ số).", "Invalid ID number: a citizen ID (CCCD) has 12 digits (old ID 9 digits, tax ID 10 or 13).").On("applicant.id_number")
	case a.Phone != "" && !phoneRe.MatchString(a.Phone):
		return invalid("applicant_phone_invalid", "Số điện thoại không hợp lệ (ví dụ 0912345678).", "Invalid phone number (for example 0912345678).").On("applicant.phone")
	case len(a.Address) > 500:
		return invalid("applicant_address_too_long", "Địa chỉ quá dài (tối đa 500 ký tự).", "The address is too long (500 characters at most).").On("applicant.address")
	}
	if a.Email != "" {
		if addr, err := mail.ParseAddress(a.Email); err != nil || addr.Address != a.Email {
			return invalid("applicant_email_invalid", "Địa chỉ thư điện tử không hợp lệ.", "Invalid e-mail address.").On("applicant.email")
		}
	}
	return nil
}
