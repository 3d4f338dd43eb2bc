// Package population looks citizens up in the national population database
// (Cơ sở dữ liệu quốc gia về dân cư) through the provincial integration
// platform: an ID number and the applicant's consent give name, date of
// birth and permanent address, so the counter or the filing page fills them
// in instead of asking for papers the state already holds (Decree 45/2020
// principles; issue 14 item 5).
//
// Every value here is personal data. Nothing in this package logs, and
// Citizen and Query print as redacted, so a stray %v in a log line leaks
// nothing.
//
// Not yet called by the server (issue 14 item 5); deadcode lists it until then.
package population

import (
	"context"
	"log/slog"
	"regexp"

	"github.com/motcua/motcua/internal/apperr"
)

// Registry is the population database as the province reaches it.
type Registry interface {
	Lookup(ctx context.Context, q Query) (Citizen, error)
}

// Query asks for one citizen. ConsentRef names the consent the applicant
// gave, recorded on the dossier: without it the look-up is refused before
// anything is sent.
type Query struct {
	IDNumber   string
	ConsentRef string
	// Requester is the officer or account asking, for the platform's own
	// audit; an identifier, not a name.
	Requester string
}

// Citizen is what the database returns that the one-stop uses.
type Citizen struct {
	IDNumber string
	FullName string
	// DateOfBirth is ISO 8601, and only as precise as the register:
	// "1958" or "1958-03" for people whose day or month was never recorded.
	DateOfBirth      string
	PermanentAddress string
}

func (Citizen) String() string       { return "population.Citizen{redacted}" }
func (c Citizen) GoString() string   { return c.String() }
func (Citizen) LogValue() slog.Value { return slog.StringValue("redacted") }
func (Query) String() string         { return "population.Query{redacted}" }
func (q Query) GoString() string     { return q.String() }
func (Query) LogValue() slog.Value   { return slog.StringValue("redacted") }

// idNumber is the 12-digit personal identification number (Law on
// Identification 2023, the number on the chip ID card).
var idNumber = regexp.MustCompile(`^[0-9]{12}$`)

// Check refuses a query that must not leave the building.
func (q Query) Check() error {
	if !idNumber.MatchString(q.IDNumber) {
		return ErrInvalidID
	}
	if q.ConsentRef == "" {
		return ErrNoConsent
	}
	return nil
}

var (
	ErrInvalidID = apperr.New(apperr.Invalid, "population_invalid_id",
		"Số định danh cá nhân phải gồm đúng 12 chữ số.",
		"The personal identification number must be exactly 12 digits.").On("id_number")
	ErrNoConsent = apperr.New(apperr.Invalid, "population_no_consent",
		"Cần ghi nhận sự đồng ý của người nộp trước khi tra cứu Cơ sở dữ liệu quốc gia về dân cư.",
		"The applicant's consent must be recorded before looking up the national population database.")
	ErrNotFound = apperr.New(apperr.NotFound, "population_not_found",
		"Không tìm thấy công dân có số định danh này; hãy nhập thông tin theo giấy tờ.",
		"No citizen has this identification number; enter the details from the papers.")
	ErrRefused = apperr.New(apperr.Forbidden, "population_refused",
		"Nền tảng tích hợp từ chối yêu cầu tra cứu; kiểm tra tài khoản kết nối và sự đồng ý.",
		"The integration platform refused the look-up; check the integration account and the consent.")
	ErrUnavailable = apperr.New(apperr.Conflict, "population_unavailable",
		"Chưa kết nối được Cơ sở dữ liệu quốc gia về dân cư; hãy nhập thông tin theo giấy tờ hoặc thử lại sau.",
		"The national population database could not be reached; enter the details from the papers or try again later.")
)
