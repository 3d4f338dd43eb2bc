package form

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/locale"
)

func init() {
	locale.Add(map[string][2]string{
		"cit.withdraw_unsure": {"Hãy đánh dấu ô “Tôi chắc chắn muốn rút hồ sơ này” để xác nhận.", "Tick “I am sure I want to withdraw this dossier” to confirm."},
		"cit.action_unknown":  {"Thao tác này không thực hiện được từ trang của công dân.", "This action cannot be taken from the citizen page."},
	})
}

// CheckCitizenAction admits the actions a citizen's dossier page posts as an
// action form: a rating or a complaint, and a withdrawal once confirmed
// (supplements come with files, through Supplement). The service checks the
// person's right again.
func CheckCitizenAction(f url.Values) error {
	switch dossier.Action(f.Get("action")) {
	case dossier.ActRate, dossier.ActComplaint:
		return nil
	case dossier.ActWithdraw:
		if f.Get("confirm") != "yes" {
			return keyed("withdraw_unconfirmed", "cit.withdraw_unsure")
		}
		return nil
	}
	return keyed("citizen_action", "cit.action_unknown")
}

// Supplement is the text of the citizen's supplementation post
// (templates/citizen_dossier.html) beside its files.
type Supplement struct {
	Note string
	// Key is the idempotency key drawn with the page; empty when the post
	// had none fit to use, and the page's own is kept.
	Key     string
	Version int
}

// ParseSupplement reads the supplementation's text fields.
func ParseSupplement(f url.Values) Supplement {
	s := Supplement{Note: strings.TrimSpace(f.Get("note"))}
	if k := strings.TrimSpace(f.Get("key")); len(k) <= 80 {
		s.Key = k
	}
	s.Version, _ = strconv.Atoi(f.Get("version"))
	return s
}
