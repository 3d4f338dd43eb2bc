package api_test

import (
	"fmt"
	"strings"
	"testing"
)

// Every malformed or forbidden request gets a clear 4xx in both languages,
// never a 500, and leaves nothing behind.
func TestBadInput(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		id, v := e.submitAndReceive(criminalRecord)
		key := func() map[string]string { return map[string]string{"Idempotency-Key": newKey()} }
		withApplicant := func(field, value string) map[string]any {
			b := submitBody(criminalRecord)
			b["applicant"].(map[string]any)[field] = value
			return b
		}
		actPath := fmt.Sprintf("/api/v1/dossiers/%d/actions", id)
		cases := []struct {
			name, method, path, user string
			body                     any
			headers                  map[string]string
			status                   int
			code                     string
		}{
			{"malformed_json", "POST", "/api/v1/dossiers", "citizen", `{"procedure_code":`, key(), 400, "json_invalid"},
			{"unknown_field", "POST", "/api/v1/dossiers", "citizen", `{"procedure_cod":"3.000333"}`, key(), 400, "json_unknown_field"},
			{"wrong_type", "POST", "/api/v1/dossiers", "citizen", `{"procedure_code":7}`, key(), 400, "json_type"},
			{"two_objects", "POST", "/api/v1/dossiers", "citizen", `{} {}`, key(), 400, "json_trailing"},
			{"empty_body", "POST", "/api/v1/dossiers", "citizen", ``, key(), 400, "body_empty"},
			{"too_large", "POST", "/api/v1/dossiers", "citizen", `{"procedure_code":"` + strings.Repeat("x", 2<<20) + `"}`, key(), 413, "body_too_large"},
			{"unknown_procedure", "POST", "/api/v1/dossiers", "citizen", map[string]any{"procedure_code": "9.999999", "applicant": map[string]any{"name": "A", "id_number": "001090012345"}}, key(), 422, "procedure_unknown"},
			{"id_number_letters", "POST", "/api/v1/dossiers", "citizen", withApplicant("id_number", "ABC"), key(), 422, "applicant_id_invalid"},
			{"name_missing", "POST", "/api/v1/dossiers", "citizen", withApplicant("name", "  "), key(), 422, "applicant_name_required"},
			{"phone_invalid", "POST", "/api/v1/dossiers", "citizen", withApplicant("phone", "12"), key(), 422, "applicant_phone_invalid"},
			{"email_invalid", "POST", "/api/v1/dossiers", "citizen", withApplicant("email", "not-an-email"), key(), 422, "applicant_email_invalid"},
			{"citizen_counter_channel", "POST", "/api/v1/dossiers", "citizen", map[string]any{"procedure_code": criminalRecord, "channel": "counter"}, key(), 422, "channel_citizen_online"},
			{"unknown_file", "POST", "/api/v1/dossiers", "citizen", map[string]any{"procedure_code": criminalRecord, "applicant": map[string]any{"name": "A", "id_number": "001090012345"}, "components": []map[string]any{{"name": "Tờ khai", "file_ids": []string{"nope"}}}}, key(), 422, "file_unknown"},
			{"unknown_agency", "POST", "/api/v1/dossiers", "citizen", map[string]any{"procedure_code": criminalRecord, "agency_code": "X.Y", "applicant": map[string]any{"name": "A", "id_number": "001090012345"}}, key(), 422, "agency_unknown"},
			{"if_match_missing", "POST", actPath, "leader", map[string]any{"action": "approve"}, key(), 400, "if_match_required"},
			{"if_match_garbage", "POST", actPath, "leader", map[string]any{"action": "approve"}, map[string]string{"If-Match": "abc", "Idempotency-Key": newKey()}, 400, "if_match_invalid"},
			{"bad_due_time", "POST", actPath, "leader", `{"action":"extend","new_due_at":"next week"}`, map[string]string{"If-Match": fmt.Sprint(v), "Idempotency-Key": newKey()}, 400, "json_time"},
			{"dossier_id_text", "GET", "/api/v1/dossiers/abc", "leader", nil, nil, 404, "dossier_id_invalid"},
			{"dossier_absent", "GET", "/api/v1/dossiers/999999", "leader", nil, nil, 404, "not_found"},
			{"status_filter_unknown", "GET", "/api/v1/dossiers?status=flying", "leader", nil, nil, 422, "status_invalid"},
			{"overdue_filter_garbage", "GET", "/api/v1/dossiers?overdue=maybe", "leader", nil, nil, 400, "overdue_invalid"},
			{"no_such_endpoint", "GET", "/api/v1/nothing", "", nil, nil, 404, "no_such_endpoint"},
			{"procedure_absent", "GET", "/api/v1/procedures/0.000000", "", nil, nil, 404, "procedure_unknown"},
			{"login_wrong_password", "POST", "/api/v1/auth/token", "", map[string]string{"username": "counter", "password": "sai"}, nil, 401, "bad_credentials"},
			{"login_unknown_user", "POST", "/api/v1/auth/token", "", map[string]string{"username": "ghost", "password": "x"}, nil, 401, "bad_credentials"},
			{"login_empty", "POST", "/api/v1/auth/token", "", map[string]string{}, nil, 400, "credentials_required"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := e.do(c.method, c.path, c.user, c.body, c.headers)
				if r.status != c.status || r.errCode() != c.code {
					t.Fatalf("%d %.300s; want %d %s", r.status, r.raw, c.status, c.code)
				}
				m := r.body["error"].(map[string]any)
				if m["message"] == "" || m["message_vi"] == "" || m["message"] == m["message_vi"] && c.code != "deadline_invalid" {
					t.Fatalf("error must carry English and Vietnamese messages: %s", r.raw)
				}
			})
		}
		// Nothing was half-written: still the one dossier, unchanged.
		list := e.do("GET", "/api/v1/dossiers", "director", nil, nil)
		if n := len(list.body["items"].([]any)); n != 1 {
			t.Fatalf("bad requests created dossiers: %d", n)
		}
		if d := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", id), "leader", nil, nil); d.num("version") != v {
			t.Fatalf("bad requests changed the dossier: %s", d.raw)
		}
	})
}

func TestUploadChecks(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		cases := []struct {
			name   string
			data   []byte
			status int
			code   string
		}{
			{"pdf_ok", pdf, 201, ""},
			{"png_ok", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"), 201, ""},
			{"exe_refused", []byte("MZ\x90\x00\x03\x00\x00\x00"), 422, "file_type"},
			{"html_named_pdf_refused", []byte("<html><script>alert(1)</script></html>"), 422, "file_type"},
			{"empty_refused", []byte{}, 422, "file_empty"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := e.upload("citizen", "giay-to.pdf", c.data)
				if r.status != c.status || (c.code != "" && r.errCode() != c.code) {
					t.Fatalf("%d %s", r.status, r.raw)
				}
			})
		}
		big := make([]byte, 21<<20)
		copy(big, pdf)
		if r := e.upload("citizen", "big.pdf", big); r.status != 413 {
			t.Fatalf("21 MB upload: %d %s", r.status, r.raw)
		}
		// A file uploaded by someone else cannot be attached.
		f := e.upload("counter", "scan.pdf", pdf)
		b := submitBody(criminalRecord)
		b["components"] = []map[string]any{{"name": "Tờ khai", "file_ids": []string{f.str("file_id")}}}
		if r := e.do("POST", "/api/v1/dossiers", "citizen", b, map[string]string{"Idempotency-Key": newKey()}); r.status != 422 {
			t.Fatalf("attaching another user's file: %d", r.status)
		}
	})
}

// Five wrong passwords lock the account for a while; the right password does
// not open it before the lock ends.
func TestLoginLockout(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		for range 5 {
			e.do("POST", "/api/v1/auth/token", "", map[string]string{"username": "leader", "password": "sai"}, nil)
		}
		r := e.do("POST", "/api/v1/auth/token", "", map[string]string{"username": "leader", "password": demoPassword}, nil)
		if r.status != 429 || r.errCode() != "account_locked" {
			t.Fatalf("locked account: %d %s", r.status, r.raw)
		}
		e.setNow(e.clock().Add(16 * 60e9))
		if r := e.do("POST", "/api/v1/auth/token", "", map[string]string{"username": "leader", "password": demoPassword}, nil); r.status != 200 {
			t.Fatalf("after the lock: %d %s", r.status, r.raw)
		}
	})
}

func TestOperationalEndpoints(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		if r := e.do("GET", "/healthz", "", nil, nil); r.status != 200 {
			t.Fatalf("healthz %d", r.status)
		}
		if r := e.do("GET", "/readyz", "", nil, nil); r.status != 200 || r.str("status") != "ready" {
			t.Fatalf("readyz %d %s", r.status, r.raw)
		}
		// What /metrics holds, and who may read it: security_test.go.
		if r := e.do("GET", "/metrics", "", nil, nil); r.status != 404 {
			t.Fatalf("/metrics is public: %d", r.status)
		}
		p := e.do("GET", "/api/v1/procedures?q=dang+ky+khai+sinh", "", nil, nil)
		items := p.body["items"].([]any)
		if len(items) == 0 || !strings.Contains(items[0].(map[string]any)["name"].(string), "khai sinh") {
			t.Fatalf("diacritic-insensitive procedure search: %s", p.raw)
		}
		if p := e.do("GET", "/api/v1/procedures?level=province&q=doanh+nghiep", "", nil, nil); len(p.body["items"].([]any)) == 0 {
			t.Fatalf("level filter: %s", p.raw)
		}
	})
}
