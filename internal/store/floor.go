package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/floor"
)

// ErrTicketMoved says a ticket changed since it was read: another counter
// (perhaps on another node) called or served it first. The caller reads the
// queue again and picks another.
var ErrTicketMoved = errors.New("store: ticket changed since it was read")

const ticketCols = `id, day, area, seq, status, issued_at, slot, counter_id, called_at, served_at, done_at, calls,
	officer_id, dossier_id, rating, booking_id, priority, phone, version`

func scanTicket(row interface{ Scan(...any) error }) (floor.Ticket, error) {
	var (
		t                          floor.Ticket
		issued                     int64
		slot, called, served, done sql.NullInt64
	)
	err := row.Scan(&t.ID, &t.Day, &t.Area, &t.Seq, &t.Status, &issued, &slot, &t.CounterID, &called, &served, &done, &t.Calls,
		&t.OfficerID, &t.DossierID, &t.Rating, &t.BookingID, &t.Priority, &t.Phone, &t.Version)
	if err != nil {
		return floor.Ticket{}, err
	}
	t.IssuedAt = time.UnixMilli(issued).UTC()
	for _, p := range []struct {
		v  sql.NullInt64
		to *time.Time
	}{{slot, &t.Slot}, {called, &t.CalledAt}, {served, &t.ServedAt}, {done, &t.DoneAt}} {
		if at := fromMS(p.v); at != nil {
			*p.to = *at
		}
	}
	return t, nil
}

// msZero stores a zero time as NULL.
func msZero(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

// NextFloorNumber takes the next number of area on day, in one atomic
// statement: concurrent callers, on any node, each get their own.
func (t *Tx) NextFloorNumber(ctx context.Context, day, area string) (int, error) {
	var n int
	err := t.QueryRow(ctx, `INSERT INTO floor_sequences (day, area, last) VALUES (?, ?, 1)
		ON CONFLICT (day, area) DO UPDATE SET last = floor_sequences.last + 1 RETURNING last`, day, area).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: next floor number: %w", err)
	}
	return n, nil
}

// InsertTicket stores a new ticket and returns its ID.
func (t *Tx) InsertTicket(ctx context.Context, k floor.Ticket) (int64, error) {
	var id int64
	err := t.QueryRow(ctx, `INSERT INTO floor_tickets (day, area, seq, status, issued_at, slot, booking_id, priority, phone, version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id`,
		k.Day, k.Area, k.Seq, k.Status, ms(k.IssuedAt), msZero(k.Slot), k.BookingID, k.Priority, k.Phone).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: insert ticket: %w", err)
	}
	return id, nil
}

// UpdateTicket writes k if it is still at the version it was read at, and
// bumps the version; otherwise ErrTicketMoved.
func (t *Tx) UpdateTicket(ctx context.Context, k floor.Ticket) error {
	res, err := t.Exec(ctx, `UPDATE floor_tickets SET status = ?, counter_id = ?, called_at = ?, served_at = ?, done_at = ?,
		calls = ?, officer_id = ?, dossier_id = ?, rating = ?, issued_at = ?, version = version + 1
		WHERE id = ? AND version = ?`,
		k.Status, k.CounterID, msZero(k.CalledAt), msZero(k.ServedAt), msZero(k.DoneAt), k.Calls, k.OfficerID, k.DossierID, k.Rating,
		ms(k.IssuedAt), k.ID, k.Version)
	if err != nil {
		return fmt.Errorf("store: update ticket %d: %w", k.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: update ticket %d: %w", k.ID, err)
	} else if n == 0 {
		return ErrTicketMoved
	}
	return nil
}

// Ticket reads one ticket.
func (t *Tx) Ticket(ctx context.Context, id int64) (floor.Ticket, error) {
	k, err := scanTicket(t.QueryRow(ctx, `SELECT `+ticketCols+` FROM floor_tickets WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return floor.Ticket{}, ErrNotFoundTicket
	}
	if err != nil {
		return floor.Ticket{}, fmt.Errorf("store: ticket %d: %w", id, err)
	}
	return k, nil
}

// ErrNotFoundTicket says there is no such ticket.
var ErrNotFoundTicket = errors.New("store: no such ticket")

// Tickets lists the tickets of day in the given statuses (all when none)
// and areas (all when none), in order of issue.
func (s *Store) Tickets(ctx context.Context, day string, statuses []floor.Status, areas []string) ([]floor.Ticket, error) {
	q := `SELECT ` + ticketCols + ` FROM floor_tickets WHERE day = ?`
	args := []any{day}
	if len(statuses) > 0 {
		q += " AND status IN (" + strings.TrimSuffix(strings.Repeat("?,", len(statuses)), ",") + ")"
		for _, st := range statuses {
			args = append(args, st)
		}
	}
	if len(areas) > 0 {
		q += " AND area IN (" + strings.TrimSuffix(strings.Repeat("?,", len(areas)), ",") + ")"
		for _, a := range areas {
			args = append(args, a)
		}
	}
	rows, err := s.Query(ctx, q+" ORDER BY id", args...)
	if err != nil {
		return nil, fmt.Errorf("store: tickets of %s: %w", day, err)
	}
	defer rows.Close()
	out := []floor.Ticket{}
	for rows.Next() {
		k, err := scanTicket(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan ticket: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
