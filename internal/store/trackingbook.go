package store

import (
	"context"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
)

// MaxBookRows bounds one tracking book: a busy provincial center receives a
// few hundred dossiers a day, so a month stays well below it; a longer
// period is refused rather than cut.
const MaxBookRows = 20000

// ReceivedBetween lists the dossiers an agency received in [from, to), in
// the order they were received, with their event logs: the rows of the
// tracking book (Sổ theo dõi hồ sơ). It reads the received_at index.
func (s *Store) ReceivedBetween(ctx context.Context, agencyID int64, from, to time.Time) ([]*dossier.Dossier, map[int64][]model.StoredEvent, error) {
	ds, err := s.queryDossiers(ctx, "tracking book", `SELECT `+dossierCols+` FROM dossiers
		WHERE receiving_agency_id = ? AND received_at >= ? AND received_at < ?
		ORDER BY received_at, id LIMIT ?`, agencyID, ms(from), ms(to), MaxBookRows+1)
	if err != nil {
		return nil, nil, err
	}
	evs, err := s.eventsOfDossiers(ctx, ds)
	if err != nil {
		return nil, nil, err
	}
	return ds, evs, nil
}

// eventsOfDossiers reads the logs of ds, 500 dossiers a query, for the
// reports that read many dossiers' histories at once.
func (s *Store) eventsOfDossiers(ctx context.Context, ds []*dossier.Dossier) (map[int64][]model.StoredEvent, error) {
	evs := map[int64][]model.StoredEvent{}
	for start := 0; start < len(ds); start += 500 {
		end := min(start+500, len(ds))
		ids := make([]int64, 0, end-start)
		for _, d := range ds[start:end] {
			ids = append(ids, d.ID)
		}
		part, err := s.eventsOf(ctx, ids)
		if err != nil {
			return nil, err
		}
		for id, e := range part {
			evs[id] = e
		}
	}
	return evs, nil
}
