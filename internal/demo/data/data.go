// Package data holds the demo's shipped data files: the procedure catalogue
// (procedures.json, a crawl of the national procedure database with marked
// fills) and the e-form definitions (forms/<procedure code>.json). They are
// embedded so that the binary carries them; editing one is editing data,
// not code.
//
// Its catalogue with e-forms is not yet what serve --demo loads (issue 21); deadcode lists it until then.
package data

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/eform"
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

// Catalogue parses the shipped catalogue and gives each procedure its
// shipped e-form. A form for a procedure the catalogue lacks is an error:
// the data files disagree.
func Catalogue() ([]catalog.Procedure, []catalog.Issue, error) {
	procs, issues, err := catalog.ParseFile(bytes.NewReader(procedures))
	if err != nil {
		return nil, nil, err
	}
	forms, err := eform.LoadDir(Forms())
	if err != nil {
		return nil, nil, err
	}
	if orphans := catalog.AttachForms(procs, forms); len(orphans) > 0 {
		return nil, nil, fmt.Errorf("demo data: e-forms for procedures not in the catalogue: %v", orphans)
	}
	return procs, issues, nil
}
