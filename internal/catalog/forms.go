package catalog

import (
	"slices"

	"github.com/motcua/motcua/internal/eform"
)

// AttachForms gives each procedure the form defined for its code and
// returns the codes of forms no procedure has: a form for a procedure the
// catalogue lacks is a mistake in the data, not something to drop silently.
func AttachForms(procs []Procedure, forms []*eform.Form) (orphans []string) {
	by := map[string]*eform.Form{}
	for _, f := range forms {
		by[f.Procedure] = f
	}
	for i := range procs {
		if f, ok := by[procs[i].Code]; ok {
			procs[i].Form = f
			delete(by, procs[i].Code)
		}
	}
	for code := range by {
		orphans = append(orphans, code)
	}
	slices.Sort(orphans)
	return orphans
}
