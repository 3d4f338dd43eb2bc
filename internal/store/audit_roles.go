package store

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// migrateAsOwner (PostgreSQL) applies the migrations through the owner
// role of cfg.MigrateDatabaseURL, chains legacy events with it, and grants
// the server's role (the user of cfg.DatabaseURL) only what the server
// needs. The server's role owns no table, so it can neither drop nor
// disable (ALTER TABLE … DISABLE TRIGGER needs ownership) the append-only
// triggers, and it gets no UPDATE, DELETE or TRUNCATE on the log and the
// checkpoints at all.
func migrateAsOwner(ctx context.Context, cfg Config) error {
	if !strings.HasPrefix(cfg.MigrateDatabaseURL, "postgres://") && !strings.HasPrefix(cfg.MigrateDatabaseURL, "postgresql://") {
		return fmt.Errorf("store: MOTCUA_MIGRATE_DATABASE_URL must be a postgres:// URL")
	}
	app, err := pgconn.ParseConfig(cfg.DatabaseURL)
	if err != nil {
		return fmt.Errorf("store: MOTCUA_DATABASE_URL: %w", err)
	}
	if u, err := url.Parse(cfg.MigrateDatabaseURL); err == nil && u.User != nil && u.User.Username() == app.User {
		return fmt.Errorf("store: the server's role %q must not be the owner role that migrates", app.User)
	}
	owner, err := open(Config{DatabaseURL: cfg.MigrateDatabaseURL})
	if err != nil {
		return err
	}
	defer owner.Close()
	if err := owner.Migrate(ctx); err != nil {
		return err
	}
	if _, err := owner.ChainLegacyEvents(ctx); err != nil {
		return err
	}
	return owner.GrantServerRole(ctx, app.User)
}

// appendOnly are the tables the server may only read and append to.
var appendOnly = []string{"dossier_events", "audit_checkpoints"}

// GrantServerRole gives role what `motcua serve` needs on every table and
// sequence of the schema (rows in, out and updated), minus any change to
// the append-only tables. Re-run after each migration (Open does it), so
// new tables are covered.
func (s *Store) GrantServerRole(ctx context.Context, role string) error {
	if s.dialect != Postgres {
		return nil
	}
	r := pgIdent(role)
	stmts := []string{
		`GRANT USAGE ON SCHEMA public TO ` + r,
		`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ` + r,
		`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ` + r,
		`REVOKE UPDATE, DELETE, TRUNCATE ON ` + strings.Join(appendOnly, ", ") + ` FROM ` + r,
	}
	for _, q := range stmts {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("store: grant the server role: %s: %w", q, err)
		}
	}
	return nil
}

// pgIdent quotes a PostgreSQL identifier.
func pgIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
