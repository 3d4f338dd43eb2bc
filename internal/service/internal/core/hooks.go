package core

import (
	"context"
	"slices"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
)

// Reaction is what must happen if and only if a dossier event commits: it
// runs in the event's transaction, after the event is appended, and an error
// rolls the event back.
type Reaction func(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error

type reaction struct {
	name string
	fn   Reaction
}

// ReactionOrder is the fixed order the reactions run in, whatever the order
// the sub-services are built in: messages to the applicant (channels),
// webhooks to the postal operator (channels), settling the payment the event
// caused (payments), expediting orders (dossiers), filing results and
// digitized papers into the applicant's data store (datastore). A new
// reaction (the DVCQG sync, step reminders) adds its name here.
var ReactionOrder = []string{"notify", "postal", "payment", "urge", "datastore"}

// OnEvent registers a reaction to every dossier event under its name in
// ReactionOrder; sub-services register theirs when they are built. An
// unknown or repeated name is a wiring mistake and panics. Not safe once
// the service serves.
func (s *Core) OnEvent(name string, fn Reaction) {
	rank := slices.Index(ReactionOrder, name)
	if rank < 0 {
		panic("core: reaction " + name + " is not in ReactionOrder")
	}
	i := 0
	for ; i < len(s.reactions); i++ {
		r := slices.Index(ReactionOrder, s.reactions[i].name)
		if r == rank {
			panic("core: reaction " + name + " registered twice")
		}
		if r > rank {
			break
		}
	}
	s.reactions = slices.Insert(s.reactions, i, reaction{name, fn})
}

// Reactions names the registered reactions in the order they run.
func (s *Core) Reactions() []string {
	out := make([]string, len(s.reactions))
	for i, r := range s.reactions {
		out[i] = r.name
	}
	return out
}

// AfterEvent runs the reactions to ev, stopping at the first that fails.
func (s *Core) AfterEvent(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error {
	for _, r := range s.reactions {
		if err := r.fn(ctx, tx, d, ev); err != nil {
			return err
		}
	}
	return nil
}

// AppendEvent is the one place a dossier event is written: it appends ev
// (d already carries the version the event produced) to the log in tx and
// runs the reactions. A concurrent writer that appended the same version
// first makes this one stale.
func (s *Core) AppendEvent(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event, actor org.Actor, key string) error {
	if err := tx.AppendEvent(ctx, d.ID, d.Version, ev, EventActor(actor), key); err != nil {
		if store.IsUniqueViolation(err) {
			return apperr.ErrStale
		}
		return err
	}
	return s.AfterEvent(ctx, tx, d, ev)
}

// EventActor is who the event log records as having acted.
func EventActor(a org.Actor) model.EventActor {
	return model.EventActor{UserID: a.UserID, Role: a.Role, Name: a.Name}
}
