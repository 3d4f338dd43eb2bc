package form

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/locale"
)

func init() {
	locale.Add(map[string][2]string{
		"sup.explain_needed":    {"Ghi rõ giấy tờ này chưa đầy đủ hoặc không hợp lệ ở điểm nào.", "Say what is incomplete or invalid about this paper."},
		"sup.other_name_needed": {"Nhập tên giấy tờ khác cần bổ sung.", "Give the name of the other paper."},
		"sup.none":              {"Đánh dấu ít nhất một giấy tờ cần bổ sung, hoàn thiện hoặc ghi lý do.", "Tick at least one paper to add or complete, or give a reason."},
	})
}

// PaperError is a checklist error tied to one field of the supplementation
// request's checklist, so that the page says it beside that field.
type PaperError struct {
	Field string
	Err   *apperr.Error
}

func (e *PaperError) Error() string { return e.Err.Error() }
func (e *PaperError) Unwrap() error { return e.Err }

func paperProblem(field, key string) error {
	return &PaperError{Field: field, Err: apperr.New(apperr.Invalid, "supplement_paper_form", locale.Text(locale.VI, key), locale.Text(locale.EN, key))}
}

// ParseMissingPapers reads the checklist of a supplementation request
// (Form 02; templates/_supplement.html, read back by
// supplement_checklist.go in internal/web) against the components of
// the dossier's procedure version, which name row i: the form never names a
// listed paper itself. It checks only what the page can say beside a field;
// the domain checks everything again.
func ParseMissingPapers(f url.Values, reason string, components []catalog.Component) ([]dossier.MissingPaper, error) {
	var out []dossier.MissingPaper
	for _, i := range f["missing"] {
		n, err := strconv.Atoi(i)
		if err != nil || n < 0 || n >= len(components) {
			continue
		}
		p := dossier.MissingPaper{Name: components[n].Name, Defect: dossier.Defect(f.Get("defect_" + i)),
			Explanation: strings.TrimSpace(f.Get("explain_" + i))}
		if p.Defect != "" && p.Defect != dossier.DefectMissing && p.Explanation == "" {
			return nil, paperProblem("explain_"+i, "sup.explain_needed")
		}
		out = append(out, p)
	}
	name, explain := strings.TrimSpace(f.Get("other_name")), strings.TrimSpace(f.Get("other_explain"))
	defect := dossier.Defect(f.Get("other_defect"))
	switch {
	case name == "" && explain != "":
		return nil, paperProblem("other_name", "sup.other_name_needed")
	case name != "":
		if defect != "" && defect != dossier.DefectMissing && explain == "" {
			return nil, paperProblem("other_explain", "sup.explain_needed")
		}
		out = append(out, dossier.MissingPaper{Name: name, Other: true, Defect: defect, Explanation: explain})
	}
	if len(out) == 0 && strings.TrimSpace(reason) == "" {
		return nil, paperProblem("papers", "sup.none")
	}
	return out, nil
}
