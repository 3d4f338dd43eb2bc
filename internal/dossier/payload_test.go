package dossier

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/org"
)

// samePayload compares payloads by their JSON, which is what the log keeps
// (a time read back carries an equal but distinct zone).
func samePayload(a, b Payload) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// Every payload shape the current code writes, as it sits in
// dossier_events.payload: captured from the rows the api, service and web
// test suites wrote before the typed payloads replaced the maps. Each must
// decode to its action's struct and encode back to the very same bytes, so
// old rows and new rows are one format and the audit chain over the old ones
// is untouched.
func TestStoredPayloadsReadAndWriteTheSameBytes(t *testing.T) {
	f, err := os.Open("testdata/stored_payloads.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[Action]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		a, raw, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("bad line %q", sc.Text())
		}
		p := DecodeAny(Action(a), []byte(raw))
		if p == nil {
			t.Fatalf("%s: no payload struct", a)
		}
		ev := Event{Action: Action(a)}
		ev.SetPayload(p)
		if string(ev.Payload) != raw {
			t.Errorf("%s: written back differently\nstored %s\nnow    %s", a, raw, ev.Payload)
		}
		seen[Action(a)] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, a := range append(append([]Action{ActSubmit}, Actions...), PostalActions...) {
		if !seen[a] {
			t.Errorf("no stored payload of %s in the test data", a)
		}
	}
}

// The values read from stored rows, including rows written by earlier
// versions: due dates in UTC before they were shown in Vietnam's time,
// transfers before the agency codes, approvals before the result kind,
// supplementation requests before the checklist, and the empty payload of
// an event appended without one.
func TestLegacyPayloadsDecode(t *testing.T) {
	due := time.Date(2026, 12, 11, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		a    Action
		raw  string
		want Payload
	}{
		{"receive, due date in UTC (before local times)", ActReceive,
			`{"code":"X-1","due_at":"2026-12-11T10:00:00Z","due_explain":"e"}`, ReceivePayload{Code: "X-1", DueAt: due, DueExplain: "e"}},
		{"receive, due date in Vietnam's time", ActReceive,
			`{"code":"X-1","due_at":"2026-12-11T17:00:00+07:00","due_explain":"e"}`, ReceivePayload{Code: "X-1", DueAt: due.In(vietnam), DueExplain: "e"}},
		{"transfer without agency codes", ActTransfer, `{"from_agency_id":2,"to_agency_id":3}`, TransferPayload{FromAgencyID: 2, ToAgencyID: 3}},
		{"approve before the result kind", ActApprove, `{"result_file_ids":["a","b"]}`, ApprovePayload{ResultFileIDs: []string{"a", "b"}}},
		{"request_supplement before the checklist", ActRequestSupplement, `{"reason":"thiếu CCCD"}`, SupplementRequestPayload{Reason: "thiếu CCCD"}},
		{"supplement before reception: no clock to resume", ActSupplement,
			`{"components":[{"name":"Tờ khai","file_ids":["f1"]}]}`, SupplementPayload{Components: []ComponentFiles{{Name: "Tờ khai", FileIDs: []string{"f1"}}}}},
		{"supplement with no papers", ActSupplement, `{"components":null}`, SupplementPayload{}},
		{"stop answering a withdrawal", ActStop, `{"reason":""}`, ReasonPayload{}},
		{"payload null (appended without one)", ActReceive, `null`, ReceivePayload{}},
		{"no payload at all", ActReturnResult, ``, ReturnPayload{}},
		{"unknown keys are ignored", ActRate, `{"rating":1,"later":"x"}`, RatePayload{Rating: Dissatisfied}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := DecodeAny(c.a, []byte(c.raw))
			if got == nil || reflect.TypeOf(got) != reflect.TypeOf(c.want) || !samePayload(got, c.want) {
				t.Fatalf("got %#v, want %#v", got, c.want)
			}
		})
	}
	if p, ok := Decode[ReceivePayload](ActReceive, []byte(`{"due_at":"2026-12-11T10:00:00Z"}`)); !ok || !p.DueAt.Equal(due) {
		t.Fatalf("UTC due date read as %v", p.DueAt)
	}
	if _, ok := Decode[RatePayload](ActRate, []byte(`{"rating":"three"}`)); ok {
		t.Fatal("a payload of the wrong shape must not decode")
	}
	if _, ok := Decode[TransferPayload](ActReceive, []byte(`{"to_agency_id":3}`)); ok {
		t.Fatal("the transfer struct must not read a receive event")
	}
}

// What Apply writes for each action decodes to that action's struct, and
// to no other action's.
func TestApplyWritesTheActionsPayload(t *testing.T) {
	newDue := t0.Add(10 * 24 * time.Hour)
	ict := func(t time.Time) time.Time { return t.In(vietnam) }
	step := func(d *Dossier, c Command) Event {
		t.Helper()
		c.At = t0.Add(time.Duration(d.Version) * time.Hour)
		ev, err := Apply(d, c, env)
		if err != nil {
			t.Fatalf("%s: %v", c.Action, err)
		}
		return ev
	}
	type tc struct {
		name  string
		from  Status
		setup func(*Dossier)
		cmd   Command
		want  Payload
	}
	at3 := t0 // the operator reports what happened before it reaches the system
	cases := []tc{
		{"receive: code and due date (Form 01)", Submitted, nil, Command{Action: ActReceive, Actor: counter, Code: "X-261201-0009"},
			ReceivePayload{Code: "X-261201-0009", DueAt: ict(t0.Add(time.Hour + 5*24*time.Hour)), DueExplain: "due"}},
		{"refuse: reason (Form 03)", Submitted, nil, Command{Action: ActRefuse, Actor: counter, Reason: "ngoài thẩm quyền"}, ReasonPayload{Reason: "ngoài thẩm quyền"}},
		{"transfer: from and to", Received, func(d *Dossier) { d.ProcessingAgencyID = 5 }, Command{Action: ActTransfer, Actor: counter, ToAgencyID: 7},
			TransferPayload{FromAgencyID: 5, ToAgencyID: 7}},
		{"request_supplement: papers and reason (Form 02)", Processing, nil, Command{Action: ActRequestSupplement, Actor: specialist, Reason: "r",
			MissingPapers: []MissingPaper{{Name: "Giấy ủy quyền", Other: true}}},
			SupplementRequestPayload{MissingPapers: []MissingPaper{{Name: "Giấy ủy quyền", Other: true, Defect: DefectMissing}}, Reason: "r"}},
		{"supplement: papers and the resumed clock", SupplementRequested, nil, Command{Action: ActSupplement, Actor: owner,
			Components: []ComponentFiles{{Name: "CCCD", FileIDs: []string{"f"}}}},
			SupplementPayload{Components: []ComponentFiles{{Name: "CCCD", FileIDs: []string{"f"}}}, DueAt: ict(t0.Add(2*time.Hour + 5*24*time.Hour)),
				DueExplain: "resumed", PreviousDueAt: ict(t0.Add(time.Hour + 5*24*time.Hour))}},
		{"request_payment: amount", Processing, nil, Command{Action: ActRequestPayment, Actor: specialist, AmountVND: 150000}, PaymentPayload{AmountVND: 150000}},
		{"pay online: amount and reference", PaymentRequested, nil, Command{Action: ActPay, Actor: org.Actor{Role: org.RoleSystem}, PaymentRef: "MC1"},
			PaymentPayload{AmountVND: 100000, PaymentRef: "MC1"}},
		{"extend: dates, reason, signer (Form 04)", Processing, nil, Command{Action: ActExtend, Actor: leader, Reason: "xác minh", Signer: " Giám đốc ", NewDueAt: &newDue},
			ExtendPayload{DueAt: ict(newDue), PreviousDueAt: ict(t0.Add(time.Hour + 5*24*time.Hour)), Reason: "xác minh", Signer: "Giám đốc"}},
		{"approve: the result", Processing, nil, Command{Action: ActApprove, Actor: leader, ResultFiles: []string{"kq"}, ResultName: "QĐ 12"},
			ApprovePayload{ResultFileIDs: []string{"kq"}, ResultKind: ResultPaper, ResultName: "QĐ 12"}},
		{"reject: reason", Processing, nil, Command{Action: ActReject, Actor: leader, Reason: "không đủ"}, ReasonPayload{Reason: "không đủ"}},
		{"withdraw: reason, may be empty", Received, nil, Command{Action: ActWithdraw, Actor: owner}, ReasonPayload{}},
		{"stop: reason (Form 05)", Processing, nil, Command{Action: ActStop, Actor: leader, Reason: "quá hạn bổ sung"}, ReasonPayload{Reason: "quá hạn bổ sung"}},
		{"return_result: method", Done, func(d *Dossier) { d.ReturnMethod = ReturnCounter }, Command{Action: ActReturnResult, Actor: counter},
			ReturnPayload{ReturnMethod: ReturnCounter}},
		{"return_result of a rejection", Rejected, func(d *Dossier) { d.ReturnMethod = ReturnPostal }, Command{Action: ActReturnResult, Actor: counter},
			ReturnPayload{Rejection: true, ReturnMethod: ReturnPostal}},
		{"rate", Returned, nil, Command{Action: ActRate, Actor: owner, Rating: VerySatisfied}, RatePayload{Rating: VerySatisfied}},
		{"complaint with reference", Processing, nil, Command{Action: ActComplaint, Actor: counter, Reason: "chậm", ComplaintRef: " PAKN-1 "},
			ComplaintPayload{ComplaintRef: "PAKN-1", Reason: "chậm"}},
		{"urge: the agency holding it", Processing, func(d *Dossier) { d.ProcessingAgencyID = 4 }, Command{Action: ActUrge, Actor: leader, Reason: "trình ký"},
			UrgePayload{AgencyID: 4, Reason: "trình ký"}},
		{"postal_picked_up", Submitted, func(d *Dossier) { d.Channel = ChannelPostal }, Command{Action: ActPostalPickedUp, Actor: postman,
			Postal: &PostalReport{At: at3, PickupPlace: "address", FeesCollectedVND: 0, TrackingNumber: "EB1VN"}},
			PostalPickedUpPayload{At: ict(at3), PickupPlace: "address", TrackingNumber: "EB1VN"}},
		{"postal_handed_over", Submitted, nil, Command{Action: ActPostalHandedOver, Actor: postman, Postal: &PostalReport{At: at3, HandoverRecord: "BB-1"}},
			PostalHandedOverPayload{At: ict(at3), HandoverRecord: "BB-1"}},
		{"postal_delivered", Returned, func(d *Dossier) { d.ReturnMethod = ReturnPostal }, Command{Action: ActPostalDelivered, Actor: postman,
			Postal: &PostalReport{At: at3, TrackingNumber: "EE1VN"}}, PostalDeliveredPayload{At: ict(at3), TrackingNumber: "EE1VN"}},
		{"postal_delivery_failed", Returned, func(d *Dossier) { d.ReturnMethod = ReturnPostal }, Command{Action: ActPostalDeliveryFailed, Actor: postman,
			Postal: &PostalReport{At: at3, Reason: "vắng nhà"}}, PostalDeliveryFailedPayload{At: ict(at3), Reason: "vắng nhà"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := at(t, c.from)
			if c.setup != nil {
				c.setup(d)
			}
			ev := step(d, c.cmd)
			got := DecodeAny(ev.Action, ev.Payload)
			if reflect.TypeOf(got) != reflect.TypeOf(c.want) || !samePayload(got, c.want) {
				t.Fatalf("payload %s\n got %#v\nwant %#v", ev.Payload, got, c.want)
			}
			// The struct of another action does not read this event.
			if _, ok := Decode[TransferPayload](ev.Action, ev.Payload); ok != (ev.Action == ActTransfer) {
				t.Fatalf("transfer struct read a %s event: %v", ev.Action, ok)
			}
			if want := reasonIn(c.want); ReasonOf(ev.Action, ev.Payload) != want {
				t.Fatalf("reason %q, want %q", ReasonOf(ev.Action, ev.Payload), want)
			}
		})
	}
}

func reasonIn(p Payload) string {
	v := reflect.ValueOf(p).FieldByName("Reason")
	if !v.IsValid() {
		return ""
	}
	return v.String()
}

func TestSetPayloadOfAnotherActionIsABug(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("a transfer payload on a receive event must panic")
		}
	}()
	ev := Event{Action: ActReceive}
	ev.SetPayload(TransferPayload{ToAgencyID: 1})
}

// Who held the dossier after each event: the agency a form issued at that
// step speaks for, and where a leg of the control slip starts (Form 05).
func TestHoldersAfterTransfersBackAndForth(t *testing.T) {
	d := fresh()
	d.ProcessingAgencyID = 1 // the one-stop's agency, named at filing
	var log []Event
	do := func(c Command) {
		t.Helper()
		c.At = t0.Add(time.Duration(len(log)+1) * time.Hour)
		ev, err := Apply(d, c, env)
		if err != nil {
			t.Fatalf("%s: %v", c.Action, err)
		}
		log = append(log, ev)
	}
	do(Command{Action: ActReceive, Actor: counter, Code: "X-1"})                                                               // 0: at 1
	do(Command{Action: ActTransfer, Actor: counter, ToAgencyID: 2})                                                            // 1: 1 → 2
	do(Command{Action: ActRequestSupplement, Actor: specialist, Reason: "thiếu"})                                              // 2: at 2
	do(Command{Action: ActSupplement, Actor: owner, Note: "đã nộp"})                                                           // 3: at 2
	do(Command{Action: ActTransfer, Actor: leader, ToAgencyID: 3})                                                             // 4: 2 → 3
	do(Command{Action: ActTransfer, Actor: leader, ToAgencyID: 2})                                                             // 5: 3 → 2, back
	do(Command{Action: ActExtend, Actor: leader, Reason: "xác minh", Signer: "GĐ", NewDueAt: tp(t0.Add(20 * 24 * time.Hour))}) // 6: at 2
	do(Command{Action: ActTransfer, Actor: leader, ToAgencyID: 3})                                                             // 7: 2 → 3, again
	do(Command{Action: ActApprove, Actor: leader})                                                                             // 8: at 3
	want := []int64{1, 2, 2, 2, 3, 2, 2, 3, 3}
	if got := HoldersAfter(log, d.ProcessingAgencyID); !reflect.DeepEqual(got, want) {
		t.Fatalf("holders %v, want %v", got, want)
	}
	// Read back from the log as stored: the same.
	for i := range log {
		var back Event
		b, _ := json.Marshal(log[i])
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		log[i] = back
	}
	if got := HoldersAfter(log, d.ProcessingAgencyID); !reflect.DeepEqual(got, want) {
		t.Fatalf("holders after JSON %v, want %v", got, want)
	}
	if got := HoldersAfter(nil, 9); len(got) != 0 {
		t.Fatalf("no log, no holders: %v", got)
	}
	// A log without transfers: the current agency throughout.
	if got := HoldersAfter(log[:1], 1); !reflect.DeepEqual(got, []int64{1}) {
		t.Fatalf("no transfer: %v", got)
	}
}
