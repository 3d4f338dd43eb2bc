// Package figures computes what the province reports: the overview, the settlement
// report and its documents, the 766 index with its entered inputs and catalogue facts, the tracking book.
package figures

import "github.com/motcua/motcua/internal/service/internal/core"

// Figures is the sub-service; the root service embeds it.
type Figures struct {
	*core.Core
}

// New builds the sub-service over the shared kernel.
func New(c *core.Core) *Figures { return &Figures{Core: c} }
