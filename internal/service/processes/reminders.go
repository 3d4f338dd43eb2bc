package processes

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/store"
)

// remindedRoles are who a step reminder is addressed to in the holding
// agency, as for an expediting order.
var remindedRoles = []org.Role{org.RoleLeader, org.RoleSpecialist}

// maxSweep bounds one sweep; the next sweep takes the rest.
const maxSweep = 5000

// SendStepReminders reminds the holders of steps that have used 75 % of
// their budgets, and of those that ran over, once each per visit of the
// step (issue 13 item 3), by e-mail through the outbox. Several nodes may
// sweep at once: a reminder is claimed in the database before it is
// queued. It returns how many reminders it queued. The pauses a step had
// are not subtracted here (the dossier row keeps only the step's start):
// a step paused by supplementation and resumed is reminded by its start.
func (s *Processes) SendStepReminders(ctx context.Context) (int, error) {
	list, err := s.Store.OpenStepDossiers(ctx, maxSweep)
	if err != nil {
		return 0, err
	}
	items, err := s.stepItems(ctx, list, "")
	if err != nil {
		return 0, err
	}
	clock := process.NewClock(s.Calendar())
	now := s.Now()
	sent := 0
	for _, it := range items {
		d := it.Dossier
		kinds, err := clock.Reminders(it.Since, it.Budget, nil, now, nil)
		if err != nil || len(kinds) == 0 {
			continue
		}
		codes := d.Step.Pending
		if len(codes) == 0 {
			codes = []string{d.Step.Agency}
		}
		for _, k := range kinds {
			err := s.Store.InTx(ctx, func(tx *store.Tx) error {
				ok, err := tx.ClaimStepReminder(ctx, d.ID, it.Step, it.Since, string(k), now)
				if err != nil || !ok {
					return err
				}
				sent++
				return s.queueReminder(ctx, tx, it, k, codes, now)
			})
			if err != nil {
				return sent, err
			}
		}
	}
	return sent, nil
}

func (s *Processes) queueReminder(ctx context.Context, tx *store.Tx, it StepItem, k process.ReminderKind, codes []string, now time.Time) error {
	d := it.Dossier
	var b strings.Builder
	subject := "Bước xử lý sắp hết thời hạn: hồ sơ " + d.Code
	if k == process.RemindOverrun {
		subject = "Bước xử lý đã quá thời hạn: hồ sơ " + d.Code
	}
	fmt.Fprintf(&b, "Hồ sơ %s đang ở bước %d: %s, từ %s.\n", d.Code, it.Step, it.Name, it.Since.In(calendar.Zone).Format("15:04 02/01/2006"))
	fmt.Fprintf(&b, "Hạn của bước: %s.\n", it.Due.In(calendar.Zone).Format("15:04 02/01/2006"))
	if base := strings.TrimRight(s.Notify.BaseURL, "/"); base != "" {
		fmt.Fprintf(&b, "Xem hồ sơ: %s/dossiers/%d\n", base, d.ID)
	}
	for _, a := range s.Agencies() {
		for _, c := range codes {
			if a.Code != c {
				continue
			}
			staff, err := tx.AgencyStaffContacts(ctx, a.ID, remindedRoles)
			if err != nil {
				return err
			}
			for _, st := range staff {
				m := model.OutboxMessage{Key: fmt.Sprintf("dossier:%d:step:%d:%d:%s:%d", d.ID, it.Step, it.Since.UnixMilli(), k, st.UserID),
					Channel: notify.ChannelEmail, Recipient: st.Email, DossierID: d.ID, CreatedAt: now, Subject: subject, Body: b.String()}
				if err := tx.EnqueueOutbox(ctx, m); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
