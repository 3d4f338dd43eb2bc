package dossiers

import (
	"context"

	"github.com/motcua/motcua/internal/dossier"
)

// TrackedPapers are the papers a dossier waiting for supplementation was
// asked for, for the public look-up with the receipt's key: names and what
// is wrong only. The officer's explanation is free text and may quote the
// applicant's details, so it stays on the applicant's own page and Form 02.
func (s *Dossiers) TrackedPapers(ctx context.Context, t *Tracked) ([]dossier.MissingPaper, error) {
	if t == nil || t.Full == nil || t.Full.Status != dossier.SupplementRequested {
		return nil, nil
	}
	evs, err := s.Store.Events(ctx, t.Full.ID)
	if err != nil {
		return nil, err
	}
	for i := len(evs) - 1; i >= 0; i-- {
		p, ok := dossier.Decode[dossier.SupplementRequestPayload](dossier.Action(evs[i].Action), evs[i].Payload)
		if !ok {
			continue
		}
		ps := p.MissingPapers
		for j := range ps {
			ps[j].Explanation = ""
		}
		return ps, nil
	}
	return nil, nil
}
