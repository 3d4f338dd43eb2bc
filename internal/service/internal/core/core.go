// Package core is the kernel the sub-services of package service share: the
// store, blob files, logger and clock, the calendar in force, the agency and
// procedure caches, the rate limits and scoping, and the one place a dossier
// event is appended and its reactions run (events.go).
//
// It sits under service/internal so that only the service tree can reach it:
// the transports see the root service, never the store behind it.
package core

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/motcua/motcua/internal/blob"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/payment"
	"github.com/motcua/motcua/internal/postal"
	"github.com/motcua/motcua/internal/store"
)

// Settings are what the wiring (cmd, tests) sets after New and before
// serving. The root service embeds the same pointer, so svc.Now = clock is
// seen by every sub-service.
type Settings struct {
	Files blob.Store
	Log   *slog.Logger
	// Now is the clock; tests replace it.
	Now func() time.Time
	// Notify shapes the messages to applicants (channels/notify.go).
	Notify NotifyConfig
	// Payments are the online payment gateways; nil turns online payment off.
	Payments *payment.Registry
	// Postal is the public postal operator (MOTCUA_POSTAL_*, read by
	// cmd); its zero value turns the postal connection off.
	Postal postal.Config
}

// NotifyConfig shapes the messages to applicants.
type NotifyConfig struct {
	// BaseURL is the public address put in links (the tracking page); empty:
	// messages carry no link.
	BaseURL string
}

// Core is the shared kernel. It is safe for concurrent use.
type Core struct {
	*Settings
	Store *store.Store

	cal       atomic.Pointer[calendar.Calendar]
	calStamp  atomic.Value // string: CalendarOverridesStamp of the calendar in force
	procs     sync.Map     // procKey → catalog.Procedure; versions are immutable
	agencyMu  sync.RWMutex
	agencies  map[int64]org.Agency
	children  map[int64][]int64
	limits    Limits     // per-address rate limits, tracking secret (limits.go)
	reactions []reaction // run after every dossier event, in order (events.go)
}

// New builds the kernel over an opened store and loads the calendar with
// the administrator's overrides and the agency tree.
func New(ctx context.Context, st *store.Store, blobs blob.Store, log *slog.Logger) (*Core, error) {
	if log == nil {
		log = slog.Default()
	}
	s := &Core{Settings: &Settings{Files: blobs, Log: log, Now: time.Now}, Store: st}
	if err := s.ReloadCalendar(ctx); err != nil {
		return nil, err
	}
	if err := s.ReloadAgencies(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Calendar is the working-day calendar in force.
func (s *Core) Calendar() *calendar.Calendar { return s.cal.Load() }

// ReloadCalendar rebuilds the calendar from the shipped schedules and the
// stored administrator overrides.
func (s *Core) ReloadCalendar(ctx context.Context) error {
	stamp, err := s.Store.CalendarOverridesStamp(ctx)
	if err != nil {
		return fmt.Errorf("service: calendar overrides stamp: %w", err)
	}
	raw, err := s.Store.CalendarOverrides(ctx)
	if err != nil {
		return fmt.Errorf("service: load calendar overrides: %w", err)
	}
	cfg := calendar.DefaultConfig()
	for year, data := range raw {
		var sc calendar.Schedule
		if err := json.Unmarshal([]byte(data), &sc); err != nil {
			return fmt.Errorf("service: calendar override %d: %w", year, err)
		}
		cfg.Overrides = append(cfg.Overrides, sc)
	}
	cal, err := calendar.New(cfg)
	if err != nil {
		return fmt.Errorf("service: build calendar: %w", err)
	}
	s.cal.Store(cal)
	s.calStamp.Store(stamp)
	return nil
}

// Refresh picks up what another server process changed in the shared
// database: the agency tree and, when an administrator saved one, a calendar
// override. serve calls it periodically; it is cheap when nothing changed.
func (s *Core) Refresh(ctx context.Context) error {
	stamp, err := s.Store.CalendarOverridesStamp(ctx)
	if err != nil {
		return fmt.Errorf("service: calendar overrides stamp: %w", err)
	}
	if stamp != s.calStamp.Load() {
		if err := s.ReloadCalendar(ctx); err != nil {
			return err
		}
	}
	return s.ReloadAgencies(ctx)
}

// RefreshEvery runs Refresh until ctx ends, logging failures.
func (s *Core) RefreshEvery(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.Refresh(ctx); err != nil && ctx.Err() == nil {
				s.Log.Error("refresh shared settings", "err", err)
			}
		}
	}
}

// ReloadAgencies refreshes the cached agency tree used for scoping.
func (s *Core) ReloadAgencies(ctx context.Context) error {
	list, err := s.Store.Agencies(ctx)
	if err != nil {
		return err
	}
	byID := make(map[int64]org.Agency, len(list))
	children := map[int64][]int64{}
	for _, a := range list {
		byID[a.ID] = a
		if a.ParentID != nil {
			children[*a.ParentID] = append(children[*a.ParentID], a.ID)
		}
	}
	s.agencyMu.Lock()
	s.agencies, s.children = byID, children
	s.agencyMu.Unlock()
	return nil
}

// Agency returns a cached agency.
func (s *Core) Agency(id int64) (org.Agency, bool) {
	s.agencyMu.RLock()
	defer s.agencyMu.RUnlock()
	a, ok := s.agencies[id]
	return a, ok
}

// Agencies lists the cached agencies by code.
func (s *Core) Agencies() []org.Agency {
	s.agencyMu.RLock()
	out := make([]org.Agency, 0, len(s.agencies))
	for _, a := range s.agencies {
		out = append(out, a)
	}
	s.agencyMu.RUnlock()
	slices.SortFunc(out, func(a, b org.Agency) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// Subtree lists id and every agency below it.
func (s *Core) Subtree(id int64) []int64 {
	s.agencyMu.RLock()
	defer s.agencyMu.RUnlock()
	out := []int64{id}
	for i := 0; i < len(out); i++ {
		out = append(out, s.children[out[i]]...)
	}
	return out
}

// ActorFor builds the acting identity of a user from its role's row of
// org.AccessPolicy: province-wide supervisors see every agency; other staff,
// the postal operator included, see their agency and the agencies under it
// (the postal operator, of those, only dossiers with a postal leg: CanSee);
// citizens see only their own dossiers.
func (s *Core) ActorFor(u org.User) org.Actor {
	a := org.Actor{UserID: u.ID, Username: u.Username, Name: u.Name, Role: u.Role, Verified: u.Verified}
	if u.AgencyID != nil {
		a.AgencyID = *u.AgencyID
	}
	switch org.AccessOf(u.Role).Scope {
	case org.ScopeProvince:
		a.AllScope = true
	case org.ScopeAgency, org.ScopePostal:
		if a.AgencyID != 0 {
			a.Scope = s.Subtree(a.AgencyID)
		}
	}
	return a
}
