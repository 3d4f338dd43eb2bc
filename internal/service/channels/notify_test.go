package channels_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// TestEventsEnqueueTheApplicantsMessages: each event that tells the
// applicant something (RULES-VN.md §1.4) enqueues one message per chosen
// channel with a contact, in the event's transaction; a replay enqueues
// nothing new and a failed action enqueues nothing.
func TestEventsEnqueueTheApplicantsMessages(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
		svc, who := servicetest.DemoAt(t, st, &now)
		svc.Notify.BaseURL = "https://dichvucong.h99.gov.vn/"
		citizen, counter := who("citizen"), who("counter")
		body := func(*dossier.Dossier) ([]byte, error) { return []byte("{}"), nil }
		// The citizen wants e-mail and Zalo, not SMS.
		if err := svc.SetNotifyChoice(ctx, citizen, model.NotifyPrefs{Email: true, Zalo: true}); err != nil {
			t.Fatal(err)
		}
		res, err := svc.Submit(ctx, citizen, service.NewDossier{ProcedureCode: "3.000333",
			Applicant: dossier.Applicant{Name: "Nguyễn Văn Dân", IDNumber: "001090012345", Phone: "0912345678", Email: "dan@example.vn"}}, "s1", "h1", body)
		if err != nil {
			t.Fatal(err)
		}
		d := res.Dossier
		if got := servicetest.OutboxKeys(t, st, d.ID); len(got) != 0 {
			t.Fatalf("filing online tells nothing new: %v", got)
		}
		r, err := svc.Act(ctx, counter, d.ID, 1, service.ActionInput{Action: "receive"}, "a1", "h2", body)
		if err != nil {
			t.Fatal(err)
		}
		d = r.Dossier
		got := servicetest.OutboxKeys(t, st, d.ID)
		email, zalo := got["dossier:"+itoa(d.ID)+":v2:email"], got["dossier:"+itoa(d.ID)+":v2:zalo"]
		if len(got) != 2 || email.Recipient != "dan@example.vn" || zalo.Recipient != "0912345678" {
			t.Fatalf("receive enqueued %v", got)
		}
		for _, want := range []string{d.Code, "Ngày hẹn trả kết quả: " + d.DueAt.In(time.FixedZone("ICT", 7*3600)).Format("15:04 02/01/2006"),
			"https://dichvucong.h99.gov.vn/track/" + d.Code, "-- English --"} {
			if !strings.Contains(email.Body, want) {
				t.Fatalf("e-mail lacks %q:\n%s", want, email.Body)
			}
		}
		if !strings.Contains(email.Subject, d.Code) || !strings.Contains(zalo.Payload, `"template":"received"`) || !strings.Contains(zalo.Payload, d.Code) {
			t.Fatalf("subject %q, zalo payload %s", email.Subject, zalo.Payload)
		}
		// The same request again (a client retry) enqueues nothing new.
		if _, err := svc.Act(ctx, counter, d.ID, 1, service.ActionInput{Action: "receive"}, "a1", "h2", body); err != nil {
			t.Fatal(err)
		}
		if n := len(servicetest.OutboxKeys(t, st, d.ID)); n != 2 {
			t.Fatalf("a replay enqueued more: %d", n)
		}
		// An action that fails after its messages were written leaves none:
		// they lived in its transaction.
		boom := errors.New("render failed")
		_, err = svc.Act(ctx, counter, d.ID, d.Version, service.ActionInput{Action: "request_supplement", Reason: "Thiếu bản sao giấy chứng sinh"}, "a2", "h3",
			func(*dossier.Dossier) ([]byte, error) { return nil, boom })
		if !errors.Is(err, boom) {
			t.Fatalf("want the render error, got %v", err)
		}
		// And an action the rules refuse writes nothing either.
		if _, err := svc.Act(ctx, counter, d.ID, d.Version, service.ActionInput{Action: "request_supplement"}, "a3", "h4", body); err == nil {
			t.Fatal("a supplementation request without a reason must be refused")
		}
		if n := len(servicetest.OutboxKeys(t, st, d.ID)); n != 2 {
			t.Fatalf("failed actions enqueued messages: %d", n)
		}
		r, err = svc.Act(ctx, counter, d.ID, d.Version, service.ActionInput{Action: "request_supplement", Reason: "Thiếu bản sao giấy chứng sinh"}, "a4", "h5", body)
		if err != nil {
			t.Fatal(err)
		}
		m := servicetest.OutboxKeys(t, st, d.ID)["dossier:"+itoa(d.ID)+":v3:email"]
		if !strings.Contains(m.Body, "Nội dung cần bổ sung: Thiếu bản sao giấy chứng sinh") {
			t.Fatalf("supplementation e-mail:\n%s", m.Body)
		}

		// Filed at the counter without an account, with a phone only: SMS.
		res, err = svc.Submit(ctx, counter, service.NewDossier{ProcedureCode: "3.000333",
			Applicant: dossier.Applicant{Name: "Lê Thị Quầy", IDNumber: "001090099999", Phone: "0987654321"}}, "s2", "h6", body)
		if err != nil {
			t.Fatal(err)
		}
		r, err = svc.Act(ctx, counter, res.Dossier.ID, 1, service.ActionInput{Action: "receive"}, "a5", "h7", body)
		if err != nil {
			t.Fatal(err)
		}
		got = servicetest.OutboxKeys(t, st, res.Dossier.ID)
		sms, ok := got["dossier:"+itoa(res.Dossier.ID)+":v2:sms"]
		if len(got) != 1 || !ok || sms.Recipient != "0987654321" || !strings.Contains(sms.Body, r.Dossier.Code) || strings.ContainsAny(sms.Body, "ơđằ") {
			t.Fatalf("counter dossier: %v", got)
		}
	})
}

func TestNotifyChoiceIsForApplicants(t *testing.T) {
	st := storetest.SQLite(t)
	now := time.Now()
	svc, who := servicetest.DemoAt(t, st, &now)
	ctx := context.Background()
	c, err := svc.NotifyChoiceOf(ctx, who("citizen"))
	if err != nil || c.Set || !c.Email || !c.SMS || c.Zalo {
		t.Fatalf("default choice: %+v %v", c, err)
	}
	if err := svc.SetNotifyChoice(ctx, who("counter"), model.NotifyPrefs{}); err == nil {
		t.Fatal("staff have no notification choice")
	}
	if _, err := svc.Undelivered(ctx, who("director")); err == nil {
		t.Fatal("only administrators see undelivered messages")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
