package data_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/demo/data"
	"github.com/motcua/motcua/internal/eform"
	"github.com/motcua/motcua/internal/langcheck"
)

// Every shipped e-form definition is valid and belongs to a procedure of
// the shipped catalogue that publishes an interactive e-form or a
// declaration (tờ khai) among its components.
func TestShippedForms_ValidAndInCatalogue(t *testing.T) {
	forms, err := eform.LoadDir(data.Forms())
	if err != nil {
		t.Fatal(err)
	}
	if len(forms) < 5 {
		t.Fatalf("%d forms shipped, want birth, death, marriage, marital status and civil-status copy", len(forms))
	}
	procs, _, err := data.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	bare, _, _ := catalog.ParseFile(bytes.NewReader(data.Procedures()))
	if orphans := catalog.AttachForms(bare, append(forms, &eform.Form{Procedure: "9.999999"})); len(orphans) != 1 || orphans[0] != "9.999999" {
		t.Fatalf("a form for a procedure not in the catalogue must be reported: %v", orphans)
	}
	withForm := 0
	for _, p := range procs {
		if p.Form == nil {
			continue
		}
		withForm++
		declares := false
		for _, c := range p.Components {
			if bytes.Contains([]byte(c.Name), []byte("Tờ khai")) || bytes.Contains([]byte(c.Name), []byte("điện tử tương tác")) {
				declares = true
			}
		}
		if !declares {
			t.Errorf("%s: the published procedure has no declaration or e-form component", p.Code)
		}
		// The version carries the form through its JSON (the store keeps
		// procedure versions as JSON).
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var back catalog.Procedure
		if err := json.Unmarshal(b, &back); err != nil || back.Form == nil || back.Form.Check() != nil || !catalog.SameContent(p, back) {
			t.Errorf("%s: form lost in the stored version: %v", p.Code, err)
		}
		// An empty submission is refused with field errors, never accepted.
		if _, errs := p.Form.Validate(map[string]string{}, time.Now()); len(errs) == 0 {
			t.Errorf("%s: an empty form was accepted", p.Code)
		}
	}
	if withForm != len(forms) {
		t.Fatalf("%d procedures got a form, %d forms shipped", withForm, len(forms))
	}
}

// Every label, help text and choice of a shipped form says its Vietnamese
// in Vietnamese and its English in English (issue 22 item 4), proper names
// of ethnic groups and the country aside.
func TestShippedForms_OneLanguageEach(t *testing.T) {
	forms, err := eform.LoadDir(data.Forms())
	if err != nil {
		t.Fatal(err)
	}
	names := strings.NewReplacer("Tày", "", "Thái", "", "Việt Nam", "")
	check := func(code, where string, x eform.Text) {
		if w := langcheck.English(x.Vi); len(w) > 0 {
			t.Errorf("%s %s: English %q in %q", code, where, w, x.Vi)
		}
		if w := langcheck.Vietnamese(names.Replace(x.En)); len(w) > 0 {
			t.Errorf("%s %s: Vietnamese %q in %q", code, where, w, x.En)
		}
	}
	for _, f := range forms {
		check(f.Procedure, "title", f.Title)
		for _, g := range f.Groups {
			check(f.Procedure, g.Key, g.Label)
			for _, fd := range g.Fields {
				check(f.Procedure, g.Key+"."+fd.Key, fd.Label)
				check(f.Procedure, g.Key+"."+fd.Key+" help", fd.Help)
				for _, o := range fd.Options {
					check(f.Procedure, g.Key+"."+fd.Key+"="+o.Value, o.Label)
				}
			}
		}
	}
}
