package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/store/storetest"
)

// fuzzSend sends one request without failing the fuzz target from inside
// the client: what matters is the answer.
func (e *env) fuzzSend(method, path, user, ctype string, body []byte, headers map[string]string) (int, []byte, error) {
	req, err := http.NewRequest(method, e.url+path, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", ctype)
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[user])
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := fuzzClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	return res.StatusCode, raw, err
}

// fuzzClient turns a request the server never answers into a failure (with
// its input kept) instead of a silent stall of the fuzzer.
var fuzzClient = &http.Client{Timeout: 10 * time.Second}

// clientAnswer is the invariant of every fuzz target over the real server:
// never a 5xx, and every error is the one error shape in both languages.
func clientAnswer(t *testing.T, what string, status int, raw []byte) {
	t.Helper()
	if status >= 500 || status == 0 {
		t.Fatalf("%s: %d %.300s", what, status, raw)
	}
	if status < 400 {
		return
	}
	var m map[string]map[string]string
	if err := json.Unmarshal(raw, &m); err != nil || m["error"]["code"] == "" || m["error"]["message"] == "" ||
		m["error"]["message_vi"] == "" || m["error"]["message"] == m["error"]["message_vi"] {
		t.Fatalf("%s: %d without a bilingual error: %.300s", what, status, raw)
	}
}

// FuzzAPIBodies sends fuzzed bodies to every JSON endpoint a client can
// reach with a token (sign-in, filing, actions, the calendar): the server
// answers with a client error or a success, never a 500, on SQLite (the
// PostgreSQL specific NUL case is covered by TestControlCharactersRefused).
func FuzzAPIBodies(f *testing.F) {
	e := newEnv(f, storetest.SQLite(f))
	for _, u := range []string{"citizen", "specialist", "admin"} {
		e.token(u)
	}
	id, v := e.submitAndReceive(criminalRecord)
	seeds := [][]string{
		{`{"username":"counter","password":"sai"}`, `{"username":"admin\u0000","password":"x"}`, `{"username":["a"]}`},
		{`{"procedure_code":"3.000333","applicant":{"name":"Nguyễn Văn An","id_number":"001090012345"}}`,
			`{"procedure_code":"3.000333","procedure_code":"2.001583"}`,
			`{"procedure_code":"3.000333","applicant":{"name":"\u200b","id_number":"001090012345"},"components":[{"name":"x","file_ids":[],"copies":-1}]}`},
		{`{"action":"request_payment","amount_vnd":9223372036854775807}`, `{"action":"extend","new_due_at":"2026-13-01T00:00:00Z"}`, `{"action":"note","note":"dòng 1\ndòng 2"}`},
		{`{"days":[{"date":"2027-01-01","kind":"holiday","name":"Tết Dương lịch"}]}`, `{"days":[{"date":"2027-02-30"}]}`},
	}
	for i, ss := range seeds {
		for _, s := range ss {
			f.Add(uint8(i), []byte(s))
		}
	}
	type target struct{ method, path, user string }
	targets := []target{
		{"POST", "/api/v1/auth/token", ""},
		{"POST", "/api/v1/dossiers", "citizen"},
		{"POST", fmt.Sprintf("/api/v1/dossiers/%d/actions", id), "specialist"},
		{"PUT", "/api/v1/calendar/2027", "admin"},
	}
	n := 0
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		tg := targets[int(which)%len(targets)]
		n++
		h := map[string]string{"Idempotency-Key": fmt.Sprintf("fuzz-%d-%d", n, len(body)), "If-Match": fmt.Sprint(v)}
		status, raw, err := e.fuzzSend(tg.method, tg.path, tg.user, "application/json", body, h)
		if err != nil {
			t.Fatal(err)
		}
		clientAnswer(t, tg.method+" "+tg.path, status, raw)
	})
}

// FuzzUpload sends fuzzed multipart uploads (the part's header parameters
// and the file's bytes): a client error or a stored file, never a 500.
func FuzzUpload(f *testing.F) {
	e := newEnv(f, storetest.SQLite(f))
	e.token("citizen")
	f.Add(`name="file"; filename="giay-to.pdf"`, pdf)
	f.Add(`name="file"; filename*=UTF-8''giay%00to.pdf`, pdf)
	f.Add(`name*=UTF-8''fi%E2%80%AEle; filename="a.pdf"`, pdf)
	f.Add(`name="file"; filename="`+strings.Repeat("đ", 300)+`.pdf"`, pdf)
	f.Add(`name="file"; filename="a.png"`, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	f.Add(`name="file"`, []byte("MZ\x90\x00"))
	f.Add(`name="file"; filename="e.pdf"`, []byte{})
	f.Fuzz(func(t *testing.T, params string, data []byte) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fmt.Fprintf(&buf, "--%s\r\nContent-Disposition: form-data; %s\r\n\r\n", mw.Boundary(), params)
		buf.Write(data)
		fmt.Fprintf(&buf, "\r\n--%s--\r\n", mw.Boundary())
		status, raw, err := e.fuzzSend("POST", "/api/v1/files", "citizen", mw.FormDataContentType(), buf.Bytes(), nil)
		if err != nil {
			t.Fatal(err)
		}
		clientAnswer(t, "upload", status, raw)
		if status == 201 {
			var fv map[string]any
			if json.Unmarshal(raw, &fv) != nil || fv["file_id"] == "" {
				t.Fatalf("201 without a file: %s", raw)
			}
		}
	})
}

// FuzzTrack fuzzes the public look-up by dossier code (and its key): the
// code is the only thing an anonymous client types into a path; the answer
// is the dossier with that very code, a clear 4xx, never a 500.
func FuzzTrack(f *testing.F) {
	e := newEnv(f, storetest.SQLite(f))
	id, _ := e.submitAndReceive(criminalRecord)
	code := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", id), "director", nil, nil).str("code")
	for _, s := range []string{code, " " + code + " ", code + "\x00", "000.00.01.H99-261201-9999", "", "%", "../dossiers/1", "\u202e" + code} {
		f.Add(s, "")
	}
	f.Add(code, "ABCD-1234")
	f.Fuzz(func(t *testing.T, c, key string) {
		path := "/api/v1/track/" + url.PathEscape(c)
		if key != "" {
			path += "?key=" + url.QueryEscape(key)
		}
		status, raw, err := e.fuzzSend("GET", path, "", "", nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if c == "" || c == "." || c == ".." {
			return // not a track path at all once the client cleans it
		}
		clientAnswer(t, "track "+path, status, raw)
		if status == 200 {
			var tv map[string]any
			if json.Unmarshal(raw, &tv) != nil || tv["code"] != strings.TrimSpace(c) {
				t.Fatalf("look-up of %q answered another dossier: %s", c, raw)
			}
		}
	})
}
