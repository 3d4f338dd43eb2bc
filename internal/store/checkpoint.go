package store

import (
	"context"
	"database/sql"
	"time"
)

// checkpointer copies the SQLite write-ahead log back into the database
// file from a connection of its own, so that the writer does not. SQLite's
// default is that the commit which takes the log past 1,000 pages does the
// copy and its fsyncs, in the writer's time, while every other write
// waits. A PASSIVE checkpoint takes no lock the writer needs: it runs beside
// it, on the other core.
type checkpointer struct {
	db         *sql.DB
	kick       chan struct{} // a commit happened (buffered 1: kicks merge)
	quit, done chan struct{}
}

// checkpointEvery spaces the checkpoints: each one ends with an fsync of
// the database file, and the pages written twice between two of them are
// copied once.
const checkpointEvery = 200 * time.Millisecond

// writerAutoCheckpoint is the log size, in pages, at which the writer
// checkpoints by itself after all: a backstop should this goroutine fall
// behind (40 MB of log at 4 KiB pages).
const writerAutoCheckpoint = 10000

func newCheckpointer(db *sql.DB) *checkpointer {
	c := &checkpointer{db: db, kick: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go c.loop()
	return c
}

// committed tells the checkpointer the log has grown.
func (c *checkpointer) committed() {
	if c == nil {
		return
	}
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

func (c *checkpointer) loop() {
	defer close(c.done)
	for {
		select {
		case <-c.kick:
		case <-c.quit:
			return
		}
		// A failed checkpoint is retried at the next commit; meanwhile
		// the log only grows, and the writer's backstop bounds it.
		c.db.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`)
		select {
		case <-time.After(checkpointEvery):
		case <-c.quit:
			return
		}
	}
}

func (c *checkpointer) close() error {
	close(c.quit)
	<-c.done
	return c.db.Close()
}
