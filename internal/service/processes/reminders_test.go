package processes_test

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

// Source: issue 13 item 3, "automatic reminders when a step has used 75 %
// of its budget and when it runs over, once each": the appraisal (2 working
// days, 16 working hours) is reminded after 12 working hours and at its
// due, to the holding agency's officers, once each however often the sweep
// runs — on SQLite and PostgreSQL.
func TestStepReminders_ThreeQuartersAndOverrun(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600)) // Tuesday
		svc, who := servicetest.DemoAt(t, st, &now)
		if _, err := svc.SaveProcess(ctx, who("admin"), servicetest.FiveSteps("Quyết định thử nghiệm")); err != nil {
			t.Fatal(err)
		}
		for user, email := range map[string]string{"leader": "lanhdao@stp.gov.vn", "specialist": "thuly@stp.gov.vn"} {
			a := who(user)
			if err := st.UpdateUserProfile(ctx, a.UserID, a.Name, email, "", ""); err != nil {
				t.Fatal(err)
			}
		}
		n := 0
		act := func(user string, d *dossier.Dossier, in service.ActionInput) *dossier.Dossier {
			t.Helper()
			n++
			res, err := svc.Act(ctx, who(user), d.ID, d.Version, in, fmt.Sprint("k", n), fmt.Sprint("h", n), func(*dossier.Dossier) ([]byte, error) { return nil, nil })
			if err != nil {
				t.Fatal(err)
			}
			return res.Dossier
		}
		res, err := svc.Submit(ctx, who("counter"), service.NewDossier{ProcedureCode: "3.000333", ReturnMethod: dossier.ReturnCounter,
			Applicant:  dossier.Applicant{Name: "Lê Văn Nhắc", IDNumber: "001090099996"},
			Components: []dossier.ComponentFiles{{Name: "Tờ khai", Originals: 1}}}, "s", "s", func(*dossier.Dossier) ([]byte, error) { return nil, nil })
		if err != nil {
			t.Fatal(err)
		}
		d := act("counter", res.Dossier, service.ActionInput{Action: "receive"})
		d = act("counter", d, service.ActionInput{Action: "transfer"})
		d = act("leader", d, service.ActionInput{Action: "step", StepKind: "assign", Assignee: who("specialist").UserID})
		reminders := func() []string {
			var out []string
			for _, m := range servicetest.OutboxKeys(t, st, d.ID) {
				if strings.HasPrefix(m.Subject, "Bước xử lý") {
					out = append(out, m.Subject+" → "+m.Recipient)
				}
			}
			return out
		}
		sweep := func(want int) {
			t.Helper()
			got, err := svc.SendStepReminders(ctx)
			if err != nil || got != want {
				t.Fatalf("sweep at %s: %d reminders (%v), want %d", now, got, err, want)
			}
		}
		now = time.Date(2026, 12, 2, 14, 30, 0, 0, now.Location()) // 11.5 working hours in
		sweep(0)
		now = time.Date(2026, 12, 2, 15, 30, 0, 0, now.Location()) // 12.5 h: past 75 %
		sweep(1)
		sweep(0) // once
		if got := reminders(); len(got) != 2 || !strings.Contains(strings.Join(got, "\n"), "sắp hết thời hạn") {
			t.Fatalf("75 %% reminders %v, want one to the leader and one to the specialist", got)
		}
		now = time.Date(2026, 12, 3, 10, 0, 0, 0, now.Location()) // 19 h: over (due 2/12 17:00)
		sweep(1)
		sweep(0)
		if got := reminders(); len(got) != 4 || !strings.Contains(strings.Join(got, "\n"), "đã quá thời hạn") {
			t.Fatalf("reminders %v, want the overrun too", got)
		}
	})
}
