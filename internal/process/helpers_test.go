package process

import (
	"errors"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/calendar"
)

// at reads "2006-01-02 15:04" in Vietnam's zone.
func at(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, calendar.Zone)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Agencies consulted at step 6 in the tests; the source names none.
var consulted = []string{"SXD", "SNNMT", "SKHCN"}

var (
	bacNinhOnce sync.Once
	bacNinh     Imported
	bacNinhErr  error
)

// bacNinh1582 is Bắc Ninh's process for 1.009645 as imported from the
// catalogue shipped with the demo (a copy of reference/procedures.json),
// with the consulted agencies of step 6 named. Each call returns its own
// copy of the steps.
func bacNinh1582(t testing.TB) Imported {
	t.Helper()
	bacNinhOnce.Do(func() {
		f, err := os.Open("../demo/data/procedures.json")
		if err != nil {
			bacNinhErr = err
			return
		}
		defer f.Close()
		got, _, err := ParseFile(f)
		if err != nil {
			bacNinhErr = err
			return
		}
		for _, g := range got {
			if g.Process.VariantCode == "1.009645.H05" {
				bacNinh = g
				return
			}
		}
		bacNinhErr = errors.New("1.009645.H05 not imported")
	})
	if bacNinhErr != nil {
		t.Fatal(bacNinhErr)
	}
	g := bacNinh
	g.Process.Steps = slices.Clone(g.Process.Steps)
	g.Process.Steps[5].Holder.Agencies = slices.Clone(consulted)
	return g
}
