package store

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/audit"
	"github.com/motcua/motcua/internal/model"
)

const auditBatch = 500

// auditGenesisCols are the dossier row's columns audit.Projection reads.
const auditGenesisCols = `id, COALESCE(code, ''), status, version, procedure_code, procedure_version, channel, return_method,
	COALESCE(applicant_user_id, 0), applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address,
	submitted_at, fee_vnd, vneid_verified`

func scanProjection(row interface{ Scan(...any) error }) (audit.Projection, error) {
	var p audit.Projection
	g := &p.Genesis
	err := row.Scan(&p.ID, &p.Code, &p.Status, &p.Version, &g.ProcedureCode, &g.ProcedureVersion, &g.Channel, &g.ReturnMethod,
		&g.ApplicantUserID, &g.Name, &g.IDNumber, &g.Phone, &g.Email, &g.Address, &g.SubmittedAt, &g.FeeVND, &g.VNeIDVerified)
	return p, err
}

// auditEvents reads the events of dossiers lo..hi in (dossier, seq) order,
// those with a row id up to maxID when maxID > 0.
func (s *Store) auditEvents(ctx context.Context, tx *sql.Tx, lo, hi, maxID int64) (map[int64][]audit.Event, error) {
	q := `SELECT id, dossier_id, seq, action, from_status, to_status, actor_user_id, actor_role, actor_name, at, note, payload,
		idempotency_key, COALESCE(hash, '') FROM dossier_events WHERE dossier_id >= ? AND dossier_id <= ?`
	args := []any{lo, hi}
	if maxID > 0 {
		q, args = q+` AND id <= ?`, append(args, maxID)
	}
	rows, err := tx.QueryContext(ctx, s.q(q+` ORDER BY dossier_id, seq`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: audit: read events: %w", err)
	}
	defer rows.Close()
	out := map[int64][]audit.Event{}
	for rows.Next() {
		var e audit.Event
		if err := rows.Scan(&e.ID, &e.DossierID, &e.Seq, &e.Action, &e.From, &e.To, &e.ActorUserID, &e.ActorRole, &e.ActorName,
			&e.At, &e.Note, &e.Payload, &e.IdempotencyKey, &e.Hash); err != nil {
			return nil, fmt.Errorf("store: audit: read events: %w", err)
		}
		out[e.DossierID] = append(out[e.DossierID], e)
	}
	return out, rows.Err()
}

// eachDossierBatch calls fn with the projections of every dossier, in id
// order, a batch at a time, and their events; fn returns false to stop.
func (s *Store) eachDossierBatch(ctx context.Context, maxEvent int64, fn func([]audit.Projection, map[int64][]audit.Event) (bool, error)) error {
	after := int64(0)
	for {
		more, last, err := s.dossierBatch(ctx, after, maxEvent, fn)
		if err != nil || !more {
			return err
		}
		after = last
	}
}

// dossierBatch reads the dossiers after `after` and their events in one
// snapshot (a live server keeps writing: a row and its log read apart
// would disagree), and hands them to fn.
func (s *Store) dossierBatch(ctx context.Context, after, maxEvent int64, fn func([]audit.Projection, map[int64][]audit.Event) (bool, error)) (bool, int64, error) {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.dialect == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := s.r.BeginTx(ctx, opts)
	if err != nil {
		return false, 0, fmt.Errorf("store: audit: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, s.q(`SELECT `+auditGenesisCols+` FROM dossiers WHERE id > ? ORDER BY id LIMIT ?`), after, auditBatch)
	if err != nil {
		return false, 0, fmt.Errorf("store: audit: read dossiers: %w", err)
	}
	var batch []audit.Projection
	for rows.Next() {
		p, err := scanProjection(rows)
		if err != nil {
			rows.Close()
			return false, 0, fmt.Errorf("store: audit: read dossiers: %w", err)
		}
		batch = append(batch, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, 0, fmt.Errorf("store: audit: read dossiers: %w", err)
	}
	if len(batch) == 0 {
		return false, 0, nil
	}
	lo, hi := batch[0].ID, batch[len(batch)-1].ID
	if len(batch) < auditBatch {
		hi = 1<<62 - 1 // the last batch also takes events of dossier ids past the last row
	}
	evs, err := s.auditEvents(ctx, tx, lo, hi, maxEvent)
	if err != nil {
		return false, 0, err
	}
	more, err := fn(batch, evs)
	return more && len(batch) == auditBatch, batch[len(batch)-1].ID, err
}

// VerifyAudit walks every dossier's chain in id order and checks its row
// against it, stopping at the first broken link; then it checks the
// newest `checkpoints` signed checkpoints against the trusted key and
// against the chains as they are now.
func (s *Store) VerifyAudit(ctx context.Context, trusted ed25519.PublicKey, checkpoints int) (*model.AuditReport, error) {
	cps, err := s.Checkpoints(ctx, checkpoints)
	if err != nil {
		return nil, err
	}
	rep := &model.AuditReport{Checkpoints: cps}
	roots := make([]*audit.Root, len(cps))
	for i := range roots {
		roots[i] = audit.NewRoot()
	}
	err = s.eachDossierBatch(ctx, 0, func(batch []audit.Projection, evs map[int64][]audit.Event) (bool, error) {
		known := make(map[int64]bool, len(batch))
		for _, p := range batch {
			known[p.ID] = true
			if b := audit.CheckDossier(p, evs[p.ID]); b != nil {
				rep.Break = b
				return false, nil
			}
			rep.Dossiers++
			rep.Events += int64(len(evs[p.ID]))
			for i, cp := range cps {
				addHead(roots[i], p.ID, evs[p.ID], cp.Cut)
			}
		}
		for id, e := range evs {
			if !known[id] {
				rep.Break = &audit.Break{DossierID: id, Seq: e[0].Seq, What: "events of a dossier whose row is gone"}
				return false, nil
			}
		}
		return true, nil
	})
	if err != nil || rep.Break != nil {
		return rep, err
	}
	for i, cp := range cps {
		if err := cp.Verify(trusted); err != nil {
			rep.CheckpointErr = err
			break
		}
		root, err := roots[i].Sum()
		if err != nil {
			return nil, err
		}
		if root != cp.Root || roots[i].Dossiers != cp.Dossiers || roots[i].Events != cp.Events {
			rep.CheckpointErr = fmt.Errorf("checkpoint %d (%s) sealed %d dossiers / %d events with root %s; the log now gives %d / %d, root %s",
				cp.ID, cp.At.UTC().Format(time.RFC3339), cp.Dossiers, cp.Events, cp.Root, roots[i].Dossiers, roots[i].Events, root)
			break
		}
	}
	return rep, nil
}

// addHead adds to r the last event of evs with a row id up to cut.
func addHead(r *audit.Root, dossierID int64, evs []audit.Event, cut int64) {
	var head *audit.Event
	for i := range evs {
		if evs[i].ID <= cut {
			head = &evs[i]
		}
	}
	if head != nil {
		r.Add(dossierID, head.Seq, head.Hash)
	}
}

// Checkpoints lists the newest n checkpoints, newest first.
func (s *Store) Checkpoints(ctx context.Context, n int) ([]audit.Checkpoint, error) {
	if n <= 0 {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT id, at, cut, dossiers, events, root, public_key, signature
		FROM audit_checkpoints ORDER BY id DESC LIMIT ?`), n)
	if err != nil {
		return nil, fmt.Errorf("store: audit checkpoints: %w", err)
	}
	defer rows.Close()
	var out []audit.Checkpoint
	for rows.Next() {
		var (
			c  audit.Checkpoint
			at int64
		)
		if err := rows.Scan(&c.ID, &at, &c.Cut, &c.Dossiers, &c.Events, &c.Root, &c.PublicKey, &c.Signature); err != nil {
			return nil, fmt.Errorf("store: audit checkpoints: %w", err)
		}
		c.At = time.UnixMilli(at).UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}

// WriteCheckpoint seals the current heads of every chain for period (a
// label such as the hour it belongs to): once per period, whichever node
// comes first (the period is unique). The cut is the highest event row id;
// on PostgreSQL row ids are taken before commit, so an event with a lower
// id may still be committing when the cut is read: the heads are read
// `settle` later, by which time such a transaction (milliseconds long) has
// ended. One that has not would show at verification as a checkpoint
// mismatch, never as a tamper passed over.
func (s *Store) WriteCheckpoint(ctx context.Context, key ed25519.PrivateKey, period string, now time.Time, settle time.Duration) (*audit.Checkpoint, bool, error) {
	existing := func() (*audit.Checkpoint, error) {
		var id int64
		err := s.r.QueryRowContext(ctx, s.q(`SELECT id FROM audit_checkpoints WHERE period = ?`), period).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("store: audit checkpoint: %w", err)
		}
		cps, err := s.checkpointByID(ctx, id)
		return cps, err
	}
	if c, err := existing(); c != nil || err != nil {
		return c, false, err
	}
	c := audit.Checkpoint{At: now.UTC().Truncate(time.Second)}
	if err := s.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM dossier_events`).Scan(&c.Cut); err != nil {
		return nil, false, fmt.Errorf("store: audit checkpoint: %w", err)
	}
	if s.dialect == Postgres && settle > 0 {
		select {
		case <-time.After(settle):
		case <-ctx.Done():
			return nil, false, ctx.Err()
		}
	}
	root := audit.NewRoot()
	err := s.eachDossierBatch(ctx, c.Cut, func(batch []audit.Projection, evs map[int64][]audit.Event) (bool, error) {
		for _, p := range batch {
			addHead(root, p.ID, evs[p.ID], c.Cut)
		}
		return true, nil
	})
	if err != nil {
		return nil, false, err
	}
	if c.Root, err = root.Sum(); err != nil {
		return nil, false, err
	}
	c.Dossiers, c.Events = root.Dossiers, root.Events
	c.Sign(key)
	res, err := s.Exec(ctx, `INSERT INTO audit_checkpoints (period, at, cut, dossiers, events, root, public_key, signature)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (period) DO NOTHING`, period, ms(c.At), c.Cut, c.Dossiers, c.Events, c.Root, c.PublicKey, c.Signature)
	if err != nil {
		return nil, false, fmt.Errorf("store: audit checkpoint: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		cp, err := existing()
		return cp, false, err
	}
	cp, err := existing()
	return cp, cp != nil, err
}

func (s *Store) checkpointByID(ctx context.Context, id int64) (*audit.Checkpoint, error) {
	var (
		c  audit.Checkpoint
		at int64
	)
	err := s.r.QueryRowContext(ctx, s.q(`SELECT id, at, cut, dossiers, events, root, public_key, signature FROM audit_checkpoints WHERE id = ?`), id).
		Scan(&c.ID, &at, &c.Cut, &c.Dossiers, &c.Events, &c.Root, &c.PublicKey, &c.Signature)
	if err != nil {
		return nil, fmt.Errorf("store: audit checkpoint: %w", err)
	}
	c.At = time.UnixMilli(at).UTC()
	return &c, nil
}

// ChainLegacyEvents chains, once, the events stored before migration 0018
// (which added the hash): for every dossier whose events all lack a hash,
// it computes the chain exactly as AppendEvent would have and sets it (the
// one update the append-only trigger lets through). Dossiers with any
// hashed event are left alone: a gap there is for `audit verify` to report,
// not for this to paper over. It runs at Open (as the owner role when one
// is configured) and marks itself done in audit_state.
func (s *Store) ChainLegacyEvents(ctx context.Context) (int, error) {
	var state string
	err := s.w.QueryRowContext(ctx, `SELECT v FROM audit_state WHERE k = 'chain_backfill'`).Scan(&state)
	if err != nil {
		return 0, fmt.Errorf("store: chain legacy events: %w", err)
	}
	if state != "pending" {
		return 0, nil
	}
	type upd struct {
		id   int64
		hash string
	}
	var todo []upd
	n := 0
	flush := func() error {
		if len(todo) == 0 {
			return nil
		}
		err := s.InTx(ctx, func(tx *Tx) error {
			for _, u := range todo {
				if _, err := tx.Exec(ctx, `UPDATE dossier_events SET hash = ? WHERE id = ? AND hash IS NULL`, u.hash, u.id); err != nil {
					return err
				}
			}
			return nil
		})
		todo = todo[:0]
		if err != nil {
			return fmt.Errorf("store: chain legacy events: %w", err)
		}
		return nil
	}
	err = s.eachDossierBatch(ctx, 0, func(batch []audit.Projection, evs map[int64][]audit.Event) (bool, error) {
		for _, p := range batch {
			chain := evs[p.ID]
			legacy := len(chain) > 0
			for _, e := range chain {
				legacy = legacy && e.Hash == ""
			}
			if !legacy {
				continue
			}
			prev := ""
			for i, e := range chain {
				var g *audit.Genesis
				if i == 0 {
					g = &p.Genesis
				}
				prev = audit.EventHash(prev, e, g)
				todo = append(todo, upd{e.ID, prev})
			}
			n++
		}
		return true, flush()
	})
	if err != nil {
		return n, err
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE audit_state SET v = 'done' WHERE k = 'chain_backfill'`); err != nil {
		return n, fmt.Errorf("store: chain legacy events: %w", err)
	}
	return n, nil
}
