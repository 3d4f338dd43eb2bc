package dossier

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
)

// Decision 45/2016/QĐ-TTg and Circular 17/2017/TT-BTTTT Art. 5: the postal
// operator's reports go into the dossier's log without moving its status;
// only the operator sends them, each with what the law asks it to record.
func TestPostalReports_Decision45_2016(t *testing.T) {
	report := func(mod func(*PostalReport)) *PostalReport {
		p := &PostalReport{At: t0.Add(20 * time.Hour), TrackingNumber: "EB123456789VN", HandoverRecord: "BB-2026-01", Reason: "Không có người nhận"}
		if mod != nil {
			mod(p)
		}
		return p
	}
	cases := []struct {
		name    string
		status  Status
		channel Channel
		return_ ReturnMethod
		cmd     Command
		code    string
		payload Payload
	}{
		{"picked up at the address, Art. 6(1)", Submitted, ChannelPostal, ReturnPostal,
			Command{Action: ActPostalPickedUp, Actor: postman, Postal: report(func(p *PostalReport) { p.PickupPlace, p.FeesCollectedVND = "address", 50000 })},
			"", PostalPickedUpPayload{At: t0.Add(20 * time.Hour).In(vietnam), PickupPlace: "address", FeesCollectedVND: 50000, TrackingNumber: "EB123456789VN"}},
		{"picked up only for a postal filing", Submitted, ChannelOnline, ReturnPostal,
			Command{Action: ActPostalPickedUp, Actor: postman, Postal: report(nil)}, "postal_channel_required", nil},
		{"handed over with the hand-over record, Circular 17/2017 Art. 5", Submitted, ChannelPostal, ReturnCounter,
			Command{Action: ActPostalHandedOver, Actor: postman, Postal: report(nil)}, "", PostalHandedOverPayload{At: t0.Add(20 * time.Hour).In(vietnam), HandoverRecord: "BB-2026-01", TrackingNumber: "EB123456789VN"}},
		{"hand-over needs its record number", Submitted, ChannelPostal, ReturnCounter,
			Command{Action: ActPostalHandedOver, Actor: postman, Postal: report(func(p *PostalReport) { p.HandoverRecord = " " })}, "handover_record_required", nil},
		{"a counter officer cannot report for the post", Submitted, ChannelPostal, ReturnCounter,
			Command{Action: ActPostalHandedOver, Actor: counter, Postal: report(nil)}, "role_forbidden", nil},
		{"a report without the verified webhook is refused", Submitted, ChannelPostal, ReturnCounter,
			Command{Action: ActPostalHandedOver, Actor: postman}, "postal_report_only", nil},
		{"a report from the future is refused", Submitted, ChannelPostal, ReturnCounter,
			Command{Action: ActPostalHandedOver, Actor: postman, Postal: report(func(p *PostalReport) { p.At = t0.Add(40 * time.Hour) })}, "postal_time_future", nil},
		{"a report needs its time", Submitted, ChannelPostal, ReturnCounter,
			Command{Action: ActPostalHandedOver, Actor: postman, Postal: report(func(p *PostalReport) { p.At = time.Time{} })}, "postal_time_required", nil},
		{"result delivered", Returned, ChannelPostal, ReturnPostal,
			Command{Action: ActPostalDelivered, Actor: postman, Postal: report(nil)}, "", PostalDeliveredPayload{At: t0.Add(20 * time.Hour).In(vietnam), TrackingNumber: "EB123456789VN"}},
		{"delivered only when the result goes by post", Returned, ChannelPostal, ReturnCounter,
			Command{Action: ActPostalDelivered, Actor: postman, Postal: report(nil)}, "postal_return_not_registered", nil},
		{"delivery failed with its reason", Returned, ChannelOnline, ReturnPostal,
			Command{Action: ActPostalDeliveryFailed, Actor: postman, Postal: report(nil)}, "", PostalDeliveryFailedPayload{At: t0.Add(20 * time.Hour).In(vietnam), Reason: "Không có người nhận", TrackingNumber: "EB123456789VN"}},
		{"delivery failed needs a reason", Returned, ChannelOnline, ReturnPostal,
			Command{Action: ActPostalDeliveryFailed, Actor: postman, Postal: report(func(p *PostalReport) { p.Reason = "" })}, "reason_required", nil},
		{"nothing to deliver before the result is handed to post", Done, ChannelPostal, ReturnPostal,
			Command{Action: ActPostalDelivered, Actor: postman, Postal: report(nil)}, "action_not_allowed_in_status", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := at(t, c.status)
			d.Channel, d.ReturnMethod = c.channel, c.return_
			before := *d
			c.cmd.At = t0.Add(30 * time.Hour)
			ev, err := Apply(d, c.cmd, env)
			if c.code != "" {
				if e, _ := apperr.As(err); e == nil || e.Code != c.code {
					t.Fatalf("want %s, got %v", c.code, err)
				}
				if d.Version != before.Version {
					t.Fatal("a refused report must leave the dossier unchanged")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ev.From != c.status || ev.To != c.status || d.Status != c.status || d.Version != before.Version+1 {
				t.Fatalf("a report keeps the status and takes a place in the log: %+v version %d", ev, d.Version)
			}
			if d.DueAt != before.DueAt || d.FinishedAt != before.FinishedAt || d.ReturnedAt != before.ReturnedAt {
				t.Fatal("a report moves no clock")
			}
			// The operator's time is kept, shown in Vietnam's time.
			if got := DecodeAny(ev.Action, ev.Payload); !samePayload(got, c.payload) {
				t.Fatalf("payload %#v, want %#v", got, c.payload)
			}
		})
	}
	// Pages offer people only their actions: the operator's reports are never offered.
	for _, a := range Allowed(at(t, Submitted), postman) {
		if a.IsPostal() {
			t.Fatalf("%s offered on a page", a)
		}
	}
}
