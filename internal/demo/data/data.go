// Package data holds the demo's shipped data files: the procedure catalogue
// (procedures.json, a crawl of the national procedure database with marked
// fills) and the e-form definitions (forms/<procedure code>.json). They are
// embedded so that the binary carries them; editing one is editing data,
// not code.
package data

import (
	"embed"
	"io/fs"
)

//go:embed procedures.json
var procedures []byte

//go:embed forms/*.json
var forms embed.FS

// Procedures is the shipped catalogue file (catalog.ParseFile reads it).
func Procedures() []byte { return procedures }

// Forms is the directory of e-form definitions, one per procedure
// (eform.LoadDir reads it).
func Forms() fs.FS {
	sub, err := fs.Sub(forms, "forms")
	if err != nil {
		panic(err) // the directory is embedded above: cannot be missing
	}
	return sub
}
