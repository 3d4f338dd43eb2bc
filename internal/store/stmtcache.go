package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps prepared statements of the embedded SQLite. Its driver
// parses a statement on every call otherwise, which was 22 % of the
// server's CPU under the lifecycle load (BENCHMARKS.md, "motcua bench").
// PostgreSQL needs none: pgx caches statements per connection itself.
//
// A statement is prepared on the pool (database/sql then keeps one driver
// statement per connection), never while a transaction holds the writer's
// only connection: a query first met inside a transaction runs unprepared
// and is prepared after the commit.
type stmtCache struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt
	// wanted are queries met inside a transaction, to prepare after it.
	wanted map[string]bool
}

// maxCachedStmts bounds the cache: queries built with a variable number of
// placeholders (agency lists, period ranges) have many shapes, and past the
// bound new shapes simply run unprepared.
const maxCachedStmts = 1024

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: map[string]*sql.Stmt{}, wanted: map[string]bool{}}
}

// get returns the prepared statement of query, or nil when it is not (yet)
// cached.
func (c *stmtCache) get(query string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[query]
}

// prepare caches query, preparing it on the pool. It must not be called
// while the caller holds a connection the pool may need (a transaction on
// the one-connection writer). A statement that fails to prepare is not
// cached: the plain call reports its error as before.
func (c *stmtCache) prepare(ctx context.Context, query string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	st, ok := c.m[query]
	full := len(c.m) >= maxCachedStmts
	c.mu.Unlock()
	if ok || full {
		return st
	}
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if have, ok := c.m[query]; ok { // prepared meanwhile by another caller
		st.Close()
		return have
	}
	c.m[query] = st
	return st
}

// want notes a query met inside a transaction.
func (c *stmtCache) want(query string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	if _, ok := c.m[query]; !ok && len(c.m)+len(c.wanted) < maxCachedStmts {
		c.wanted[query] = true
	}
	c.mu.Unlock()
}

// prepareWanted prepares what transactions met, once they have ended.
func (c *stmtCache) prepareWanted(ctx context.Context) {
	if c == nil {
		return
	}
	c.mu.Lock()
	if len(c.wanted) == 0 {
		c.mu.Unlock()
		return
	}
	list := make([]string, 0, len(c.wanted))
	for q := range c.wanted {
		list = append(list, q)
	}
	clear(c.wanted)
	c.mu.Unlock()
	for _, q := range list {
		c.prepare(ctx, q)
	}
}

func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	clear(c.m)
}
