package service

import (
	"context"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/store"
)

// afterEvent runs in the transaction of every dossier event, after the event
// is appended: what must happen if and only if the event commits. Messages
// to the applicant, expediting orders to the holding agency's officers and webhooks to the postal operator go to the outbox; a
// payment is settled with the pay event it caused; results and digitized
// papers are filed into the applicant's data store.
func (s *Service) afterEvent(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error {
	if err := s.notifyEvent(ctx, tx, d, ev); err != nil {
		return err
	}
	if err := s.postalEvent(ctx, tx, d, ev); err != nil {
		return err
	}
	if err := s.paymentEvent(ctx, tx, d, ev); err != nil {
		return err
	}
	if err := s.urgeEvent(ctx, tx, d, ev); err != nil {
		return err
	}
	return s.keepDocuments(ctx, tx, d, ev)
}
