// Package aggregate turns dossiers into the day counters behind the
// dashboards, the 766 index and the settlement report (DESIGN.md "Aggregates
// are incremental"). It is pure: the store keeps the counters, the service
// applies each event's difference in the event's own transaction.
//
// Every dossier contributes a fixed set of (agency, procedure, day, column)
// counts computed from its current state. An event changes the state, so the
// counters change by contribution(after) − contribution(before); a rebuild is
// the sum of every dossier's contribution. Point-in-time figures use sweep
// columns: a dossier adds +1 to "open" on the day it is received and −1 on
// the day it is settled, so the number open at the end of day T is the sum of
// the column over every day up to T; "overdue" works the same way from its
// due day. Facts are attributed to the dossier's current processing agency,
// and a due date moved by supplementation or extension applies to the whole
// history (the figures of a closed period may shift when a dossier in it is
// extended later; the 766 portal computes from current data too).
package aggregate

import (
	"time"

	"github.com/motcua/motcua/internal/dossier"
)

// Column is one counter.
type Column int

// The counters. Received columns count on the day of receipt; settled,
// dislike and rated columns on the day the dossier was settled; Open and
// Overdue are sweeps (see the package comment).
const (
	RecvOnline Column = iota
	RecvCounter
	RecvPostal
	SettledEarly
	SettledOnTime
	SettledLate
	Open
	Overdue
	Digitized // received with at least one paper attached as a file (766 indicator 4.2)
	Rated     // settled and rated by the applicant
	Dislikes  // settled and rated "không hài lòng" (766 indicator 5.4)
	VNeID     // received, filed by a citizen signed in with the national e-ID (766 indicator 4.5b)
	EResult   // settled with an electronic result (766 indicator 4.1)
	// The columns below count on the day of receipt, but some depend on what
	// happens later (an electronic result is issued at settlement): the
	// receipt day's bucket moves when it happens, as every Diff does.
	OnlineEResult        // received online and settled with an electronic result (766 indicator 3.3, RULES §7)
	DigitizedEResult     // received with papers digitized and settled with an electronic result (766 indicator 4.2)
	FeeDue               // received with a fee or charge to pay (766 indicator 3.6 denominator)
	PaidOnline           // of FeeDue, paid through the online payment provider (766 indicator 3.6)
	Reused               // received with a paper taken from the applicant's data store (766 indicator 4.3)
	Shared               // received with a paper from the data store, or settled with an e-result filed into it (766 indicator 4.4)
	Complained           // settled with a complaint linked and not rated "không hài lòng": with Dislikes, 766 indicator 5.4
	NumColumns       int = iota
)

// ColumnNames are the SQL column names, in Column order.
var ColumnNames = [NumColumns]string{"recv_online", "recv_counter", "recv_postal", "settled_early", "settled_on_time",
	"settled_late", "open_sweep", "overdue_sweep", "digitized", "rated", "dislikes", "vneid", "eresult",
	"online_eresult", "digitized_eresult", "fee_due", "paid_online", "reused", "shared", "complained"}

// Key is the bucket a count belongs to. Day is the local date as YYYYMMDD.
type Key struct {
	AgencyID  int64
	Procedure string
	Day       int32
}

// Counts is a row of counters.
type Counts [NumColumns]int64

// Delta is a set of changes to counters.
type Delta map[Key]*Counts

func (d Delta) add(k Key, c Column, n int64) {
	row := d[k]
	if row == nil {
		row = &Counts{}
		d[k] = row
	}
	row[c] += n
}

// Merge adds o into d, dropping rows that come to zero.
func (d Delta) Merge(o Delta) {
	for k, row := range o {
		for c, n := range row {
			if n != 0 {
				d.add(k, Column(c), n)
			}
		}
		if r := d[k]; r != nil && *r == (Counts{}) {
			delete(d, k)
		}
	}
}

// vietnam is where days begin and end for the counters.
var vietnam = time.FixedZone("ICT", 7*3600)

// DayOf is the local date of an instant as YYYYMMDD.
func DayOf(t time.Time) int32 {
	y, m, d := t.In(vietnam).Date()
	return int32(y*10000 + int(m)*100 + d)
}

// Outcome of a settled dossier (RULES-VN.md §3.2): early if settled before
// the start of the due day's working hours, on time up to the due instant,
// late after it. More than one supplementation request makes it late
// whatever the dates ("Yêu cầu bổ sung hồ sơ hơn 01 lần thì tính quá hạn").
func Outcome(d *dossier.Dossier, dayStart func(time.Time) time.Time) Column {
	switch {
	case d.SupplementCount > 1 || d.DueAt == nil || d.FinishedAt.After(*d.DueAt):
		return SettledLate
	case d.FinishedAt.Before(dayStart(*d.DueAt)):
		return SettledEarly
	}
	return SettledOnTime
}

// overdueFrom is the first day at whose end the dossier counts as overdue,
// or 0 when it never does (as things stand): the due day itself, since its
// close (17:00) is before the day's end. While the applicant is asked for a
// supplement the clock stands still and the request instant is the end
// (RULES-VN.md §3.2): a request made in time keeps the dossier within time.
func overdueFrom(d *dossier.Dossier) int32 {
	switch {
	case d.SupplementCount > 1:
		return DayOf(*d.ReceivedAt)
	case d.DueAt == nil:
		return 0
	case d.FinishedAt != nil && !d.FinishedAt.After(*d.DueAt):
		return 0
	case d.FinishedAt == nil && d.SuspendedAt != nil && !d.SuspendedAt.After(*d.DueAt):
		return 0
	}
	return DayOf(*d.DueAt)
}

// Contribution is what one dossier, as it stands, adds to the counters.
// Dossiers not (yet) received add nothing: the counters speak of received
// dossiers, as the official reports do.
func Contribution(d *dossier.Dossier, dayStart func(time.Time) time.Time) Delta {
	out := Delta{}
	if d == nil || d.ReceivedAt == nil {
		return out
	}
	at := func(day int32) Key { return Key{AgencyID: d.ProcessingAgencyID, Procedure: d.ProcedureCode, Day: day} }
	recv := at(DayOf(*d.ReceivedAt))
	switch d.Channel {
	case dossier.ChannelOnline:
		out.add(recv, RecvOnline, 1)
	case dossier.ChannelPostal:
		out.add(recv, RecvPostal, 1)
	default:
		out.add(recv, RecvCounter, 1)
	}
	var digitized, reused bool
	for _, c := range d.Components {
		digitized = digitized || len(c.FileIDs) > 0 || c.Digitized
		reused = reused || c.Reused
	}
	// Every procedure is taken to yield a document result (a certificate, a
	// licence, a written answer), so 3.3 and 4.2 ask for an electronic one
	// from every dossier; the catalogue's few procedures without a result
	// text are gaps of the crawl, not procedures without a result.
	eresult := d.FinishedAt != nil && len(d.ResultFileIDs) > 0
	if digitized {
		out.add(recv, Digitized, 1)
		if eresult {
			out.add(recv, DigitizedEResult, 1)
		}
	}
	if eresult && d.Channel == dossier.ChannelOnline {
		out.add(recv, OnlineEResult, 1)
	}
	if d.FeeVND > 0 || d.PaidVND > 0 || d.PaymentDueVND > 0 {
		out.add(recv, FeeDue, 1)
		if d.PaidOnline {
			out.add(recv, PaidOnline, 1)
		}
	}
	if reused {
		out.add(recv, Reused, 1)
	}
	// The electronic result of a dossier filed from an account is filed into
	// that account's data store (Circular 01/2023 Art. 24(2)(d)): shared.
	if reused || (eresult && d.ApplicantUserID != 0) {
		out.add(recv, Shared, 1)
	}
	if d.VNeIDVerified {
		out.add(recv, VNeID, 1)
	}
	out.add(recv, Open, 1)
	var finDay int32
	if d.FinishedAt != nil {
		finDay = DayOf(*d.FinishedAt)
		fin := at(finDay)
		out.add(fin, Outcome(d, dayStart), 1)
		out.add(fin, Open, -1)
		if len(d.ResultFileIDs) > 0 {
			out.add(fin, EResult, 1)
		}
		if d.Rating != dossier.Unrated {
			out.add(fin, Rated, 1)
		}
		// 5.4 counts a settled dossier once whether it was disliked,
		// complained about, or both.
		if d.Rating.Dislike() {
			out.add(fin, Dislikes, 1)
		} else if d.ComplaintCount > 0 {
			out.add(fin, Complained, 1)
		}
	}
	if from := overdueFrom(d); from != 0 && (finDay == 0 || finDay > from) {
		out.add(at(from), Overdue, 1)
		if finDay != 0 {
			out.add(at(finDay), Overdue, -1)
		}
	}
	// A dossier settled on the day it fell overdue was never overdue at a
	// day's end; nothing is added then.
	return out
}

// Diff is what an event changes: the contribution after it minus the one
// before. Unchanged buckets are left out.
func Diff(before, after *dossier.Dossier, dayStart func(time.Time) time.Time) Delta {
	out := Contribution(after, dayStart)
	neg := Contribution(before, dayStart)
	for _, row := range neg {
		for i := range row {
			row[i] = -row[i]
		}
	}
	out.Merge(neg)
	return out
}
