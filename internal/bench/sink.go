package bench

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/internal/auth"
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

func openSink(ctx context.Context, st DB, dataDir, databaseURL string) (sink, error) {
	var n ids
	if err := st.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM dossiers`).Scan(&n.dossier); err != nil {
		return nil, fmt.Errorf("bench: read ids: %w", err)
	}
	if err := st.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM dossier_events`).Scan(&n.event); err != nil {
		return nil, fmt.Errorf("bench: read ids: %w", err)
	}
	if st.OnPostgres() {
		indexes, err := dropSecondaryIndexes(ctx, st)
		if err != nil {
			return nil, err
		}
		conn, err := pgx.Connect(ctx, databaseURL)
		if err != nil {
			return nil, fmt.Errorf("bench: connect for COPY: %w", err)
		}
		// Losing the last commits on a crash costs nothing here: the run is
		// started again on an empty database.
		// Index builds sort in memory up to maintenance_work_mem, then on disk.
		if _, err := conn.Exec(ctx, `SET synchronous_commit = off; SET maintenance_work_mem = '1GB'`); err != nil {
			conn.Close(ctx)
			return nil, recreateIndexes(ctx, storeExec(st), indexes, err)
		}
		return &pgSink{conn: conn, ids: n, indexes: indexes}, nil
	}
	// The generator writes through its own connection, with prepared
	// single-row INSERTs: modernc's SQLite parses a multi-row INSERT anew on
	// every call, and big statements cost more to parse than to run. Its
	// settings are relaxed for the generation only (no fsync, a 1 GiB page
	// cache for the indexes being filled); serve's connections keep the
	// store's.
	if dataDir == "" {
		return nil, errors.New("bench: the SQLite data directory is required")
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dataDir, "motcua.db")+
		"?_pragma=busy_timeout(10000)&_pragma=synchronous(OFF)&_pragma=cache_size(-1048576)&_pragma=temp_store(MEMORY)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("bench: open sqlite: %w", err)
	}
	db.SetMaxOpenConns(1)
	return &sqliteSink{db: db, ids: n}, nil
}

type sqliteSink struct {
	db  *sql.DB
	ids ids
}

func insertSQL(table string, cols []string) string {
	return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES (" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
}

var seqCols = []string{"agency_code", "day", "last"}

func (s *sqliteSink) write(ctx context.Context, days []*dayBatch) error {
	dossiers, events, seqs := s.ids.rows(days)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("bench: begin: %w", err)
	}
	defer tx.Rollback()
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{{"dossiers", dossierCols, dossiers}, {"dossier_events", eventCols, events}, {"code_sequences", seqCols, seqs}} {
		stmt, err := tx.PrepareContext(ctx, insertSQL(t.table, t.cols))
		if err != nil {
			return fmt.Errorf("bench: prepare insert into %s: %w", t.table, err)
		}
		for _, r := range t.rows {
			if _, err := stmt.ExecContext(ctx, r...); err != nil {
				stmt.Close()
				return fmt.Errorf("bench: insert into %s: %w", t.table, err)
			}
		}
		stmt.Close()
	}
	return tx.Commit()
}

func (s *sqliteSink) close(ctx context.Context, ok bool) error {
	defer s.db.Close()
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("bench: checkpoint: %w", err)
	}
	return nil
}

type pgSink struct {
	conn    *pgx.Conn
	ids     ids
	indexes []secondaryIndex // dropped while loading
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
	}{{"dossiers", dossierCols, dossiers}, {"dossier_events", eventCols, events}, {"code_sequences", seqCols, seqs}} {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.table}, t.cols, pgx.CopyFromRows(t.rows)); err != nil {
			return fmt.Errorf("bench: copy into %s: %w", t.table, err)
		}
	}
	return tx.Commit(ctx)
}

func (s *pgSink) close(ctx context.Context, ok bool) error {
	defer s.conn.Close(ctx)
	// Built again even after a failed run, so that the database keeps the
	// schema its migrations made.
	exec := func(ctx context.Context, q string) error { _, err := s.conn.Exec(ctx, q); return err }
	if err := recreateIndexes(ctx, exec, s.indexes, nil); err != nil || !ok {
		return err
	}
	// Rows were copied with their ids: move the identity sequences past them.
	for _, t := range []string{"dossiers", "dossier_events"} {
		if _, err := s.conn.Exec(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), (SELECT COALESCE(MAX(id), 1) FROM `+t+`))`); err != nil {
			return fmt.Errorf("bench: move the %s id sequence: %w", t, err)
		}
	}
	// A table just filled by COPY has no visibility map, so the dashboard's
	// index-only scan of the open dossiers (dossiers_open_due) would read
	// the table as well: at 10M the running quarter's 766 index took 7.7 s
	// and timed out under load, 60 ms after this VACUUM. Autovacuum does the
	// same in production, later.
	if _, err := s.conn.Exec(ctx, `VACUUM (ANALYZE) dossiers`); err != nil {
		return fmt.Errorf("bench: vacuum dossiers: %w", err)
	}
	if _, err := s.conn.Exec(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("bench: analyze: %w", err)
	}
	return nil
}
