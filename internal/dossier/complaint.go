package dossier

import (
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
)

// ActComplaint links a complaint or petition (phản ánh, kiến nghị — PAKN)
// about the handling of this dossier to it. The complaint itself is handled
// in the PAKN system; the link is what 766 indicator 5.4 reads: a dossier
// settled with a complaint counts against satisfaction like a "không hài
// lòng" rating (RULES-VN.md §6.2 group 5, §6.3 "complaint links"). The
// applicant may lodge one about their own dossier; one-stop and agency
// staff record those that came in by other channels, with the PAKN
// reference. It never changes the status, and may happen more than once.
const ActComplaint Action = "complaint"

var complaintRule = rule{
	from: []Status{Received, Processing, SupplementRequested, PaymentRequested, WithdrawalRequested,
		Done, Returned, Rejected, Stopped, Refused},
	roles: []org.Role{org.RoleCounter, org.RoleSpecialist, org.RoleLeader, org.RoleDirector},
	owner: true,
}

// maxComplaintRef bounds the PAKN reference (a number in another system).
const maxComplaintRef = 100

func applyComplaint(d *Dossier, cmd Command, ev *Event) error {
	if err := needReason(cmd, "ghi nhận phản ánh, kiến nghị", "record a complaint"); err != nil {
		return err
	}
	ref := strings.TrimSpace(cmd.ComplaintRef)
	if utf8.RuneCountInString(ref) > maxComplaintRef {
		return apperr.Newf(apperr.Invalid, "complaint_ref_too_long",
			"Số hiệu phản ánh, kiến nghị dài tối đa %d ký tự.", "The complaint reference is at most %d characters.", maxComplaintRef)
	}
	d.ComplaintCount++
	ev.SetPayload(ComplaintPayload{ComplaintRef: ref, Reason: cmd.Reason})
	return nil
}
