package service

import (
	"context"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/store"
)

// postalEvent enqueues the webhook to the postal operator for an event.
// TODO(issue 6): the postal part fills this in.
func (s *Service) postalEvent(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error {
	return nil
}
