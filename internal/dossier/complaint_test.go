package dossier

import (
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
)

// A complaint (PAKN) linked to a dossier feeds 766 indicator 5.4 (RULES-VN.md
// §6.2 group 5, §6.3 "complaint links"): recorded as an event with its
// reason and reference, counted, and never moving the status.
func TestComplaintLink_766_5_4(t *testing.T) {
	cases := []struct {
		name   string
		status Status
		cmd    Command
		code   string // "" when it must succeed
	}{
		{"the applicant complains about their returned dossier", Returned, Command{Actor: owner, Reason: "Trả kết quả chậm"}, ""},
		{"the counter links a PAKN received on the national portal", Processing, Command{Actor: counter, Reason: "Phản ánh qua Cổng DVCQG", ComplaintRef: "PAKN-2026-00123"}, ""},
		{"a complaint needs its reason", Done, Command{Actor: owner}, "reason_required"},
		{"another citizen cannot complain on someone's dossier", Returned, Command{Actor: stranger, Reason: "x"}, "role_forbidden"},
		{"a postman cannot link complaints", Returned, Command{Actor: postman, Reason: "x"}, "role_forbidden"},
		{"not before reception: the dossier is not yet handled", Submitted, Command{Actor: owner, Reason: "x"}, "action_not_allowed_in_status"},
		{"a reference longer than a reference is refused", Returned, Command{Actor: counter, Reason: "x", ComplaintRef: strings.Repeat("9", 101)}, "complaint_ref_too_long"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := at(t, c.status)
			before := *d
			c.cmd.Action, c.cmd.At = ActComplaint, t0.Add(48*time.Hour)
			ev, err := Apply(d, c.cmd, env)
			if c.code != "" {
				e, ok := apperr.As(err)
				if !ok || e.Code != c.code {
					t.Fatalf("want %s, got %v", c.code, err)
				}
				if d.ComplaintCount != 0 || d.Version != before.Version {
					t.Fatal("a refused complaint changed the dossier")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			p, ok := Decode[ComplaintPayload](ev.Action, ev.Payload)
			if d.ComplaintCount != 1 || d.Status != before.Status || ev.From != ev.To || !ok || p.Reason != c.cmd.Reason {
				t.Fatalf("dossier %+v event %+v", d, ev)
			}
			if (c.cmd.ComplaintRef != "") != (p.ComplaintRef != "") {
				t.Fatalf("reference in the event: %s", ev.Payload)
			}
			// A second complaint is linked too: complaints are not once-only.
			c.cmd.At = c.cmd.At.Add(time.Hour)
			if _, err := Apply(d, c.cmd, env); err != nil || d.ComplaintCount != 2 {
				t.Fatalf("second complaint: %v, count %d", err, d.ComplaintCount)
			}
		})
	}
}
