package core

import (
	"context"
	"errors"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
)

// CanSee checks the actor's right to see a dossier: citizens their own, staff
// the dossiers received or processed within their agencies.
func (s *Core) CanSee(actor org.Actor, d *dossier.Dossier) error {
	if actor.Role == org.RoleCitizen {
		if d.ApplicantUserID != 0 && d.ApplicantUserID == actor.UserID {
			return nil
		}
		return apperr.ErrNotFound // a citizen must not learn that someone else's dossier exists
	}
	if !actor.Covers(d.ProcessingAgencyID) && !actor.Covers(d.ReceivingAgencyID) && !s.holdsStep(actor, d) {
		return ErrAgencyScope
	}
	if org.AccessOf(actor.Role).Scope == org.ScopePostal && !HasPostalLeg(d) {
		// The postal operator carries papers; a dossier that never goes by
		// post is none of its business (Decision 45/2016/QĐ-TTg Art. 6).
		return apperr.New(apperr.Forbidden, "postal_scope",
			"Hồ sơ này không gửi, nhận qua bưu chính.", "This dossier does not travel by post.")
	}
	return nil
}

// HasPostalLeg says whether the dossier was filed by post or its result goes back by post.
func HasPostalLeg(d *dossier.Dossier) bool {
	return d.Channel == dossier.ChannelPostal || d.ReturnMethod == dossier.ReturnPostal
}

var ErrAgencyScope = apperr.New(apperr.Forbidden, "agency_scope",
	"Hồ sơ không thuộc cơ quan của bạn.", "This dossier does not belong to your agency.")

// Dossier loads a dossier the actor may see, its applicant's personal data
// shown as the actor's role allows (privacy.go). Nothing may write back what
// it returns: writes load through Visible.
func (s *Core) Dossier(ctx context.Context, actor org.Actor, id int64) (*dossier.Dossier, error) {
	d, err := s.Store.Dossier(ctx, id)
	if d, err = s.Visible(actor, d, err); err != nil {
		return nil, err
	}
	d.Applicant = ShownApplicant(actor, d.Applicant)
	return d, nil
}

// Visible turns the result of loading a dossier into what the actor may see.
func (s *Core) Visible(actor org.Actor, d *dossier.Dossier, err error) (*dossier.Dossier, error) {
	if errors.Is(err, model.ErrNotFound) {
		return nil, apperr.ErrNotFound
	} else if err != nil {
		return nil, err
	}
	if err := s.CanSee(actor, d); err != nil {
		return nil, err
	}
	return d, nil
}
