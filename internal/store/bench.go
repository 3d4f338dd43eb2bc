package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/org"
)

// The raw writes of `motcua bench limit`, which measures the database
// alone: they live here so that internal/bench does not import the store.

// limitGrains keep the limit's counter rows apart from the real ones (no
// reader asks for them) so they can be removed afterwards.
var limitGrains = [4]string{"bd", "bm", "bq", "by"}

// LimitTarget is the agency and the procedure the limit's dossiers are
// filed with: the first of each.
func (st *Store) LimitTarget(ctx context.Context) (agency int64, procCode string, procVersion int, err error) {
	if err := st.QueryRow(ctx, `SELECT id FROM agencies ORDER BY id LIMIT 1`).Scan(&agency); err != nil {
		return 0, "", 0, fmt.Errorf("bench: limit needs a province (run bench generate first): %w", err)
	}
	if err := st.QueryRow(ctx, `SELECT code, current_version FROM procedures ORDER BY code LIMIT 1`).Scan(&procCode, &procVersion); err != nil {
		return 0, "", 0, fmt.Errorf("bench: limit needs a catalog: %w", err)
	}
	return agency, procCode, procVersion, nil
}

// RemoveLimitCounters deletes the counter rows LimitLifecycle wrote.
func (st *Store) RemoveLimitCounters(ctx context.Context) error {
	if _, err := st.Exec(ctx, `DELETE FROM stats WHERE grain IN (?, ?, ?, ?, ?, ?, ?, ?)`, limitGrains[0], limitGrains[1], limitGrains[2],
		limitGrains[3], strings.ToUpper(limitGrains[0]), strings.ToUpper(limitGrains[1]), strings.ToUpper(limitGrains[2]), strings.ToUpper(limitGrains[3])); err != nil {
		return fmt.Errorf("bench: remove the limit's counter rows: %w", err)
	}
	return nil
}

// LimitLifecycle writes one dossier's five actions for `motcua bench limit`,
// straight in SQL, each in its own transaction as the server does, and
// returns how long each took. Its rows are marked (codes BENCH-LIMIT-…,
// events bench_*, counter grains limitGrains) so that the counters ignore
// them and RemoveLimitCounters can take its counter rows away.
func (st *Store) LimitLifecycle(ctx context.Context, agency int64, procCode string, procVersion int, tag string) ([]time.Duration, error) {
	now := time.Now()
	day := aggregate.DayOf(now)
	var id int64
	out := make([]time.Duration, 0, 5)
	tx := func(action, from, to string, fn func(tx *Tx) error) error {
		t0 := time.Now()
		err := st.InTx(ctx, func(tx *Tx) error {
			at := time.Now().UnixMilli()
			if _, err := tx.Exec(ctx, `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at) VALUES (?, ?, ?, 200, '{}', ?)`,
				"bench-limit", tag+"-"+action, "h", at); err != nil {
				return err
			}
			if err := fn(tx); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO dossier_events (dossier_id, seq, action, from_status, to_status, actor_user_id, actor_role, actor_name, at, note, payload, idempotency_key)
				VALUES (?, (SELECT version FROM dossiers WHERE id = ?), ?, ?, ?, 1, 'counter', 'bench', ?, '', '{}', ?)`,
				id, id, "bench_"+action, from, to, at, tag+"-"+action)
			return err
		})
		if err != nil {
			return fmt.Errorf("bench: limit %s: %w", action, err)
		}
		out = append(out, time.Since(t0))
		return nil
	}
	update := func(status string) func(tx *Tx) error {
		return func(tx *Tx) error {
			_, err := tx.Exec(ctx, `UPDATE dossiers SET status = ?, version = version + 1, updated_at = ? WHERE id = ?`, status, time.Now().UnixMilli(), id)
			return err
		}
	}
	err := tx("submit", "", "submitted", func(tx *Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO dossiers (procedure_code, procedure_version, status, channel, return_method, applicant_name,
			applicant_name_key, applicant_id_number, applicant_phone, applicant_email, applicant_address, components, receiving_agency_id,
			processing_agency_id, version, submitted_at, updated_at) VALUES (?, ?, 'submitted', 'online', 'online', 'Nguyễn Văn Bench',
			'nguyen van bench', '001090000000', '', '', '', '[]', ?, ?, 1, ?, ?) RETURNING id`,
			procCode, procVersion, agency, agency, now.UnixMilli(), now.UnixMilli()).Scan(&id)
	})
	if err != nil {
		return nil, err
	}
	steps := []struct {
		action, from, to string
		counters         bool
	}{{"receive", "submitted", "received", true}, {"transfer", "received", "processing", false},
		{"approve", "processing", "done", true}, {"return_result", "done", "returned", false}}
	for _, s := range steps {
		err := tx(s.action, s.from, s.to, func(tx *Tx) error {
			if err := update(s.to)(tx); err != nil {
				return err
			}
			if s.action == "receive" {
				var n int
				if err := tx.QueryRow(ctx, `INSERT INTO code_sequences (agency_code, day, last) VALUES ('BENCH-LIMIT', ?, 1)
					ON CONFLICT (agency_code, day) DO UPDATE SET last = code_sequences.last + 1 RETURNING last`, fmt.Sprint(day)).Scan(&n); err != nil {
					return err
				}
				if _, err := tx.Exec(ctx, `UPDATE dossiers SET code = ? WHERE id = ?`, fmt.Sprintf("BENCH-LIMIT-%d-%d", day, n), id); err != nil {
					return err
				}
			}
			if s.counters {
				return limitCounters(ctx, tx, agency, procCode, day)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// limitCounters upserts the counter rows an action that moves a counter
// touches: the day, month, quarter and year buckets of the procedure and of
// all procedures, 8 rows in one statement, as the server's upsert does.
func limitCounters(ctx context.Context, tx *Tx, agency int64, procCode string, day int32) error {
	var args []any
	for i, b := range aggregate.Buckets(day) {
		args = append(args, limitGrains[i], agency, procCode, b.From, strings.ToUpper(limitGrains[i]), agency, "*", b.From)
	}
	q := `INSERT INTO stats (grain, agency_id, procedure_code, bucket, settled_on_time) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, 1),", len(args)/4), ",") +
		` ON CONFLICT (grain, agency_id, bucket, procedure_code) DO UPDATE SET settled_on_time = stats.settled_on_time + 1`
	_, err := tx.Exec(ctx, q, args...)
	return err
}

// OnPostgres tells whether the store runs on PostgreSQL: the bench loads
// with COPY there.
func (st *Store) OnPostgres() bool { return st.dialect == Postgres }

// CreateUsers creates the accounts in one transaction and returns their ids
// in order: the bench's missing staff.
func (st *Store) CreateUsers(ctx context.Context, users []org.User, passwordHash string) ([]int64, error) {
	ids := make([]int64, 0, len(users))
	err := st.InTx(ctx, func(tx *Tx) error {
		for _, u := range users {
			id, err := tx.CreateUser(ctx, u, passwordHash)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	return ids, err
}
