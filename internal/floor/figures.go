package floor

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/motcua/motcua/internal/calendar"
)

// FigureRow is the floor's figures for one area, counter, officer or hour.
type FigureRow struct {
	Key      string        `json:"key"`
	Tickets  int           `json:"tickets"`   // issued, or booked
	Served   int           `json:"served"`    // served to the end
	MeanWait time.Duration `json:"mean_wait"` // issue (or check-in) to first call, over those called
	MeanServ time.Duration `json:"mean_service"`
	NoShows  int           `json:"no_shows"`
	Bookings int           `json:"bookings"`
	Ratings  int           `json:"ratings"`
	Low      int           `json:"low_ratings"` // "không hài lòng" (1)
}

// NoShowShare is the share of bookings nobody came for.
func (r FigureRow) NoShowShare() float64 {
	if r.Bookings == 0 {
		return 0
	}
	return float64(r.NoShows) / float64(r.Bookings)
}

// Figures are the hall's figures of a period (issue 19 item 5): waiting and
// service time per area, counter, officer and hour of the day, tickets per
// day, and the no-show share of bookings.
type Figures struct {
	Areas, Counters, Officers, Hours, Days []FigureRow
}

// FiguresOf sums tickets.
func FiguresOf(tickets []Ticket) Figures {
	areas, counters, officers, hours, days := rows{}, rows{}, rows{}, rows{}, rows{}
	for _, t := range tickets {
		keys := []*acc{areas.get(t.Area), days.get(t.Day)}
		if t.CounterID != 0 {
			keys = append(keys, counters.get(strconv.FormatInt(t.CounterID, 10)))
		}
		if t.OfficerID != 0 {
			keys = append(keys, officers.get(strconv.FormatInt(t.OfficerID, 10)))
		}
		if !t.IssuedAt.IsZero() {
			keys = append(keys, hours.get(strconv.Itoa(t.IssuedAt.In(calendar.Zone).Hour())))
		}
		for _, a := range keys {
			a.add(t)
		}
	}
	return Figures{Areas: areas.list(), Counters: counters.list(), Officers: officers.list(), Hours: hours.list(), Days: days.list()}
}

type acc struct {
	row              FigureRow
	waited, served   time.Duration
	nWaited, nServed int
}

func (a *acc) add(t Ticket) {
	a.row.Tickets++
	if t.BookingID != "" {
		a.row.Bookings++
	}
	if t.Status == NoShow {
		a.row.NoShows++
	}
	if !t.CalledAt.IsZero() && !t.IssuedAt.IsZero() && !t.CalledAt.Before(t.IssuedAt) {
		a.waited += t.CalledAt.Sub(t.IssuedAt)
		a.nWaited++
	}
	if t.Status == Done && !t.ServedAt.IsZero() && !t.DoneAt.Before(t.ServedAt) {
		a.row.Served++
		a.served += t.DoneAt.Sub(t.ServedAt)
		a.nServed++
	}
	if t.Rating != 0 {
		a.row.Ratings++
		if t.Rating == 1 {
			a.row.Low++
		}
	}
}

type rows map[string]*acc

func (r rows) get(k string) *acc {
	if r[k] == nil {
		r[k] = &acc{row: FigureRow{Key: k}}
	}
	return r[k]
}

func (r rows) list() []FigureRow {
	out := make([]FigureRow, 0, len(r))
	for _, a := range r {
		row := a.row
		if a.nWaited > 0 {
			row.MeanWait = (a.waited / time.Duration(a.nWaited)).Round(time.Second)
		}
		if a.nServed > 0 {
			row.MeanServ = (a.served / time.Duration(a.nServed)).Round(time.Second)
		}
		out = append(out, row)
	}
	slices.SortFunc(out, func(a, b FigureRow) int {
		if len(a.Key) != len(b.Key) && isDigits(a.Key) && isDigits(b.Key) {
			return cmp.Compare(len(a.Key), len(b.Key))
		}
		return cmp.Compare(a.Key, b.Key)
	})
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
