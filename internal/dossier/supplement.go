package dossier

import (
	"fmt"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/textfold"
	"github.com/motcua/motcua/internal/textin"
)

// Defect is what is wrong with one paper named in a supplementation request.
type Defect string

// The defects Form 02 names: the paper is absent, present but lacking content
// (a page, a signature, a field), or present but not valid (expired, wrong
// form, not certified).
const (
	DefectMissing    Defect = "missing"
	DefectIncomplete Defect = "incomplete"
	DefectInvalid    Defect = "invalid"
)

// Defects lists them in the order pages offer them.
var Defects = []Defect{DefectMissing, DefectIncomplete, DefectInvalid}

// Vi is the defect as printed on Form 02, which is always in Vietnamese.
func (d Defect) Vi() string {
	switch d {
	case DefectMissing:
		return "Còn thiếu"
	case DefectIncomplete:
		return "Chưa đầy đủ"
	case DefectInvalid:
		return "Không hợp lệ"
	}
	return string(d)
}

// MissingPaper is one row of Form 02's table: a paper the applicant must add
// or put right, and what is wrong with it. Decree 118/2025 Art. 11(2) wants
// the guidance specific and in writing, once: the row names the paper, the
// officer does not leave the applicant to guess from a general reason.
type MissingPaper struct {
	Name string `json:"name"`
	// Other: a paper the procedure's component list does not name (a paper
	// the case needs, e.g. a power of attorney); otherwise Name is one of the
	// procedure version's components.
	Other       bool   `json:"other,omitempty"`
	Defect      Defect `json:"defect"`
	Explanation string `json:"explanation,omitempty"`
}

// Limits on a request: a procedure with more than 50 papers is unheard of,
// the catalog's names of papers run to several hundred characters, and the
// explanation is a line or two on a printed form.
const (
	maxMissingPapers   = 50
	maxPaperNameRunes  = 1000
	maxExplanationRune = 500
)

// normalizeMissingPapers cleans the papers (NFC, the text rules of every other
// field) and checks them against the procedure's components. known nil skips
// that check (callers that do not know the procedure).
func normalizeMissingPapers(ps []MissingPaper, known []string) ([]MissingPaper, error) {
	if len(ps) > maxMissingPapers {
		return nil, apperr.Newf(apperr.Invalid, "supplement_papers_too_many",
			"Tối đa %d giấy tờ trong một phiếu yêu cầu bổ sung.", "At most %d papers in one supplementation request.", maxMissingPapers)
	}
	out := make([]MissingPaper, 0, len(ps))
	seen := map[string]bool{}
	for i, p := range ps {
		field := fmt.Sprintf("missing_papers[%d]", i)
		p.Name = strings.TrimSpace(textfold.NFC(p.Name))
		p.Explanation = strings.TrimSpace(textfold.NFC(p.Explanation))
		if pr, ok := textin.Name(p.Name); !ok {
			return nil, invalidText("supplement_paper_invalid", field+".name", pr)
		}
		if pr, ok := textin.Block(p.Explanation); !ok {
			return nil, invalidText("supplement_paper_invalid", field+".explanation", pr)
		}
		switch {
		case p.Name == "":
			return nil, apperr.Newf(apperr.Invalid, "supplement_paper_name_required",
				"Giấy tờ thứ %d cần bổ sung chưa có tên.", "Paper %d to supplement has no name.", i+1)
		case len([]rune(p.Name)) > maxPaperNameRunes:
			return nil, apperr.Newf(apperr.Invalid, "supplement_paper_name_too_long",
				"Tên giấy tờ thứ %d quá dài (tối đa %d ký tự).", "The name of paper %d is too long (%d characters at most).", i+1, maxPaperNameRunes)
		case len([]rune(p.Explanation)) > maxExplanationRune:
			return nil, apperr.Newf(apperr.Invalid, "supplement_paper_explanation_too_long",
				"Nội dung cần hoàn thiện của giấy tờ thứ %d quá dài (tối đa %d ký tự).",
				"The explanation of paper %d is too long (%d characters at most).", i+1, maxExplanationRune)
		}
		if p.Defect == "" {
			p.Defect = DefectMissing
		}
		if !validDefect(p.Defect) {
			return nil, apperr.Newf(apperr.Invalid, "supplement_paper_defect_invalid",
				"Giấy tờ %q: tình trạng %q không hợp lệ (missing, incomplete, invalid).",
				"Paper %q: the defect %q is not one of missing, incomplete, invalid.", p.Name, p.Defect)
		}
		// An incomplete or invalid paper is there: the applicant can only put it
		// right if told what is wrong with it.
		if p.Defect != DefectMissing && p.Explanation == "" {
			return nil, apperr.Newf(apperr.Invalid, "supplement_paper_explanation_required",
				"Giấy tờ %q: cần ghi rõ chưa đầy đủ hoặc không hợp lệ ở điểm nào.",
				"Paper %q: say what is incomplete or invalid about it.", p.Name)
		}
		if known != nil && !p.Other {
			name, ok := componentNamed(known, p.Name)
			if !ok {
				return nil, apperr.Newf(apperr.Invalid, "supplement_paper_unknown",
					"Thủ tục không có thành phần hồ sơ %q; nếu là giấy tờ khác, đánh dấu \"giấy tờ khác\".",
					"The procedure has no component %q; mark it as another paper if it is one.", p.Name)
			}
			p.Name = name // the catalog's spelling, as the applicant reads it on the procedure page
		}
		k := textfold.Fold(p.Name)
		if seen[k] {
			return nil, apperr.Newf(apperr.Invalid, "supplement_paper_duplicate",
				"Giấy tờ %q được nêu hai lần.", "The paper %q is named twice.", p.Name)
		}
		seen[k] = true
		out = append(out, p)
	}
	return out, nil
}

func validDefect(d Defect) bool {
	for _, x := range Defects {
		if d == x {
			return true
		}
	}
	return false
}

func componentNamed(known []string, name string) (string, bool) {
	k := textfold.Fold(name)
	for _, c := range known {
		if textfold.Fold(c) == k {
			return textfold.NFC(c), true
		}
	}
	return "", false
}
