package store

import (
	"context"
	"strings"

	"github.com/motcua/motcua/internal/dossier"
)

// OpenDossiers lists unfinished dossiers in the given statuses held by the
// given agencies (nil: all agencies), the nearest due date first and the
// ones without a due date last. It reads dossiers_open_due.
func (s *Store) OpenDossiers(ctx context.Context, agencyIDs []int64, statuses []dossier.Status, limit int) ([]*dossier.Dossier, error) {
	var (
		where = []string{"finished_at IS NULL"}
		args  []any
	)
	if agencyIDs != nil {
		if len(agencyIDs) == 0 {
			return []*dossier.Dossier{}, nil
		}
		where = append(where, "processing_agency_id IN ("+strings.TrimSuffix(strings.Repeat("?,", len(agencyIDs)), ",")+")")
		for _, id := range agencyIDs {
			args = append(args, id)
		}
	}
	if len(statuses) > 0 {
		where = append(where, "status IN ("+strings.TrimSuffix(strings.Repeat("?,", len(statuses)), ",")+")")
		for _, st := range statuses {
			args = append(args, st)
		}
	}
	if limit <= 0 || limit > 500 {
		limit = 200
	}
	args = append(args, limit)
	return s.queryDossiers(ctx, "open dossiers", `SELECT `+dossierCols+` FROM dossiers WHERE `+strings.Join(where, " AND ")+`
		ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id LIMIT ?`, args...)
}
