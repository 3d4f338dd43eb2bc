// Package payments collects the fees of dossiers: online payment through the gateways,
// their callbacks and returns, receipts, and settling a payment with the event it caused.
package payments

import (
	"github.com/motcua/motcua/internal/service/dossiers"
	"github.com/motcua/motcua/internal/service/internal/core"
)

// Fees is the sub-service; the root service embeds it.
type Fees struct {
	*core.Core
	dossiers *dossiers.Dossiers // a gateway's notice takes the pay action
}

// New builds the sub-service over the shared kernel and registers its
// reaction to dossier events: settling the payment a pay event records.
func New(c *core.Core, d *dossiers.Dossiers) *Fees {
	s := &Fees{Core: c, dossiers: d}
	c.OnEvent("payment", s.paymentEvent)
	return s
}
