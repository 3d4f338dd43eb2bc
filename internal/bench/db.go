package bench

import (
	"context"
	"database/sql"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/org"
)

// DB is the database Generate fills, bypassing the service on purpose: the
// bench measures the database's own limit, and a million dossiers through
// the rules would take hours. *store.Store is the one in use, wired in
// cmd/motcua; its QueryRow, Query and Exec take "?" placeholders on both
// dialects.
type DB interface {
	QueryRow(ctx context.Context, query string, args ...any) *sql.Row
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	Exec(ctx context.Context, query string, args ...any) (sql.Result, error)
	// OnPostgres tells whether to load with COPY and rebuild the indexes.
	OnPostgres() bool
	RebuildStats(ctx context.Context, onlyIfFlagged bool, compute func(agencyID int64) (aggregate.Delta, error)) (bool, error)
	Procedure(ctx context.Context, code string, version int) (catalog.Procedure, error)
	// CreateUsers creates the accounts in one transaction, in order.
	CreateUsers(ctx context.Context, users []org.User, passwordHash string) ([]int64, error)
}
