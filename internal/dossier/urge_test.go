package dossier

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
)

// The center director expedites agencies on due and overdue dossiers
// (Decree 118/2025 Art. 8, RULES-VN.md §11); an agency's leader urges their
// own officers. An urge is logged with what is asked, counted, and moves
// neither the status nor the due date.
func TestUrge_Decree118_Art8(t *testing.T) {
	director := org.Actor{UserID: 20, Role: org.RoleDirector}
	chair := org.Actor{UserID: 21, Role: org.RoleChair}
	cases := []struct {
		name   string
		status Status
		cmd    Command
		code   string // "" when it must succeed
	}{
		{"the director urges the agency processing a dossier (Art. 8)", Processing, Command{Actor: director, Reason: "Hồ sơ sắp đến hạn, đề nghị trình ký trong ngày"}, ""},
		{"the director urges a dossier received but not yet handed over", Received, Command{Actor: director, Reason: "Chuyển ngay cho cơ quan giải quyết"}, ""},
		{"the agency leader urges their own officers", Processing, Command{Actor: leader, Reason: "Hoàn thành thẩm định trước 16:00"}, ""},
		{"an urge says what is asked", Processing, Command{Actor: director}, "reason_required"},
		{"the PPC chair does not urge in the system (§11: index and decisions)", Processing, Command{Actor: chair, Reason: "x"}, "role_forbidden"},
		{"a specialist cannot urge", Processing, Command{Actor: specialist, Reason: "x"}, "role_forbidden"},
		{"the counter cannot urge", Processing, Command{Actor: counter, Reason: "x"}, "role_forbidden"},
		{"waiting for the applicant's papers is nobody's delay to urge", SupplementRequested, Command{Actor: director, Reason: "x"}, "action_not_allowed_in_status"},
		{"waiting for the applicant's fee is nobody's delay to urge", PaymentRequested, Command{Actor: director, Reason: "x"}, "action_not_allowed_in_status"},
		{"a settled dossier is past urging", Done, Command{Actor: director, Reason: "x"}, "action_not_allowed_in_status"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := at(t, c.status)
			before := *d
			c.cmd.Action, c.cmd.At = ActUrge, t0.Add(48*time.Hour)
			ev, err := Apply(d, c.cmd, env)
			if c.code != "" {
				if e, ok := apperr.As(err); !ok || e.Code != c.code {
					t.Fatalf("want %s, got %v", c.code, err)
				}
				if d.UrgeCount != 0 || d.Version != before.Version {
					t.Fatal("a refused urge changed the dossier")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.UrgeCount != 1 || d.UrgedAt == nil || !d.UrgedAt.Equal(c.cmd.At) {
				t.Fatalf("urge not recorded: count %d at %v", d.UrgeCount, d.UrgedAt)
			}
			if d.Status != before.Status || ev.From != ev.To || *d.DueAt != *before.DueAt {
				t.Fatalf("an urge moved the dossier: %s→%s, due %v→%v", before.Status, d.Status, before.DueAt, d.DueAt)
			}
			if p, ok := Decode[UrgePayload](ev.Action, ev.Payload); !ok || p.Reason != c.cmd.Reason || p.AgencyID != d.ProcessingAgencyID {
				t.Fatalf("event payload %s", ev.Payload)
			}
			// Urging again is allowed: an expediting order may be repeated.
			c.cmd.At = c.cmd.At.Add(time.Hour)
			if _, err := Apply(d, c.cmd, env); err != nil || d.UrgeCount != 2 || !d.UrgedAt.Equal(c.cmd.At) {
				t.Fatalf("second urge: %v, count %d", err, d.UrgeCount)
			}
		})
	}
}
