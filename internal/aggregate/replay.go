package aggregate

import (
	"time"

	"github.com/motcua/motcua/internal/dossier"
)

// Event is what the replay reads of a logged event.
type Event struct {
	Action  string
	At      time.Time
	Payload map[string]any
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
	for _, e := range evs {
		at := e.At
		switch dossier.Action(e.Action) {
		case dossier.ActReceive:
			d.ReceivedAt, d.DueAt = &at, payloadTime(e.Payload, "due_at")
		case dossier.ActTransfer:
			if id, ok := e.Payload["to_agency_id"].(float64); ok {
				d.ProcessingAgencyID = int64(id)
			}
		case dossier.ActRequestSupplement:
			d.SupplementCount++
			d.SuspendedAt = &at
		case dossier.ActSupplement:
			d.SuspendedAt = nil
			if due := payloadTime(e.Payload, "due_at"); due != nil {
				d.DueAt = due
			}
		case dossier.ActExtend:
			if due := payloadTime(e.Payload, "due_at"); due != nil {
				d.DueAt = due
			}
		case dossier.ActApprove, dossier.ActReject:
			d.FinishedAt = &at
			if ids, ok := e.Payload["result_file_ids"].([]any); ok {
				for _, id := range ids {
					if s, ok := id.(string); ok {
						d.ResultFileIDs = append(d.ResultFileIDs, s)
					}
				}
			}
		case dossier.ActStop:
			d.SuspendedAt = nil
			if d.ReceivedAt != nil {
				d.FinishedAt = &at
			}
		case dossier.ActReturnResult:
			if d.FinishedAt == nil {
				d.FinishedAt = &at
			}
		case dossier.ActRate:
			if r, ok := e.Payload["rating"].(float64); ok {
				d.Rating = dossier.Rating(r)
			}
		}
	}
	return &d
}

func payloadTime(p map[string]any, key string) *time.Time {
	s, ok := p[key].(string)
	if !ok {
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return nil
	}
	t = t.UTC()
	return &t
}
