// Package channels carries what leaves the province and what the postal operator reports:
// messages to applicants and their choices, webhooks and the operator's pickups and legs.
package channels

import (
	"github.com/motcua/motcua/internal/service/dossiers"
	"github.com/motcua/motcua/internal/service/internal/core"
)

// Channels is the sub-service; the root service embeds it.
type Channels struct {
	*core.Core
	dossiers *dossiers.Dossiers // a postal pickup files a dossier
}

// New builds the sub-service over the shared kernel and registers its
// reactions to dossier events: messages to the applicant, postal webhooks.
func New(c *core.Core, d *dossiers.Dossiers) *Channels {
	s := &Channels{Core: c, dossiers: d}
	c.OnEvent("notify", s.notifyEvent)
	c.OnEvent("postal", s.postalEvent)
	return s
}
