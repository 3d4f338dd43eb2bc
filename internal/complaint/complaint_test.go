package complaint

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
)

func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, calendar.Zone)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

type step struct {
	act Action
	at  string
	to  int64
	why string
}

// lodge is a complaint received on Monday 2/3/2026 at 09:00 by agency 1,
// taken through steps.
func lodge(t *testing.T, steps ...step) *Complaint {
	t.Helper()
	c, err := New(CategoryRules, 1, at(t, "2026-03-02 09:00"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		why := s.why
		if why == "" {
			why = "Nội dung"
		}
		if err := Apply(c, Command{Action: s.act, At: at(t, s.at), ToAgencyID: s.to, Reason: why}); err != nil {
			t.Fatalf("%s at %s: %v", s.act, s.at, err)
		}
	}
	return c
}

// Source: 766 indicator 5.2 (RULES-VN.md §6 group 5; Decree 20/2008/NĐ-CP
// as amended by Decree 92/2017): refusal within 2 working days, a
// supplementation request within 5, handling within 15 from receipt,
// transfer or completion, the answer published within 2; working days
// counted from the day after (Civil Code 2015 Art. 147). Received Monday
// 2/3/2026 09:00: refusal due Wednesday 4/3, a request due Monday 9/3,
// handling due Monday 23/3, all at 17:00.
func TestTimeliness_Indicator52_Deadlines(t *testing.T) {
	cal := calendar.Default()
	for _, c := range []struct {
		name   string
		c      *Complaint
		now    string
		done   bool
		onTime bool
	}{
		{"refused within 2 working days", lodge(t, step{ActRefuse, "2026-03-04 16:00", 0, ""}), "2026-03-31 09:00", true, true},
		{"refused on the third working day: late", lodge(t, step{ActRefuse, "2026-03-05 08:00", 0, ""}), "2026-03-31 09:00", true, false},
		{"supplementation asked in time, the complainant's time not counted", lodge(t, step{ActRequestSupplement, "2026-03-06 10:00", 0, ""}), "2026-04-30 09:00", false, true},
		{"supplementation asked on the sixth working day: late", lodge(t, step{ActRequestSupplement, "2026-03-10 10:00", 0, ""}), "2026-03-11 09:00", false, false},
		{"completed 10/3: 15 working days from the completion, answered and published in time",
			lodge(t, step{ActRequestSupplement, "2026-03-06 10:00", 0, ""}, step{ActSupplement, "2026-03-10 09:00", 0, ""},
				step{ActAnswer, "2026-03-30 16:00", 0, ""}, step{ActPublish, "2026-04-01 16:00", 0, ""}), "2026-04-30 09:00", true, true},
		{"transferred 11/3: 15 working days from the transfer, answered 2/4: late",
			lodge(t, step{ActTransfer, "2026-03-11 09:00", 2, ""}, step{ActAnswer, "2026-04-02 09:00", 0, ""}), "2026-04-02 10:00", false, false},
		{"in handling, before its due", lodge(t, step{ActAccept, "2026-03-03 09:00", 0, ""}), "2026-03-23 16:59", false, true},
		{"in handling, past its due", lodge(t, step{ActAccept, "2026-03-03 09:00", 0, ""}), "2026-03-24 07:00", false, false},
		{"answered in time, published late", lodge(t, step{ActAccept, "2026-03-03 09:00", 0, ""}, step{ActAnswer, "2026-03-20 09:00", 0, ""},
			step{ActPublish, "2026-03-26 09:00", 0, ""}), "2026-03-31 09:00", true, false},
		{"answered in time, not yet published, still within 2 days", lodge(t, step{ActAccept, "2026-03-03 09:00", 0, ""}, step{ActAnswer, "2026-03-20 09:00", 0, ""}), "2026-03-24 09:00", false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := TimelinessAt(c.c, cal, at(t, c.now))
			if err != nil {
				t.Fatal(err)
			}
			if got.Done != c.done || got.OnTime != c.onTime {
				t.Fatalf("done %v on time %v, want %v %v", got.Done, got.OnTime, c.done, c.onTime)
			}
		})
	}
}

// Each action is refused, with its code, out of order or without what it needs.
func TestApply_Refused(t *testing.T) {
	if _, err := New("other", 1, at(t, "2026-03-02 09:00")); code(err) != "complaint_category" {
		t.Fatalf("category: %v", err)
	}
	for _, c := range []struct {
		name string
		c    *Complaint
		cmd  Command
		want string
	}{
		{"an answer before the complaint is accepted", lodge(t), Command{Action: ActAnswer, Reason: "x"}, "complaint_action_status"},
		{"a refusal without its reason", lodge(t), Command{Action: ActRefuse}, "reason_required"},
		{"an answer without its content", lodge(t, step{ActAccept, "2026-03-03 09:00", 0, ""}), Command{Action: ActAnswer}, "reason_required"},
		{"a transfer to the same agency", lodge(t), Command{Action: ActTransfer, ToAgencyID: 1}, "complaint_transfer_agency"},
		{"a rating before the answer is public", lodge(t, step{ActAccept, "2026-03-03 09:00", 0, ""}), Command{Action: ActLike}, "complaint_action_status"},
		{"an unknown action", lodge(t), Command{Action: "close"}, "complaint_action"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := *c.c
			if err := Apply(c.c, c.cmd); code(err) != c.want {
				t.Fatalf("err %v, want %s", err, c.want)
			}
			if c.c.Status != before.Status || c.c.Version != before.Version {
				t.Fatal("a refused action changed the complaint")
			}
		})
	}
}

func code(err error) string {
	if e, ok := apperr.As(err); ok {
		return e.Code
	}
	return ""
}

// Source: 766 indicators 5.1–5.3 (RULES-VN.md §6 group 5). March 2026: a
// complaint of February still handled in March counts in 5.2 but not in 5.3
// (first received in the period); one settled in February counts in
// neither; a published answer with more dislikes than likes, or raised
// again, is not satisfying.
func TestIndexOf_Indicators51to53(t *testing.T) {
	cal := calendar.Default()
	feb := func(steps ...step) *Complaint {
		c, err := New(CategoryConduct, 1, at(t, "2026-02-25 09:00"))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range steps {
			if err := Apply(c, Command{Action: s.act, At: at(t, s.at), Reason: "x"}); err != nil {
				t.Fatal(err)
			}
		}
		return c
	}
	good := lodge(t, step{ActAccept, "2026-03-03 09:00", 0, ""}, step{ActAnswer, "2026-03-10 09:00", 0, ""}, step{ActPublish, "2026-03-11 09:00", 0, ""}, step{ActLike, "2026-03-12 09:00", 0, ""})
	disliked := lodge(t, step{ActAccept, "2026-03-03 09:00", 0, ""}, step{ActAnswer, "2026-03-10 09:00", 0, ""}, step{ActPublish, "2026-03-11 09:00", 0, ""},
		step{ActDislike, "2026-03-12 09:00", 0, ""}, step{ActDislike, "2026-03-12 10:00", 0, ""}, step{ActLike, "2026-03-12 11:00", 0, ""})
	reraised := lodge(t, step{ActAccept, "2026-03-03 09:00", 0, ""}, step{ActAnswer, "2026-03-10 09:00", 0, ""}, step{ActPublish, "2026-03-11 09:00", 0, ""},
		step{ActReraise, "2026-03-13 09:00", 0, ""})
	late := lodge(t, step{ActRefuse, "2026-03-06 09:00", 0, ""})
	// Received 25/2, handled in March within its 15 working days (due 18/3).
	carried := feb(step{ActAccept, "2026-02-26 09:00", 0, ""}, step{ActAnswer, "2026-03-17 09:00", 0, ""}, step{ActPublish, "2026-03-18 09:00", 0, ""})
	settled := feb(step{ActRefuse, "2026-02-26 09:00", 0, ""})   // settled in February
	april, _ := New(CategoryRules, 1, at(t, "2026-04-01 09:00")) // after the period
	ix, err := IndexOf([]*Complaint{good, disliked, reraised, late, carried, settled, april}, cal,
		at(t, "2026-03-01 00:00"), at(t, "2026-04-01 00:00"), at(t, "2026-03-31 17:00"))
	if err != nil {
		t.Fatal(err)
	}
	if ix.OnTime != (Ratio{4, 5}) {
		t.Errorf("5.2 %v, want 4/5 (good, disliked, reraised, carried on time; the late refusal not)", ix.OnTime)
	}
	if ix.Satisfied != (Ratio{1, 4}) {
		t.Errorf("5.3 %v, want 1/4 (only the liked answer)", ix.Satisfied)
	}
	if ix.ByCategory[CategoryRules] != 4 || ix.ByCategory[CategoryConduct] != 0 {
		t.Errorf("5.1 %v, want 4 about rules, none about conduct received in March", ix.ByCategory)
	}
}
