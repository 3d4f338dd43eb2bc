package citizens

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/internal/core"
	"github.com/motcua/motcua/internal/textfold"
)

// RevealFields are the masked fields a reveal may unmask.
var RevealFields = []string{"id_number", "phone", "email", "address"}

// RevealInput is a request to unmask personal data of one dossier.
type RevealInput struct {
	Fields []string `json:"fields"`
	Reason string   `json:"reason"`
}

// Revealed is the applicant with the asked fields unmasked.
type Revealed struct {
	Applicant dossier.Applicant
	Reveal    model.Reveal
}

// Reveal unmasks the asked fields of a dossier's applicant for a role that
// sees them masked, and records who, when, which fields and why before
// answering: a reveal that cannot be recorded is not made.
func (s *Citizens) Reveal(ctx context.Context, actor org.Actor, dossierID int64, in RevealInput) (*Revealed, error) {
	access := org.AccessOf(actor.Role)
	if !access.Reveal {
		return nil, apperr.New(apperr.Forbidden, "reveal_not_allowed",
			"Vai trò của bạn không được xem dữ liệu cá nhân đã che.", "Your role may not unmask personal data.")
	}
	reason := textfold.NFC(strings.TrimSpace(in.Reason))
	if n := utf8.RuneCountInString(reason); n < 10 || n > 500 {
		return nil, apperr.New(apperr.Invalid, "reveal_reason_required",
			"Cần nêu lý do xem dữ liệu cá nhân (10 đến 500 ký tự); lý do được ghi lại.",
			"Give the reason for unmasking personal data (10 to 500 characters); it is recorded.")
	}
	fields := []string{}
	for _, f := range in.Fields {
		if !slices.Contains(RevealFields, f) {
			return nil, apperr.Newf(apperr.Invalid, "reveal_field_unknown",
				"Trường %q không xem được (id_number, phone, email, address).",
				"Field %q cannot be revealed (id_number, phone, email, address).", f)
		}
		if !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
	}
	if len(fields) == 0 {
		return nil, apperr.New(apperr.Invalid, "reveal_fields_required",
			"Hãy chọn trường cần xem (id_number, phone, email, address).",
			"Choose the fields to reveal (id_number, phone, email, address).")
	}
	d, err := s.Store.Dossier(ctx, dossierID)
	if d, err = s.Visible(actor, d, err); err != nil {
		return nil, err
	}
	r := model.Reveal{DossierID: d.ID, UserID: actor.UserID, Username: actor.Username, Role: string(actor.Role),
		Fields: fields, Reason: reason, At: s.Now().UTC()}
	if r.ID, err = s.Store.InsertReveal(ctx, r); err != nil {
		return nil, err
	}
	shown, full := core.ShownApplicant(actor, d.Applicant), d.Applicant
	for _, f := range fields {
		switch f {
		case "id_number":
			shown.IDNumber = full.IDNumber
		case "phone":
			shown.Phone = full.Phone
		case "email":
			shown.Email = full.Email
		case "address":
			shown.Address = full.Address
		}
	}
	return &Revealed{Applicant: shown, Reveal: r}, nil
}

// Reveals lists the reveals of one dossier (dossierID > 0) or of all: for the
// roles that may read the log, and, for one dossier, also for anyone who may
// reveal it (they see who else looked).
func (s *Citizens) Reveals(ctx context.Context, actor org.Actor, dossierID, beforeID int64, limit int) ([]model.Reveal, error) {
	access := org.AccessOf(actor.Role)
	if dossierID > 0 {
		if !access.ReadReveals && !access.Reveal {
			return nil, errRevealsForbidden
		}
		if _, err := s.Dossier(ctx, actor, dossierID); err != nil {
			return nil, err
		}
	} else if !access.ReadReveals {
		return nil, errRevealsForbidden
	}
	return s.Store.Reveals(ctx, dossierID, beforeID, limit)
}

var errRevealsForbidden = apperr.New(apperr.Forbidden, "reveals_forbidden",
	"Chỉ quản trị viên đọc nhật ký xem dữ liệu cá nhân.", "Only administrators read the log of personal data reveals.")
