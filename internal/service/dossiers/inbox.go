package dossiers

import (
	"context"
	"io"
	"slices"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
)

// Urgency orders an agency's work: what is already late first, then what
// falls due today, then what falls due by the end of the next working day.
type Urgency string

const (
	UrgOverdue  Urgency = "overdue"
	UrgDueToday Urgency = "due_today"
	UrgAtRisk   Urgency = "at_risk" // due by the close of the next working day
	UrgWaiting  Urgency = "waiting" // the clock is stopped: waiting for the applicant
	UrgNormal   Urgency = "normal"
)

var urgencyRank = map[Urgency]int{UrgOverdue: 0, UrgDueToday: 1, UrgAtRisk: 2, UrgNormal: 3, UrgWaiting: 4}

// InboxItem is one dossier of an inbox with its urgency.
type InboxItem struct {
	Dossier *dossier.Dossier
	Urgency Urgency
}

// UrgencyOf classifies an unfinished dossier at instant now.
func UrgencyOf(cal *calendar.Calendar, d *dossier.Dossier, now time.Time) Urgency {
	switch {
	case d.SuspendedAt != nil || d.Status == dossier.SupplementRequested:
		return UrgWaiting
	case d.DueAt == nil:
		return UrgNormal
	case now.After(*d.DueAt):
		return UrgOverdue
	}
	today := calendar.DateOf(now)
	if !d.DueAt.After(cal.DayEnd(today)) {
		return UrgDueToday
	}
	next := today.AddDays(1)
	for i := 0; i < 30 && !cal.IsWorkingDay(next); i++ {
		next = next.AddDays(1)
	}
	if !d.DueAt.After(cal.DayEnd(next)) {
		return UrgAtRisk
	}
	return UrgNormal
}

// inboxStatuses are what an agency works on after reception; the counter's
// own queues (submitted, done) are separate pages.
var inboxStatuses = []dossier.Status{dossier.Received, dossier.Processing, dossier.SupplementRequested,
	dossier.PaymentRequested, dossier.WithdrawalRequested}

// Inbox lists the unfinished dossiers held by the actor's agencies, most
// urgent first.
func (s *Dossiers) Inbox(ctx context.Context, actor org.Actor, limit int) ([]InboxItem, error) {
	if actor.Role == org.RoleCitizen {
		return nil, apperr.ErrForbidden
	}
	list, err := s.Store.OpenDossiers(ctx, s.staffScope(actor), inboxStatuses, limit)
	if err != nil {
		return nil, err
	}
	cal, now := s.Calendar(), s.Now()
	out := make([]InboxItem, len(list))
	for i, d := range list {
		out[i] = InboxItem{Dossier: d, Urgency: UrgencyOf(cal, d, now)}
	}
	// The store returns the nearest due date first; a stable sort by urgency
	// keeps that order within each group.
	slices.SortStableFunc(out, func(a, b InboxItem) int { return urgencyRank[a.Urgency] - urgencyRank[b.Urgency] })
	return out, nil
}

// staffScope is the agencies a staff member's lists cover; nil is the whole
// province.
func (s *Dossiers) staffScope(actor org.Actor) []int64 {
	if actor.AllScope {
		return nil
	}
	if actor.Scope == nil {
		return []int64{}
	}
	return actor.Scope
}

// DossierFile opens an attachment of a dossier the actor may see.
func (s *Dossiers) DossierFile(ctx context.Context, actor org.Actor, dossierID int64, fileID string) (model.File, io.ReadCloser, error) {
	d, err := s.Dossier(ctx, actor, dossierID)
	if err != nil {
		return model.File{}, nil, err
	}
	found := slices.Contains(d.ResultFileIDs, fileID)
	for _, c := range d.Components {
		found = found || slices.Contains(c.FileIDs, fileID)
	}
	if !found {
		return model.File{}, nil, apperr.ErrNotFound
	}
	f, err := s.Store.FileByID(ctx, fileID)
	if err != nil {
		return model.File{}, nil, err
	}
	if slices.Contains(d.ResultFileIDs, fileID) {
		evs, err := s.Store.Events(ctx, d.ID)
		if err != nil {
			return model.File{}, nil, err
		}
		f.Name = resultFileName(d, evs, fileID, f.Name)
	}
	rc, err := s.Files.Open(ctx, f.SHA256)
	if err != nil {
		return model.File{}, nil, err
	}
	return f, rc, nil
}

// DossierFiles are the records of a dossier's attachments and results, by
// id, for the page that lists them; the actor must be allowed to see the
// dossier. A record missing from the store is left out rather than failing
// the page.
func (s *Dossiers) DossierFiles(ctx context.Context, actor org.Actor, dossierID int64) (map[string]model.File, error) {
	d, err := s.Dossier(ctx, actor, dossierID)
	if err != nil {
		return nil, err
	}
	ids := slices.Clone(d.ResultFileIDs)
	for _, c := range d.Components {
		ids = append(ids, c.FileIDs...)
	}
	out := make(map[string]model.File, len(ids))
	for _, id := range ids {
		if f, err := s.Store.FileByID(ctx, id); err == nil {
			out[id] = f
		}
	}
	return out, nil
}
