package dossiers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// The director's expediting order (Decree 118/2025 Art. 8) reaches the
// officers of the agency holding the dossier by e-mail, in the event's
// transaction, and only them; the dossier keeps it for their workspace.
func TestUrgeReachesTheHoldingAgency_Decree118_Art8(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
		svc, who := servicetest.DemoAt(t, st, &now)
		svc.Notify.BaseURL = "https://dichvucong.h99.gov.vn"
		body := func(*dossier.Dossier) ([]byte, error) { return []byte("{}"), nil }
		// Officers with an address: the holding agency's leader and
		// specialist, another agency's specialist and the counter.
		for user, email := range map[string]string{"leader": "lanhdao@stp.gov.vn", "specialist": "thuly@stp.gov.vn",
			"specialist_tc": "taichinh@stc.gov.vn", "counter": "motcua@ttpvhcc.gov.vn"} {
			a := who(user)
			if err := st.UpdateUserProfile(ctx, a.UserID, a.Name, email, "", ""); err != nil {
				t.Fatal(err)
			}
		}
		res, err := svc.Submit(ctx, who("counter"), service.NewDossier{ProcedureCode: "3.000333",
			Applicant: dossier.Applicant{Name: "Trần Thị Đôn Đốc", IDNumber: "001090012399"}}, "s1", "h1", body)
		if err != nil {
			t.Fatal(err)
		}
		d := res.Dossier
		for i, step := range []struct{ who, action string }{{"counter", "receive"}, {"counter", "transfer"}} {
			r, err := svc.Act(ctx, who(step.who), d.ID, d.Version, service.ActionInput{Action: step.action}, fmt.Sprint("k", i), fmt.Sprint("h", i), body)
			if err != nil {
				t.Fatalf("%s: %v", step.action, err)
			}
			d = r.Dossier
		}
		if _, err := svc.Act(ctx, who("chair"), d.ID, d.Version, service.ActionInput{Action: "urge", Reason: "x"}, "c1", "hc", body); err == nil {
			t.Fatal("the chair urged: expediting is the director's (Art. 8)")
		}
		before := len(servicetest.OutboxKeys(t, st, d.ID))
		r, err := svc.Act(ctx, who("director"), d.ID, d.Version, service.ActionInput{Action: "urge", Reason: "Đề nghị trình ký trước 16:00 hôm nay"}, "u1", "hu", body)
		if err != nil {
			t.Fatal(err)
		}
		got := servicetest.OutboxKeys(t, st, d.ID)
		var to []string
		for k, m := range got {
			if !strings.Contains(k, ":urge:") {
				continue
			}
			to = append(to, m.Recipient)
			for _, want := range []string{d.Code, "Đề nghị trình ký trước 16:00 hôm nay", fmt.Sprintf("https://dichvucong.h99.gov.vn/dossiers/%d", d.ID)} {
				if !strings.Contains(m.Body, want) {
					t.Fatalf("urge mail lacks %q:\n%s", want, m.Body)
				}
			}
			if strings.Contains(m.Body, "Trần Thị Đôn Đốc") || strings.Contains(m.Body, "001090012399") {
				t.Fatalf("urge mail carries the applicant's personal data:\n%s", m.Body)
			}
		}
		if len(to) != 2 || len(got) != before+2 || !strings.Contains(strings.Join(to, " "), "lanhdao@stp.gov.vn") || !strings.Contains(strings.Join(to, " "), "thuly@stp.gov.vn") {
			t.Fatalf("urge mail went to %v (outbox %d → %d)", to, before, len(got))
		}
		// The holder's inbox shows it; the status and due date did not move.
		items, err := svc.Inbox(ctx, who("specialist"), 50)
		if err != nil {
			t.Fatal(err)
		}
		var seen bool
		for _, it := range items {
			if it.Dossier.ID == d.ID {
				seen = it.Dossier.UrgeCount == 1 && it.Dossier.UrgedAt != nil
			}
		}
		if !seen || r.Dossier.Status != d.Status || !r.Dossier.DueAt.Equal(*d.DueAt) {
			t.Fatalf("inbox sees the urge: %v; status %s→%s", seen, d.Status, r.Dossier.Status)
		}
	})
}
