package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// submitAndReceive files online and receives at the counter, returning id and version.
func (e *env) submitAndReceive(procedure string) (int, int) {
	e.t.Helper()
	r := e.do("POST", "/api/v1/dossiers", "citizen", submitBody(procedure), map[string]string{"Idempotency-Key": newKey()})
	if r.status != 201 {
		e.t.Fatalf("submit: %d %s", r.status, r.raw)
	}
	id, v := r.num("id"), r.num("version")
	e.mustAct("counter", id, &v, map[string]any{"action": "receive"})
	e.mustAct("counter", id, &v, map[string]any{"action": "transfer"})
	return id, v
}

// A retried submission never creates a second dossier; a key reused for a
// different request is refused.
func TestSubmitIdempotency(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		key := newKey()
		first := e.do("POST", "/api/v1/dossiers", "citizen", submitBody(criminalRecord), map[string]string{"Idempotency-Key": key})
		if first.status != 201 {
			t.Fatalf("submit: %d %s", first.status, first.raw)
		}
		// Concurrent retries with the same key all get the same dossier.
		var wg sync.WaitGroup
		results := make([]resp, 8)
		for i := range results {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] = e.do("POST", "/api/v1/dossiers", "citizen", submitBody(criminalRecord), map[string]string{"Idempotency-Key": key})
			}()
		}
		wg.Wait()
		for _, r := range results {
			if r.status != 201 || r.num("id") != first.num("id") || r.header.Get("Idempotent-Replayed") != "true" {
				t.Fatalf("retry must replay the first dossier: %d %s", r.status, r.raw)
			}
		}
		list := e.do("GET", "/api/v1/dossiers", "citizen", nil, nil)
		if n := len(list.body["items"].([]any)); n != 1 {
			t.Fatalf("want exactly one dossier, got %d", n)
		}
		other := submitBody(criminalRecord)
		other["return_method"] = "postal"
		r := e.do("POST", "/api/v1/dossiers", "citizen", other, map[string]string{"Idempotency-Key": key})
		if r.status != 422 || r.errCode() != "idempotency_key_reused" {
			t.Fatalf("reused key with another body: %d %s", r.status, r.raw)
		}
		if r := e.do("POST", "/api/v1/dossiers", "citizen", submitBody(criminalRecord), nil); r.status != 400 || r.errCode() != "idempotency_key_required" {
			t.Fatalf("missing key: %d %s", r.status, r.raw)
		}
	})
}

// Two officers act on the same version at once: exactly one wins, the others
// get 409, and the log holds exactly one new event.
func TestRacingActionsOneWinner(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		id, v := e.submitAndReceive(criminalRecord)
		e.token("leader")
		kq := e.upload("leader", "ket-qua.pdf", pdf).str("file_id") // the online result every approval carries
		var wg sync.WaitGroup
		codes := make([]int, 10)
		for i := range codes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				action := map[string]any{"action": "approve", "result_file_ids": []string{kq}}
				if i%2 == 1 {
					action = map[string]any{"action": "reject", "reason": "Không đủ điều kiện"}
				}
				codes[i] = e.act("leader", id, v, action).status
			}()
		}
		wg.Wait()
		won := 0
		for _, c := range codes {
			switch c {
			case 200:
				won++
			case 409:
			default:
				t.Fatalf("unexpected status %d in %v", c, codes)
			}
		}
		if won != 1 {
			t.Fatalf("exactly one winner expected, got %d: %v", won, codes)
		}
		ev := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/events", id), "leader", nil, nil)
		if n := len(ev.body["items"].([]any)); n != 4 {
			t.Fatalf("submit, receive, transfer and one decision expected, got %d events", n)
		}
		d := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", id), "leader", nil, nil)
		if d.num("version") != v+1 {
			t.Fatalf("version %d, want %d", d.num("version"), v+1)
		}
		if r := e.act("leader", id, v, map[string]any{"action": "approve"}); r.status != 409 || r.errCode() != "version_conflict" || r.body["error"].(map[string]any)["message_vi"] == "" {
			t.Fatalf("stale If-Match: %d %s", r.status, r.raw)
		}
	})
}

// A retried action with the same Idempotency-Key is answered from the log and
// applied once.
func TestActionIdempotency(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		id, v := e.submitAndReceive(criminalRecord)
		h := map[string]string{"If-Match": fmt.Sprint(v), "Idempotency-Key": newKey()}
		body := map[string]any{"action": "request_supplement", "reason": "Thiếu ảnh"}
		a := e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/actions", id), "specialist", body, h)
		b := e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/actions", id), "specialist", body, h)
		if a.status != 200 || b.status != 200 || string(a.raw) != string(b.raw) || b.header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("replay differs: %d %s / %d %s", a.status, a.raw, b.status, b.raw)
		}
	})
}

// The legal rules of the lifecycle, each refused with a clear 422.
func TestLegalRulesRefused(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		id, v := e.submitAndReceive(criminalRecord)
		cases := []struct {
			name, user string
			body       map[string]any
			status     int
			code       string
		}{
			{"refuse_needs_processing_state_Decree118_Art11", "counter", map[string]any{"action": "refuse", "reason": "x"}, 422, "action_not_allowed_in_status"},
			{"extend_requires_signer_Form04", "leader", map[string]any{"action": "extend", "reason": "Chậm", "new_due_at": "2026-12-30T17:00:00+07:00"}, 422, "signer_required"},
			{"extend_requires_reason_Form04", "leader", map[string]any{"action": "extend", "signer": "GĐ", "new_due_at": "2026-12-30T17:00:00+07:00"}, 422, "reason_required"},
			{"extend_to_earlier_date", "leader", map[string]any{"action": "extend", "reason": "Chậm", "signer": "GĐ", "new_due_at": "2026-12-02T17:00:00+07:00"}, 422, "deadline_invalid"},
			{"reject_requires_written_reasons", "leader", map[string]any{"action": "reject"}, 422, "reason_required"},
			{"citizen_cannot_approve", "citizen", map[string]any{"action": "approve"}, 403, "role_forbidden"},
			{"specialist_cannot_sign_result", "specialist", map[string]any{"action": "approve"}, 403, "role_forbidden"},
			{"unknown_action", "leader", map[string]any{"action": "teleport"}, 422, "unknown_action"},
			{"payment_amount_required", "specialist", map[string]any{"action": "request_payment"}, 422, "amount_required"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := e.act(c.user, id, v, c.body)
				if r.status != c.status || r.errCode() != c.code {
					t.Fatalf("%d %s, want %d %s", r.status, r.raw, c.status, c.code)
				}
				errObj := r.body["error"].(map[string]any)
				if errObj["message"] == "" || errObj["message_vi"] == "" {
					t.Fatalf("error must be bilingual: %s", r.raw)
				}
			})
		}
		// Nothing above changed the dossier.
		d := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", id), "leader", nil, nil)
		if d.num("version") != v || d.str("status") != "processing" {
			t.Fatalf("a refused action must leave no trace: %s", d.raw)
		}

		// Decree 118/2025 Art. 11(2): supplementation only once.
		e.mustAct("specialist", id, &v, map[string]any{"action": "request_supplement", "reason": "Thiếu giấy tờ"})
		e.mustAct("counter", id, &v, map[string]any{"action": "supplement", "note": "Đã nhận bản sao tại quầy"})
		r := e.act("specialist", id, v, map[string]any{"action": "request_supplement", "reason": "Lại thiếu"})
		if r.status != 422 || r.errCode() != "supplement_already_requested" || !strings.Contains(r.body["error"].(map[string]any)["message_vi"].(string), "một lần") {
			t.Fatalf("second supplementation request: %d %s", r.status, r.raw)
		}
		// One extension only (RULES-VN §4).
		e.mustAct("leader", id, &v, map[string]any{"action": "extend", "reason": "Chậm", "signer": "GĐ", "new_due_at": "2026-12-30T17:00:00+07:00"})
		r = e.act("leader", id, v, map[string]any{"action": "extend", "reason": "Chậm nữa", "signer": "GĐ", "new_due_at": "2027-01-08T17:00:00+07:00"})
		if r.status != 422 || r.errCode() != "extension_already_made" {
			t.Fatalf("second extension: %d %s", r.status, r.raw)
		}
		// Financial obligation, withdrawal and stop.
		e.mustAct("specialist", id, &v, map[string]any{"action": "request_payment", "amount_vnd": 200000})
		r = e.mustAct("counter", id, &v, map[string]any{"action": "pay", "amount_vnd": 200000})
		if r.str("status") != "processing" || r.num("paid_vnd") != 200000 {
			t.Fatalf("pay: %s", r.raw)
		}
		e.mustAct("citizen", id, &v, map[string]any{"action": "withdraw", "reason": "Không còn nhu cầu"})
		r = e.mustAct("counter", id, &v, map[string]any{"action": "stop"})
		if r.str("status") != "stopped" || r.num("national_status") != 8 || r.str("finished_at") == "" {
			t.Fatalf("stop: %s", r.raw)
		}
	})
}

// Extension must be made before the due date (RULES-VN §4: at the latest one
// day before; never after the fact).
func TestExtendAfterDueRefused(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		id, v := e.submitAndReceive(criminalRecord) // due Friday 11/12 17:00
		e.setNow(time.Date(2026, 12, 11, 17, 0, 1, 0, ict))
		r := e.act("leader", id, v, map[string]any{"action": "extend", "reason": "Chậm", "signer": "GĐ", "new_due_at": "2026-12-30T17:00:00+07:00"})
		if r.status != 422 {
			t.Fatalf("extension after the due date: %d %s", r.status, r.raw)
		}
		d := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", id), "leader", nil, nil)
		if d.str("timeliness") != "overdue" {
			t.Fatalf("unfinished past due must be overdue: %s", d.raw)
		}
		o := e.do("GET", "/api/v1/dossiers?overdue=true", "director", nil, nil)
		if items := o.body["items"].([]any); len(items) != 1 {
			t.Fatalf("overdue list: %s", o.raw)
		}
	})
}

// Roles and agency scoping on every endpoint.
func TestScoping(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		id, v := e.submitAndReceive(criminalRecord) // Department of Justice
		e.addCitizen("citizen2")
		path := fmt.Sprintf("/api/v1/dossiers/%d", id)
		cases := []struct {
			user   string
			status int
		}{
			{"specialist", 200}, {"leader", 200}, {"counter", 200}, {"director", 200}, {"admin", 200}, {"citizen", 200},
			{"specialist_tc", 403}, {"counter_xa", 403}, {"citizen2", 404},
		}
		for _, c := range cases {
			if r := e.do("GET", path, c.user, nil, nil); r.status != c.status {
				t.Errorf("GET as %s: %d, want %d (%s)", c.user, r.status, c.status, r.raw)
			}
			if r := e.do("GET", path+"/events", c.user, nil, nil); r.status != c.status {
				t.Errorf("GET events as %s: %d, want %d", c.user, r.status, c.status)
			}
		}
		// Another agency's specialist can neither act nor list it.
		if r := e.act("specialist_tc", id, v, map[string]any{"action": "request_supplement", "reason": "x"}); r.status != 403 {
			t.Fatalf("foreign specialist acting: %d %s", r.status, r.raw)
		}
		for user, want := range map[string]int{"specialist_tc": 0, "citizen2": 0, "specialist": 1, "director": 1} {
			r := e.do("GET", "/api/v1/dossiers", user, nil, nil)
			if got := len(r.body["items"].([]any)); got != want {
				t.Errorf("list as %s: %d items, want %d", user, got, want)
			}
		}
		if r := e.do("GET", "/api/v1/dossiers?agency=000.00.10.H99", "specialist_tc", nil, nil); r.status != 403 {
			t.Errorf("filtering on a foreign agency: %d", r.status)
		}
		if r := e.do("GET", path, "", nil, nil); r.status != 401 || r.header.Get("WWW-Authenticate") == "" {
			t.Errorf("anonymous: %d", r.status)
		}
		req, _ := http.NewRequest("GET", e.url+path, nil)
		req.Header.Set("Authorization", "Bearer not-a-token")
		if res, _ := http.DefaultClient.Do(req); res.StatusCode != 401 {
			t.Errorf("bad token: %d", res.StatusCode)
		}
		// Only citizens and counter officers file dossiers.
		if r := e.do("POST", "/api/v1/dossiers", "specialist", submitBody(criminalRecord), map[string]string{"Idempotency-Key": newKey()}); r.status != 403 {
			t.Errorf("specialist filing: %d", r.status)
		}
		// Search by ID number and by name without diacritics, within scope.
		for _, q := range []string{"001090012345", "nguyen van dan", "Nguyễn Văn"} {
			r := e.do("GET", "/api/v1/dossiers?q="+strings.ReplaceAll(q, " ", "+"), "counter", nil, nil)
			if got := len(r.body["items"].([]any)); got != 1 {
				t.Errorf("search %q: %d items", q, got)
			}
		}
	})
}
