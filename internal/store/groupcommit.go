package store

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync/atomic"
)

// groupCommitter runs the write transactions of the embedded SQLite, whose
// one writer does them one after the other anyway, and commits the ones
// that queue up while it works in a single SQLite transaction. Each
// caller's work runs inside its own SAVEPOINT, so one caller's error undoes
// only its own writes; every caller is answered after the commit that made
// its work durable, as with a transaction of its own.
//
// Why: under the lifecycle load the commit was 42 % of the time the writer
// was held (BENCHMARKS.md, "Second round"): every action wrote its own WAL
// frames for the same hot pages (the newest leaves of the dossier, event
// and counter tables and their indexes), one pwrite each. A batch writes
// each such page once. PostgreSQL commits concurrent transactions on its
// own and does not use this.
type groupCommitter struct {
	s    *Store
	reqs chan *txRequest // unbuffered: a request is taken only by a committer that will answer it
	quit chan struct{}
	done chan struct{}
	// Callers run and commits made, to see the batching (tests, metrics).
	calls, commits atomic.Int64
}

// maxGroup bounds a batch, and so the wait the first caller of a batch has
// on the ones after it.
const maxGroup = 16

type txRequest struct {
	ctx context.Context
	fn  func(*Tx) error
	err chan error // buffered: the committer never waits on a caller
}

// errPanicked carries a panic of a caller's function back to its goroutine.
type errPanicked struct {
	value any
	stack []byte
}

func (e *errPanicked) Error() string {
	return fmt.Sprintf("store: panic in transaction: %v\n%s", e.value, e.stack)
}

var errStoreClosed = errors.New("store: closed")

func newGroupCommitter(s *Store) *groupCommitter {
	g := &groupCommitter{s: s, reqs: make(chan *txRequest), quit: make(chan struct{}), done: make(chan struct{})}
	go g.loop()
	return g
}

func (g *groupCommitter) close() {
	close(g.quit)
	<-g.done
}

// run hands fn to the committer and waits for the outcome of its commit.
func (g *groupCommitter) run(ctx context.Context, fn func(*Tx) error) error {
	req := &txRequest{ctx: ctx, fn: fn, err: make(chan error, 1)}
	select {
	case g.reqs <- req:
	case <-ctx.Done():
		return ctx.Err()
	case <-g.done:
		return errStoreClosed
	}
	// Once taken, fn may be running: wait for it even if ctx ends.
	err := <-req.err
	var p *errPanicked
	if errors.As(err, &p) {
		panic(p.Error())
	}
	return err
}

func (g *groupCommitter) loop() {
	defer close(g.done)
	for {
		select {
		case req := <-g.reqs:
			g.batch(req)
		case <-g.quit:
			return
		}
	}
}

// batch runs first and whatever requests are waiting, up to maxGroup, in
// one transaction.
func (g *groupCommitter) batch(first *txRequest) {
	ctx := context.Background() // the batch outlives any one caller's context
	var answered []*txRequest
	var errs []error
	answer := func(commitErr error) {
		for i, r := range answered {
			if errs[i] == nil {
				errs[i] = commitErr
			}
			r.err <- errs[i]
		}
	}
	tx, err := g.s.w.BeginTx(ctx, nil)
	if err != nil {
		first.err <- fmt.Errorf("store: begin: %w", err)
		return
	}
	t := &Tx{s: g.s, tx: tx, grouped: true}
	for req := first; req != nil; req = g.next(len(answered)) {
		answered, errs = append(answered, req), append(errs, nil)
		if err := req.ctx.Err(); err != nil {
			errs[len(errs)-1] = err // the caller left before its turn: nothing ran
			continue
		}
		ferr, broken := g.one(ctx, t, req.fn)
		errs[len(errs)-1] = ferr
		if broken != nil {
			// SQLite ends the whole transaction on some errors (a full
			// disk, an I/O error): nothing of the batch is kept.
			tx.Rollback()
			answer(fmt.Errorf("store: transaction lost (%w) after: %w", broken, errors.Join(errs...)))
			return
		}
	}
	g.calls.Add(int64(len(answered)))
	g.commits.Add(1)
	err = tx.Commit()
	if err != nil {
		err = fmt.Errorf("store: commit: %w", err)
	}
	answer(err)
	g.s.ckpt.committed()
	g.s.wstmts.prepareWanted(ctx)
}

// next takes a waiting request if there is one and the batch has room.
func (g *groupCommitter) next(n int) *txRequest {
	if n >= maxGroup {
		return nil
	}
	select {
	case req := <-g.reqs:
		return req
	default:
		return nil
	}
}

// one runs fn inside a savepoint: kept if fn returns nil, undone if not.
// broken reports that the transaction itself is gone.
func (g *groupCommitter) one(ctx context.Context, t *Tx, fn func(*Tx) error) (err error, broken error) {
	if _, err := t.tx.ExecContext(ctx, `SAVEPOINT one`); err != nil {
		return err, err
	}
	func() {
		defer func() {
			if v := recover(); v != nil {
				err = &errPanicked{value: v, stack: debug.Stack()}
			}
		}()
		err = fn(t)
	}()
	if err != nil {
		if _, rerr := t.tx.ExecContext(ctx, `ROLLBACK TO one`); rerr != nil {
			return err, rerr
		}
	}
	if _, rerr := t.tx.ExecContext(ctx, `RELEASE one`); rerr != nil {
		return err, rerr
	}
	return err, nil
}
