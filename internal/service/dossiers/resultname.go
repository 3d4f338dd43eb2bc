package dossiers

import (
	"path"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/textfold"
)

// resultFileName names a result file for the applicant who keeps it: the
// dossier's code and the document the leader named (or "ket-qua"), folded to
// ASCII, never the name of whatever the signer's computer called it ("a.pdf").
// A result of several files numbers them in order.
func resultFileName(d *dossier.Dossier, evs []model.StoredEvent, fileID, uploaded string) string {
	doc := "ket-qua"
	for _, e := range evs {
		if p, ok := dossier.Decode[dossier.ApprovePayload](dossier.Action(e.Action), e.Payload); ok {
			if slug := slugify(p.ResultName); slug != "" {
				doc = slug
			}
		}
	}
	code := d.Code
	if code == "" {
		code = "ho-so-" + strconv.FormatInt(d.ID, 10)
	}
	name := code + "-" + doc
	if len(d.ResultFileIDs) > 1 {
		for i, id := range d.ResultFileIDs {
			if id == fileID {
				name += "-" + strconv.Itoa(i+1)
			}
		}
	}
	ext := strings.ToLower(path.Ext(uploaded))
	switch ext {
	case ".pdf", ".jpg", ".jpeg", ".png":
	default:
		ext = ".pdf"
	}
	return name + ext
}

// slugify folds s to lower-case ASCII words joined by '-', at most 80 bytes.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range textfold.Fold(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 80 {
				break
			}
			continue
		}
		dash = true
	}
	return b.String()
}
