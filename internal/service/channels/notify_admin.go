package channels

import (
	"context"
	"errors"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/org"
)

// NotifyChoice is a citizen's channel choice as the page shows it, with
// whether the account has the contact each channel needs.
type NotifyChoice struct {
	model.NotifyPrefs
	HasEmail, HasPhone bool
}

var errCitizensOnly = apperr.New(apperr.Forbidden, "citizens_only",
	"Chỉ công dân, tổ chức nộp hồ sơ mới chọn kênh nhận thông báo.", "Only applicants choose how they are notified.")

// NotifyChoiceOf reads the actor's choice; never chosen means the default,
// e-mail and SMS.
func (s *Channels) NotifyChoiceOf(ctx context.Context, actor org.Actor) (NotifyChoice, error) {
	if actor.Role != org.RoleCitizen {
		return NotifyChoice{}, errCitizensOnly
	}
	p, err := s.Store.NotifyPrefs(ctx, actor.UserID)
	if err != nil {
		return NotifyChoice{}, err
	}
	if !p.Set {
		p.Email, p.SMS = true, true
	}
	u, err := s.Store.UserByID(ctx, actor.UserID)
	if err != nil {
		return NotifyChoice{}, err
	}
	return NotifyChoice{NotifyPrefs: p, HasEmail: u.Email != "", HasPhone: u.Phone != ""}, nil
}

// SetNotifyChoice saves the actor's choice. Choosing nothing is allowed: the
// applicant then follows the dossier on the portal only.
func (s *Channels) SetNotifyChoice(ctx context.Context, actor org.Actor, p model.NotifyPrefs) error {
	if actor.Role != org.RoleCitizen {
		return errCitizensOnly
	}
	return s.Store.SetNotifyPrefs(ctx, actor.UserID, p, s.Now())
}

// Undelivered lists dead and failing messages for an administrator.
func (s *Channels) Undelivered(ctx context.Context, actor org.Actor) ([]model.OutboxMessage, error) {
	if actor.Role != org.RoleAdmin {
		return nil, apperr.ErrForbidden
	}
	return s.Store.OutboxProblems(ctx, 200)
}

// Resend gives an undelivered message a fresh round of attempts.
func (s *Channels) Resend(ctx context.Context, actor org.Actor, id int64) error {
	if actor.Role != org.RoleAdmin {
		return apperr.ErrForbidden
	}
	err := s.Store.RequeueOutbox(ctx, id, s.Now())
	if errors.Is(err, model.ErrNotFound) {
		return apperr.New(apperr.NotFound, "message_not_found",
			"Không có thông báo này, hoặc thông báo đã được gửi.", "There is no such message, or it was already delivered.")
	}
	if err == nil {
		s.Log.Info("notify: message requeued by an administrator", "message", id, "admin", actor.UserID)
	}
	return err
}

// MaskRecipient is what pages show of a recipient.
func MaskRecipient(r string) string { return notify.Mask(r) }
