package population

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// An answer about another person, or with a date the register cannot have,
// is refused whole rather than half-filling the form.
func TestClientRefusesWrongAnswers(t *testing.T) {
	answers := map[string]WireAnswer{
		"other person": {ErrorCode: CodeOK, Result: &WireCitizen{IDNumber: "001190000002", FullName: "X", DateOfBirth: "19900101"}},
		"bad date":     {ErrorCode: CodeOK, Result: &WireCitizen{IDNumber: "001190000001", FullName: "X", DateOfBirth: "1990-01-01"}},
		"no result":    {ErrorCode: CodeOK},
		"odd code":     {ErrorCode: "77"},
	}
	for name, a := range answers {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(a) }))
			defer srv.Close()
			c, _ := NewClient(Config{BaseURL: srv.URL, Token: "t", UnitCode: "u"})
			if got, err := c.Lookup(context.Background(), Query{IDNumber: "001190000001", ConsentRef: "c"}); err == nil {
				t.Errorf("accepted %+v", got.FullName)
			}
		})
	}
}

func TestISODate(t *testing.T) {
	for in, want := range map[string]string{"19900412": "1990-04-12", "199004": "1990-04", "1958": "1958"} {
		if got, err := isoDate(in); err != nil || got != want {
			t.Errorf("isoDate(%q) = %q, %v", in, got, err)
		}
		if WireDate(want) != in {
			t.Errorf("WireDate(%q) = %q", want, WireDate(want))
		}
	}
	for _, bad := range []string{"", "19900", "1990-04-12", "abcd"} {
		if _, err := isoDate(bad); err == nil {
			t.Errorf("isoDate(%q) accepted", bad)
		}
	}
}
