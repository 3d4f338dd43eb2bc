// Package store keeps Một Cửa's data in SQLite (embedded default) or
// PostgreSQL (several server processes on one database). SQL is written once
// with ? placeholders and rebound for PostgreSQL; where the dialects differ the
// code says so next to the query.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	"modernc.org/sqlite"               // SQLite driver "sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Dialect of the database.
type Dialect int

const (
	SQLite Dialect = iota + 1
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// Store is the database. It is safe for concurrent use.
type Store struct {
	dialect Dialect
	w       *sql.DB // writes; for SQLite a single connection, its one writer
	r       *sql.DB // reads
	queries sync.Map
	// SQLite only: prepared statements of the writer and of the readers,
	// and the writer's batching of concurrent transactions.
	wstmts, rstmts *stmtCache
	group          *groupCommitter
	ckpt           *checkpointer
}

// Config says where the data lives.
type Config struct {
	DataDir     string // SQLite: the database file is DataDir/motcua.db
	DatabaseURL string // postgres://… selects PostgreSQL
	// SQLiteSynchronous is "full" (the default, also when empty) or
	// "normal" (MOTCUA_SQLITE_SYNCHRONOUS). FULL syncs the WAL at every
	// commit, so an acknowledged action survives a power cut; NORMAL syncs
	// only at checkpoints and may lose the last commits on an OS crash
	// (https://sqlite.org/pragma.html#pragma_synchronous).
	SQLiteSynchronous string
	// MigrateDatabaseURL (PostgreSQL): the owner role that runs the
	// migrations and grants DatabaseURL's role what the server needs, so
	// that the server's role owns nothing and cannot disable the
	// append-only triggers (audit_roles.go). Empty: DatabaseURL migrates.
	MigrateDatabaseURL string
}

// Open opens the database and applies pending migrations.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.MigrateDatabaseURL != "" {
		if err := migrateAsOwner(ctx, cfg); err != nil {
			return nil, err
		}
	}
	s, err := open(cfg)
	if err != nil {
		return nil, err
	}
	if cfg.MigrateDatabaseURL != "" {
		return s, nil
	}
	if err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if _, err := s.ChainLegacyEvents(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func open(cfg Config) (*Store, error) {
	if strings.HasPrefix(cfg.DatabaseURL, "postgres://") || strings.HasPrefix(cfg.DatabaseURL, "postgresql://") {
		db, err := sql.Open("pgx", cfg.DatabaseURL)
		if err != nil {
			return nil, fmt.Errorf("store: open postgres: %w", err)
		}
		db.SetMaxOpenConns(32)
		db.SetMaxIdleConns(32)
		db.SetConnMaxIdleTime(5 * time.Minute)
		return &Store{dialect: Postgres, w: db, r: db}, nil
	}
	if cfg.DatabaseURL != "" {
		return nil, fmt.Errorf("store: MOTCUA_DATABASE_URL must be a postgres:// URL")
	}
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("store: create data directory: %w", err)
	}
	syncLevel, err := sqliteSynchronous(cfg.SQLiteSynchronous)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(cfg.DataDir, "motcua.db")
	// WAL lets readers run beside the one writer; foreign keys are off by
	// default in SQLite and must be asked for on every connection.
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=synchronous(" + syncLevel + ")"
	// The writer keeps its temporary files in memory: each caller of a group
	// commit works in a savepoint, whose sub-journal (the pages it changed,
	// as they were) otherwise spills to a file past 64 KiB, one pwrite per
	// page; that was 16 % of the server's CPU under the lifecycle load.
	w, err := sql.Open("sqlite", dsn+"&_txlock=immediate&_pragma=temp_store(MEMORY)"+
		"&_pragma=wal_autocheckpoint("+strconv.Itoa(writerAutoCheckpoint)+")")
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	r.SetMaxOpenConns(8)
	if err := w.Ping(); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	ck, err := sql.Open("sqlite", dsn)
	if err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	ck.SetMaxOpenConns(1)
	s := &Store{dialect: SQLite, w: w, r: r, wstmts: newStmtCache(w), rstmts: newStmtCache(r), ckpt: newCheckpointer(ck)}
	s.group = newGroupCommitter(s)
	return s, nil
}

// Close releases the connections.
func (s *Store) Close() error {
	if s.group != nil {
		s.group.close()
	}
	var err error
	if s.ckpt != nil {
		err = s.ckpt.close()
	}
	s.wstmts.close()
	s.rstmts.close()
	err = errors.Join(err, s.w.Close())
	if s.r != s.w {
		err = errors.Join(err, s.r.Close())
	}
	return err
}

// Dialect tells which database is underneath.
func (s *Store) Dialect() Dialect { return s.dialect }

// Ping checks the database answers (readiness).
func (s *Store) Ping(ctx context.Context) error { return s.w.PingContext(ctx) }

// q rebinds ? placeholders to $n for PostgreSQL. Queries never contain a
// literal question mark.
func (s *Store) q(query string) string {
	if s.dialect != Postgres {
		return query
	}
	if v, ok := s.queries.Load(query); ok {
		return v.(string)
	}
	var b strings.Builder
	n := 0
	for _, c := range query {
		if c == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	out := b.String()
	s.queries.Store(query, out)
	return out
}

// Tx is a write transaction.
type Tx struct {
	s  *Store
	tx *sql.Tx
	// grouped: the transaction is shared by a batch (groupcommit.go). A
	// statement interrupted because its caller left would make SQLite roll
	// back the whole transaction, the other callers' work with it, so the
	// statements of a batch run to their end.
	grouped bool
	// chain: what the transaction already read of hash chains, so that
	// appending an event needs no extra query (audit_chain.go).
	chain txChain
}

// ctx is the context the statements of the transaction run with.
func (t *Tx) ctx(ctx context.Context) context.Context {
	if t.grouped {
		return context.WithoutCancel(ctx)
	}
	return ctx
}

// stmt is the transaction's handle on the cached prepared statement of
// query, or nil: then the query is noted, to be prepared after the commit.
func (t *Tx) stmt(ctx context.Context, query string) *sql.Stmt {
	st := t.s.wstmts.get(query)
	if st == nil {
		t.s.wstmts.want(query)
		return nil
	}
	return t.tx.StmtContext(ctx, st)
}

// Exec runs a statement.
func (t *Tx) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ctx = t.ctx(ctx)
	if st := t.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, t.s.q(query), args...)
}

// QueryRow runs a query returning one row.
func (t *Tx) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	ctx = t.ctx(ctx)
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, t.s.q(query), args...)
}

// Query runs a query.
func (t *Tx) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	ctx = t.ctx(ctx)
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, t.s.q(query), args...)
}

// Dialect of the transaction's database.
func (t *Tx) Dialect() Dialect { return t.s.dialect }

// InTx runs fn in a write transaction, committed if fn returns nil. On
// SQLite, fn may share the transaction with other callers' (see
// groupCommitter); it must not start another transaction of its own.
func (s *Store) InTx(ctx context.Context, fn func(*Tx) error) error {
	if s.group != nil {
		return s.group.run(ctx, fn)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(&Tx{s: s, tx: tx}); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	s.wstmts.prepareWanted(ctx)
	return nil
}

// QueryRow reads one row outside a transaction.
func (s *Store) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if st := s.rstmts.prepare(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.r.QueryRowContext(ctx, s.q(query), args...)
}

// Query reads rows outside a transaction.
func (s *Store) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := s.rstmts.prepare(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return s.r.QueryContext(ctx, s.q(query), args...)
}

// Exec writes outside an explicit transaction.
func (s *Store) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := s.wstmts.prepare(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return s.w.ExecContext(ctx, s.q(query), args...)
}

// IsUniqueViolation reports whether err is a unique-constraint failure, which
// the callers turn into "already exists" or an idempotent replay. It reads
// the drivers' error codes, not their messages.
func IsUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "23505" // unique_violation
	}
	var liteErr *sqlite.Error
	if errors.As(err, &liteErr) {
		code := liteErr.Code()
		return code == sqlite3.SQLITE_CONSTRAINT_UNIQUE || code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// ms and fromMS convert times to stored Unix milliseconds.
func ms(t time.Time) int64 { return t.UnixMilli() }

func msPtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UnixMilli()
}

func fromMS(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := time.UnixMilli(v.Int64).UTC()
	return &t
}

// sqliteSynchronous is the PRAGMA synchronous level of a Config. A legal
// record must be durable when the action is acknowledged, so FULL unless
// NORMAL is asked for on purpose.
func sqliteSynchronous(v string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "full":
		return "FULL", nil
	case "normal":
		return "NORMAL", nil
	}
	return "", fmt.Errorf("store: MOTCUA_SQLITE_SYNCHRONOUS must be full or normal, not %q", v)
}
