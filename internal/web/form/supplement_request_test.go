package form

import (
	"errors"
	"net/url"
	"testing"

	"github.com/motcua/motcua/internal/catalog"
)

// Form 02 names each paper to add or put right with what is wrong; the page
// says a gap beside its row.
func TestMissingPapersBesideTheirRow(t *testing.T) {
	comps := []catalog.Component{{Name: "Tờ khai"}, {Name: "Bản sao giấy khai sinh"}}
	for name, c := range map[string]struct {
		form   url.Values
		reason string
		field  string // "" for accepted
		papers int
	}{
		"missing_paper_needs_no_explanation":  {url.Values{"missing": {"1"}, "defect_1": {"missing"}}, "", "", 1},
		"incomplete_paper_says_what":          {url.Values{"missing": {"0"}, "defect_0": {"incomplete"}}, "", "explain_0", 0},
		"other_paper_explained_but_not_named": {url.Values{"other_explain": {"ký tên"}}, "", "other_name", 0},
		"nothing_ticked_and_no_reason":        {url.Values{}, " ", "papers", 0},
		"reason_alone_is_enough":              {url.Values{}, "Thiếu chữ ký", "", 0},
		"row_out_of_range_ignored":            {url.Values{"missing": {"7", "x"}}, "lý do", "", 0},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := ParseMissingPapers(c.form, c.reason, comps)
			var pe *PaperError
			switch {
			case c.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.field != "" && (!errors.As(err, &pe) || pe.Field != c.field):
				t.Fatalf("err %v, want one beside %s", err, c.field)
			case len(got) != c.papers:
				t.Errorf("%d papers, want %d", len(got), c.papers)
			}
		})
	}
}
