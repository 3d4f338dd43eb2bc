package model

import "github.com/motcua/motcua/internal/aggregate"

// StatsKey names a group of summed counters.
type StatsKey struct {
	AgencyID  int64
	Procedure string
}

// StatsFilter selects counter rows: agencies (nil: all), one procedure or
// all, and whether to keep procedures apart.
type StatsFilter struct {
	AgencyIDs   []int64
	Procedure   string // "" = every procedure
	ByProcedure bool
	// Columns, when set, are the only columns read (the others come back as
	// zero): summing everything before a period needs the sweeps only, and
	// the catalogue's indicators a few received columns by procedure.
	Columns []aggregate.Column
}

// OpenCounts are the unfinished dossiers at an instant, and how many of
// them are past due.
type OpenCounts struct{ Open, Overdue int64 }
