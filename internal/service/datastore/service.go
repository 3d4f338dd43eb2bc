// Package datastore keeps the citizen's electronic data store: results and digitized papers
// filed on the events that produce them, and their reuse in later filings.
package datastore

import "github.com/motcua/motcua/internal/service/internal/core"

// DataStore is the sub-service; the root service embeds it.
type DataStore struct {
	*core.Core
}

// New builds the sub-service over the shared kernel and registers its
// reaction to dossier events: filing results and digitized papers.
func New(c *core.Core) *DataStore {
	s := &DataStore{Core: c}
	c.OnEvent("datastore", s.keepDocuments)
	return s
}
