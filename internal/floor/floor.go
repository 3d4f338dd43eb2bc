// Package floor is the one-stop's hall: queue tickets taken at the kiosk or
// booked online, called to a counter, served, rated at the counter. It
// holds the rules only — numbering, who is called next, what a counter may
// do with a ticket, booking capacity and no-shows, one rating per service —
// free of HTTP and SQL; the store keeps tickets and guarantees that two
// nodes never issue or call the same number (the queue is shared).
//
// The practice it follows (operations-and-figures.md "Online queue
// booking", Hà Nội from 1/10/2025: today or the next 6 days, at most 2
// bookings a day and 1 per field; Thanh Hóa: a ticket per field, routed to
// every counter of that field, with a one-tap rating after each service)
// and the law on rating at the counter (Circular 01/2018 Art. 12; RULES-VN.md
// §5.2).
//
// Not yet called by the server: the kiosk, board and counter pages are issue 19, so deadcode lists this package until then.
package floor

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
)

// Area is a service area (lĩnh vực) of the hall, with its ticket letter.
type Area struct {
	Code   string `json:"code"`   // e.g. "tu-phap"
	Letter string `json:"letter"` // the ticket's prefix, e.g. "A"
	Name   string `json:"name"`   // Vietnamese, as the kiosk shows it
}

// Counter is a desk of the hall and the areas it serves.
type Counter struct {
	ID    int64    `json:"id"`
	Name  string   `json:"name"` // "Quầy 3"
	Areas []string `json:"areas"`
}

// Serves reports whether the counter serves area.
func (c Counter) Serves(area string) bool { return slices.Contains(c.Areas, area) }

// Status is where a ticket stands.
type Status string

// Statuses of a ticket.
const (
	Waiting Status = "waiting" // issued (or checked in after booking), in the queue
	Called  Status = "called"  // shown on the board for a counter
	Serving Status = "serving" // the person is at the counter
	Done    Status = "done"    // served
	Skipped Status = "skipped" // called and did not come; may be recalled the same day
	Booked  Status = "booked"  // a booked slot not yet checked in at the kiosk
	NoShow  Status = "no_show" // a booked slot nobody checked in for
)

// Ticket is one queue number.
type Ticket struct {
	ID        int64     `json:"id"`
	Day       string    `json:"day"` // yyyy-mm-dd, Vietnam's date: numbers start again each day
	Area      string    `json:"area"`
	Seq       int       `json:"seq"` // per area and day, from 1
	Status    Status    `json:"status"`
	IssuedAt  time.Time `json:"issued_at"`
	Slot      time.Time `json:"slot,omitzero"` // a booking's slot start
	CounterID int64     `json:"counter_id,omitempty"`
	CalledAt  time.Time `json:"called_at,omitzero"`
	ServedAt  time.Time `json:"served_at,omitzero"` // when the person reached the counter
	DoneAt    time.Time `json:"done_at,omitzero"`
	Calls     int       `json:"calls"`                // how many times it was called (recalls)
	OfficerID int64     `json:"officer_id,omitempty"` // who served it
	DossierID int64     `json:"dossier_id,omitempty"` // the dossier received at that service, if any
	Rating    int       `json:"rating,omitempty"`     // 1–4, once
	BookingID string    `json:"booking_id,omitempty"` // the booking code, for a booked ticket
	Priority  bool      `json:"priority,omitempty"`   // the elderly, the disabled, pregnant women: served first
	Phone     string    `json:"-"`                    // for the booking reminder; personal data, never shown on the board
	Version   int       `json:"-"`                    // the store's version: a change applies only to what was read
}

// Number is the ticket as printed and called: the area's letter and three
// digits ("A007").
func (t Ticket) Number(letter string) string { return fmt.Sprintf("%s%03d", letter, t.Seq) }

// MaxPerDay bounds the numbers of one area in one day.
const MaxPerDay = 999

// Issue is the next ticket of area on day, after last numbers already
// issued (the store gives last under its lock).
func Issue(area string, day string, last int, at time.Time) (Ticket, error) {
	if last >= MaxPerDay {
		return Ticket{}, apperr.Newf(apperr.Conflict, "floor_numbers_out",
			"Đã hết số thứ tự của lĩnh vực này trong ngày (tối đa %d).",
			"This area has run out of numbers for the day (%d at most).", MaxPerDay)
	}
	return Ticket{Day: day, Area: area, Seq: last + 1, Status: Waiting, IssuedAt: at}, nil
}

// Next picks the ticket counter c calls next from the waiting ones: those
// of the areas it serves, priority first, then a booking whose slot has
// begun, then in order of issue (first come, first served), then bookings
// that checked in before their slot. ok is false when nobody waits for it.
func Next(c Counter, waiting []Ticket, now time.Time) (Ticket, bool) {
	var best *Ticket
	rank := func(t *Ticket) (int, time.Time) {
		switch {
		case t.Priority:
			return 0, t.IssuedAt
		case !t.Slot.IsZero() && !t.Slot.After(now):
			return 1, t.Slot
		case !t.Slot.IsZero():
			// Checked in before the slot: served when nobody else waits,
			// rather than leave a counter idle.
			return 3, t.Slot
		}
		return 2, t.IssuedAt
	}
	for i := range waiting {
		t := &waiting[i]
		if t.Status != Waiting || !c.Serves(t.Area) {
			continue
		}
		if best == nil {
			best = t
			continue
		}
		r1, a1 := rank(t)
		r2, a2 := rank(best)
		if r1 < r2 || r1 == r2 && (a1.Before(a2) || a1.Equal(a2) && t.ID < best.ID) {
			best = t
		}
	}
	if best == nil {
		return Ticket{}, false
	}
	return *best, true
}

// Action is what a counter does with a ticket.
type Action string

// Actions of the counter.
const (
	ActCall     Action = "call"     // call this ticket (the one Next chose)
	ActRecall   Action = "recall"   // call again: a skipped or still-called ticket
	ActArrive   Action = "arrive"   // the person reached the counter
	ActSkip     Action = "skip"     // called, did not come
	ActTransfer Action = "transfer" // send to another counter of the same area, back in the queue with its number
	ActFinish   Action = "finish"   // served
	ActRate     Action = "rate"     // the citizen's one tap at the counter device
	ActCheckIn  Action = "check_in" // a booking arrives at the kiosk
	ActNoShow   Action = "no_show"  // a booking's slot passed without check-in
)

var actionFrom = map[Action][]Status{
	ActCall:     {Waiting},
	ActRecall:   {Called, Skipped},
	ActArrive:   {Called},
	ActSkip:     {Called},
	ActTransfer: {Called, Serving},
	ActFinish:   {Serving},
	ActRate:     {Done},
	ActCheckIn:  {Booked},
	ActNoShow:   {Booked},
}

// Command is one action at a counter.
type Command struct {
	Action    Action
	At        time.Time
	Counter   Counter // the acting counter
	OfficerID int64
	ToCounter Counter // transfer
	DossierID int64   // finish: the dossier received, if any
	Rating    int     // rate: 1 (không hài lòng) … 4 (rất hài lòng)
}

// Apply checks cmd against the ticket and applies it; on error t is unchanged.
func Apply(t *Ticket, cmd Command) error {
	from, ok := actionFrom[cmd.Action]
	if !ok {
		return apperr.Newf(apperr.Invalid, "floor_action", "Không có thao tác %q với số thứ tự.", "There is no ticket action %q.", cmd.Action)
	}
	if !slices.Contains(from, t.Status) {
		if cmd.Action == ActRate && t.Rating != 0 {
			return apperr.New(apperr.Conflict, "floor_rated",
				"Lượt phục vụ này đã được đánh giá.", "This service has already been rated.")
		}
		return apperr.Newf(apperr.Invalid, "floor_action_status",
			"Không thể thực hiện %q khi số đang ở trạng thái %q.", "The action %q is not possible while the ticket is %q.", cmd.Action, t.Status)
	}
	counterOnly := cmd.Action != ActCheckIn && cmd.Action != ActNoShow && cmd.Action != ActRate
	if counterOnly && !cmd.Counter.Serves(t.Area) {
		return apperr.Newf(apperr.Forbidden, "floor_counter_area",
			"%s không phục vụ lĩnh vực của số này.", "%s does not serve this ticket's area.", cmd.Counter.Name)
	}
	if counterOnly && cmd.Action != ActCall && t.CounterID != 0 && t.CounterID != cmd.Counter.ID {
		return apperr.New(apperr.Forbidden, "floor_other_counter",
			"Số này đang ở quầy khác.", "This ticket is at another counter.")
	}
	next := *t
	switch cmd.Action {
	case ActCall, ActRecall:
		next.Status, next.CounterID, next.CalledAt, next.Calls = Called, cmd.Counter.ID, cmd.At, t.Calls+1
	case ActArrive:
		next.Status, next.ServedAt, next.OfficerID = Serving, cmd.At, cmd.OfficerID
	case ActSkip:
		next.Status = Skipped
	case ActTransfer:
		if cmd.ToCounter.ID == 0 || cmd.ToCounter.ID == cmd.Counter.ID || !cmd.ToCounter.Serves(t.Area) {
			return apperr.New(apperr.Invalid, "floor_transfer_counter",
				"Chọn quầy khác phục vụ cùng lĩnh vực.", "Choose another counter that serves the same area.").On("to_counter")
		}
		// Back in the queue with its number and its place: transferred, not sent to the end.
		next.Status, next.CounterID = Waiting, 0
	case ActFinish:
		next.Status, next.DoneAt, next.DossierID = Done, cmd.At, cmd.DossierID
	case ActRate:
		if t.Rating != 0 {
			return apperr.New(apperr.Conflict, "floor_rated",
				"Lượt phục vụ này đã được đánh giá.", "This service has already been rated.")
		}
		if cmd.Rating < 1 || cmd.Rating > 4 {
			return apperr.New(apperr.Invalid, "floor_rating", "Hãy chọn một trong bốn mức đánh giá.", "Choose one of the four ratings.").On("rating")
		}
		next.Rating = cmd.Rating
	case ActCheckIn:
		next.Status, next.IssuedAt = Waiting, cmd.At
	case ActNoShow:
		next.Status = NoShow
	}
	*t = next
	return nil
}

// Wait estimates how long a new ticket of an area waits: the people ahead
// of it times the mean service time, shared by the counters open for the
// area. With no history the kiosk says nothing rather than guess.
func Wait(ahead int, meanService time.Duration, counters int) (time.Duration, bool) {
	if meanService <= 0 || counters <= 0 {
		return 0, false
	}
	return (time.Duration(ahead) * meanService / time.Duration(counters)).Round(time.Minute), true
}

// WaitText is the estimate as the kiosk prints it.
func WaitText(d time.Duration, ok bool) string {
	if !ok {
		return ""
	}
	if d < time.Minute {
		return "Dự kiến chờ: dưới 1 phút"
	}
	var b strings.Builder
	b.WriteString("Dự kiến chờ: khoảng ")
	if h := int(d.Hours()); h > 0 {
		fmt.Fprintf(&b, "%d giờ ", h)
	}
	fmt.Fprintf(&b, "%d phút", int(d.Minutes())%60)
	return b.String()
}
