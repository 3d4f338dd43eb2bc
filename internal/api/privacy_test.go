package api_test

import (
	"fmt"
	"strings"
	"testing"
)

// Issue 16 item 1: what each role sees of a dossier's applicant, as
// org.AccessPolicy says, through the real server on both databases.
func TestPersonalDataByRole(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		// An online dossier that never goes by post …
		online, _ := e.submitAndReceive(criminalRecord)
		// … and one whose result goes back by post.
		body := submitBody(criminalRecord)
		body["return_method"] = "postal"
		r := e.do("POST", "/api/v1/dossiers", "citizen", body, map[string]string{"Idempotency-Key": newKey()})
		if r.status != 201 {
			t.Fatalf("submit: %d %s", r.status, r.raw)
		}
		byPost := r.num("id")

		const id, phone, email, addr = "001090012345", "0912345678", "dan@example.vn", "12 Lê Lợi, phường Trung Tâm"
		full := [4]string{id, phone, email, addr}
		masked := [4]string{"0010*****345", "09******78", "d***@example.vn", "***, phường Trung Tâm"}
		delivery := [4]string{"", phone, "", addr}
		cases := []struct {
			user       string
			onlineCode int // GET of the online dossier
			shown      [4]string
			searchByID int // GET /dossiers?q=<ID number>
		}{
			{"citizen", 200, full, 200},
			{"counter", 200, full, 200},
			{"specialist", 200, full, 200},
			{"leader", 200, full, 200},
			{"director", 200, masked, 403},
			{"chair", 200, masked, 403},
			{"admin", 200, masked, 403},
			{"postal", 403, delivery, 403},
		}
		for _, c := range cases {
			t.Run(c.user, func(t *testing.T) {
				if got := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", online), c.user, nil, nil); got.status != c.onlineCode {
					t.Errorf("GET online dossier: %d, want %d %s", got.status, c.onlineCode, got.raw)
				} else if got.status == 200 {
					checkApplicant(t, got.body["applicant"], c.shown)
				}
				if c.user != "specialist" && c.user != "leader" { // the dossier by post is not transferred yet
					got := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", byPost), c.user, nil, nil)
					if got.status != 200 {
						t.Fatalf("GET dossier by post: %d %s", got.status, got.raw)
					}
					checkApplicant(t, got.body["applicant"], c.shown)
				}
				list := e.do("GET", "/api/v1/dossiers?q="+id, c.user, nil, nil)
				if list.status != c.searchByID {
					t.Fatalf("search by ID number: %d, want %d %s", list.status, c.searchByID, list.raw)
				}
				all := e.do("GET", "/api/v1/dossiers", c.user, nil, nil)
				items, _ := all.body["items"].([]any)
				for _, it := range items {
					m := it.(map[string]any)
					if c.user == "postal" && int(m["id"].(float64)) == online {
						t.Errorf("the postal operator lists a dossier without a postal leg")
					}
					checkApplicant(t, m["applicant"], c.shown)
				}
				if len(items) == 0 {
					t.Errorf("%s lists nothing", c.user)
				}
			})
		}
	})
}

func checkApplicant(t *testing.T, v any, want [4]string) {
	t.Helper()
	a, _ := v.(map[string]any)
	got := [4]string{}
	for i, k := range []string{"id_number", "phone", "email", "address"} {
		got[i], _ = a[k].(string)
	}
	if got != want {
		t.Errorf("applicant shown %q, want %q", got, want)
	}
	if a["name"] != "Nguyễn Văn Dân" {
		t.Errorf("name %v", a["name"])
	}
}

// A supervisor unmasks on purpose, with a reason; the reveal is recorded and
// an administrator reads it. Roles that process or carry cannot reveal.
func TestRevealIsRecorded(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		id, _ := e.submitAndReceive(criminalRecord)
		path := fmt.Sprintf("/api/v1/dossiers/%d/reveal", id)
		cases := []struct {
			user   string
			body   map[string]any
			status int
			code   string
		}{
			{"director", map[string]any{"fields": []string{"id_number"}}, 422, "reveal_reason_required"},
			{"director", map[string]any{"fields": []string{"id_number"}, "reason": "ngắn"}, 422, "reveal_reason_required"},
			{"director", map[string]any{"fields": []string{"name"}, "reason": "Kiểm tra phản ánh PAKN số 12"}, 422, "reveal_field_unknown"},
			{"director", map[string]any{"fields": []string{}, "reason": "Kiểm tra phản ánh PAKN số 12"}, 422, "reveal_fields_required"},
			{"postal", map[string]any{"fields": []string{"id_number"}, "reason": "Kiểm tra phản ánh PAKN số 12"}, 403, "reveal_not_allowed"},
			{"counter", map[string]any{"fields": []string{"id_number"}, "reason": "Kiểm tra phản ánh PAKN số 12"}, 403, "reveal_not_allowed"},
			{"citizen", map[string]any{"fields": []string{"id_number"}, "reason": "Kiểm tra phản ánh PAKN số 12"}, 403, "reveal_not_allowed"},
		}
		for _, c := range cases {
			if r := e.do("POST", path, c.user, c.body, nil); r.status != c.status || r.errCode() != c.code {
				t.Errorf("%s %v: %d %s, want %d %s", c.user, c.body, r.status, r.raw, c.status, c.code)
			}
		}
		if r := e.do("GET", "/api/v1/reveals", "admin", nil, nil); len(r.body["items"].([]any)) != 0 {
			t.Fatalf("refused reveals were recorded: %s", r.raw)
		}
		r := e.do("POST", path, "director", map[string]any{"fields": []string{"id_number", "phone"}, "reason": "Kiểm tra phản ánh PAKN số 12"}, nil)
		if r.status != 200 {
			t.Fatalf("reveal: %d %s", r.status, r.raw)
		}
		a := r.body["applicant"].(map[string]any)
		if a["id_number"] != "001090012345" || a["phone"] != "0912345678" || a["email"] != "d***@example.vn" {
			t.Fatalf("revealed %v", a)
		}
		// The dossier itself stays masked for the director afterwards.
		if d := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", id), "director", nil, nil); strings.Contains(string(d.raw), "001090012345") {
			t.Fatalf("a reveal must not unmask the dossier for later reads: %s", d.raw)
		}
		for _, path := range []string{"/api/v1/reveals", fmt.Sprintf("/api/v1/dossiers/%d/reveals", id)} {
			log := e.do("GET", path, "admin", nil, nil)
			items, _ := log.body["items"].([]any)
			if log.status != 200 || len(items) != 1 {
				t.Fatalf("%s: %d %s", path, log.status, log.raw)
			}
			rec := items[0].(map[string]any)
			if rec["username"] != "director" || rec["role"] != "director" || int(rec["dossier_id"].(float64)) != id ||
				rec["reason"] != "Kiểm tra phản ánh PAKN số 12" || fmt.Sprint(rec["fields"]) != "[id_number phone]" || rec["at"] == "" {
				t.Fatalf("recorded %v", rec)
			}
		}
		for _, u := range []string{"director", "counter", "postal", "citizen"} {
			if r := e.do("GET", "/api/v1/reveals", u, nil, nil); r.status != 403 {
				t.Errorf("%s reads the reveal log: %d", u, r.status)
			}
		}
	})
}

// privacyContract exercises every documented answer of the reveal
// endpoints (TestOpenAPIResponses).
func privacyContract(c *oaCheck) {
	c.t.Helper()
	id, _ := c.e.submitAndReceive(criminalRecord)
	path := fmt.Sprintf("/api/v1/dossiers/%d/reveal", id)
	why := "Kiểm tra phản ánh PAKN số 12"
	c.want(200, c.do("POST", path, "chair", map[string]any{"fields": []string{"email"}, "reason": why}, nil))
	c.want(400, c.do("POST", path, "chair", `{"fields":["email"],"reason":"x","extra":1}`, nil))
	c.want(401, c.do("POST", path, "", map[string]any{"fields": []string{"email"}, "reason": why}, nil))
	c.want(403, c.do("POST", path, "counter", map[string]any{"fields": []string{"email"}, "reason": why}, nil))
	c.want(404, c.do("POST", "/api/v1/dossiers/999999/reveal", "chair", map[string]any{"fields": []string{"email"}, "reason": why}, nil))
	c.want(422, c.do("POST", path, "chair", map[string]any{"fields": []string{"email"}}, nil))
	list := fmt.Sprintf("/api/v1/dossiers/%d/reveals", id)
	c.want(200, c.do("GET", list, "admin", nil, nil))
	c.want(401, c.do("GET", list, "", nil, nil))
	c.want(403, c.do("GET", list, "counter", nil, nil))
	c.want(404, c.do("GET", "/api/v1/dossiers/999999/reveals", "admin", nil, nil))
	c.want(200, c.do("GET", "/api/v1/reveals", "admin", nil, nil))
	c.want(401, c.do("GET", "/api/v1/reveals", "", nil, nil))
	c.want(403, c.do("GET", "/api/v1/reveals", "director", nil, nil))
}
