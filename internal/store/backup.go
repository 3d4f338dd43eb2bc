package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// BackupTo writes a consistent copy of the SQLite database to out with
// VACUUM INTO: it reads one snapshot (a read transaction beside the WAL
// writer, which keeps writing meanwhile), so the copy holds every commit
// before that instant and nothing after. out must not exist. PostgreSQL is
// backed up with pg_dump or PITR (README, "Backup and restore").
func (s *Store) BackupTo(ctx context.Context, out string) error {
	if s.dialect != SQLite {
		return errors.New("store: backup: PostgreSQL is backed up with pg_dump (motcua backup runs it) or PITR")
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("store: backup: %s already exists", out)
	}
	var (
		seq        int
		name, path string
	)
	if err := s.r.QueryRowContext(ctx, `PRAGMA database_list`).Scan(&seq, &name, &path); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	// Its own connection: the writer's is the one writer, the readers' are
	// query-only, and VACUUM INTO is neither.
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, out); err != nil {
		os.Remove(out)
		return fmt.Errorf("store: backup to %s: %w", out, err)
	}
	return nil
}

// SQLiteSynchronous reads PRAGMA synchronous on the writer's connection
// (0 off, 1 normal, 2 full, 3 extra): what commits really wait for.
func (s *Store) SQLiteSynchronous(ctx context.Context) (int, error) {
	if s.dialect != SQLite {
		return 0, errors.New("store: not SQLite")
	}
	var v int
	err := s.InTx(ctx, func(tx *Tx) error {
		return tx.tx.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&v)
	})
	return v, err
}
