package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/model"
)

func onlineLevel(p catalog.Procedure) string {
	if catalog.KnownOnlineLevel(p.OnlineLevel) {
		return p.OnlineLevel
	}
	return catalog.OnlineUnknown
}

// ProcedureFacts lists every procedure's facts: one read of a table of a
// few thousand short rows.
func (s *Store) ProcedureFacts(ctx context.Context) ([]model.ProcedureFact, error) {
	rows, err := s.Query(ctx, `SELECT code, default_agency_id, online_level, audience FROM procedures ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("store: procedure facts: %w", err)
	}
	defer rows.Close()
	var out []model.ProcedureFact
	for rows.Next() {
		var (
			f  model.ProcedureFact
			id sql.NullInt64
		)
		if err := rows.Scan(&f.Code, &id, &f.OnlineLevel, &f.Audience); err != nil {
			return nil, err
		}
		f.AgencyID = id.Int64
		out = append(out, f)
	}
	return out, rows.Err()
}
