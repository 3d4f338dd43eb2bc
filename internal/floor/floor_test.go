package floor

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
)

func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, calendar.Zone)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func code(err error) string {
	if e, ok := apperr.As(err); ok {
		return e.Code
	}
	return ""
}

var (
	q1 = Counter{ID: 1, Name: "Quầy 1", Areas: []string{"tu-phap"}}
	q2 = Counter{ID: 2, Name: "Quầy 2", Areas: []string{"tu-phap", "dat-dai"}}
	q3 = Counter{ID: 3, Name: "Quầy 3", Areas: []string{"dat-dai"}}
)

// Numbers start at 1 per area and day and are printed with the area's
// letter; the last number of the day is 999.
func TestIssueAndNumber(t *testing.T) {
	tk, err := Issue("tu-phap", "2026-12-04", 6, at(t, "2026-12-04 08:00"))
	if err != nil || tk.Seq != 7 || tk.Number("A") != "A007" || tk.Status != Waiting {
		t.Fatalf("%+v %v", tk, err)
	}
	if _, err := Issue("tu-phap", "2026-12-04", MaxPerDay, at(t, "2026-12-04 16:00")); code(err) != "floor_numbers_out" {
		t.Fatalf("after 999: %v", err)
	}
}

// Who is called next: the counter's own areas only; priority first (the
// elderly, the disabled, pregnant women); a booking whose slot has begun
// before walk-ins; walk-ins first come first served; a booking that checked
// in early only when nobody else waits (operations-and-figures.md "Online
// queue booking").
func TestNext_Order(t *testing.T) {
	now := at(t, "2026-12-04 09:00")
	walk1 := Ticket{ID: 1, Area: "tu-phap", Seq: 1, Status: Waiting, IssuedAt: at(t, "2026-12-04 07:10")}
	walk2 := Ticket{ID: 2, Area: "tu-phap", Seq: 2, Status: Waiting, IssuedAt: at(t, "2026-12-04 07:20")}
	land := Ticket{ID: 3, Area: "dat-dai", Seq: 1, Status: Waiting, IssuedAt: at(t, "2026-12-04 07:00")}
	old := Ticket{ID: 4, Area: "tu-phap", Seq: 3, Status: Waiting, IssuedAt: at(t, "2026-12-04 08:30"), Priority: true}
	booked := Ticket{ID: 5, Area: "tu-phap", Seq: 4, Status: Waiting, IssuedAt: at(t, "2026-12-04 08:50"), Slot: at(t, "2026-12-04 09:00"), BookingID: "B1"}
	early := Ticket{ID: 6, Area: "tu-phap", Seq: 5, Status: Waiting, IssuedAt: at(t, "2026-12-04 07:05"), Slot: at(t, "2026-12-04 10:00"), BookingID: "B2"}
	called := Ticket{ID: 7, Area: "tu-phap", Seq: 6, Status: Called, IssuedAt: at(t, "2026-12-04 07:00")}
	for _, c := range []struct {
		name    string
		counter Counter
		waiting []Ticket
		want    int64
	}{
		{"first come, first served", q1, []Ticket{walk2, walk1, called}, 1},
		{"a counter calls only its areas", q1, []Ticket{land, walk2}, 2},
		{"priority first", q1, []Ticket{walk1, old, booked}, 4},
		{"a booking whose slot has begun before walk-ins", q1, []Ticket{walk1, booked}, 5},
		{"an early booking after walk-ins", q1, []Ticket{early, walk2}, 2},
		{"an early booking rather than an idle counter", q1, []Ticket{early}, 6},
		{"a counter of two areas takes the oldest of both", q2, []Ticket{walk1, land}, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := Next(c.counter, c.waiting, now)
			if !ok || got.ID != c.want {
				t.Fatalf("next %d (%v), want %d", got.ID, ok, c.want)
			}
		})
	}
	if _, ok := Next(q3, []Ticket{walk1}, now); ok {
		t.Fatal("a counter with nobody of its areas waiting calls nobody")
	}
}

// A ticket's service at the counter: called, recalled, served, rated once
// (Circular 01/2018 Art. 12: the citizen rates at the counter); what a
// counter may not do is refused with its own code.
func TestApply_CounterService_Circular01_2018_Art12(t *testing.T) {
	tk, _ := Issue("tu-phap", "2026-12-04", 0, at(t, "2026-12-04 08:00"))
	steps := []Command{
		{Action: ActCall, At: at(t, "2026-12-04 08:10"), Counter: q1},
		{Action: ActSkip, At: at(t, "2026-12-04 08:12"), Counter: q1},
		{Action: ActRecall, At: at(t, "2026-12-04 08:20"), Counter: q1},
		{Action: ActArrive, At: at(t, "2026-12-04 08:21"), Counter: q1, OfficerID: 10},
		{Action: ActFinish, At: at(t, "2026-12-04 08:35"), Counter: q1, DossierID: 42},
		{Action: ActRate, At: at(t, "2026-12-04 08:36"), Rating: 4},
	}
	for _, c := range steps {
		if err := Apply(&tk, c); err != nil {
			t.Fatalf("%s: %v", c.Action, err)
		}
	}
	if tk.Status != Done || tk.Calls != 2 || tk.OfficerID != 10 || tk.DossierID != 42 || tk.Rating != 4 {
		t.Fatalf("after the service: %+v", tk)
	}
	waiting, _ := Issue("tu-phap", "2026-12-04", 1, at(t, "2026-12-04 08:00"))
	calledAt1 := waiting
	_ = Apply(&calledAt1, Command{Action: ActCall, At: at(t, "2026-12-04 08:40"), Counter: q1})
	for _, c := range []struct {
		name string
		t    Ticket
		cmd  Command
		want string
	}{
		{"rated once", tk, Command{Action: ActRate, Rating: 1}, "floor_rated"},
		{"a rating is one of four", func() Ticket { x := tk; x.Rating = 0; return x }(), Command{Action: ActRate, Rating: 5}, "floor_rating"},
		{"a counter of another area", waiting, Command{Action: ActCall, Counter: q3}, "floor_counter_area"},
		{"another counter's ticket", calledAt1, Command{Action: ActArrive, Counter: q2}, "floor_other_counter"},
		{"served before it is called", waiting, Command{Action: ActFinish, Counter: q1}, "floor_action_status"},
		{"transfer to a counter of another area", calledAt1, Command{Action: ActTransfer, Counter: q1, ToCounter: q3}, "floor_transfer_counter"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := c.t
			if err := Apply(&c.t, c.cmd); code(err) != c.want {
				t.Fatalf("err %v, want %s", err, c.want)
			}
			if c.t != before {
				t.Fatal("a refused action changed the ticket")
			}
		})
	}
	// Transferred: back in the queue with its number, for any counter of the area.
	tr := calledAt1
	if err := Apply(&tr, Command{Action: ActTransfer, Counter: q1, ToCounter: q2}); err != nil || tr.Status != Waiting || tr.CounterID != 0 || tr.Seq != calledAt1.Seq {
		t.Fatalf("transfer: %+v %v", tr, err)
	}
}

func TestWait(t *testing.T) {
	for _, c := range []struct {
		ahead    int
		mean     time.Duration
		counters int
		want     string
	}{
		{6, 10 * time.Minute, 2, "Dự kiến chờ: khoảng 30 phút"},
		{20, 12 * time.Minute, 3, "Dự kiến chờ: khoảng 1 giờ 20 phút"},
		{0, 10 * time.Minute, 2, "Dự kiến chờ: dưới 1 phút"},
		{5, 0, 2, ""}, // no history: no guess
	} {
		d, ok := Wait(c.ahead, c.mean, c.counters)
		if got := WaitText(d, ok); got != c.want {
			t.Errorf("%d ahead: %q, want %q", c.ahead, got, c.want)
		}
	}
}

// Source: Hà Nội's online booking from 1/10/2025 (operations-and-figures.md):
// today or the next 6 days, at most 2 bookings a day and 1 per area; slots
// from the calendar's working hours (07:00–11:30, 13:30–17:00), none on a
// day off; no-shows limited.
func TestBooking_HaNoi2025Rules(t *testing.T) {
	cal := calendar.Default()
	r := DefaultBookingRules()
	fri := calendar.Date{Year: 2026, Month: 12, Day: 4}
	slots := Slots(cal, fri, "tu-phap", 2, r)
	if len(slots) != 9+7 || !slots[0].Start.Equal(at(t, "2026-12-04 07:00")) || !slots[8].Start.Equal(at(t, "2026-12-04 11:00")) ||
		!slots[9].Start.Equal(at(t, "2026-12-04 13:30")) || slots[0].Capacity != 6 {
		t.Fatalf("slots %d: %+v", len(slots), slots)
	}
	if s := Slots(cal, calendar.Date{Year: 2026, Month: 12, Day: 5}, "tu-phap", 2, r); len(s) != 0 {
		t.Fatalf("Saturday has %d slots", len(s))
	}
	now := at(t, "2026-12-04 08:00")
	slot := Slot{Start: at(t, "2026-12-07 09:00"), Area: "tu-phap", Capacity: 6}
	noShow := func(s string) Booking { return Booking{Area: "tu-phap", Slot: at(t, s), Status: NoShow} }
	for _, c := range []struct {
		name  string
		mine  []Booking
		slot  Slot
		taken int
		want  string
	}{
		{"a free slot next Monday", nil, slot, 5, ""},
		{"full", nil, slot, 6, "booking_full"},
		{"past", nil, Slot{Start: at(t, "2026-12-04 07:30"), Area: "tu-phap", Capacity: 6}, 0, "booking_past"},
		{"more than 6 days ahead", nil, Slot{Start: at(t, "2026-12-11 09:00"), Area: "tu-phap", Capacity: 6}, 0, "booking_too_far"},
		{"the sixth day is still open", nil, Slot{Start: at(t, "2026-12-10 09:00"), Area: "tu-phap", Capacity: 6}, 0, ""},
		{"a Sunday", nil, Slot{Start: at(t, "2026-12-06 09:00"), Area: "tu-phap", Capacity: 6}, 0, "booking_day_off"},
		{"one per area a day", []Booking{{Area: "tu-phap", Slot: at(t, "2026-12-07 14:00"), Status: Booked}}, slot, 0, "booking_area_taken"},
		{"two a day", []Booking{{Area: "dat-dai", Slot: at(t, "2026-12-07 08:00"), Status: Booked}, {Area: "ho-tich", Slot: at(t, "2026-12-07 10:00"), Status: Booked}}, slot, 0, "booking_day_taken"},
		{"three no-shows in 30 days", []Booking{noShow("2026-11-10 09:00"), noShow("2026-11-20 09:00"), noShow("2026-12-01 09:00")}, slot, 0, "booking_no_shows"},
		{"an old no-show is forgotten", []Booking{noShow("2026-10-01 09:00"), noShow("2026-11-20 09:00"), noShow("2026-12-01 09:00")}, slot, 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := code(CanBook(r, cal, c.mine, c.slot, c.taken, now)); got != c.want {
				t.Fatalf("%q, want %q", got, c.want)
			}
		})
	}
}

// The hall's figures (issue 19 item 5): mean wait from issue to call, mean
// service, no-show share of bookings, per area, counter, officer and hour.
func TestFiguresOf(t *testing.T) {
	tk := func(area string, counter, officer int64, issued, called, served, done string, st Status, booking string, rating int) Ticket {
		x := Ticket{Area: area, Day: "2026-12-04", CounterID: counter, OfficerID: officer, Status: st, BookingID: booking, Rating: rating}
		for _, p := range []struct {
			s string
			t *time.Time
		}{{issued, &x.IssuedAt}, {called, &x.CalledAt}, {served, &x.ServedAt}, {done, &x.DoneAt}} {
			if p.s != "" {
				*p.t = at(t, "2026-12-04 "+p.s)
			}
		}
		return x
	}
	f := FiguresOf([]Ticket{
		tk("tu-phap", 1, 10, "07:00", "07:10", "07:11", "07:21", Done, "", 4),
		tk("tu-phap", 1, 10, "07:05", "07:35", "07:36", "07:56", Done, "B1", 1),
		tk("tu-phap", 0, 0, "", "", "", "", NoShow, "B2", 0),
		tk("dat-dai", 3, 11, "08:00", "08:05", "", "", Called, "", 0),
	})
	if len(f.Areas) != 2 {
		t.Fatalf("areas %+v", f.Areas)
	}
	tp := f.Areas[1]
	if tp.Key != "tu-phap" || tp.Tickets != 3 || tp.Served != 2 || tp.MeanWait != 20*time.Minute || tp.MeanServ != 15*time.Minute ||
		tp.NoShowShare() != 0.5 || tp.Ratings != 2 || tp.Low != 1 {
		t.Fatalf("tu-phap %+v", tp)
	}
	if len(f.Officers) != 2 || f.Officers[0].Key != "10" || f.Officers[0].Served != 2 {
		t.Fatalf("officers %+v", f.Officers)
	}
	if len(f.Hours) != 2 || f.Hours[0].Key != "7" || f.Hours[0].Tickets != 2 || f.Hours[1].Key != "8" {
		t.Fatalf("hours %+v", f.Hours)
	}
}
