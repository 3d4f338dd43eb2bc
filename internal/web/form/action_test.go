package form

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/apperr"
)

func TestParseActionReadsTypedValues(t *testing.T) {
	r := httptest.NewRequest("POST", "/dossiers/1/act", strings.NewReader(url.Values{
		"action": {"request_payment"}, "amount_vnd": {" 1.500.000 "}, "note": {"  ghi chú "},
		"version": {"7"}, "key": {"k1"}, "csrf": {"tok"}, "new_due": {"2026-12-31"},
	}.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.ParseForm()
	a, err := ParseAction(r)
	if err != nil {
		t.Fatal(err)
	}
	if a.Input.AmountVND != 1500000 || a.Input.Note != "ghi chú" || a.Version != 7 || a.Key != "k1" {
		t.Errorf("parsed %+v", a)
	}
	if a.NewDue == nil || a.NewDue.String() != "2026-12-31" {
		t.Errorf("new due %v", a.NewDue)
	}
	// The anti-forgery token changes with the session; a resent form must
	// hash the same.
	if _, ok := a.Fields["csrf"]; ok || a.Fields.Get("key") != "k1" {
		t.Errorf("fields %v", a.Fields)
	}
}

func TestParseActionRefusesWhatIsTypedWrong(t *testing.T) {
	for name, values := range map[string]url.Values{
		"amount_with_letters": {"action": {"request_payment"}, "amount_vnd": {"1tr"}},
		"due_not_a_date":      {"action": {"extend"}, "new_due": {"31/12"}},
		"rating_not_chosen":   {"action": {"rate"}},
	} {
		t.Run(name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/", strings.NewReader(values.Encode()))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r.ParseForm()
			_, err := ParseAction(r)
			if e, ok := apperr.As(err); !ok || e.Kind != apperr.Invalid {
				t.Errorf("err = %v, want a client-safe invalid-input error", err)
			}
		})
	}
}

// A step movement's numbers are refused beside their field (issue 13 item 2).
func TestParseActionStepNumbers(t *testing.T) {
	post := func(v url.Values) *http.Request {
		r := httptest.NewRequest("POST", "/", strings.NewReader(v.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.ParseForm()
		return r
	}
	a, err := ParseAction(post(url.Values{"action": {"step"}, "step_kind": {" return "}, "to_step": {"2"}, "assignee": {"41"}}))
	if err != nil || a.Input.StepKind != "return" || a.Input.ToStep != 2 || a.Input.Assignee != 41 {
		t.Fatalf("step %+v, %v", a, err)
	}
	_, err = ParseAction(post(url.Values{"action": {"step"}, "to_step": {"-1"}}))
	if e, ok := apperr.As(err); !ok || e.Field != "to_step" {
		t.Errorf("err %v, want one beside to_step", err)
	}
}
