package dossiers

import (
	"context"
	"fmt"
	"strings"

	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
)

// urgedRoles are who an expediting order is addressed to in the holding
// agency: the leaders who assign the work and the specialists who do it.
var urgedRoles = []org.Role{org.RoleLeader, org.RoleSpecialist}

// urgedAgencies are the agencies an expediting order reaches: under an
// internal process, the holder of the current step, or the consulted
// agencies still owing their opinion (issue 13 item 3: "urges the holder
// of a step"); otherwise the processing agency.
func (s *Dossiers) urgedAgencies(d *dossier.Dossier) []int64 {
	if d.Step == nil {
		return []int64{d.ProcessingAgencyID}
	}
	codes := d.Step.Pending
	if len(codes) == 0 {
		codes = []string{d.Step.Agency}
	}
	var out []int64
	for _, a := range s.Agencies() {
		for _, c := range codes {
			if a.Code == c {
				out = append(out, a.ID)
			}
		}
	}
	if len(out) == 0 {
		out = []int64{d.ProcessingAgencyID}
	}
	return out
}

// urgeEvent tells the holding agency's officers of an expediting order by
// e-mail through the outbox, in the event's transaction; their workspace
// shows it from the dossier itself (UrgedAt). Staff mail speaks Vietnamese,
// the working language of the administration, and carries no personal data
// of the applicant: the link leads to the dossier behind the sign-in.
func (s *Dossiers) urgeEvent(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error {
	if ev.Action != dossier.ActUrge {
		return nil
	}
	var staff []model.StaffContact
	for _, id := range s.urgedAgencies(d) {
		cs, err := tx.AgencyStaffContacts(ctx, id, urgedRoles)
		if err != nil {
			return err
		}
		staff = append(staff, cs...)
	}
	if len(staff) == 0 {
		return nil
	}
	proc, err := s.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion)
	if err != nil {
		return err
	}
	urge, _ := dossier.Decode[dossier.UrgePayload](ev.Action, ev.Payload)
	reason := urge.Reason
	var b strings.Builder
	fmt.Fprintf(&b, "Hồ sơ %s (%s) được đôn đốc xử lý.\n", d.Code, proc.Name)
	fmt.Fprintf(&b, "Nội dung đôn đốc: %s\n", reason)
	if d.DueAt != nil {
		fmt.Fprintf(&b, "Hạn trả kết quả: %s\n", d.DueAt.In(calendar.Zone).Format("15:04 02/01/2006"))
	}
	if base := strings.TrimRight(s.Notify.BaseURL, "/"); base != "" {
		fmt.Fprintf(&b, "Xem hồ sơ: %s/dossiers/%d\n", base, d.ID)
	}
	for _, c := range staff {
		m := model.OutboxMessage{Key: fmt.Sprintf("dossier:%d:v%d:urge:%d", d.ID, d.Version, c.UserID),
			Channel: notify.ChannelEmail, Recipient: c.Email, DossierID: d.ID, CreatedAt: ev.At,
			Subject: "Đôn đốc xử lý hồ sơ " + d.Code, Body: b.String()}
		if err := tx.EnqueueOutbox(ctx, m); err != nil {
			return err
		}
	}
	return nil
}
