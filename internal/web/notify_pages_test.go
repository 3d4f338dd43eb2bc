package web_test

import (
	"context"
	"net/url"
	"strconv"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/service"
)

func TestCitizenChoosesNotificationChannels(t *testing.T) {
	e := sqliteEnv(t)
	// Anonymous: sent to sign in; staff: refused.
	if p := e.browser().get("/me/notifications"); p.URL != "/login" {
		t.Fatalf("anonymous reached %s", p.URL)
	}
	e.signedIn("counter").get("/me/notifications").must(t, 403)

	b := e.signedIn("citizen")
	b.get("/my/dossiers").must(t, 200, `href="/me/notifications"`)
	b.get("/me/notifications").must(t, 200, "đang dùng mặc định",
		`id="n-email" name="email" checked`, `id="n-sms" name="sms" checked`, `id="n-zalo" name="zalo">`)
	// A post without the anti-forgery token changes nothing.
	b.post("/me/notifications", url.Values{"zalo": {"on"}, "csrf": {"forged"}}).must(t, 403)
	b.get("/me/notifications").must(t, 200, "đang dùng mặc định")
	b.post("/me/notifications", url.Values{"zalo": {"on"}}).must(t, 200, "Đã lưu cách nhận thông báo.",
		`id="n-email" name="email">`, `id="n-sms" name="sms">`, `id="n-zalo" name="zalo" checked`).
		lacks(t, "đang dùng mặc định")
}

// TestAdminSeesAndResendsDeadLetters: a message that failed for good is
// listed for administrators with the recipient masked, and "send again"
// gives it a fresh round.
func TestAdminSeesAndResendsDeadLetters(t *testing.T) {
	e := sqliteEnv(t)
	ctx := context.Background()
	creds, err := e.st.CredentialsByUsername(ctx, "counter")
	if err != nil {
		t.Fatal(err)
	}
	counter := e.svc.ActorFor(creds.User)
	body := func(*dossier.Dossier) ([]byte, error) { return []byte("{}"), nil }
	res, err := e.svc.Submit(ctx, counter, service.NewDossier{ProcedureCode: "3.000333",
		Applicant: dossier.Applicant{Name: "Lê Thị Quầy", IDNumber: "001090099999", Phone: "0912345678", Email: "le.thi.quay@example.vn"}}, "s1", "h1", body)
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.svc.Act(ctx, counter, res.Dossier.ID, 1, service.ActionInput{Action: "receive"}, "a1", "h2", body)
	if err != nil {
		t.Fatal(err)
	}
	code := r.Dossier.Code
	// The SMS gateway refuses the number for good; the mail relay is down.
	w := notify.NewWorker(e.st, notify.Config{Now: e.clock, Senders: map[string]notify.Sender{
		"sms": notify.SenderFunc(func(ctx context.Context, m model.OutboxMessage) error {
			return notify.Permanent("gateway: number %s is not a mobile number", m.Recipient)
		}),
		"email": notify.SenderFunc(func(ctx context.Context, m model.OutboxMessage) error {
			return context.DeadlineExceeded
		}),
	}})
	if n, _ := w.RunOnce(ctx); n != 2 {
		t.Fatalf("%d messages tried", n)
	}

	e.signedIn("director").get("/admin/notifications").must(t, 403)
	e.browser().post("/admin/notifications/1/resend", nil).must(t, 401)

	b := e.signedIn("admin")
	b.get("/admin").must(t, 200, `href="/admin/notifications"`)
	p := b.get("/admin/notifications").must(t, 200, code, "09******78", "le*********@example.vn",
		"number 09******78 is not a mobile number", "Đã dừng thử", "Sẽ thử lại lúc")
	p.lacks(t, "0912345678", "le.thi.quay@example.vn")

	sms, err := e.st.OutboxMessageByKey(ctx, "dossier:"+strconv.FormatInt(r.Dossier.ID, 10)+":v2:sms")
	if err != nil || sms.Status != model.OutboxDead {
		t.Fatalf("sms: %+v %v", sms, err)
	}
	b.post("/admin/notifications/"+strconv.FormatInt(sms.ID, 10)+"/resend", url.Values{"csrf": {"forged"}}).must(t, 403)
	b.post("/admin/notifications/"+strconv.FormatInt(sms.ID, 10)+"/resend", nil).must(t, 200, "Đã đưa thông báo vào hàng đợi gửi lại.")
	if m, _ := e.st.OutboxMessageByKey(ctx, sms.Key); m.Status != model.OutboxPending || m.Attempts != 0 || m.LastError != "" {
		t.Fatalf("after send again: %+v", m)
	}
	// Off the dead list; the e-mail still failing stays listed.
	b.get("/admin/notifications").must(t, 200, "context deadline exceeded").lacks(t, "Đã dừng thử")
	b.post("/admin/notifications/999999/resend", nil).must(t, 404)
}
