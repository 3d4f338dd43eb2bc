package api_test

import (
	"fmt"
	"strings"
	"testing"
)

// settleWithResult files an online dossier for the demo citizen, has the
// counter receive (digitizing the paper brought for "Giấy xác nhận") and the
// leader approve it with an electronic result; it returns the dossier id and
// the result's content.
func settleWithResult(t *testing.T, e *env, tag string) (int, []byte) {
	t.Helper()
	form := e.upload("citizen", "to-khai.pdf", []byte("%PDF-1.4\nto khai "+tag+"\n%%EOF\n"))
	body := submitBody(criminalRecord)
	body["components"] = []map[string]any{{"name": "Tờ khai", "file_ids": []string{form.str("file_id")}}, {"name": "Giấy xác nhận", "file_ids": []string{}}}
	sub := e.do("POST", "/api/v1/dossiers", "citizen", body, map[string]string{"Idempotency-Key": newKey()})
	if sub.status != 201 {
		t.Fatalf("submit: %d %s", sub.status, sub.raw)
	}
	id, v := sub.num("id"), sub.num("version")
	scan := e.upload("counter", "giay-xac-nhan.pdf", []byte("%PDF-1.4\nban quet "+tag+"\n%%EOF\n"))
	r := e.mustAct("counter", id, &v, map[string]any{"action": "receive",
		"components": []map[string]any{{"name": "Giấy xác nhận", "digitized": true, "file_ids": []string{scan.str("file_id")}}}})
	comps, _ := r.body["components"].([]any)
	if len(comps) != 2 || comps[1].(map[string]any)["digitized"] != true {
		t.Fatalf("received components: %s", r.raw)
	}
	e.mustAct("counter", id, &v, map[string]any{"action": "transfer"})
	content := []byte("%PDF-1.4\nket qua " + tag + "\n%%EOF\n")
	res := e.upload("leader", "ket-qua.pdf", content)
	e.mustAct("leader", id, &v, map[string]any{"action": "approve", "result_file_ids": []string{res.str("file_id")}})
	return id, content
}

type docJSON struct {
	ID          int64  `json:"id"`
	Kind        string `json:"kind"`
	Name        string `json:"name"`
	DossierCode string `json:"dossier_code"`
	Reusable    bool   `json:"reusable"`
	DownloadURL string `json:"download_url"`
}

func myDocs(t *testing.T, e *env, user string) []docJSON {
	t.Helper()
	r := e.do("GET", "/api/v1/me/documents", user, nil, nil)
	if r.status != 200 {
		t.Fatalf("%s: GET /api/v1/me/documents: %d %s", user, r.status, r.raw)
	}
	var out struct{ Documents []docJSON }
	jsonUnmarshal(r.raw, &out)
	return out.Documents
}

// The citizen's data store through the API: the result and the digitized
// paper are listed for their owner only, downloaded by the owner only, and
// reused by id in a new filing (Circular 01/2023 Art. 24; Decree 45/2020
// Art. 16); someone else's id is refused with a bilingual 422 and nothing
// is created.
func TestDataStoreAPI_Circular01_2023_Art24(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		e.addCitizen("hang_xom")
		_, content := settleWithResult(t, e, "a")
		docs := myDocs(t, e, "citizen")
		if len(docs) != 2 || docs[0].Kind != "result" || docs[1].Kind != "digitized" || docs[1].Name != "Giấy xác nhận" || !docs[0].Reusable || docs[0].DossierCode == "" {
			t.Fatalf("citizen's documents: %+v", docs)
		}
		if other := myDocs(t, e, "hang_xom"); len(other) != 0 {
			t.Fatalf("another citizen sees %+v", other)
		}
		dl := e.do("GET", docs[0].DownloadURL, "citizen", nil, nil)
		if dl.status != 200 || string(dl.raw) != string(content) || dl.header.Get("Content-Type") != "application/pdf" ||
			!strings.HasPrefix(dl.header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("download: %d %q %v", dl.status, dl.raw, dl.header)
		}
		for _, c := range []struct{ user, path string }{
			{"hang_xom", docs[0].DownloadURL},
			{"counter", docs[0].DownloadURL},
			{"citizen", "/api/v1/me/documents/99999999/file"},
			{"citizen", "/api/v1/me/documents/abc/file"},
		} {
			if r := e.do("GET", c.path, c.user, nil, nil); r.status != 404 || strings.Contains(string(r.raw), "ket qua") {
				t.Errorf("%s GET %s: %d %.100s, want 404", c.user, c.path, r.status, r.raw)
			}
		}
		if r := e.do("GET", "/api/v1/me/documents", "counter", nil, nil); r.status != 403 {
			t.Errorf("staff list a store: %d", r.status)
		}

		// Reuse: the neighbour cannot take the citizen's document.
		list := func(user string) int {
			r := e.do("GET", "/api/v1/dossiers", user, nil, nil)
			items, _ := r.body["items"].([]any)
			return len(items)
		}
		before := list("hang_xom")
		body := submitBody(criminalRecord)
		body["components"] = []map[string]any{{"name": "Giấy phép", "document_ids": []int64{docs[0].ID}}}
		r := e.do("POST", "/api/v1/dossiers", "hang_xom", body, map[string]string{"Idempotency-Key": newKey()})
		errBody, _ := r.body["error"].(map[string]any)
		if r.status != 422 || r.errCode() != "document_unknown" || errBody["message"] == "" || errBody["message_vi"] == "" ||
			!strings.Contains(fmt.Sprint(errBody["message_vi"]), "kho dữ liệu") {
			t.Fatalf("reusing another's document: %d %s", r.status, r.raw)
		}
		if after := list("hang_xom"); after != before {
			t.Fatalf("a refused filing created a dossier: %d → %d", before, after)
		}
		// The owner reuses it.
		r = e.do("POST", "/api/v1/dossiers", "citizen", body, map[string]string{"Idempotency-Key": newKey()})
		if r.status != 201 {
			t.Fatalf("reuse: %d %s", r.status, r.raw)
		}
		comps, _ := r.body["components"].([]any)
		c0, _ := comps[0].(map[string]any)
		if c0["reused"] != true || len(c0["file_ids"].([]any)) != 1 || c0["document_ids"] != nil {
			t.Fatalf("reused component: %s", r.raw)
		}
	})
}

// dataStoreContract exercises every documented answer of the data store
// endpoints for TestOpenAPIResponses.
func dataStoreContract(c *oaCheck) {
	c.t.Helper()
	settleWithResult(c.t, c.e, "contract")
	r := c.want(200, c.do("GET", "/api/v1/me/documents", "citizen", nil, nil))
	docs, _ := r.body["documents"].([]any)
	if len(docs) == 0 {
		c.t.Fatalf("no document to download: %s", r.raw)
	}
	url := docs[0].(map[string]any)["download_url"].(string)
	c.want(401, c.do("GET", "/api/v1/me/documents", "", nil, nil))
	c.want(403, c.do("GET", "/api/v1/me/documents", "counter", nil, nil))
	c.want(200, c.do("GET", url, "citizen", nil, nil))
	c.want(401, c.do("GET", url, "", nil, nil))
	c.want(404, c.do("GET", url, "counter", nil, nil))
}
