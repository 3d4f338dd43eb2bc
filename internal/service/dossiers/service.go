// Package dossiers runs the life of a dossier: filing, the counter, actions and
// their receipt codes, inbox and queues, attachments, public tracking, deadlines and urging.
package dossiers

import (
	"github.com/motcua/motcua/internal/service/datastore"
	"github.com/motcua/motcua/internal/service/internal/core"
)

// Dossiers is the sub-service; the root service embeds it.
type Dossiers struct {
	*core.Core
	docs *datastore.DataStore // documents reused in a filing
}

// New builds the sub-service over the shared kernel and registers its
// reaction to dossier events: expediting orders (urge.go).
func New(c *core.Core, docs *datastore.DataStore) *Dossiers {
	s := &Dossiers{Core: c, docs: docs}
	c.OnEvent("urge", s.urgeEvent)
	return s
}
