package store

import (
	"context"
	"time"

	"github.com/motcua/motcua/internal/dossier"
)

// ProcessDossiersReturned lists the dossiers run under an internal process
// and handed back in [from, to): those the delay report accounts for. At
// most limit, in order of return.
func (s *Store) ProcessDossiersReturned(ctx context.Context, from, to time.Time, limit int) ([]*dossier.Dossier, error) {
	return s.queryDossiers(ctx, "process dossiers returned", `SELECT `+dossierCols+` FROM dossiers
		WHERE process_version > 0 AND returned_at >= ? AND returned_at < ? ORDER BY returned_at, id LIMIT ?`, ms(from), ms(to), limit)
}
