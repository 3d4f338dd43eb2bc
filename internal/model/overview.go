package model

import "time"

// OverviewKind names one figure of the overview.
type OverviewKind string

const (
	// Settled in the period (finished_at in [Start, End)):
	KindEarly  OverviewKind = "early"   // before the opening of the due date's working day
	KindOnTime OverviewKind = "on_time" // otherwise at or before the due instant
	KindLate   OverviewKind = "late"    // after the due instant
	// Being processed at AsOf (received before AsOf, not finished by AsOf):
	KindInTime  OverviewKind = "in_time" // not past due
	KindOverdue OverviewKind = "overdue" // past due (the clock stops while waiting for supplementation)
	KindAtRisk  OverviewKind = "at_risk" // in time, clock running, due by AtRiskBy (a subset of in_time)
	// A list with no column of its own: settled in the period and rated
	// "không hài lòng", what costs points in 766 indicator 5.4.
	KindDisliked OverviewKind = "disliked"
)

// OverviewKinds lists the figures in the order they are shown.
var OverviewKinds = []OverviewKind{KindEarly, KindOnTime, KindLate, KindInTime, KindOverdue, KindAtRisk}

// ListOnlyKinds can be listed but are not columns of the overview.
var ListOnlyKinds = []OverviewKind{KindDisliked}

// Valid reports whether k is a known figure.
func (k OverviewKind) Valid() bool {
	for _, x := range append(OverviewKinds, ListOnlyKinds...) {
		if x == k {
			return true
		}
	}
	return false
}

// OverviewFilter selects what the overview counts.
type OverviewFilter struct {
	AgencyID      int64  // processing agency; 0 for all
	ProcedureCode string // "" for all
	Start, End    time.Time
	// AsOf is the instant the in-progress figures describe (the end of the
	// period, or now if the period has not ended).
	AsOf time.Time
	// AtRiskBy is the latest due instant counted as at risk.
	AtRiskBy time.Time
	// DayOpen is the opening time of a working day after local midnight
	// (07:00); "early" means settled before the due day's opening.
	DayOpen time.Duration
}

// OverviewCounts are the figures of one agency (or of all).
type OverviewCounts struct {
	Early, OnTime, Late, InTime, Overdue, AtRisk int
}

// Get returns the figure of kind k.
func (c OverviewCounts) Get(k OverviewKind) int {
	switch k {
	case KindEarly:
		return c.Early
	case KindOnTime:
		return c.OnTime
	case KindLate:
		return c.Late
	case KindInTime:
		return c.InTime
	case KindOverdue:
		return c.Overdue
	case KindAtRisk:
		return c.AtRisk
	}
	return 0
}

// Add sums two sets of figures.
func (c OverviewCounts) Add(o OverviewCounts) OverviewCounts {
	return OverviewCounts{c.Early + o.Early, c.OnTime + o.OnTime, c.Late + o.Late, c.InTime + o.InTime, c.Overdue + o.Overdue, c.AtRisk + o.AtRisk}
}

// OverviewCursor continues a list after the last dossier shown (ordered by
// due date, then id).
type OverviewCursor struct {
	DueAt time.Time
	ID    int64
}
