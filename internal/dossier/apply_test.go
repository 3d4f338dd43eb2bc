package dossier

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
)

// fixedDeadlines is plain arithmetic: the state machine's tests check which
// transitions happen and what is recorded; the calendar package has its own
// exhaustive tests of the working-day rules.
type fixedDeadlines struct{}

func (fixedDeadlines) Due(received time.Time, amount int, unit string) (time.Time, string, error) {
	return received.Add(time.Duration(amount) * 24 * time.Hour), "due", nil
}
func (fixedDeadlines) Resume(due, s, r time.Time) (time.Time, string, error) {
	return due.Add(r.Sub(s)), "resumed", nil
}
func (fixedDeadlines) Extend(cur, at, nd time.Time) (string, error) {
	if !at.Before(cur) || !nd.After(cur) {
		return "", errors.New("bad extension")
	}
	return "extended", nil
}
func (fixedDeadlines) DayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 7, 0, 0, 0, t.Location())
}

var (
	t0         = time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC) // 09:00 in Vietnam
	counter    = org.Actor{UserID: 2, Role: org.RoleCounter, AgencyID: 1}
	specialist = org.Actor{UserID: 3, Role: org.RoleSpecialist, AgencyID: 1}
	leader     = org.Actor{UserID: 4, Role: org.RoleLeader, AgencyID: 1}
	owner      = org.Actor{UserID: 10, Role: org.RoleCitizen}
	stranger   = org.Actor{UserID: 11, Role: org.RoleCitizen}
	postman    = org.Actor{Role: org.RolePostal, Name: "Bưu chính công ích (vnpost)"}
	env        = Env{Deadlines: fixedDeadlines{}, TimeLimit: TimeLimit{Amount: 5, Unit: "working_days"}}
)

func fresh() *Dossier {
	return &Dossier{ID: 1, Status: Submitted, ApplicantUserID: 10, Version: 1, SubmittedAt: t0, Channel: ChannelOnline}
}

// at returns a dossier brought to status s by legal steps.
func at(t *testing.T, s Status) *Dossier {
	t.Helper()
	d := fresh()
	steps := map[Status][]Command{
		Submitted:           nil,
		Received:            {{Action: ActReceive, Actor: counter, Code: "X-261201-0001"}},
		Processing:          {{Action: ActReceive, Actor: counter, Code: "X-261201-0001"}, {Action: ActTransfer, Actor: counter}},
		SupplementRequested: {{Action: ActReceive, Actor: counter, Code: "X-261201-0001"}, {Action: ActTransfer, Actor: counter}, {Action: ActRequestSupplement, Actor: specialist, Reason: "thiếu"}},
		PaymentRequested:    {{Action: ActReceive, Actor: counter, Code: "X-261201-0001"}, {Action: ActTransfer, Actor: counter}, {Action: ActRequestPayment, Actor: specialist, AmountVND: 100000}},
		WithdrawalRequested: {{Action: ActReceive, Actor: counter, Code: "X-261201-0001"}, {Action: ActWithdraw, Actor: owner}},
		Done:                {{Action: ActReceive, Actor: counter, Code: "X-261201-0001"}, {Action: ActTransfer, Actor: counter}, {Action: ActApprove, Actor: leader}},
		Returned:            {{Action: ActReceive, Actor: counter, Code: "X-261201-0001"}, {Action: ActTransfer, Actor: counter}, {Action: ActApprove, Actor: leader}, {Action: ActReturnResult, Actor: counter}},
		Refused:             {{Action: ActRefuse, Actor: counter, Reason: "ngoài thẩm quyền"}},
		Rejected:            {{Action: ActReceive, Actor: counter, Code: "X-261201-0001"}, {Action: ActTransfer, Actor: counter}, {Action: ActReject, Actor: leader, Reason: "không đủ điều kiện"}},
		Stopped:             {{Action: ActReceive, Actor: counter, Code: "X-261201-0001"}, {Action: ActWithdraw, Actor: owner}, {Action: ActStop, Actor: counter}},
	}
	for i, c := range steps[s] {
		c.At = t0.Add(time.Duration(i+1) * time.Hour)
		if _, err := Apply(d, c, env); err != nil {
			t.Fatalf("reaching %s, step %s: %v", s, c.Action, err)
		}
	}
	if d.Status != s {
		t.Fatalf("reached %s, want %s", d.Status, s)
	}
	return d
}

// The transition table: for every status and action, whether the lifecycle
// allows it (RULES-VN.md §1.3) — with a role that may take it.
func TestTransitionTable(t *testing.T) {
	actorFor := map[Action]org.Actor{
		ActReceive: counter, ActRefuse: counter, ActTransfer: counter, ActRequestSupplement: specialist,
		ActSupplement: owner, ActRequestPayment: specialist, ActPay: counter, ActExtend: leader, ActApprove: leader,
		ActReject: leader, ActWithdraw: owner, ActStop: counter, ActReturnResult: counter, ActRate: owner, ActComplaint: owner, ActUrge: leader, ActStep: leader,
		ActPostalPickedUp: postman, ActPostalHandedOver: postman, ActPostalDelivered: postman, ActPostalDeliveryFailed: postman,
	}
	allowed := map[Status][]Action{
		Submitted:           {ActReceive, ActRefuse, ActRequestSupplement, ActWithdraw, ActPostalPickedUp, ActPostalHandedOver},
		Received:            {ActTransfer, ActRequestSupplement, ActRequestPayment, ActWithdraw, ActStop, ActComplaint, ActUrge},
		Processing:          {ActTransfer, ActRequestSupplement, ActRequestPayment, ActExtend, ActApprove, ActReject, ActWithdraw, ActStop, ActComplaint, ActUrge, ActStep},
		SupplementRequested: {ActSupplement, ActWithdraw, ActStop, ActComplaint},
		PaymentRequested:    {ActPay, ActExtend, ActWithdraw, ActStop, ActComplaint},
		WithdrawalRequested: {ActStop, ActComplaint},
		Done:                {ActReturnResult, ActComplaint},
		Returned:            {ActRate, ActPostalDelivered, ActPostalDeliveryFailed, ActComplaint},
		Refused:             {ActRate, ActComplaint}, Rejected: {ActReturnResult, ActRate, ActComplaint}, Stopped: {ActRate, ActComplaint},
	}
	full := Command{Reason: "lý do", Signer: "Giám đốc", AmountVND: 100000, Code: "X-261201-0002", Note: "đã bổ sung", ToAgencyID: 9, Rating: Satisfied,
		Postal: &PostalReport{At: t0.Add(29 * time.Hour), TrackingNumber: "EB123456789VN", HandoverRecord: "BB-01", Reason: "vắng nhà"}}
	for status, ok := range allowed {
		for _, a := range append(slices.Clone(Actions), PostalActions...) {
			t.Run(string(status)+"/"+string(a), func(t *testing.T) {
				d := at(t, status)
				if a.IsPostal() {
					d.Channel, d.ReturnMethod = ChannelPostal, ReturnPostal
				}
				cmd := full
				cmd.Action, cmd.Actor, cmd.At = a, actorFor[a], t0.Add(30*time.Hour)
				if a == ActExtend && d.DueAt != nil {
					nd := d.DueAt.Add(72 * time.Hour)
					cmd.NewDueAt, cmd.At = &nd, t0.Add(10*time.Hour)
				}
				before := *d
				ev, err := Apply(d, cmd, env)
				want := slices.Contains(ok, a)
				if e, ok := apperr.As(err); ok && a == ActStep && e.Code == "process_not_started" {
					return // allowed in this status; the dossier of the table has no process (steps_test.go)
				}
				if want && err != nil {
					t.Fatalf("%s from %s must be allowed: %v", a, status, err)
				}
				if !want {
					var e *apperr.Error
					if !errors.As(err, &e) || e.Code != "action_not_allowed_in_status" {
						t.Fatalf("%s from %s must be refused as not allowed in status, got %v", a, status, err)
					}
					if d.Version != before.Version || d.Status != before.Status {
						t.Fatal("a refused action must leave the dossier unchanged")
					}
					return
				}
				if ev.From != status || ev.To != d.Status || d.Version != before.Version+1 {
					t.Fatalf("event %+v, version %d", ev, d.Version)
				}
			})
		}
	}
}

func TestRolesAndOwnership(t *testing.T) {
	cases := []struct {
		name   string
		status Status
		cmd    Command
		ok     bool
	}{
		{"counter_receives_Decree118_Art11", Submitted, Command{Action: ActReceive, Actor: counter, Code: "C"}, true},
		{"specialist_cannot_receive", Submitted, Command{Action: ActReceive, Actor: specialist, Code: "C"}, false},
		{"citizen_cannot_receive_own", Submitted, Command{Action: ActReceive, Actor: owner, Code: "C"}, false},
		{"owner_supplements", SupplementRequested, Command{Action: ActSupplement, Actor: owner, Note: "đã bổ sung"}, true},
		{"applicant_cannot_record_own_payment", PaymentRequested, Command{Action: ActPay, Actor: owner}, false},
		{"stranger_cannot_supplement", SupplementRequested, Command{Action: ActSupplement, Actor: stranger, Note: "x"}, false},
		{"owner_withdraws", Processing, Command{Action: ActWithdraw, Actor: owner}, true},
		{"stranger_cannot_withdraw", Processing, Command{Action: ActWithdraw, Actor: stranger}, false},
		{"leader_signs_result", Processing, Command{Action: ActApprove, Actor: leader}, true},
		{"specialist_cannot_sign_result", Processing, Command{Action: ActApprove, Actor: specialist}, false},
		{"admin_takes_no_dossier_action", Processing, Command{Action: ActApprove, Actor: org.Actor{Role: org.RoleAdmin}}, false},
		{"postal_returns_result", Done, Command{Action: ActReturnResult, Actor: org.Actor{UserID: 5, Role: org.RolePostal}}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := at(t, c.status)
			c.cmd.At = t0.Add(20 * time.Hour)
			_, err := Apply(d, c.cmd, env)
			if (err == nil) != c.ok {
				t.Fatalf("got %v, want ok=%v", err, c.ok)
			}
			if !c.ok {
				if e, _ := apperr.As(err); e == nil || e.Kind != apperr.Forbidden {
					t.Fatalf("refusal must be Forbidden, got %v", err)
				}
			}
		})
	}
}

func TestSupplementOnceAndClockSuspended_Decree118_Art11(t *testing.T) {
	d := at(t, Processing)
	due := *d.DueAt
	req := t0.Add(24 * time.Hour)
	if _, err := Apply(d, Command{Action: ActRequestSupplement, Actor: specialist, Reason: "thiếu", At: req}, env); err != nil {
		t.Fatal(err)
	}
	if d.SuspendedAt == nil || !d.SuspendedAt.Equal(req) || d.SupplementCount != 1 {
		t.Fatalf("suspension not recorded: %+v", d)
	}
	// While waiting for the applicant the clock stands still: even long past
	// the due date the dossier is not overdue (DVCQG §3.2).
	if got := d.Timeliness(due.Add(30*24*time.Hour), fixedDeadlines{}.DayStart); got != InTime {
		t.Fatalf("suspended dossier timeliness %s", got)
	}
	back := req.Add(48 * time.Hour)
	ev, err := Apply(d, Command{Action: ActSupplement, Actor: owner, Note: "đã nộp", At: back}, env)
	if err != nil {
		t.Fatal(err)
	}
	if !d.DueAt.Equal(due.Add(48*time.Hour)) || !d.PreviousDueAt.Equal(due) || d.Status != Processing || d.SuspendedAt != nil {
		t.Fatalf("after supplement: due %v prev %v status %s", d.DueAt, d.PreviousDueAt, d.Status)
	}
	if p, ok := Decode[SupplementPayload](ev.Action, ev.Payload); !ok || !p.PreviousDueAt.Equal(due) {
		t.Fatalf("event must keep the previous due date: %s", ev.Payload)
	}
	_, err = Apply(d, Command{Action: ActRequestSupplement, Actor: specialist, Reason: "lại thiếu", At: back.Add(time.Hour)}, env)
	if e, _ := apperr.As(err); e == nil || e.Code != "supplement_already_requested" {
		t.Fatalf("second request must be refused: %v", err)
	}
}

func TestSupplementBeforeReceptionKeepsNoClock(t *testing.T) {
	d := at(t, Submitted)
	if _, err := Apply(d, Command{Action: ActRequestSupplement, Actor: counter, Reason: "thiếu tờ khai", At: t0}, env); err != nil {
		t.Fatal(err)
	}
	if _, err := Apply(d, Command{Action: ActSupplement, Actor: owner, Note: "đã bổ sung", At: t0.Add(time.Hour)}, env); err != nil {
		t.Fatal(err)
	}
	if d.Status != Submitted || d.DueAt != nil {
		t.Fatalf("back to the counter's queue with no due date: %s %v", d.Status, d.DueAt)
	}
}

func TestTimeliness(t *testing.T) {
	ds := fixedDeadlines{}.DayStart
	due := time.Date(2026, 12, 11, 17, 0, 0, 0, time.UTC)
	cases := []struct {
		name     string
		finished *time.Time
		now      time.Time
		want     Timeliness
	}{
		{"early_before_due_day_opens", tp(time.Date(2026, 12, 10, 16, 0, 0, 0, time.UTC)), due, Early},
		{"on_time_on_due_day", tp(time.Date(2026, 12, 11, 9, 0, 0, 0, time.UTC)), due, OnTime},
		{"on_time_at_due_instant", tp(due), due, OnTime},
		{"late_after_due", tp(due.Add(time.Minute)), due, Late},
		{"unfinished_in_time", nil, due, InTime},
		{"unfinished_overdue_counts_late", nil, due.Add(time.Second), Overdue},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &Dossier{ReceivedAt: tp(t0), DueAt: tp(due), FinishedAt: c.finished}
			if got := d.Timeliness(c.now, ds); got != c.want {
				t.Fatalf("got %s, want %s", got, c.want)
			}
		})
	}
	if got := (&Dossier{}).Timeliness(due, ds); got != "" {
		t.Fatalf("not received: %q", got)
	}
}

func TestApplicantNormalize(t *testing.T) {
	a := Applicant{Name: "  Nguye\u0302\u0303n Văn A ", IDNumber: " 001090012345 ", Phone: "091 234 5678"}
	if err := a.Normalize(); err != nil {
		t.Fatal(err)
	}
	if a.Name != "Nguyễn Văn A" || a.Phone != "0912345678" || a.IDNumber != "001090012345" {
		t.Fatalf("normalized %+v", a)
	}
}

func TestNationalCodes(t *testing.T) {
	want := map[Status]int{Submitted: 1, Received: 2, Refused: 3, Processing: 4, SupplementRequested: 5, PaymentRequested: 6,
		WithdrawalRequested: 7, Stopped: 8, Done: 9, Returned: 10, Rejected: 3}
	for s, c := range want {
		if s.NationalCode() != c {
			t.Errorf("%s: %d, want %d", s, s.NationalCode(), c)
		}
	}
	if ChannelCounter.Code() != 1 || ChannelOnline.Code() != 2 || ChannelPostal.Code() != 3 {
		t.Error("channel codes (KenhThucHien)")
	}
}

func TestStopNeedsReasonUnlessWithdrawn_Decree118_Art21(t *testing.T) {
	d := at(t, Processing)
	_, err := Apply(d, Command{Action: ActStop, Actor: leader, At: t0.Add(20 * time.Hour)}, env)
	if e, _ := apperr.As(err); e == nil || e.Code != "reason_required" {
		t.Fatalf("an agency stopping on its own must give a reason: %v", err)
	}
	w := at(t, WithdrawalRequested)
	if _, err := Apply(w, Command{Action: ActStop, Actor: counter, At: t0.Add(20 * time.Hour)}, env); err != nil || w.Status != Stopped {
		t.Fatalf("answering a withdrawal needs no reason: %v", err)
	}
}

// Circular 01/2018 Art. 12: the applicant rates a settled dossier, once, on
// the three-level scale; the counter may record it for someone present.
func TestRateOnceOnSettledDossier_Circular01_2018_Art12(t *testing.T) {
	cases := []struct {
		name   string
		actor  org.Actor
		rating Rating
		code   string
	}{
		{"owner dissatisfied counts as a dislike", owner, Dissatisfied, ""},
		{"counter records for someone present", counter, VerySatisfied, ""},
		{"another citizen may not rate", stranger, Satisfied, "role_forbidden"},
		{"specialist may not rate", specialist, Satisfied, "role_forbidden"},
		{"rating 0 is not a rating", owner, Unrated, "rating_invalid"},
		{"rating 4 is out of the scale", owner, 4, "rating_invalid"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := at(t, Returned)
			ev, err := Apply(d, Command{Action: ActRate, Actor: c.actor, At: t0.Add(50 * time.Hour), Rating: c.rating}, env)
			if c.code != "" {
				var e *apperr.Error
				if !errors.As(err, &e) || e.Code != c.code {
					t.Fatalf("want %s, got %v", c.code, err)
				}
				if d.Rating != Unrated {
					t.Fatal("a refused rating must not be kept")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p, ok := Decode[RatePayload](ev.Action, ev.Payload); d.Rating != c.rating || d.RatedAt == nil || !ok || p.Rating != c.rating || d.Status != Returned {
				t.Fatalf("rating %d at %v, payload %s, status %s", d.Rating, d.RatedAt, ev.Payload, d.Status)
			}
			if d.Rating.Dislike() != (c.rating == Dissatisfied) {
				t.Fatal("only 'không hài lòng' counts as a dislike")
			}
			_, err = Apply(d, Command{Action: ActRate, Actor: owner, At: t0.Add(51 * time.Hour), Rating: Satisfied}, env)
			var e *apperr.Error
			if !errors.As(err, &e) || e.Code != "already_rated" {
				t.Fatalf("a second rating must be refused, got %v", err)
			}
		})
	}
}

// A missing reason is said in one language at a time: the Vietnamese message
// held "(Mẫu 02) / request supplementation (Form 02)" (issue 22 item 4).
func TestReasonRequiredOneLanguageEach(t *testing.T) {
	for _, c := range []struct {
		name string
		from Status
		cmd  Command
		code string
	}{
		{"request_supplement_Form02", Processing, Command{Action: ActRequestSupplement, Actor: leader}, "supplement_papers_required"},
		{"reject", Processing, Command{Action: ActReject, Actor: leader}, "reason_required"},
		{"stop_Form05", Processing, Command{Action: ActStop, Actor: leader}, "reason_required"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.cmd.At = t0.Add(20 * time.Hour)
			_, err := Apply(at(t, c.from), c.cmd, env)
			e, _ := apperr.As(err)
			if e == nil || e.Code != c.code {
				t.Fatalf("%v", err)
			}
			for _, w := range []string{" / ", "request", "reject", "stop", "Form"} {
				if strings.Contains(e.MessageVi, w) {
					t.Errorf("Vietnamese message %q holds %q", e.MessageVi, w)
				}
			}
			for _, w := range []string{" / ", "Mẫu", "Cần", "lý do"} {
				if strings.Contains(e.Message, w) {
					t.Errorf("English message %q holds %q", e.Message, w)
				}
			}
		})
	}
}
