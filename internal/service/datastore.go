package service

import (
	"context"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/store"
)

// keepDocuments files results and digitized papers into the applicant's
// electronic data store. TODO(issue 6): the documents part fills this in.
func (s *Service) keepDocuments(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error {
	return nil
}
