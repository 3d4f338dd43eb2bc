package forms

import (
	"bytes"
	"strings"
	"testing"
)

// The apology names the agency whose step made the dossier late when it is
// not the agency that apologises: a consulted agency that answered last, or
// the PPC (issue 13 item 3, "the apology (Form 04) names the agency
// responsible for the delay"; RULES-VN.md §4 "stating the reason").
func TestApologyNamesTheResponsibleAgency_RULES_VN_4(t *testing.T) {
	for _, c := range []struct {
		name, responsible, want, lacks string
	}{
		{"another agency's step", "Sở Nông nghiệp và Môi trường", "(bước xử lý quá thời hạn được giao tại: Sở Nông nghiệp và Môi trường)", ""},
		{"the agency in charge itself", "Sở Tư pháp", "", "bước xử lý quá thời hạn"},
		{"unknown", "", "", "bước xử lý quá thời hạn"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := apology()
			f.Agency.Name, f.Responsible = "Sở Tư pháp", c.responsible
			var b bytes.Buffer
			if err := RenderApology(&b, f); err != nil {
				t.Fatal(err)
			}
			text, ok := pdfText(t, b.Bytes())
			if !ok {
				t.Skip("pdftotext not installed")
			}
			flat := strings.Join(strings.Fields(text), " ")
			if c.want != "" && !strings.Contains(flat, c.want) {
				t.Errorf("apology lacks %q:\n%s", c.want, flat)
			}
			if c.lacks != "" && strings.Contains(flat, c.lacks) {
				t.Errorf("apology must not say %q:\n%s", c.lacks, flat)
			}
		})
	}
}
