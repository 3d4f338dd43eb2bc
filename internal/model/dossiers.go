package model

import (
	"encoding/json"
	"time"

	"github.com/motcua/motcua/internal/org"
)

// EventActor is who acted, as recorded on the event.
type EventActor struct {
	UserID int64
	Role   org.Role
	Name   string
}

// StoredEvent is one row of the dossier's log.
type StoredEvent struct {
	Seq            int             `json:"seq"`
	Action         string          `json:"action"`
	FromStatus     string          `json:"from_status"`
	ToStatus       string          `json:"to_status"`
	ActorUserID    int64           `json:"actor_user_id"`
	ActorRole      string          `json:"actor_role"`
	ActorName      string          `json:"actor_name"`
	At             time.Time       `json:"at"`
	Note           string          `json:"note"`
	Payload        json.RawMessage `json:"payload"` // as stored; read with dossier.Decode
	IdempotencyKey string          `json:"-"`
}

// DossierFilter selects dossiers for a list. Scope limits to what the actor
// may see.
type DossierFilter struct {
	Status    string
	AgencyIDs []int64 // processing or receiving agency in this set (nil: any)
	OwnerID   int64   // citizen's own dossiers
	Overdue   *bool
	Q         string // code, ID number, or name without diacritics
	Now       time.Time
	Limit     int
	AfterID   int64 // keyset pagination: dossiers with id < AfterID
	PostalLeg bool  // only dossiers filed or returned by post (the postal operator's list)
}
