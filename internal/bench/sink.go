package bench

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/internal/auth"
	"github.com/motcua/motcua/internal/store"
)

func hashPassword(p string) (string, error) { return auth.HashPassword(p) }

// sink writes generated days in big transactions: multi-row INSERTs on
// SQLite, COPY on PostgreSQL. Row ids are assigned here, in the order the
// days are written, so that ids grow with the receipt time.
type sink interface {
	write(ctx context.Context, days []*dayBatch) error
	close(ctx context.Context, ok bool) error
}

type ids struct{ dossier, event int64 }

func (n *ids) rows(days []*dayBatch) (dossiers, events, seqs [][]any) {
	for _, b := range days {
		for i := range b.dossiers {
			gd := &b.dossiers[i]
			n.dossier++
			dossiers = append(dossiers, dossierRow(n.dossier, &gd.d))
			for seq, e := range gd.events {
				n.event++
				events = append(events, []any{n.event, n.dossier, int64(seq + 1), e.action, e.from, e.to, e.actor.UserID,
					string(e.actor.Role), e.actor.Name, e.at, e.note, string(e.payload), ""})
			}
		}
		seqs = append(seqs, seqRows(b)...)
	}
	return dossiers, events, seqs
}

func openSink(ctx context.Context, st *store.Store, databaseURL string) (sink, error) {
	var n ids
	if err := st.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM dossiers`).Scan(&n.dossier); err != nil {
		return nil, fmt.Errorf("bench: read ids: %w", err)
	}
	if err := st.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM dossier_events`).Scan(&n.event); err != nil {
		return nil, fmt.Errorf("bench: read ids: %w", err)
	}
	if st.Dialect() == store.Postgres {
		conn, err := pgx.Connect(ctx, databaseURL)
		if err != nil {
			return nil, fmt.Errorf("bench: connect for COPY: %w", err)
		}
		// Losing the last commits on a crash costs nothing here: the run is
		// started again on an empty database.
		if _, err := conn.Exec(ctx, `SET synchronous_commit = off`); err != nil {
			conn.Close(ctx)
			return nil, err
		}
		return &pgSink{conn: conn, ids: n}, nil
	}
	// Relaxed only while generating: no fsync, a 1 GiB page cache for the
	// indexes being filled. serve opens its own connections with the
	// store's settings.
	for _, p := range []string{`PRAGMA synchronous = OFF`, `PRAGMA cache_size = -1048576`, `PRAGMA temp_store = MEMORY`} {
		if _, err := st.Exec(ctx, p); err != nil {
			return nil, fmt.Errorf("bench: %s: %w", p, err)
		}
	}
	return &sqliteSink{st: st, ids: n}, nil
}

type sqliteSink struct {
	st  *store.Store
	ids ids
}

func (s *sqliteSink) write(ctx context.Context, days []*dayBatch) error {
	dossiers, events, seqs := s.ids.rows(days)
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := insertRows(ctx, tx, "dossiers", dossierCols, dossiers); err != nil {
			return err
		}
		if err := insertRows(ctx, tx, "dossier_events", eventCols, events); err != nil {
			return err
		}
		return insertRows(ctx, tx, "code_sequences", []string{"agency_code", "day", "last"}, seqs)
	})
}

func (s *sqliteSink) close(ctx context.Context, ok bool) error {
	for _, p := range []string{`PRAGMA synchronous = NORMAL`, `PRAGMA cache_size = -2000`, `PRAGMA wal_checkpoint(TRUNCATE)`} {
		if _, err := s.st.Exec(ctx, p); err != nil {
			return fmt.Errorf("bench: %s: %w", p, err)
		}
	}
	return nil
}

// insertRows writes rows with multi-row INSERTs, as many rows per statement
// as SQLite's 32,766 parameters allow (rounded down for headroom).
func insertRows(ctx context.Context, tx *store.Tx, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	per := max(1, 30000/len(cols))
	ph := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
	head := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES "
	args := make([]any, 0, per*len(cols))
	for start := 0; start < len(rows); start += per {
		part := rows[start:min(start+per, len(rows))]
		args = args[:0]
		for _, r := range part {
			args = append(args, r...)
		}
		q := head + strings.TrimSuffix(strings.Repeat(ph+",", len(part)), ",")
		if _, err := tx.Exec(ctx, q, args...); err != nil {
			return fmt.Errorf("bench: insert into %s: %w", table, err)
		}
	}
	return nil
}

type pgSink struct {
	conn *pgx.Conn
	ids  ids
}

func (s *pgSink) write(ctx context.Context, days []*dayBatch) error {
	dossiers, events, seqs := s.ids.rows(days)
	tx, err := s.conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{{"dossiers", dossierCols, dossiers}, {"dossier_events", eventCols, events}, {"code_sequences", []string{"agency_code", "day", "last"}, seqs}} {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.table}, t.cols, pgx.CopyFromRows(t.rows)); err != nil {
			return fmt.Errorf("bench: copy into %s: %w", t.table, err)
		}
	}
	return tx.Commit(ctx)
}

func (s *pgSink) close(ctx context.Context, ok bool) error {
	defer s.conn.Close(ctx)
	if !ok {
		return nil
	}
	// Rows were copied with their ids: move the identity sequences past them.
	for _, t := range []string{"dossiers", "dossier_events"} {
		if _, err := s.conn.Exec(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), (SELECT COALESCE(MAX(id), 1) FROM `+t+`))`); err != nil {
			return fmt.Errorf("bench: move the %s id sequence: %w", t, err)
		}
	}
	if _, err := s.conn.Exec(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("bench: analyze: %w", err)
	}
	return nil
}
