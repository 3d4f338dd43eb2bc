// Package citizens holds what concerns citizens as people: accounts from the national
// e-ID (OIDC), their pages, and the privacy rules that mask or reveal personal data.
package citizens

import "github.com/motcua/motcua/internal/service/internal/core"

// Citizens is the sub-service; the root service embeds it.
type Citizens struct {
	*core.Core
}

// New builds the sub-service over the shared kernel.
func New(c *core.Core) *Citizens { return &Citizens{Core: c} }
