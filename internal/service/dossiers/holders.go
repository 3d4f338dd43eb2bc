package dossiers

import (
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
)

// HoldersAfter is, for each event of d's log as stored, the agency holding
// d just after it (dossier.HoldersAfter), for the forms that speak for it.
func HoldersAfter(d *dossier.Dossier, evs []model.StoredEvent) []int64 {
	log := make([]dossier.Event, len(evs))
	for i, e := range evs {
		log[i] = dossier.Event{Action: dossier.Action(e.Action), Payload: e.Payload}
	}
	return dossier.HoldersAfter(log, d.ProcessingAgencyID)
}
