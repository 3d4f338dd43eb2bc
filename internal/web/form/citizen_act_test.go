package form

import (
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/apperr"
)

// A citizen's page rates, complains and withdraws (once confirmed); every
// other action is the agency's.
func TestCitizenActionsFromTheirPage(t *testing.T) {
	for name, c := range map[string]struct {
		form url.Values
		code string
	}{
		"rate":                   {url.Values{"action": {"rate"}}, ""},
		"complaint":              {url.Values{"action": {"complaint"}}, ""},
		"withdraw_confirmed":     {url.Values{"action": {"withdraw"}, "confirm": {"yes"}}, ""},
		"withdraw_unconfirmed":   {url.Values{"action": {"withdraw"}}, "withdraw_unconfirmed"},
		"approve_is_the_agencys": {url.Values{"action": {"approve"}}, "citizen_action"},
		"supplement_needs_files": {url.Values{"action": {"supplement"}}, "citizen_action"},
	} {
		t.Run(name, func(t *testing.T) {
			err := CheckCitizenAction(c.form)
			e, _ := apperr.As(err)
			switch {
			case c.code == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.code != "" && (e == nil || e.Code != c.code):
				t.Errorf("err %v, want %s", err, c.code)
			}
		})
	}
	if k := ParseSupplement(url.Values{"key": {strings.Repeat("k", 81)}, "version": {"4"}}); k.Key != "" || k.Version != 4 {
		t.Errorf("supplement %+v", k)
	}
}
