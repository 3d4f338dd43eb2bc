package service

import (
	"context"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/store"
)

// notifyEvent enqueues the applicant's notifications for an event.
// TODO(issue 6): templates and channels.
func (s *Service) notifyEvent(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error {
	return nil
}
