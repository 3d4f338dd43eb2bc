// Package processes holds the internal processes of procedures: the steps a dossier
// goes through inside the agencies (issue 13 grows it), saved and derived.
package processes

import "github.com/motcua/motcua/internal/service/internal/core"

// Processes is the sub-service; the root service embeds it.
type Processes struct {
	*core.Core
}

// New builds the sub-service over the shared kernel.
func New(c *core.Core) *Processes { return &Processes{Core: c} }
