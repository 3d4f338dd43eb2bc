// Package service runs the use cases of Một Cửa: it loads aggregates from the
// store, applies the domain rules, and writes the new state with its event in
// one transaction. Transports (the JSON API, the web pages, the CLI) call it
// and never touch SQL or the rules themselves.
//
// The root Service composes sub-services, one package each (dossiers,
// figures, payments, channels, admin, citizens, datastore, processes), over
// one shared kernel (internal/core): the store, the clock, the caches, and
// the one place a dossier event is appended and its reactions run. Their
// methods are promoted, so transports call svc.Act or svc.Overview whichever
// sub-service answers. docs/ARCHITECTURE.md draws a request's path.
package service

import (
	"context"
	"log/slog"
	"time"

	"github.com/motcua/motcua/internal/blob"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/admin"
	"github.com/motcua/motcua/internal/service/channels"
	"github.com/motcua/motcua/internal/service/citizens"
	"github.com/motcua/motcua/internal/service/datastore"
	"github.com/motcua/motcua/internal/service/dossiers"
	"github.com/motcua/motcua/internal/service/figures"
	"github.com/motcua/motcua/internal/service/internal/core"
	"github.com/motcua/motcua/internal/service/payments"
	"github.com/motcua/motcua/internal/service/processes"
	"github.com/motcua/motcua/internal/store"
)

// NotifyConfig shapes the messages to applicants.
type NotifyConfig = core.NotifyConfig

// Service is the application. It is safe for concurrent use.
//
// Each sub-service embeds the kernel, so the kernel's own fields and methods
// are ambiguous here and not promoted: the store stays out of the
// transports' reach, and what the kernel offers them is forwarded below.
type Service struct {
	// Files, Log, Now, Notify and Payments: the wiring sets them after New;
	// every sub-service sees the change (the pointer is shared).
	*core.Settings

	*dossiers.Dossiers
	*figures.Figures
	*payments.Fees
	*channels.Channels
	*admin.Admin
	*citizens.Citizens
	*datastore.DataStore
	*processes.Processes

	core *core.Core
}

// New builds the service over an opened store and loads the calendar with
// the administrator's overrides. The sub-services register their reactions
// to dossier events as they are built; they run in core.ReactionOrder.
func New(ctx context.Context, st *store.Store, blobs blob.Store, log *slog.Logger) (*Service, error) {
	c, err := core.New(ctx, st, blobs, log)
	if err != nil {
		return nil, err
	}
	docs := datastore.New(c)
	ds := dossiers.New(c, docs)
	return &Service{
		Settings:  c.Settings,
		Dossiers:  ds,
		Figures:   figures.New(c),
		Fees:      payments.New(c, ds),
		Channels:  channels.New(c, ds),
		Admin:     admin.New(c),
		Citizens:  citizens.New(c),
		DataStore: docs,
		Processes: processes.New(c),
		core:      c,
	}, nil
}

// Reactions names the reactions to a dossier event in the order they run.
func (s *Service) Reactions() []string { return s.core.Reactions() }

// Calendar is the working-day calendar in force.
func (s *Service) Calendar() *calendar.Calendar { return s.core.Calendar() }

// ReloadCalendar rebuilds the calendar from the shipped schedules and the
// stored administrator overrides.
func (s *Service) ReloadCalendar(ctx context.Context) error { return s.core.ReloadCalendar(ctx) }

// Refresh picks up what another server process changed in the shared
// database (core.Refresh).
func (s *Service) Refresh(ctx context.Context) error { return s.core.Refresh(ctx) }

// RefreshEvery runs Refresh until ctx ends, logging failures.
func (s *Service) RefreshEvery(ctx context.Context, every time.Duration) {
	s.core.RefreshEvery(ctx, every)
}

// ReloadAgencies refreshes the cached agency tree used for scoping.
func (s *Service) ReloadAgencies(ctx context.Context) error { return s.core.ReloadAgencies(ctx) }

// Agency returns a cached agency.
func (s *Service) Agency(id int64) (org.Agency, bool) { return s.core.Agency(id) }

// Agencies lists the cached agencies by code.
func (s *Service) Agencies() []org.Agency { return s.core.Agencies() }

// ProvinceName is the name of the province's top agency.
func (s *Service) ProvinceName() string { return s.core.ProvinceName() }

// ActorFor builds the acting identity of a user (core.ActorFor).
func (s *Service) ActorFor(u org.User) org.Actor { return s.core.ActorFor(u) }

// CanSee checks the actor's right to see a dossier.
func (s *Service) CanSee(actor org.Actor, d *dossier.Dossier) error { return s.core.CanSee(actor, d) }

// Dossier loads a dossier the actor may see, personal data shown as the
// actor's role allows.
func (s *Service) Dossier(ctx context.Context, actor org.Actor, id int64) (*dossier.Dossier, error) {
	return s.core.Dossier(ctx, actor, id)
}

// Deadlines is the calendar arithmetic in force, for views computing timeliness.
func (s *Service) Deadlines() dossier.Deadlines { return s.core.Deadlines() }

// ProcedureVersion loads one version of a procedure (cached: versions are
// immutable).
func (s *Service) ProcedureVersion(ctx context.Context, code string, version int) (catalog.Procedure, error) {
	return s.core.ProcedureVersion(ctx, code, version)
}

// TrackKey is the lookup key printed on Form 01 beside the dossier code.
func (s *Service) TrackKey(ctx context.Context, code string) (string, error) {
	return s.core.TrackKey(ctx, code)
}

// Ping tells whether the database answers, for the readiness probe.
func (s *Service) Ping(ctx context.Context) error { return s.core.Store.Ping(ctx) }
