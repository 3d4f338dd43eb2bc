package model

import (
	"time"

	"github.com/motcua/motcua/internal/dossier"
)

// QueueFilter selects a page of one of the counter's queues. Values are
// already validated by the service; the store only turns them into SQL.
type QueueFilter struct {
	AgencyIDs   []int64          // receiving or processing agency; nil: the province
	Statuses    []dossier.Status // at least one
	Code        string           // exact dossier code
	ID          int64            // exact submission number (an online filing has no code yet)
	NamePrefix  string           // applicant name, folded, as a prefix
	Procedure   string
	Channel     dossier.Channel
	OverdueAt   time.Time // non-zero: due before this instant
	WaitedSince time.Time // non-zero: submitted before this instant
	PostalLeg   bool      // only what travels by post (the postal operator's desk)
	Sort        string    // "oldest", "due", "received"
	Limit       int
	Offset      int
}
