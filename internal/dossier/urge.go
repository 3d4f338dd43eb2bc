package dossier

import "github.com/motcua/motcua/internal/org"

// ActUrge is an expediting order (đôn đốc) to the agency holding a dossier.
// The center director monitors and expedites agencies on due and overdue
// dossiers (Decree 118/2025 Art. 8; RULES-VN.md §11), and an agency's
// leader urges their own officers. It says what is asked in the reason, is
// logged on the dossier and reaches the holder's workspace and e-mail; it
// never changes the status or the due date. The PPC chair does not urge in
// the system: the chair's part is the index and the decisions submitted to
// the PPC (§11).
const ActUrge Action = "urge"

var urgeRule = rule{
	// Only while the agency holds the dossier: waiting for the applicant
	// (supplementation, payment, withdrawal) is nobody's delay to urge.
	from:  []Status{Received, Processing},
	roles: []org.Role{org.RoleDirector, org.RoleLeader},
}

func applyUrge(d *Dossier, cmd Command, ev *Event) error {
	if err := needReason(cmd, "đôn đốc xử lý hồ sơ", "urge the handling of a dossier"); err != nil {
		return err
	}
	d.UrgeCount++
	d.UrgedAt = tp(cmd.At)
	ev.SetPayload(UrgePayload{AgencyID: d.ProcessingAgencyID, Reason: cmd.Reason})
	return nil
}
