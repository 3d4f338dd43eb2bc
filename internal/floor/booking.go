package floor

import (
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
)

// BookingRules are a center's limits on booking a slot online. The
// defaults follow Hà Nội's from 1/10/2025 (operations-and-figures.md
// "Online queue booking"): today or the next 6 days, at most 2 bookings a
// day and 1 per area; a person who did not come 3 times in 30 days books
// no more until that window has passed.
type BookingRules struct {
	DaysAhead     int           `json:"days_ahead"`
	PerDay        int           `json:"per_day"`
	PerAreaPerDay int           `json:"per_area_per_day"`
	NoShowLimit   int           `json:"no_show_limit"`
	NoShowWindow  time.Duration `json:"no_show_window"`
	SlotLength    time.Duration `json:"slot_length"`
	PerCounter    int           `json:"per_counter"` // people one counter takes in one slot
}

// DefaultBookingRules are the rules a center starts with.
func DefaultBookingRules() BookingRules {
	return BookingRules{DaysAhead: 6, PerDay: 2, PerAreaPerDay: 1, NoShowLimit: 3, NoShowWindow: 30 * 24 * time.Hour,
		SlotLength: 30 * time.Minute, PerCounter: 3}
}

// Slot is one bookable time of an area.
type Slot struct {
	Start    time.Time `json:"start"`
	Area     string    `json:"area"`
	Capacity int       `json:"capacity"`
}

// Slots are the bookable slots of an area on day: the calendar's working
// hours of that day cut into SlotLength pieces (none on a day off), each
// taking PerCounter people per counter serving the area. A slot must end
// within its working period, so that nobody is booked into the lunch break.
func Slots(cal *calendar.Calendar, day calendar.Date, area string, counters int, r BookingRules) []Slot {
	if counters <= 0 || r.SlotLength <= 0 || r.PerCounter <= 0 || !cal.IsWorkingDay(day) {
		return nil
	}
	midnight := time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, calendar.Zone)
	var out []Slot
	for _, p := range cal.Config().Hours {
		for t := p.Start; t+r.SlotLength <= p.End; t += r.SlotLength {
			out = append(out, Slot{Start: midnight.Add(t), Area: area, Capacity: counters * r.PerCounter})
		}
	}
	return out
}

// Booking is one person's booked slot, as the rules read it.
type Booking struct {
	Area   string
	Slot   time.Time
	Status Status // Booked, Waiting (checked in), Done, NoShow…
}

// CanBook checks that a person with bookings mine may book slot, which
// already holds taken people, at now.
func CanBook(r BookingRules, cal *calendar.Calendar, mine []Booking, slot Slot, taken int, now time.Time) error {
	today := calendar.DateOf(now)
	day := calendar.DateOf(slot.Start)
	if !slot.Start.After(now) {
		return apperr.New(apperr.Invalid, "booking_past", "Khung giờ này đã qua.", "This time slot has passed.").On("slot")
	}
	if today.AddDays(r.DaysAhead).Before(day) {
		return apperr.Newf(apperr.Invalid, "booking_too_far",
			"Chỉ đặt lịch trong hôm nay và %d ngày tới.", "Slots can be booked for today and the next %d days only.", r.DaysAhead).On("slot")
	}
	if !cal.IsWorkingDay(day) {
		return apperr.New(apperr.Invalid, "booking_day_off", "Ngày này Trung tâm không làm việc.", "The center is closed on that day.").On("slot")
	}
	if taken >= slot.Capacity {
		return apperr.New(apperr.Conflict, "booking_full", "Khung giờ này đã đủ người; hãy chọn giờ khác.", "This time slot is full; choose another.").On("slot")
	}
	var sameDay, sameArea, noShows int
	for _, b := range mine {
		if b.Status == NoShow && now.Sub(b.Slot) < r.NoShowWindow {
			noShows++
		}
		if b.Status != Booked || calendar.DateOf(b.Slot) != day {
			continue
		}
		sameDay++
		if b.Area == slot.Area {
			sameArea++
		}
	}
	switch {
	case r.NoShowLimit > 0 && noShows >= r.NoShowLimit:
		return apperr.Newf(apperr.Forbidden, "booking_no_shows",
			"Bạn đã không đến %d lần trong %d ngày qua nên tạm thời chưa đặt lịch được; hãy lấy số tại Trung tâm.",
			"You did not come %d times in the last %d days, so booking is paused for now; take a number at the center.",
			noShows, int(r.NoShowWindow.Hours()/24))
	case sameArea >= r.PerAreaPerDay:
		return apperr.Newf(apperr.Conflict, "booking_area_taken",
			"Bạn đã đặt lịch cho lĩnh vực này trong ngày (tối đa %d).", "You already booked this area on that day (%d at most).", r.PerAreaPerDay)
	case sameDay >= r.PerDay:
		return apperr.Newf(apperr.Conflict, "booking_day_taken",
			"Bạn đã đặt đủ %d lịch trong ngày này.", "You already have %d bookings on that day.", r.PerDay)
	}
	return nil
}
