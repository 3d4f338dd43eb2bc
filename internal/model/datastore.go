package model

import "time"

// DocumentKind is what a document in a citizen's data store is.
type DocumentKind string

const (
	// DocResult: an electronic result of a settled dossier (Circular 01/2023
	// Art. 24(2)(d)).
	DocResult DocumentKind = "result"
	// DocDigitized: a paper the one-stop scanned on receipt (Art. 24(2)(e)).
	DocDigitized DocumentKind = "digitized"
)

// Document is one entry of a citizen's electronic data store: an upload the
// account may reuse in later dossiers, with where it came from.
type Document struct {
	ID            int64
	OwnerUserID   int64
	Kind          DocumentKind
	Name          string // the component's name, or the procedure's for a result
	FileID        string
	SHA256        string
	DossierID     int64 // the dossier it came from; 0 if none
	DossierCode   string
	ProcedureCode string
	IssuedAt      time.Time
	ValidUntil    *time.Time // nil when the validity is not known or unlimited
	CreatedAt     time.Time
	// From the file's metadata.
	FileName    string
	ContentType string
	Size        int64
}

// ValidAt tells whether the document may still be used at instant t.
func (d Document) ValidAt(t time.Time) bool { return d.ValidUntil == nil || !d.ValidUntil.Before(t) }

// DocumentFilter narrows a citizen's documents.
type DocumentFilter struct {
	Kind    DocumentKind // "" for all
	ValidAt *time.Time   // only documents still valid at this instant
	Limit   int          // at most this many (default 500)
}
