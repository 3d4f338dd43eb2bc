package catalog

import (
	"regexp"

	"github.com/motcua/motcua/internal/textfold"
)

// Provided is what an applicant actually gave for one paper: files
// uploaded (or scanned at the counter) and papers handed over. The
// catalogue's published counts say what the law asks, never what was given.
type Provided struct {
	Files     int
	Originals int
	Copies    int
}

// Any reports whether anything was given.
func (p Provided) Any() bool { return p.Files > 0 || p.Originals > 0 || p.Copies > 0 }

// ReceiptLine is one paper on the receipt (Form 01 item 1).
type ReceiptLine struct {
	Index     int // in Procedure.Components
	Name      string
	Originals int
	Copies    int
	Files     int
}

// Receipt lists the papers a receipt may print for a filing through
// channel: only those given, with the counts given (issue 21 item 5: a
// conditional paper never provided is not "01 bản chính"), in published
// order; and the required papers of the channel not given, which the
// officer must obtain or note before receiving. provided is keyed by
// component index.
func (p Procedure) Receipt(channel string, provided map[int]Provided) (lines []ReceiptLine, missing []int) {
	for i, c := range p.Components {
		got := provided[i]
		if got.Any() {
			lines = append(lines, ReceiptLine{Index: i, Name: c.Name, Originals: got.Originals, Copies: got.Copies, Files: got.Files})
		}
	}
	missing = p.MissingRequired(channel, func(i int) bool { return provided[i].Any() })
	return lines, missing
}

var declarationRe = regexp.MustCompile(`(?i)^(tờ khai|mẫu (hộ tịch )?điện tử tương tác)|điện tử tương tác`)

// IsDeclaration reports whether the paper is the procedure's declaration —
// the paper form (tờ khai) or the interactive e-form (mẫu điện tử tương
// tác) — which an e-form filled in (package eform) provides.
func (c Component) IsDeclaration() bool {
	return declarationRe.MatchString(textfold.NFC(bullet.ReplaceAllString(c.Name, "")))
}

// ComponentIndex finds the component a filed paper names, the way a filing
// copies it (case, diacritics and the published bullet ignored); -1 when
// none. It ties a dossier's papers to the procedure's for Receipt.
func (p Procedure) ComponentIndex(name string) int {
	want := textfold.Fold(bullet.ReplaceAllString(textfold.NFC(name), ""))
	for i, c := range p.Components {
		if textfold.Fold(bullet.ReplaceAllString(c.Name, "")) == want {
			return i
		}
	}
	return -1
}
