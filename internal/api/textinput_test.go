package api_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"testing"
)

// bilingual fails unless r is an error carrying an English and a different
// Vietnamese message.
func bilingual(t *testing.T, r resp) {
	t.Helper()
	m, _ := r.body["error"].(map[string]any)
	en, _ := m["message"].(string)
	vi, _ := m["message_vi"].(string)
	if en == "" || vi == "" || en == vi {
		t.Fatalf("error must carry English and Vietnamese messages: %s", r.raw)
	}
}

// A NUL byte (or another control character, or a bidi override) anywhere a
// client can put text is a clear 400 on both databases, never a 500 from
// PostgreSQL nor a stored NUL on SQLite (issue 16 item 3).
func TestControlCharactersRefused(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		withApplicant := func(field, value string) map[string]any {
			b := submitBody(criminalRecord)
			b["applicant"].(map[string]any)[field] = value
			return b
		}
		key := func() map[string]string { return map[string]string{"Idempotency-Key": newKey()} }
		cases := []struct {
			name, method, path, user string
			body                     any
			headers                  map[string]string
			status                   int
			code                     string
		}{
			{"track_nul", "GET", "/api/v1/track/%00", "", nil, nil, 400, "text_control_char"},
			{"track_esc", "GET", "/api/v1/track/H%1B", "", nil, nil, 400, "text_control_char"},
			{"procedure_nul", "GET", "/api/v1/procedures/%00", "", nil, nil, 400, "text_control_char"},
			{"query_nul", "GET", "/api/v1/procedures?q=%00", "", nil, nil, 400, "text_control_char"},
			{"query_newline", "GET", "/api/v1/procedures?q=a%0Ab", "", nil, nil, 400, "text_control_char"},
			{"query_bidi", "GET", "/api/v1/procedures?q=%E2%80%AE", "", nil, nil, 400, "text_control_char"},
			{"query_key_nul", "GET", "/api/v1/procedures?%00=1", "", nil, nil, 400, "text_control_char"},
			{"query_bad_utf8", "GET", "/api/v1/procedures?q=%FF", "", nil, nil, 400, "text_control_char"},
			{"dossier_search_nul", "GET", "/api/v1/dossiers?q=%00", "leader", nil, nil, 400, "text_control_char"},
			{"login_nul", "POST", "/api/v1/auth/token", "", `{"username":"admin\u0000","password":"x"}`, nil, 400, "text_control_char"},
			{"json_key_nul", "POST", "/api/v1/auth/token", "", `{"user\u0000name":"admin","password":"x"}`, nil, 400, "text_control_char"},
			{"name_nul", "POST", "/api/v1/dossiers", "citizen", withApplicant("name", "Nguyễn\u0000An"), key(), 400, "text_control_char"},
			{"address_nul", "POST", "/api/v1/dossiers", "citizen", withApplicant("address", "12 Lê Lợi\u0000"), key(), 400, "text_control_char"},
			{"bidi_in_address", "POST", "/api/v1/dossiers", "citizen", withApplicant("address", "12 \u202eiợL êL"), key(), 400, "text_control_char"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := e.do(c.method, c.path, c.user, c.body, c.headers)
				if r.status != c.status || r.errCode() != c.code {
					t.Fatalf("%d %.300s; want %d %s", r.status, r.raw, c.status, c.code)
				}
				bilingual(t, r)
			})
		}
		// A multi-line address is legitimate.
		if r := e.do("POST", "/api/v1/dossiers", "citizen", withApplicant("address", "12 Lê Lợi\r\nphường Trung Tâm"), key()); r.status != 201 {
			t.Fatalf("multi-line address: %d %s", r.status, r.raw)
		}
		// Multipart: field names and file names are checked too.
		for name, part := range map[string][2]string{"file_name_nul": {"file", "giay%00to.pdf"}, "field_name_nul": {"fi%00le", "a.pdf"},
			"file_name_bidi": {"file", "a%E2%80%AEfdp.exe"}, "file_name_newline": {"file", "a%0A.pdf"}} {
			t.Run(name, func(t *testing.T) {
				r := e.uploadPart("citizen", part[0], part[1], pdf, nil)
				if r.status != 400 || r.errCode() != "text_control_char" {
					t.Fatalf("%d %s", r.status, r.raw)
				}
				bilingual(t, r)
			})
		}
	})
}

// uploadPart sends one multipart part whose field and file name are given
// percent-encoded in the RFC 2231 form (name*=UTF-8”…), the one way a client
// can put any character in them.
func (e *env) uploadPart(user, field, filename string, data []byte, headers map[string]string) resp {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fmt.Fprintf(&buf, "--%s\r\nContent-Disposition: form-data; name*=UTF-8''%s; filename*=UTF-8''%s\r\nContent-Type: application/octet-stream\r\n\r\n", mw.Boundary(), field, filename)
	buf.Write(data)
	fmt.Fprintf(&buf, "\r\n--%s--\r\n", mw.Boundary())
	req, _ := http.NewRequest("POST", e.url+"/api/v1/files", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+e.token(user))
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	return e.send(req)
}
