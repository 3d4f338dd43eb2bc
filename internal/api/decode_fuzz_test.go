package api

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/postal"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/textin"
)

// decodeTargets are the bodies the API decodes with decode/readBody.
func decodeTargets() map[string]func() any {
	return map[string]func() any{
		"login":    func() any { return &struct{ Username, Password string }{} },
		"submit":   func() any { return &service.NewDossier{} },
		"action":   func() any { return &service.ActionInput{} },
		"calendar": func() any { return &scheduleInput{} },
		"postal":   func() any { return &postal.Event{} },
	}
}

// Every JSON body, however broken: decode answers nil or a bilingual client
// error (never a panic, never a bare error that would become a 500); what it
// accepts is valid JSON without a refused character in any string.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"username":"admin","password":"x"}`, `{"username":"admin\u0000","password":"x"}`,
		`{"procedure_code":"3.000333","procedure_code":"2.001583"}`,
		`{"procedure_code":"3.000333","applicant":{"name":"Nguyễn Văn An","id_number":"001090012345"},"components":[{"name":"Tờ khai","file_ids":[],"originals":-5}]}`,
		`{"action":"extend","new_due_at":"2026-12-01T17:00:00+07:00"}`, `{"action":"request_payment","amount_vnd":9223372036854775807}`,
		`{"days":[{"date":"2026-02-30","kind":"holiday"}]}`, `{} {}`, `[`, ``, `{"a":{"b":[{"c":"\u202e"}]}}`, `"\ud800"`,
	} {
		f.Add(s)
	}
	targets := decodeTargets()
	f.Fuzz(func(t *testing.T, body string) {
		for name, mk := range targets {
			r := httptest.NewRequest("POST", "/", strings.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			err := decode(r, mk())
			if err != nil {
				e, ok := apperr.As(err)
				if !ok || e.Message == "" || e.MessageVi == "" || e.Message == e.MessageVi || e.Kind.HTTPStatus() >= 500 {
					t.Fatalf("%s: %q: not a bilingual client error: %#v", name, body, err)
				}
				continue
			}
			if !json.Valid([]byte(body)) {
				t.Fatalf("%s: accepted invalid JSON %q", name, body)
			}
			dec := json.NewDecoder(bytes.NewReader([]byte(body)))
			for {
				tok, err := dec.Token()
				if err != nil {
					break
				}
				if s, ok := tok.(string); ok {
					if _, ok := textin.Block(s); !ok {
						t.Fatalf("%s: accepted the refused string %q", name, s)
					}
				}
			}
		}
	})
}
