package api_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func (e *env) upload(user, name string, data []byte) resp {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", e.url+"/api/v1/files", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+e.token(user))
	return e.send(req)
}

var pdf = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

// The whole legal life of a dossier through the real server: online filing,
// reception with code and due date (Form 01), transfer, one supplementation
// request with the clock suspended, an extension signed by the head of agency
// (Form 04), approval and return of the result.
func TestDossierLifecycle(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		at := func(s string) time.Time {
			tm, err := time.Parse(time.RFC3339, s)
			if err != nil {
				t.Fatal(err)
			}
			return tm
		}
		r := e.do("POST", "/api/v1/dossiers", "citizen", submitBody(criminalRecord), map[string]string{"Idempotency-Key": newKey()})
		if r.status != 201 || r.str("status") != "submitted" || r.num("national_status") != 1 || r.body["code"] != nil {
			t.Fatalf("submit: %d %s", r.status, r.raw)
		}
		id, v := r.num("id"), r.num("version")

		// Reception on Tuesday 1/12/2026 09:00: 10 calendar days → Friday 11/12 17:00.
		r = e.mustAct("counter", id, &v, map[string]any{"action": "receive"})
		if !regexp.MustCompile(`^000\.00\.01\.H99-261201-0001$`).MatchString(r.str("code")) {
			t.Fatalf("dossier code (Circular 01/2018 Art. 19) = %q", r.str("code"))
		}
		if r.str("due_at") != "2026-12-11T17:00:00+07:00" || r.str("status") != "received" || r.str("timeliness") != "in_time" {
			t.Fatalf("receive: %s", r.raw)
		}
		if r.str("due_explain") == "" {
			t.Fatal("the due date must come with its explanation")
		}
		r = e.mustAct("counter", id, &v, map[string]any{"action": "transfer"})
		if r.str("status") != "processing" || r.num("national_status") != 4 {
			t.Fatalf("transfer: %s", r.raw)
		}

		// Wednesday 10:00 the specialist asks for papers; the citizen brings
		// them Friday 10:00: 16 working hours pass, so the due date moves two
		// working days later, over the weekend, to Tuesday 15/12 17:00.
		e.setNow(at("2026-12-02T10:00:00+07:00"))
		r = e.mustAct("specialist", id, &v, map[string]any{"action": "request_supplement", "reason": "Thiếu bản sao CCCD"})
		if r.str("status") != "supplement_requested" || r.num("national_status") != 5 {
			t.Fatalf("request_supplement: %s", r.raw)
		}
		e.setNow(at("2026-12-04T10:00:00+07:00"))
		f := e.upload("citizen", "cccd.pdf", pdf)
		if f.status != 201 || len(f.str("sha256")) != 64 || f.str("content_type") != "application/pdf" {
			t.Fatalf("upload: %d %s", f.status, f.raw)
		}
		r = e.mustAct("citizen", id, &v, map[string]any{"action": "supplement",
			"components": []map[string]any{{"name": "Bản sao CCCD", "file_ids": []string{f.str("file_id")}}}})
		if r.str("status") != "processing" || r.str("due_at") != "2026-12-15T17:00:00+07:00" || r.str("previous_due_at") != "2026-12-11T17:00:00+07:00" {
			t.Fatalf("supplement must move the due date by the suspended working time: %s", r.raw)
		}

		// Monday 14/12 the head of agency apologises and sets a new date once.
		e.setNow(at("2026-12-14T09:00:00+07:00"))
		r = e.mustAct("leader", id, &v, map[string]any{"action": "extend", "reason": "Cần xác minh thêm", "signer": "Giám đốc Sở Tư pháp",
			"new_due_at": "2026-12-18T17:00:00+07:00"})
		if r.str("due_at") != "2026-12-18T17:00:00+07:00" || r.str("previous_due_at") != "2026-12-15T17:00:00+07:00" || r.num("extension_count") != 1 {
			t.Fatalf("extend: %s", r.raw)
		}
		e.setNow(at("2026-12-17T15:00:00+07:00"))
		// The citizen chose an online result: the approval carries its file.
		if r := e.act("leader", id, v, map[string]any{"action": "approve"}); r.status != 422 || r.errCode() != "result_file_required" {
			t.Fatalf("approving an online-return dossier without its result must be refused: %d %s", r.status, r.raw)
		}
		res := e.upload("leader", "a.pdf", pdf)
		r = e.mustAct("leader", id, &v, map[string]any{"action": "approve", "result_file_ids": []string{res.str("file_id")}, "result_name": "Phiếu lý lịch tư pháp số 12"})
		if r.str("status") != "done" || r.num("national_status") != 9 || r.str("timeliness") != "early" {
			t.Fatalf("approve a day before the due date must be early: %s", r.raw)
		}
		e.setNow(at("2026-12-18T08:00:00+07:00"))
		r = e.mustAct("counter", id, &v, map[string]any{"action": "return_result"})
		if r.str("status") != "returned" || r.num("national_status") != 10 || r.str("finished_at") != "2026-12-17T15:00:00+07:00" {
			t.Fatalf("return: %s", r.raw)
		}
		if al := r.body["allowed_actions"].([]any); len(al) != 2 || al[0] != "rate" || al[1] != "complaint" {
			t.Fatalf("a returned dossier allows the counter only to record a rating or link a complaint: %s", r.raw)
		}
		// The citizen rates once the result is returned (Circular 01/2018 Art. 12).
		r = e.mustAct("citizen", id, &v, map[string]any{"action": "rate", "rating": 3})
		// Rated once; what is left is a complaint, which may come any time.
		if al := r.body["allowed_actions"].([]any); r.num("rating") != 3 || r.str("status") != "returned" || len(al) != 1 || al[0] != "complaint" {
			t.Fatalf("rate: %s", r.raw)
		}

		ev := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/events", id), "citizen", nil, nil)
		items, _ := ev.body["items"].([]any)
		want := []string{"submit", "receive", "transfer", "request_supplement", "supplement", "extend", "approve", "return_result", "rate"}
		if len(items) != len(want) {
			t.Fatalf("events: %s", ev.raw)
		}
		for i, it := range items {
			m := it.(map[string]any)
			actor := m["actor"].(map[string]any)
			if m["action"] != want[i] || int(m["seq"].(float64)) != i+1 || actor["user_id"].(float64) == 0 || actor["role"] == "" {
				t.Fatalf("event %d: %v", i, m)
			}
		}
		tr := items[2].(map[string]any)["payload"].(map[string]any)
		if tr["from_agency_code"] != "000.00.10.H99" || tr["to_agency_code"] != "000.00.10.H99" {
			t.Fatalf("transfer event must name the agencies by code: %v", tr)
		}
		sup := items[4].(map[string]any)["payload"].(map[string]any)
		if sup["previous_due_at"] != "2026-12-11T17:00:00+07:00" || sup["due_at"] != "2026-12-15T17:00:00+07:00" {
			t.Fatalf("supplement event must keep both due dates in Vietnam time: %v", sup)
		}
		ext := items[5].(map[string]any)["payload"].(map[string]any)
		if ext["signer"] != "Giám đốc Sở Tư pháp" || ext["reason"] != "Cần xác minh thêm" {
			t.Fatalf("extension event must keep reason and signer: %v", ext)
		}

		// Public tracking with the key on Form 01: status and dates, and no
		// personal data at all (the code alone: security_test.go).
		trackKey, err := e.svc.TrackKey(context.Background(), "000.00.01.H99-261201-0001")
		if err != nil {
			t.Fatal(err)
		}
		trk := e.do("GET", "/api/v1/track/000.00.01.H99-261201-0001?key="+trackKey, "", nil, nil)
		if trk.status != 200 || trk.str("status") != "returned" || trk.str("procedure_name") == "" {
			t.Fatalf("track: %d %s", trk.status, trk.raw)
		}
		for _, secret := range []string{"001090012345", "0912345678", "dan@example.vn", "Nguyễn Văn Dân", "Lê Lợi"} {
			if strings.Contains(string(trk.raw), secret) {
				t.Fatalf("public tracking leaks %q: %s", secret, trk.raw)
			}
		}
		if r := e.do("GET", "/api/v1/track/000.00.01.H99-261201-9999", "", nil, nil); r.status != 404 || r.errCode() != "dossier_code_unknown" {
			t.Fatalf("unknown code: %d %s", r.status, r.raw)
		}
	})
}

// A receipt late on Friday: 3 working days run Mon, Tue, Wed → Wednesday 9/12
// 17:00 (Civil Code 2015 Art. 147: the period starts the day after receipt).
// The same-day 15:00 cut-off is table-tested in internal/calendar; the
// reference catalog holds no same-day procedure to drive it over HTTP.
func TestReceiveWorkingDaysAcrossWeekend_CivilCode2015_Art147(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		r := e.do("POST", "/api/v1/dossiers", "citizen", submitBody(businessReg), map[string]string{"Idempotency-Key": newKey()})
		if r.status != 201 {
			t.Fatalf("submit: %d %s", r.status, r.raw)
		}
		id, v := r.num("id"), r.num("version")
		e.setNow(time.Date(2026, 12, 4, 16, 30, 0, 0, ict))
		r = e.mustAct("counter", id, &v, map[string]any{"action": "receive"})
		if r.str("due_at") != "2026-12-09T17:00:00+07:00" || !strings.HasSuffix(r.str("code"), "-261204-0001") {
			t.Fatalf("receive: %s", r.raw)
		}
	})
}

// Circular 01/2018 Art. 19: receipts at the same counter at the same moment
// get the day's numbers in sequence, each once and none skipped (on
// PostgreSQL the number is taken at the end of each transaction, and a
// receipt that lost the race runs again).
func TestConcurrentReceiptsNumberedWithoutGaps_Circular01_2018_Art19(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		const n = 12
		ids, versions := make([]int, n), make([]int, n)
		for i := range n {
			r := e.do("POST", "/api/v1/dossiers", "citizen", submitBody(businessReg), map[string]string{"Idempotency-Key": newKey()})
			if r.status != 201 {
				t.Fatalf("submit: %d %s", r.status, r.raw)
			}
			ids[i], versions[i] = r.num("id"), r.num("version")
		}
		codes := make([]string, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := e.act("counter", ids[i], versions[i], map[string]any{"action": "receive"})
				if r.status != 200 {
					t.Errorf("receive %d: %d %s", ids[i], r.status, r.raw)
					return
				}
				codes[i] = r.str("code")
			}()
		}
		wg.Wait()
		seen := map[string]bool{}
		for _, c := range codes {
			seen[c[strings.LastIndex(c, "-")+1:]] = true
		}
		for i := 1; i <= n; i++ {
			if !seen[fmt.Sprintf("%04d", i)] {
				t.Fatalf("number %04d missing from %v", i, codes)
			}
		}
		// What the dossiers hold is what the answers said.
		for i := range n {
			r := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", ids[i]), "counter", nil, nil)
			if r.str("code") != codes[i] {
				t.Fatalf("dossier %d holds %q, the receipt answered %q", ids[i], r.str("code"), codes[i])
			}
		}
	})
}
