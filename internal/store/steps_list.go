package store

import (
	"context"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
)

// ProcessDossiersReturned lists the dossiers run under an internal process
// and handed back in [from, to), with their logs: those the delay report
// accounts for. At most limit, in order of return.
func (s *Store) ProcessDossiersReturned(ctx context.Context, from, to time.Time, limit int) ([]*dossier.Dossier, map[int64][]model.StoredEvent, error) {
	ds, err := s.queryDossiers(ctx, "process dossiers returned", `SELECT `+dossierCols+` FROM dossiers
		WHERE process_version > 0 AND returned_at >= ? AND returned_at < ? ORDER BY returned_at, id LIMIT ?`, ms(from), ms(to), limit)
	if err != nil {
		return nil, nil, err
	}
	evs, err := s.eventsOfDossiers(ctx, ds)
	if err != nil {
		return nil, nil, err
	}
	return ds, evs, nil
}

// OpenStepDossiers lists the dossiers in a step of their process now (not
// waiting for the applicant): those the reminder sweep measures. At most
// limit, the oldest step first.
func (s *Store) OpenStepDossiers(ctx context.Context, limit int) ([]*dossier.Dossier, error) {
	return s.queryDossiers(ctx, "open step dossiers", `SELECT `+dossierCols+` FROM dossiers
		WHERE step_no > 0 AND status IN ('received', 'processing') AND suspended_at IS NULL ORDER BY step_since, id LIMIT ?`, limit)
}

// ClaimStepReminder records that reminder kind of a dossier's step visit
// (the step and when it began) is sent at at; false when it was already,
// by this node or another.
func (t *Tx) ClaimStepReminder(ctx context.Context, dossierID int64, step int, since time.Time, kind string, at time.Time) (bool, error) {
	res, err := t.Exec(ctx, `INSERT INTO step_reminders (dossier_id, step, since, kind, sent_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (dossier_id, step, since, kind) DO NOTHING`, dossierID, step, ms(since), kind, ms(at))
	if err != nil {
		return false, fmt.Errorf("store: claim step reminder: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
