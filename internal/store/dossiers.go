package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/audit"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/textfold"
)

const dossierCols = `id, code, procedure_code, procedure_version, status, channel, return_method, applicant_user_id,
	applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address, components,
	receiving_agency_id, processing_agency_id, version, submitted_at, received_at, due_at, original_due_at,
	previous_due_at, due_explain, suspended_at, resume_status, supplement_count, extension_count, finished_at,
	returned_at, fee_vnd, payment_due_vnd, paid_vnd, updated_at, rating, rated_at, vneid_verified, result_files, paid_online, complaint_count,
	urge_count, urged_at, process_version, step_state, COALESCE(ref, '')`

func scanDossier(row interface{ Scan(...any) error }) (*dossier.Dossier, error) {
	var (
		d                                                                dossier.Dossier
		code                                                             sql.NullString
		owner                                                            sql.NullInt64
		components, results, stepState                                   string
		submitted, updated                                               int64
		received, due, origDue, prevDue, susp, fin, retrnd, rated, urged sql.NullInt64
	)
	err := row.Scan(&d.ID, &code, &d.ProcedureCode, &d.ProcedureVersion, &d.Status, &d.Channel, &d.ReturnMethod, &owner,
		&d.Applicant.Name, &d.Applicant.IDNumber, &d.Applicant.Phone, &d.Applicant.Email, &d.Applicant.Address, &components,
		&d.ReceivingAgencyID, &d.ProcessingAgencyID, &d.Version, &submitted, &received, &due, &origDue,
		&prevDue, &d.DueExplain, &susp, &d.ResumeStatus, &d.SupplementCount, &d.ExtensionCount, &fin,
		&retrnd, &d.FeeVND, &d.PaymentDueVND, &d.PaidVND, &updated, &d.Rating, &rated, &d.VNeIDVerified, &results, &d.PaidOnline, &d.ComplaintCount,
		&d.UrgeCount, &urged, &d.ProcessVersion, &stepState, &d.Ref)
	if err != nil {
		return nil, err
	}
	d.Code, d.ApplicantUserID = code.String, owner.Int64
	d.SubmittedAt, d.UpdatedAt = time.UnixMilli(submitted).UTC(), time.UnixMilli(updated).UTC()
	d.ReceivedAt, d.DueAt, d.OriginalDueAt, d.PreviousDueAt = fromMS(received), fromMS(due), fromMS(origDue), fromMS(prevDue)
	d.SuspendedAt, d.FinishedAt, d.ReturnedAt, d.RatedAt = fromMS(susp), fromMS(fin), fromMS(retrnd), fromMS(rated)
	d.UrgedAt = fromMS(urged)
	if err := json.Unmarshal([]byte(components), &d.Components); err != nil {
		return nil, fmt.Errorf("decode components: %w", err)
	}
	if err := json.Unmarshal([]byte(results), &d.ResultFileIDs); err != nil {
		return nil, fmt.Errorf("decode result files: %w", err)
	}
	if stepState != "" {
		d.Step = new(process.Position)
		if err := json.Unmarshal([]byte(stepState), d.Step); err != nil {
			return nil, fmt.Errorf("decode step: %w", err)
		}
	}
	return &d, nil
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

// InsertDossier stores a new dossier and returns its ID.
func (t *Tx) InsertDossier(ctx context.Context, d *dossier.Dossier) (int64, error) {
	comps, err := json.Marshal(d.Components)
	if err != nil {
		return 0, err
	}
	var id int64
	err = t.QueryRow(ctx, `INSERT INTO dossiers (code, procedure_code, procedure_version, status, channel, return_method,
		applicant_user_id, applicant_name, applicant_name_key, applicant_id_number, applicant_phone, applicant_email,
		applicant_address, components, receiving_agency_id, processing_agency_id, version, submitted_at, fee_vnd, updated_at, vneid_verified, ref)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		nullStr(d.Code), d.ProcedureCode, d.ProcedureVersion, d.Status, d.Channel, d.ReturnMethod,
		nullInt(d.ApplicantUserID), d.Applicant.Name, textfold.Fold(d.Applicant.Name), d.Applicant.IDNumber, d.Applicant.Phone,
		d.Applicant.Email, d.Applicant.Address, string(comps), d.ReceivingAgencyID, d.ProcessingAgencyID, d.Version,
		ms(d.SubmittedAt), d.FeeVND, ms(d.UpdatedAt), d.VNeIDVerified, nullStr(d.Ref)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: insert dossier: %w", err)
	}
	t.chain.filed(id, d)
	return id, nil
}

// stepCols are the columns of a dossier's position in its process.
type stepCols struct {
	state, agency, pending string
	no, assignee           int64
	since                  any
}

func stepColumns(p *process.Position) (stepCols, error) {
	if p == nil {
		return stepCols{}, nil
	}
	b, err := json.Marshal(p)
	if err != nil {
		return stepCols{}, fmt.Errorf("store: encode step: %w", err)
	}
	c := stepCols{state: string(b), agency: p.Agency, no: int64(p.Step), assignee: p.Assignee, since: msZero(p.Since)}
	if len(p.Pending) > 0 {
		c.pending = "," + strings.Join(p.Pending, ",") + ","
	}
	return c, nil
}

// UpdateDossier writes the projection of d if the stored version is still
// expected; it reports false when someone else changed the dossier first.
func (t *Tx) UpdateDossier(ctx context.Context, d *dossier.Dossier, expected int) (bool, error) {
	comps, err := json.Marshal(d.Components)
	if err != nil {
		return false, err
	}
	ids := d.ResultFileIDs
	if ids == nil {
		ids = []string{}
	}
	results, err := json.Marshal(ids)
	if err != nil {
		return false, err
	}
	st, err := stepColumns(d.Step)
	if err != nil {
		return false, err
	}
	res, err := t.Exec(ctx, `UPDATE dossiers SET code = ?, status = ?, components = ?, receiving_agency_id = ?,
		processing_agency_id = ?, version = ?, received_at = ?, due_at = ?, original_due_at = ?, previous_due_at = ?,
		due_explain = ?, suspended_at = ?, resume_status = ?, supplement_count = ?, extension_count = ?, finished_at = ?,
		returned_at = ?, payment_due_vnd = ?, paid_vnd = ?, updated_at = ?, rating = ?, rated_at = ?, result_files = ?, paid_online = ?, complaint_count = ?,
		urge_count = ?, urged_at = ?, process_version = ?, step_state = ?, step_no = ?, step_agency = ?, step_assignee = ?,
		step_since = ?, step_pending = ?
		WHERE id = ? AND version = ?`,
		nullStr(d.Code), d.Status, string(comps), d.ReceivingAgencyID, d.ProcessingAgencyID, d.Version,
		msPtr(d.ReceivedAt), msPtr(d.DueAt), msPtr(d.OriginalDueAt), msPtr(d.PreviousDueAt), d.DueExplain,
		msPtr(d.SuspendedAt), d.ResumeStatus, d.SupplementCount, d.ExtensionCount, msPtr(d.FinishedAt),
		msPtr(d.ReturnedAt), d.PaymentDueVND, d.PaidVND, ms(d.UpdatedAt), d.Rating, msPtr(d.RatedAt), string(results), d.PaidOnline, d.ComplaintCount,
		d.UrgeCount, msPtr(d.UrgedAt), d.ProcessVersion, st.state, st.no, st.agency, st.assignee, st.since, st.pending, d.ID, expected)
	if err != nil {
		return false, fmt.Errorf("store: update dossier %d: %w", d.ID, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Dossier loads a dossier inside the transaction.
// The head of its hash chain comes in the same query: the next event is
// chained to it without another round trip.
func (t *Tx) Dossier(ctx context.Context, id int64) (*dossier.Dossier, error) {
	var head sql.NullString
	d, err := scanDossier(scanExtra{t.QueryRow(ctx, `SELECT `+dossierCols+`, (SELECT e.hash FROM dossier_events e
		WHERE e.dossier_id = dossiers.id AND e.seq = dossiers.version) FROM dossiers WHERE id = ?`, id), []any{&head}})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, model.ErrNotFound
	}
	if err == nil {
		t.chain.read(id, d.Version, head)
	}
	return d, err
}

// Dossier loads a dossier.
func (s *Store) Dossier(ctx context.Context, id int64) (*dossier.Dossier, error) {
	d, err := scanDossier(s.QueryRow(ctx, `SELECT `+dossierCols+` FROM dossiers WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, model.ErrNotFound
	}
	return d, err
}

// DossierByCode loads a dossier by its code.
func (s *Store) DossierByCode(ctx context.Context, code string) (*dossier.Dossier, error) {
	d, err := scanDossier(s.QueryRow(ctx, `SELECT `+dossierCols+` FROM dossiers WHERE code = ?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, model.ErrNotFound
	}
	return d, err
}

// DossierByRef loads a dossier by its tracking reference.
func (s *Store) DossierByRef(ctx context.Context, ref string) (*dossier.Dossier, error) {
	d, err := scanDossier(s.QueryRow(ctx, `SELECT `+dossierCols+` FROM dossiers WHERE ref = ?`, ref))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, model.ErrNotFound
	}
	return d, err
}

// AppendEvent adds an event to the log. seq is the dossier version the event
// produced; the (dossier, seq) pair is unique, so two writers can never both
// append the same step.
func (t *Tx) AppendEvent(ctx context.Context, dossierID int64, seq int, ev dossier.Event, actor model.EventActor, idemKey string) error {
	payload, err := json.Marshal(ev.Payload)
	if err != nil {
		return err
	}
	// The event is chained to the one before (internal/audit).
	hash, err := t.eventHash(ctx, audit.Event{DossierID: dossierID, Seq: seq, Action: string(ev.Action), From: string(ev.From),
		To: string(ev.To), ActorUserID: actor.UserID, ActorRole: string(actor.Role), ActorName: actor.Name, At: ms(ev.At),
		Note: ev.Note, Payload: string(payload), IdempotencyKey: idemKey})
	if err != nil {
		return err
	}
	_, err = t.Exec(ctx, `INSERT INTO dossier_events (dossier_id, seq, action, from_status, to_status, actor_user_id,
		actor_role, actor_name, at, note, payload, idempotency_key, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		dossierID, seq, ev.Action, ev.From, ev.To, actor.UserID, actor.Role, actor.Name, ms(ev.At), ev.Note, string(payload), idemKey, hash)
	if err != nil {
		return fmt.Errorf("store: append event: %w", err)
	}
	return nil
}

// Events lists a dossier's log in order.
func (s *Store) Events(ctx context.Context, dossierID int64) ([]model.StoredEvent, error) {
	byID, err := s.eventsOf(ctx, []int64{dossierID})
	if err != nil {
		return nil, err
	}
	if evs := byID[dossierID]; evs != nil {
		return evs, nil
	}
	return []model.StoredEvent{}, nil
}

// eventsOf reads the logs of the given dossiers (at most a few thousand).
func (s *Store) eventsOf(ctx context.Context, ids []int64) (map[int64][]model.StoredEvent, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.Query(ctx, `SELECT dossier_id, seq, action, from_status, to_status, actor_user_id, actor_role, actor_name, at, note, payload, idempotency_key
		FROM dossier_events WHERE dossier_id IN (`+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+`) ORDER BY dossier_id, seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list events: %w", err)
	}
	defer rows.Close()
	out := map[int64][]model.StoredEvent{}
	for rows.Next() {
		var (
			e       model.StoredEvent
			id, at  int64
			payload string
		)
		if err := rows.Scan(&id, &e.Seq, &e.Action, &e.FromStatus, &e.ToStatus, &e.ActorUserID, &e.ActorRole, &e.ActorName, &at, &e.Note, &payload, &e.IdempotencyKey); err != nil {
			return nil, err
		}
		e.At = time.UnixMilli(at).UTC()
		if err := json.Unmarshal([]byte(payload), &e.Payload); err != nil {
			return nil, fmt.Errorf("store: event %d/%d payload: %w", id, e.Seq, err)
		}
		out[id] = append(out[id], e)
	}
	return out, rows.Err()
}

// NextCodeSeq takes the next number of an agency's day (Circular 01/2018
// Art. 19: the sequence restarts each day, per receiving agency); the row
// stays locked until the commit (PostgreSQL), so numbers never repeat or
// skip.
func (t *Tx) NextCodeSeq(ctx context.Context, agencyCode, day string) (int, error) {
	var n int
	err := t.QueryRow(ctx, `INSERT INTO code_sequences (agency_code, day, last) VALUES (?, ?, 1)
		ON CONFLICT (agency_code, day) DO UPDATE SET last = code_sequences.last + 1 RETURNING last`, agencyCode, day).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: next dossier code: %w", err)
	}
	return n, nil
}

// PeekCodeSeq is the number NextCodeSeq would take now, read without a
// lock: a receipt builds its dossier with it and takes the number only at
// the end of its transaction, so that on PostgreSQL the row is locked from
// there to the commit instead of for the whole transaction, during which
// every other receipt of the agency waited.
func (t *Tx) PeekCodeSeq(ctx context.Context, agencyCode, day string) (int, error) {
	var n int
	err := t.QueryRow(ctx, `SELECT COALESCE(MAX(last), 0) + 1 FROM code_sequences WHERE agency_code = ? AND day = ?`, agencyCode, day).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: next dossier code: %w", err)
	}
	return n, nil
}

// ListDossiers lists dossiers newest first.
func (s *Store) ListDossiers(ctx context.Context, f model.DossierFilter) ([]*dossier.Dossier, error) {
	var (
		where []string
		args  []any
	)
	if f.OwnerID != 0 {
		where, args = append(where, "applicant_user_id = ?"), append(args, f.OwnerID)
	}
	switch {
	case f.AgencyIDs != nil && len(f.AgencyIDs) == 0:
		return []*dossier.Dossier{}, nil
	case f.AgencyIDs != nil && f.Status != "":
		// An agency's dossiers in one status (a specialist's "processing"
		// list): each side through its (agency, status) index. With the OR
		// the planner read every dossier of the status in the province and
		// sorted them (17-27 ms at 1M dossiers, 0.5-2 ms this way).
		ph := strings.TrimSuffix(strings.Repeat("?,", len(f.AgencyIDs)), ",")
		where = append(where, "id IN (SELECT id FROM dossiers WHERE processing_agency_id IN ("+ph+") AND status = ?"+
			" UNION SELECT id FROM dossiers WHERE receiving_agency_id IN ("+ph+") AND status = ?)")
		for range 2 {
			for _, id := range f.AgencyIDs {
				args = append(args, id)
			}
			args = append(args, f.Status)
		}
	case f.AgencyIDs != nil:
		ph := strings.TrimSuffix(strings.Repeat("?,", len(f.AgencyIDs)), ",")
		where = append(where, "(processing_agency_id IN ("+ph+") OR receiving_agency_id IN ("+ph+"))")
		for range 2 {
			for _, id := range f.AgencyIDs {
				args = append(args, id)
			}
		}
	}
	if f.Status != "" && f.AgencyIDs == nil {
		where, args = append(where, "status = ?"), append(args, f.Status)
	}
	if f.Overdue != nil {
		if *f.Overdue {
			where = append(where, "finished_at IS NULL AND suspended_at IS NULL AND due_at < ?")
		} else {
			where = append(where, "NOT (finished_at IS NULL AND suspended_at IS NULL AND due_at IS NOT NULL AND due_at < ?)")
		}
		args = append(args, ms(f.Now))
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		// Each key through its own index (OR'ed, and with LIKE, which SQLite
		// cannot serve from a BINARY index, it was a scan: seconds at 1M, BENCHMARKS.md).
		where = append(where, "id IN (SELECT id FROM dossiers WHERE code = ? UNION SELECT id FROM dossiers WHERE applicant_id_number = ? UNION SELECT id FROM dossiers WHERE applicant_name_key >= ? AND applicant_name_key < ?)")
		args = append(args, q, q, textfold.Fold(q), textfold.Fold(q)+"\U0010FFFF")
	}
	if f.AfterID > 0 {
		where, args = append(where, "id < ?"), append(args, f.AfterID)
	}
	if f.PostalLeg {
		where = append(where, "(channel = 'postal' OR return_method = 'postal')")
	}
	query := `SELECT ` + dossierCols + ` FROM dossiers`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	query += " ORDER BY id DESC LIMIT ?"
	args = append(args, f.Limit)
	return s.queryDossiers(ctx, "list dossiers", query, args...)
}

// queryDossiers runs a query selecting dossierCols and scans every row.
func (s *Store) queryDossiers(ctx context.Context, what, query string, args ...any) ([]*dossier.Dossier, error) {
	rows, err := s.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	defer rows.Close()
	out := []*dossier.Dossier{}
	for rows.Next() {
		d, err := scanDossier(rows)
		if err != nil {
			return nil, fmt.Errorf("store: %s: %w", what, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// StepHolds lists the open dossiers whose current step agency holds,
// given to officer (or to the agency as a whole when officer is 0 or the
// step is nobody's yet), and those in a consultation on which agency owes
// its opinion: an officer's workspace under the internal processes (issue
// 13 item 4). At most limit, oldest step first.
func (s *Store) StepHolds(ctx context.Context, agency string, officer int64, limit int) ([]*dossier.Dossier, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	return s.queryDossiers(ctx, "step holds of "+agency, `SELECT `+dossierCols+` FROM dossiers
		WHERE step_no > 0 AND status IN ('received', 'processing')
		AND (step_agency = ? AND (step_assignee = 0 OR step_assignee = ? OR ? = 0) OR step_pending LIKE ?)
		ORDER BY step_since, id LIMIT ?`, agency, officer, officer, "%,"+agency+",%", limit)
}
