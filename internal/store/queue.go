package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/textfold"
)

// SearchQueue reads one page of a queue.
func (s *Store) SearchQueue(ctx context.Context, f model.QueueFilter) ([]*dossier.Dossier, error) {
	where, args, ok := queueWhere(f)
	if !ok {
		return []*dossier.Dossier{}, nil
	}
	order := "submitted_at, id" // whoever has waited longest first
	switch f.Sort {
	case "due":
		order = "CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id"
	case "received":
		order = "CASE WHEN received_at IS NULL THEN 1 ELSE 0 END, received_at DESC, id DESC"
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	args = append(args, f.Limit, max(f.Offset, 0))
	return s.queryDossiers(ctx, "search queue", `SELECT `+dossierCols+` FROM dossiers WHERE `+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`, args...)
}

// CountQueue counts what a filter selects (the count tiles).
func (s *Store) CountQueue(ctx context.Context, f model.QueueFilter) (int, error) {
	where, args, ok := queueWhere(f)
	if !ok {
		return 0, nil
	}
	var n int
	if err := s.QueryRow(ctx, `SELECT COUNT(*) FROM dossiers WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count queue: %w", err)
	}
	return n, nil
}

// SupplementAnswered tells, for the given dossiers, when the applicant's
// last supplementation came in if no staff member has acted on the dossier
// since (the agency has not looked at the new papers yet). It reads
// dossier_events through its (dossier_id, seq) key.
func (s *Store) SupplementAnswered(ctx context.Context, ids []int64) (map[int64]time.Time, error) {
	out := map[int64]time.Time{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, 0, len(ids)+2)
	args = append(args, dossier.ActSupplement, dossier.ActSupplement)
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := s.Query(ctx, `SELECT dossier_id,
		MAX(CASE WHEN action = ? THEN seq END),
		MAX(CASE WHEN action <> ? AND actor_role NOT IN ('citizen', 'system') THEN seq END)
		FROM dossier_events WHERE dossier_id IN (`+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+`)
		GROUP BY dossier_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: supplement answered: %w", err)
	}
	defer rows.Close()
	type last struct{ id, supp, staff int64 }
	var pending []last
	for rows.Next() {
		var (
			l           last
			supp, staff *int64
		)
		if err := rows.Scan(&l.id, &supp, &staff); err != nil {
			return nil, fmt.Errorf("store: supplement answered: %w", err)
		}
		if supp == nil || (staff != nil && *staff > *supp) {
			continue
		}
		l.supp = *supp
		pending = append(pending, l)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for _, l := range pending {
		var at int64
		if err := s.QueryRow(ctx, `SELECT at FROM dossier_events WHERE dossier_id = ? AND seq = ?`, l.id, l.supp).Scan(&at); err != nil {
			return nil, fmt.Errorf("store: supplement answered: %w", err)
		}
		out[l.id] = time.UnixMilli(at).UTC()
	}
	return out, nil
}

// QueueProcedures lists the procedures that have dossiers in the queue, for
// the procedure filter (only the status and agencies of f are read).
func (s *Store) QueueProcedures(ctx context.Context, f model.QueueFilter) ([]string, error) {
	where, args, ok := queueWhere(model.QueueFilter{AgencyIDs: f.AgencyIDs, Statuses: f.Statuses, PostalLeg: f.PostalLeg})
	if !ok {
		return nil, nil
	}
	rows, err := s.Query(ctx, `SELECT DISTINCT procedure_code FROM dossiers WHERE `+where+` ORDER BY procedure_code LIMIT 200`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: queue procedures: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// The queue statuses (submitted, done) are transient: a province with 10M
// dossiers holds a few thousand in them at once, and every filter below is
// applied after dossiers_status (status, processing_agency_id) or
// dossiers_receiving (receiving_agency_id, status) bound the rows to the
// queue. Sorting that set needs no index of its own, so none is added.
func queueWhere(f model.QueueFilter) (string, []any, bool) {
	if len(f.Statuses) == 0 {
		return "", nil, false
	}
	where := []string{"status IN (" + strings.TrimSuffix(strings.Repeat("?,", len(f.Statuses)), ",") + ")"}
	var args []any
	for _, st := range f.Statuses {
		args = append(args, st)
	}
	if slices.Contains(f.Statuses, dossier.Rejected) {
		// A rejection stays rejected when its notice is handed back; only
		// returned_at tells the counter it is no longer waiting.
		where = append(where, "(status <> 'rejected' OR returned_at IS NULL)")
	}
	if f.AgencyIDs != nil {
		if len(f.AgencyIDs) == 0 {
			return "", nil, false
		}
		ph := strings.TrimSuffix(strings.Repeat("?,", len(f.AgencyIDs)), ",")
		where = append(where, "(processing_agency_id IN ("+ph+") OR receiving_agency_id IN ("+ph+"))")
		for range 2 {
			for _, id := range f.AgencyIDs {
				args = append(args, id)
			}
		}
	}
	if f.PostalLeg {
		where = append(where, "(channel = 'postal' OR return_method = 'postal')")
	}
	var or []string
	if f.Code != "" {
		or, args = append(or, "code = ?"), append(args, f.Code)
	}
	if f.ID > 0 {
		or, args = append(or, "id = ?"), append(args, f.ID)
	}
	if f.NamePrefix != "" {
		k := textfold.Fold(f.NamePrefix)
		or, args = append(or, "(applicant_name_key >= ? AND applicant_name_key < ?)"), append(args, k, k+"\U0010FFFF")
	}
	if len(or) > 0 {
		where = append(where, "("+strings.Join(or, " OR ")+")")
	}
	if f.Procedure != "" {
		where, args = append(where, "procedure_code = ?"), append(args, f.Procedure)
	}
	if f.Channel != "" {
		where, args = append(where, "channel = ?"), append(args, f.Channel)
	}
	if !f.OverdueAt.IsZero() {
		where, args = append(where, "suspended_at IS NULL AND due_at < ?"), append(args, ms(f.OverdueAt))
	}
	if !f.WaitedSince.IsZero() {
		where, args = append(where, "submitted_at < ?"), append(args, ms(f.WaitedSince))
	}
	return strings.Join(where, " AND "), args, true
}
