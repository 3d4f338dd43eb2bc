package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/motcua/motcua/internal/audit"
	"github.com/motcua/motcua/internal/dossier"
)

// txChain remembers, within one transaction, the chain heads it read with
// the dossiers (Tx.Dossier) and the filing facts of the dossiers it
// inserted, so that AppendEvent hashes without another query. An entry is
// used once and dropped: a grouped transaction's callers run one after the
// other, each in a savepoint that may roll back, and only what was read
// from the database in this caller's turn is trusted.
type txChain struct {
	heads   map[int64]chainHead
	genesis map[int64]audit.Genesis
}

type chainHead struct {
	seq  int
	hash sql.NullString
}

func (c *txChain) read(id int64, version int, hash sql.NullString) {
	if c.heads == nil {
		c.heads = map[int64]chainHead{}
	}
	c.heads[id] = chainHead{version, hash}
}

func (c *txChain) filed(id int64, d *dossier.Dossier) {
	if c.genesis == nil {
		c.genesis = map[int64]audit.Genesis{}
	}
	c.genesis[id] = genesisOf(d)
}

func genesisOf(d *dossier.Dossier) audit.Genesis {
	return audit.Genesis{ProcedureCode: d.ProcedureCode, ProcedureVersion: d.ProcedureVersion, Channel: string(d.Channel),
		ReturnMethod: string(d.ReturnMethod), ApplicantUserID: d.ApplicantUserID, Name: d.Applicant.Name,
		IDNumber: d.Applicant.IDNumber, Phone: d.Applicant.Phone, Email: d.Applicant.Email, Address: d.Applicant.Address,
		SubmittedAt: ms(d.SubmittedAt), FeeVND: d.FeeVND, VNeIDVerified: d.VNeIDVerified}
}

// eventHash is the hash e gets in its dossier's chain, or NULL when the
// previous event is not chained yet (a dossier of before migration 0018
// whose events ChainLegacyEvents has not reached: it chains them all).
func (t *Tx) eventHash(ctx context.Context, e audit.Event) (any, error) {
	if e.Seq == 1 {
		g, ok := t.chain.genesis[e.DossierID]
		delete(t.chain.genesis, e.DossierID)
		if !ok {
			d, err := t.Dossier(ctx, e.DossierID)
			if err != nil {
				return nil, fmt.Errorf("store: chain event: %w", err)
			}
			g = genesisOf(d)
		}
		return audit.EventHash("", e, &g), nil
	}
	h, ok := t.chain.heads[e.DossierID]
	delete(t.chain.heads, e.DossierID)
	if !ok || h.seq != e.Seq-1 {
		h.seq = e.Seq - 1
		err := t.QueryRow(ctx, `SELECT hash FROM dossier_events WHERE dossier_id = ? AND seq = ?`, e.DossierID, e.Seq-1).Scan(&h.hash)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("store: chain event: %w", err)
		}
	}
	if !h.hash.Valid {
		return nil, nil
	}
	return audit.EventHash(h.hash.String, e, nil), nil
}

// scanExtra scans a dossierCols row followed by more columns.
type scanExtra struct {
	row   interface{ Scan(...any) error }
	extra []any
}

func (s scanExtra) Scan(dest ...any) error { return s.row.Scan(append(dest, s.extra...)...) }
