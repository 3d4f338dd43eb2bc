// Package admin holds the administrator's and the accounts' use cases: agencies, counters
// and contacts, staff, the calendar, the procedure catalogue, passwords and signing in.
package admin

import "github.com/motcua/motcua/internal/service/internal/core"

// Admin is the sub-service; the root service embeds it.
type Admin struct {
	*core.Core
}

// New builds the sub-service over the shared kernel.
func New(c *core.Core) *Admin { return &Admin{Core: c} }
