package process

import (
	"os"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/calendar"
)

// at reads "2006-01-02 15:04" in Vietnam's zone.
func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, calendar.Zone)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Agencies consulted at step 6 in the tests; the source names none.
var consulted = []string{"SXD", "SNNMT", "SKHCN"}

// bacNinh1582 is Bắc Ninh's process for 1.009645 as imported from the
// catalogue shipped with the demo (a copy of reference/procedures.json),
// with the consulted agencies of step 6 named.
func bacNinh1582(t *testing.T) Imported {
	t.Helper()
	f, err := os.Open("../demo/data/procedures.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, _, err := ParseFile(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range got {
		if g.Process.VariantCode == "1.009645.H05" {
			g.Process.Steps[5].Holder.Agencies = consulted
			return g
		}
	}
	t.Fatal("1.009645.H05 not imported")
	return Imported{}
}
