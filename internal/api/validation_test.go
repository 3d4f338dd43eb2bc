package api_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Names that print as nothing or as something else, duplicate JSON keys,
// negative paper counts and absurd amounts are refused at the edge of the
// domain with an error naming the field (issue 16 item 12).
func TestInputValidation(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		withName := func(name string) map[string]any {
			b := submitBody(criminalRecord)
			b["applicant"].(map[string]any)["name"] = name
			return b
		}
		withComponent := func(c map[string]any) map[string]any {
			b := submitBody(criminalRecord)
			b["components"] = []map[string]any{c}
			return b
		}
		cases := []struct {
			name   string
			user   string
			body   any
			status int
			code   string
			field  string // the error message names it
		}{
			{"zero_width_only", "citizen", withName("\u200b\u200c\u200d"), 422, "applicant_name_invalid", "applicant.name"},
			{"zero_width_inside", "citizen", withName("Nguyễn\u200bAn"), 422, "applicant_name_invalid", "applicant.name"},
			{"bidi_override", "citizen", withName("An \u202eNguyễn"), 400, "text_control_char", "applicant.name"},
			{"bidi_isolate", "citizen", withName("\u2066An\u2069"), 400, "text_control_char", "applicant.name"},
			{"esc", "citizen", withName("An\u001b[2J"), 400, "text_control_char", "applicant.name"},
			{"newline", "citizen", withName("Nguyễn\nAn"), 422, "applicant_name_invalid", "applicant.name"},
			{"carriage_return", "citizen", withName("Nguyễn\rAn"), 422, "applicant_name_invalid", "applicant.name"},
			{"component_zero_width", "citizen", withComponent(map[string]any{"name": "\u200b", "file_ids": []string{}}), 422, "component_name_invalid", "components[0].name"},
			{"originals_negative", "counter", withComponent(map[string]any{"name": "Tờ khai", "file_ids": []string{}, "originals": -5}), 422, "component_count_invalid", "components[0].originals"},
			{"copies_negative", "counter", withComponent(map[string]any{"name": "Tờ khai", "file_ids": []string{}, "copies": -1}), 422, "component_count_invalid", "components[0].copies"},
			{"copies_huge", "counter", withComponent(map[string]any{"name": "Tờ khai", "file_ids": []string{}, "copies": 1 << 40}), 422, "component_count_invalid", "components[0].copies"},
			{"duplicate_key", "citizen", `{"procedure_code":"3.000333","procedure_code":"2.001583","applicant":{"name":"An","id_number":"001090012345"}}`, 400, "json_duplicate_key", "procedure_code"},
			{"duplicate_nested_key", "citizen", `{"procedure_code":"3.000333","applicant":{"name":"An","name":"Bình","id_number":"001090012345"}}`, 400, "json_duplicate_key", "applicant.name"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				body := c.body
				if m, ok := body.(map[string]any); ok && c.user == "counter" {
					m["channel"], m["return_method"] = "counter", "counter"
				}
				r := e.do("POST", "/api/v1/dossiers", c.user, body, map[string]string{"Idempotency-Key": newKey()})
				if r.status != c.status || r.errCode() != c.code {
					t.Fatalf("%d %.300s; want %d %s", r.status, r.raw, c.status, c.code)
				}
				bilingual(t, r)
				if !strings.Contains(string(r.raw), c.field) {
					t.Fatalf("the error should name %s: %s", c.field, r.raw)
				}
			})
		}
		// Nothing of the above was stored.
		if list := e.do("GET", "/api/v1/dossiers", "director", nil, nil); len(list.body["items"].([]any)) != 0 {
			t.Fatalf("refused filings were stored: %s", list.raw)
		}

		// Names are stored in NFC whatever form they were typed in.
		nfd := norm.NFD.String("Nguyễn Thị Ánh")
		r := e.do("POST", "/api/v1/dossiers", "citizen", withName(nfd), map[string]string{"Idempotency-Key": newKey()})
		if r.status != 201 {
			t.Fatalf("NFD name: %d %s", r.status, r.raw)
		}
		got := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", r.num("id")), "citizen", nil, nil)
		if name := got.body["applicant"].(map[string]any)["name"]; name != norm.NFC.String(nfd) {
			t.Fatalf("name stored as %q, want NFC %q", name, norm.NFC.String(nfd))
		}

		// Amounts: bounded so that the gateway's hundredths never overflow.
		id, v := e.submitAndReceive(criminalRecord)
		for _, amount := range []int64{9223372036854775807, 10_000_000_001} {
			a := e.act("specialist", id, v, map[string]any{"action": "request_payment", "amount_vnd": amount})
			if a.status != 422 || a.errCode() != "amount_too_large" || !strings.Contains(string(a.raw), "amount_vnd") {
				t.Fatalf("amount %d: %d %s", amount, a.status, a.raw)
			}
			bilingual(t, a)
		}
		if a := e.act("specialist", id, v, map[string]any{"action": "request_payment", "amount_vnd": 10_000_000_000}); a.status != 200 {
			t.Fatalf("the largest allowed amount: %d %s", a.status, a.raw)
		}
	})
}
