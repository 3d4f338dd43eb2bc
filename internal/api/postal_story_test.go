package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/postal"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

const postalKeyID = "vnpost-hcm"

var postalSecret = []byte("bi-mat-buu-chinh-0123456789abcdef")

// syncBuffer collects the server's log lines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// operatorNonces is the operator's own replay memory.
type operatorNonces struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (o *operatorNonces) ClaimPostalNonce(_ context.Context, key, nonce string, _ time.Time) (bool, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.seen[key+nonce] {
		return false, nil
	}
	o.seen[key+nonce] = true
	return true, nil
}

// postalOperator is a local stand-in for the postal company's server: it
// verifies our signature with the postal package and keeps what it got.
type postalOperator struct {
	mu       sync.Mutex
	verifier postal.Verifier
	got      []postal.Dispatch
	keys     []string
	errs     []error
}

func (o *postalOperator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	_, err := o.verifier.Verify(r.Context(), r, raw)
	o.mu.Lock()
	defer o.mu.Unlock()
	o.errs = append(o.errs, err)
	if err != nil {
		w.WriteHeader(401)
		return
	}
	var d postal.Dispatch
	if err := json.Unmarshal(raw, &d); err != nil {
		o.errs = append(o.errs, err)
		w.WriteHeader(400)
		return
	}
	o.got, o.keys = append(o.got, d), append(o.keys, r.Header.Get("Idempotency-Key"))
	w.WriteHeader(200)
}

type postalEnv struct {
	*env
	log      *syncBuffer
	operator *postalOperator
	opURL    string
}

// newPostalEnv is the real server with the operator configured through the
// environment, as in production, and its log kept for inspection.
func newPostalEnv(t testing.TB, st *store.Store) *postalEnv {
	t.Helper()
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	// Monday 30 November 2026, 15:05 in Vietnam: the postman has just picked a dossier up.
	e := newEnvAt(t, st, log, time.Date(2026, 11, 30, 15, 5, 0, 0, ict))
	op := &postalOperator{verifier: postal.Verifier{Secret: postal.Config{KeyID: postalKeyID, Secret: postalSecret}.SecretFor,
		Nonces: &operatorNonces{seen: map[string]bool{}}}} // the operator's own clock
	opSrv := httptest.NewServer(op)
	t.Cleanup(opSrv.Close)
	e.svc.Postal = postal.Config{KeyID: postalKeyID, Secret: postalSecret, OutboundSecret: postalSecret, URL: opSrv.URL + "/motcua/ket-qua"}
	return &postalEnv{env: e, log: logs, operator: op, opURL: opSrv.URL + "/motcua/ket-qua"}
}

func eachPostalDB(t *testing.T, fn func(t *testing.T, e *postalEnv)) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) { fn(t, newPostalEnv(t, st)) })
}

// signedPost builds the operator's signed request; the same request can be
// sent twice to play a replay.
func (e *env) signedPost(keyID string, secret []byte, body any, skew time.Duration) *http.Request {
	e.t.Helper()
	raw, ok := body.([]byte)
	if !ok {
		raw, _ = json.Marshal(body)
	}
	req, err := http.NewRequest("POST", e.url+"/api/v1/postal/events", bytes.NewReader(raw))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	signer := postal.Signer{KeyID: keyID, Secret: secret, Now: func() time.Time { return e.clock().Add(skew) }}
	if err := signer.Sign(req, raw); err != nil {
		e.t.Fatal(err)
	}
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(raw)), nil }
	return req
}

// report signs and sends an operator's event.
func (e *env) report(body any) resp {
	e.t.Helper()
	return e.send(e.signedPost(postalKeyID, postalSecret, body, 0))
}

func (e *env) mustReport(status int, body any) resp {
	e.t.Helper()
	r := e.report(body)
	if r.status != status {
		e.t.Fatalf("report %v: %d %s", body, r.status, r.raw)
	}
	return r
}

var postalApplicant = map[string]any{"name": "Trần Thị Bưu", "id_number": "079190054321", "phone": "0987654321",
	"email": "buu.tran@example.vn", "address": "45 Nguyễn Huệ, phường Sài Gòn"}

func pickedUp(eventID, tracking string) map[string]any {
	return map[string]any{"type": "picked_up", "event_id": eventID, "at": "2026-11-30T15:00:00+07:00",
		"tracking_number": tracking, "procedure_code": criminalRecord, "applicant": postalApplicant,
		"components": []map[string]any{{"name": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "originals": 1, "copies": 0},
			{"name": "Bản sao Căn cước công dân", "originals": 0, "copies": 1}},
		"return_method": "postal", "pickup_place": "address", "fees_collected_vnd": 200000, "fee_receipt": "BL-0042"}
}

func (e *env) events(user string, id int) []map[string]any {
	e.t.Helper()
	r := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/events", id), user, nil, nil)
	if r.status != 200 {
		e.t.Fatalf("events: %d %s", r.status, r.raw)
	}
	var out []map[string]any
	for _, x := range r.body["items"].([]any) {
		out = append(out, x.(map[string]any))
	}
	return out
}

func actions(evs []map[string]any) string {
	var out []string
	for _, e := range evs {
		out = append(out, e["action"].(string))
	}
	return strings.Join(out, " ")
}

// The whole postal story (Decision 45/2016/QĐ-TTg; RULES-VN.md §9): picked
// up at the applicant's address, handed to the one-stop with the hand-over
// record, received by the counter (the clock starts there, not at pickup),
// processed, the result handed to post with a signed webhook that the
// operator verifies, a failed delivery, then the delivery.
func TestPostalStory_Decision45_2016(t *testing.T) {
	eachPostalDB(t, func(t *testing.T, e *postalEnv) {
		at := func(s string) time.Time {
			tm, err := time.Parse(time.RFC3339, s)
			if err != nil {
				t.Fatal(err)
			}
			return tm
		}
		r := e.mustReport(201, pickedUp("pu-1", "eb123456789vn"))
		id := r.num("dossier_id")
		if r.str("status") != "submitted" || r.num("version") != 2 || r.str("tracking_number") != "EB123456789VN" || r.str("leg_status") != "picked_up" {
			t.Fatalf("pickup ack %s", r.raw)
		}
		d := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", id), "counter", nil, nil)
		if d.status != 200 || d.str("channel") != "postal" || d.str("return_method") != "postal" || d.str("status") != "submitted" {
			t.Fatalf("the counter sees the postal dossier waiting: %d %s", d.status, d.raw)
		}
		evs := e.events("counter", id)
		if actions(evs) != "submit postal_picked_up" {
			t.Fatalf("log after pickup: %s", actions(evs))
		}
		for _, ev := range evs {
			actor := ev["actor"].(map[string]any)
			if actor["role"] != "postal" || !strings.Contains(actor["name"].(string), postalKeyID) {
				t.Fatalf("the postal operator is the actor: %v", actor)
			}
		}
		if p := evs[1]["payload"].(map[string]any); p["tracking_number"] != "EB123456789VN" || p["pickup_place"] != "address" ||
			p["fees_collected_vnd"] != float64(200000) || p["at"] != "2026-11-30T15:00:00+07:00" {
			t.Fatalf("pickup payload %v", p)
		}

		// The papers are still on the road: the counter cannot receive them.
		v := 2
		if r := e.act("counter", id, v, map[string]any{"action": "receive"}); r.status != 422 || r.errCode() != "postal_not_handed_over" {
			t.Fatalf("receive before hand-over: %d %s", r.status, r.raw)
		}

		// Tuesday 08:30 the postman hands the sealed dossier over.
		e.setNow(at("2026-12-01T08:30:00+07:00"))
		handover := map[string]any{"type": "handed_over", "event_id": "ho-1", "at": "2026-12-01T08:25:00+07:00",
			"tracking_number": "EB123456789VN", "handover_record": "BB-2026-0042"}
		req := e.signedPost(postalKeyID, postalSecret, handover, 0)
		r = e.send(req)
		if r.status != 200 || r.num("version") != 3 || r.str("leg_status") != "handed_over" || r.str("status") != "submitted" {
			t.Fatalf("hand-over: %d %s", r.status, r.raw)
		}
		// A captured request sent again is refused and changes nothing.
		if r := e.send(req); r.status != 409 || r.errCode() != "postal_replay" {
			t.Fatalf("replayed webhook: %d %s", r.status, r.raw)
		}
		// The operator retrying the same event (new nonce) gets the same answer.
		if r2 := e.report(handover); r2.status != 200 || r2.header.Get("Idempotent-Replayed") != "true" || r2.num("version") != 3 {
			t.Fatalf("the same event again: %d %s", r2.status, r2.raw)
		}
		if got := actions(e.events("counter", id)); got != "submit postal_picked_up postal_handed_over" {
			t.Fatalf("log after hand-over and replays: %s", got)
		}

		// 09:00 the counter receives it: 10 calendar days from the reception,
		// Friday 11/12 17:00 — not from the pickup on Monday (10/12).
		e.setNow(at("2026-12-01T09:00:00+07:00"))
		v = 3
		r = e.mustAct("counter", id, &v, map[string]any{"action": "receive"})
		if r.str("received_at") != "2026-12-01T09:00:00+07:00" || r.str("due_at") != "2026-12-11T17:00:00+07:00" {
			t.Fatalf("the clock starts at reception: received %s due %s", r.str("received_at"), r.str("due_at"))
		}
		code := r.str("code")
		e.mustAct("counter", id, &v, map[string]any{"action": "transfer"})
		e.setNow(at("2026-12-09T10:00:00+07:00"))
		e.mustAct("leader", id, &v, map[string]any{"action": "approve"})
		e.setNow(at("2026-12-09T14:00:00+07:00"))
		r = e.mustAct("counter", id, &v, map[string]any{"action": "return_result", "note": "Giao bưu điện, số hiệu EMS ee987654321vn"})
		if r.str("status") != "returned" || r.str("timeliness") != "early" {
			t.Fatalf("handed to post is returned (status 10): %s", r.raw)
		}

		// The webhook waits in the outbox; deliver it as the worker would.
		m, err := e.st.OutboxByKey(context.Background(), fmt.Sprintf("postal:result_dispatch:%d", id))
		if err != nil {
			t.Fatal(err)
		}
		if m.Channel != postal.Channel || m.Recipient != e.opURL || m.Status != "pending" {
			t.Fatalf("outbox row %+v", m)
		}
		for _, secret := range []string{"079190054321", "0987654321", "buu.tran@example.vn"} {
			if strings.Contains(m.Payload, secret) {
				t.Fatalf("the dispatch carries only name and address, found %q", secret)
			}
		}
		if err := postal.NewWebhookSender(e.svc.Postal).Send(context.Background(), m); err != nil {
			t.Fatal(err)
		}
		op := e.operator
		if len(op.got) != 1 || op.errs[0] != nil || op.keys[0] != m.Key {
			t.Fatalf("operator got %d dispatches, errors %v, keys %v", len(op.got), op.errs, op.keys)
		}
		got := op.got[0]
		if got.Type != "result_dispatch" || got.DossierCode != code || got.TrackingNumber != "EE987654321VN" ||
			got.Recipient.Name != "Trần Thị Bưu" || got.Recipient.Address != "45 Nguyễn Huệ, phường Sài Gòn" || len(got.Items) != 1 ||
			!got.DispatchedAt.Equal(at("2026-12-09T14:00:00+07:00")) || got.AgencyCode != "000.00.01.H99" {
			t.Fatalf("dispatch %+v", got)
		}

		// The first attempt fails; the second delivers.
		e.setNow(at("2026-12-10T16:00:00+07:00"))
		e.mustReport(200, map[string]any{"type": "delivery_failed", "event_id": "df-1", "at": "2026-12-10T15:40:00+07:00",
			"dossier_code": code, "reason": "Không có người nhận, hẹn phát lại"})
		e.setNow(at("2026-12-11T10:00:00+07:00"))
		r = e.mustReport(200, map[string]any{"type": "delivered", "event_id": "dl-1", "at": "2026-12-11T09:30:00+07:00",
			"dossier_code": code, "tracking_number": "EE987654321VN"})
		if r.str("leg_status") != "delivered" || r.str("status") != "returned" {
			t.Fatalf("delivered ack %s", r.raw)
		}
		if r := e.report(map[string]any{"type": "delivered", "event_id": "dl-2", "at": "2026-12-11T09:40:00+07:00", "dossier_code": code}); r.status != 422 || r.errCode() != "postal_already_delivered" {
			t.Fatalf("delivered twice: %d %s", r.status, r.raw)
		}
		evs = e.events("leader", id)
		if got := actions(evs); got != "submit postal_picked_up postal_handed_over receive transfer approve return_result postal_delivery_failed postal_delivered" {
			t.Fatalf("the whole log: %s", got)
		}
		last := evs[len(evs)-1]
		if last["at"] != "2026-12-11T10:00:00+07:00" || last["actor"].(map[string]any)["role"] != "postal" ||
			last["payload"].(map[string]any)["at"] != "2026-12-11T09:30:00+07:00" || last["from_status"] != "returned" || last["to_status"] != "returned" {
			t.Fatalf("delivered event %v", last)
		}
		legs, err := e.st.PostalLegs(context.Background(), int64(id))
		if err != nil || len(legs) != 2 {
			t.Fatalf("legs %v %v", legs, err)
		}
		if in := legs[0]; in.Status != model.LegHandedOver || in.HandoverRecord != "BB-2026-0042" || !in.PickedUpAt.Equal(at("2026-11-30T15:00:00+07:00")) ||
			!in.HandedOverAt.Equal(at("2026-12-01T08:25:00+07:00")) || in.FeesCollectedVND != 200000 || in.OperatorKeyID != postalKeyID {
			t.Fatalf("inbound leg %+v", in)
		}
		if out := legs[1]; out.Status != model.LegDelivered || out.TrackingNumber != "EE987654321VN" || !out.DeliveredAt.Equal(at("2026-12-11T09:30:00+07:00")) ||
			out.FailureReason == "" || out.FailedAt == nil {
			t.Fatalf("outbound leg %+v", out)
		}

		// Personal data never reaches the log.
		logs := e.log.String()
		for _, secret := range []string{"079190054321", "0987654321", "buu.tran@example.vn", "Nguyễn Huệ", "Trần Thị Bưu", string(postalSecret)} {
			if strings.Contains(logs, secret) {
				t.Fatalf("the log holds %q:\n%s", secret, logs)
			}
		}
	})
}
