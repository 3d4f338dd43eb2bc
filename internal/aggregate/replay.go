package aggregate

import (
	"time"

	"github.com/motcua/motcua/internal/dossier"
)

// Event is what the replay reads of a logged event.
type Event struct {
	Action  string
	At      time.Time
	Payload []byte // as stored; read with dossier.Decode
}

// Replay rebuilds from a dossier's event log the facts the counters depend
// on: when it was received, its due date as moved by supplementation and
// extension, suspension, when it was settled, the agency holding it and the
// rating. What never changes after filing (procedure, channel, papers) comes
// from base. The result is a copy; base is not modified.
func Replay(base *dossier.Dossier, evs []Event) *dossier.Dossier {
	d := *base
	d.ReceivedAt, d.DueAt, d.FinishedAt, d.SuspendedAt = nil, nil, nil, nil
	d.SupplementCount, d.Rating, d.ResultFileIDs = 0, dossier.Unrated, nil
	withdrawing := false
	for _, e := range evs {
		at, a := e.At, dossier.Action(e.Action)
		switch a {
		case dossier.ActWithdraw:
			withdrawing = true
			if d.SuspendedAt == nil {
				d.SuspendedAt = &at // the request ends processing time (dossier.Apply)
			}
		case dossier.ActReceive:
			p, _ := dossier.Decode[dossier.ReceivePayload](a, e.Payload)
			d.ReceivedAt, d.DueAt = &at, utc(p.DueAt)
		case dossier.ActTransfer:
			if p, ok := dossier.Decode[dossier.TransferPayload](a, e.Payload); ok && p.ToAgencyID != 0 {
				d.ProcessingAgencyID = p.ToAgencyID
			}
		case dossier.ActRequestSupplement:
			d.SupplementCount++
			d.SuspendedAt = &at
		case dossier.ActSupplement:
			d.SuspendedAt = nil
			p, _ := dossier.Decode[dossier.SupplementPayload](a, e.Payload)
			if due := utc(p.DueAt); due != nil {
				d.DueAt = due
			}
		case dossier.ActExtend:
			p, _ := dossier.Decode[dossier.ExtendPayload](a, e.Payload)
			if due := utc(p.DueAt); due != nil {
				d.DueAt = due
			}
		case dossier.ActApprove, dossier.ActReject:
			d.FinishedAt = &at
			if p, ok := dossier.Decode[dossier.ApprovePayload](a, e.Payload); ok {
				d.ResultFileIDs = append(d.ResultFileIDs, p.ResultFileIDs...)
			}
		case dossier.ActStop:
			end := at
			if withdrawing && d.SuspendedAt != nil {
				end = *d.SuspendedAt
			}
			d.SuspendedAt = nil
			if d.ReceivedAt != nil {
				d.FinishedAt = &end
			}
		case dossier.ActReturnResult:
			if d.FinishedAt == nil {
				d.FinishedAt = &at
			}
		case dossier.ActRate:
			if p, ok := dossier.Decode[dossier.RatePayload](a, e.Payload); ok {
				d.Rating = p.Rating
			}
		}
	}
	return &d
}

// utc is a due date read from a payload as the projection holds it; nil
// when the event recorded none.
func utc(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}
