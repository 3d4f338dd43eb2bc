package api_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"
)

// Every bad webhook gets a clear error in Vietnamese and English and
// changes nothing (Decision 45/2016: only the contracted operator reports).
func TestPostalBadRequests_Decision45_2016(t *testing.T) {
	eachPostalDB(t, func(t *testing.T, e *postalEnv) {
		ok := e.mustReport(201, pickedUp("pu-ok", "EB000000001VN"))
		id := ok.num("dossier_id")
		handover := map[string]any{"type": "handed_over", "event_id": "ho-x", "at": "2026-11-30T15:04:00+07:00",
			"tracking_number": "EB000000001VN", "handover_record": "BB-1"}
		noApplicant := pickedUp("pu-3", "EB000000003VN")
		delete(noApplicant, "applicant")
		badID := pickedUp("pu-4", "EB000000004VN")
		badID["applicant"] = map[string]any{"name": "A", "id_number": "12"}
		noCount := pickedUp("pu-5", "EB000000005VN")
		noCount["components"] = []map[string]any{{"name": "Tờ khai", "originals": 0, "copies": 0}}
		cases := []struct {
			name   string
			send   func() resp
			status int
			code   string
		}{
			{"unsigned", func() resp { return e.do("POST", "/api/v1/postal/events", "", handover, nil) }, 401, "postal_unsigned"},
			{"bad signature", func() resp {
				return e.send(e.signedPost(postalKeyID, []byte("not-the-secret-0123456789abcdefgh"), handover, 0))
			}, 401, "postal_signature_invalid"},
			{"wrong key id", func() resp { return e.send(e.signedPost("other-post", postalSecret, handover, 0)) }, 401, "postal_key_unknown"},
			{"clock 10 minutes off", func() resp { return e.send(e.signedPost(postalKeyID, postalSecret, handover, 10*time.Minute)) }, 401, "postal_timestamp_skew"},
			{"body tampered", func() resp {
				req := e.signedPost(postalKeyID, postalSecret, handover, 0)
				tampered := []byte(fmt.Sprintf(`{"type":"handed_over","event_id":"ho-x","at":"2026-11-30T15:04:00+07:00","tracking_number":"EB000000001VN","handover_record":"BB-2"}`))
				req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(tampered)), nil }
				req.ContentLength = int64(len(tampered))
				return e.send(req)
			}, 401, "postal_signature_invalid"},
			{"unknown type", func() resp {
				return e.report(map[string]any{"type": "teleported", "event_id": "x1", "at": "2026-11-30T15:00:00+07:00"})
			}, 422, "postal_event_type_unknown"},
			{"no event id", func() resp { return e.report(map[string]any{"type": "handed_over", "at": "2026-11-30T15:00:00+07:00"}) }, 422, "event_id_required"},
			{"unknown field", func() resp { return e.report(map[string]any{"type": "handed_over", "event_id": "x2", "colour": "red"}) }, 400, "json_unknown_field"},
			{"unknown tracking number", func() resp {
				return e.report(map[string]any{"type": "handed_over", "event_id": "x3", "at": "2026-11-30T15:00:00+07:00", "tracking_number": "EB999999999VN", "handover_record": "BB-9"})
			}, 404, "postal_dossier_unknown"},
			{"unknown dossier code", func() resp {
				return e.report(map[string]any{"type": "delivered", "event_id": "x4", "at": "2026-11-30T15:00:00+07:00", "dossier_code": "000.00.01.H99-261130-9999"})
			}, 404, "postal_dossier_unknown"},
			{"hand-over without record", func() resp {
				h := map[string]any{"type": "handed_over", "event_id": "x6", "at": "2026-11-30T15:00:00+07:00", "tracking_number": "EB000000001VN"}
				return e.report(h)
			}, 422, "handover_record_required"},
			{"tracking number taken", func() resp { return e.report(pickedUp("pu-2", "EB000000001VN")) }, 409, "tracking_number_taken"},
			{"no applicant", func() resp { return e.report(noApplicant) }, 422, "applicant_required"},
			{"applicant ID checked as any filing", func() resp { return e.report(badID) }, 422, "applicant_id_invalid"},
			{"papers not counted", func() resp { return e.report(noCount) }, 422, "component_count_invalid"},
			{"unknown procedure", func() resp {
				b := pickedUp("pu-6", "EB000000006VN")
				b["procedure_code"] = "9.999999"
				return e.report(b)
			}, 422, "procedure_unknown"},
			{"bad pickup place", func() resp {
				b := pickedUp("pu-7", "EB000000007VN")
				b["pickup_place"] = "roadside"
				return e.report(b)
			}, 422, "pickup_place_invalid"},
			{"same event id, other body", func() resp { b := pickedUp("pu-ok", "EB000000008VN"); return e.report(b) }, 422, "idempotency_key_reused"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := c.send()
				if r.status != c.status || r.errCode() != c.code {
					t.Fatalf("got %d %s, want %d %s", r.status, r.raw, c.status, c.code)
				}
				m, _ := r.body["error"].(map[string]any)
				if m["message"] == "" || m["message_vi"] == "" || m["message"] == m["message_vi"] {
					t.Fatalf("the error must say what is wrong in Vietnamese and English: %s", r.raw)
				}
			})
		}
		// Nothing changed: the dossier is as the one good pickup left it.
		if got := actions(e.events("counter", id)); got != "submit postal_picked_up" {
			t.Fatalf("log after bad requests: %s", got)
		}
		list := e.do("GET", "/api/v1/dossiers?status=submitted", "director", nil, nil)
		n := 0
		for _, x := range list.body["items"].([]any) {
			if x.(map[string]any)["channel"] == "postal" {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%d postal dossiers, want the one good pickup", n)
		}
		// A received dossier whose result has not gone to post yet.
		e.mustReport(200, handover)
		v := 3
		code := e.mustAct("counter", id, &v, map[string]any{"action": "receive"}).str("code")
		r := e.report(map[string]any{"type": "delivered", "event_id": "x5", "at": "2026-11-30T15:00:00+07:00", "dossier_code": code})
		if r.status != 422 || r.errCode() != "postal_result_not_dispatched" {
			t.Fatalf("delivered before dispatch: %d %s", r.status, r.raw)
		}
	})
}
