package dossiers

import (
	"slices"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
)

// SupplementedAt tells when a file of a component came in with a
// supplementation, or nil when it was in the dossier as first submitted.
// It is read from the event log, where each supplement event carries the
// components it brought (dossier.Apply, ActSupplement): the log is the
// legal record already, so a second stored marker could only disagree
// with it.
func SupplementedAt(evs []model.StoredEvent, fileID string) *time.Time {
	for _, e := range evs {
		p, ok := dossier.Decode[dossier.SupplementPayload](dossier.Action(e.Action), e.Payload)
		if !ok {
			continue
		}
		for _, c := range p.Components {
			if slices.Contains(c.FileIDs, fileID) {
				at := e.At
				return &at
			}
		}
	}
	return nil
}
