package form

import (
	"net/url"
	"strings"
	"testing"
)

func fields(ps []Problem) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Field)
	}
	return strings.Join(out, ",")
}

// Every wrong field is named at once, in the form's order, so that a person
// corrects them all in one go.
func TestFilingCheckNamesEveryWrongField(t *testing.T) {
	ok := url.Values{"name": {"Nguyễn Văn A"}, "id_number": {"001090012345"}, "return_method": {"online"}}
	with := func(k, v string) url.Values {
		out := url.Values{}
		for kk, vv := range ok {
			out[kk] = vv
		}
		out.Set(k, v)
		return out
	}
	for name, c := range map[string]struct {
		form url.Values
		want string
	}{
		"all_right":                        {ok, ""},
		"postal_result_needs_address":      {with("return_method", "postal"), "f-address"},
		"no_delivery_chosen":               {with("return_method", ""), "rm-online"},
		"id_number_not_12_digits":          {with("id_number", "12345"), "f-id"},
		"name_and_delivery_wrong_together": {func() url.Values { v := with("name", ""); v.Set("return_method", "fax"); return v }(), "f-name,rm-online"},
	} {
		t.Run(name, func(t *testing.T) {
			if got := fields(ParseFiling(c.form).Check()); got != c.want {
				t.Errorf("problems at %q, want %q", got, c.want)
			}
		})
	}
}

func TestFilingKeyTooLongIsDrawnAgain(t *testing.T) {
	if k := ParseFiling(url.Values{"key": {strings.Repeat("k", 65)}}).Key; k != "" {
		t.Errorf("key %q kept", k)
	}
	if k := ParseFiling(url.Values{"key": {" abc "}}).Key; k != "abc" {
		t.Errorf("key %q", k)
	}
}
