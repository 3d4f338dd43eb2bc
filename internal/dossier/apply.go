package dossier

import (
	"slices"
	"time"

	"github.com/motcua/motcua/internal/process"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/payment"
	"github.com/motcua/motcua/internal/textfold"
)

// Env is what Apply needs besides the dossier and the command.
type Env struct {
	Deadlines Deadlines
	TimeLimit TimeLimit
	// Components names the procedure version's papers, which a
	// supplementation request may name (nil: not checked).
	Components []string
	// Process is the dossier's internal process (nil: none), Agencies the
	// agencies its holders stand for, ActorAgency the code of the acting
	// officer's agency (steps.go).
	Process     *process.Process
	Agencies    process.Agencies
	ActorAgency string
}

func tp(t time.Time) *time.Time { return &t }

// local shows an instant recorded in an event payload in Vietnam's time, the
// way every time is shown to people (DESIGN.md "Conventions").
func local(t time.Time) time.Time { return t.In(vietnam) }

var vietnam = time.FixedZone("ICT", 7*3600)

// Apply validates cmd against the dossier's status and the legal rules, then
// mutates d and returns the event to append. On error d is unchanged.
func Apply(d *Dossier, cmd Command, env Env) (Event, error) {
	r, ok := rules[cmd.Action]
	if !ok {
		_, err := ParseAction(string(cmd.Action))
		return Event{}, err
	}
	if err := permitted(cmd.Action, d, cmd.Actor); err != nil {
		return Event{}, err
	}
	if !slices.Contains(r.from, d.Status) {
		return Event{}, apperr.Newf(apperr.Invalid, "action_not_allowed_in_status",
			"Không thể thực hiện %q khi hồ sơ đang ở trạng thái %q.",
			"The action %q is not possible while the dossier is %q.", cmd.Action, d.Status)
	}
	cmd.Note = textfold.NFC(cmd.Note)
	cmd.Reason = textfold.NFC(cmd.Reason)
	next := *d // work on a copy so that a failed rule leaves d untouched
	ev := Event{Action: cmd.Action, From: d.Status, At: cmd.At, Note: cmd.Note}
	if err := apply(&next, cmd, env, &ev); err != nil {
		return Event{}, err
	}
	ev.To = next.Status
	next.Version++
	next.UpdatedAt = cmd.At
	*d = next
	return ev, nil
}

func needReason(cmd Command, whatVI, whatEN string) error {
	if cmd.Reason == "" {
		return apperr.New(apperr.Invalid, "reason_required",
			"Cần ghi rõ lý do khi "+whatVI+".", "A reason is required to "+whatEN+".").On("reason")
	}
	return nil
}

func apply(d *Dossier, cmd Command, env Env, ev *Event) error {
	at := cmd.At
	switch cmd.Action {
	case ActReceive:
		if env.TimeLimit.Unit == "" {
			return apperr.New(apperr.Invalid, "time_limit_missing",
				"Thủ tục chưa có thời hạn giải quyết; quản trị viên cần cập nhật trước khi tiếp nhận.",
				"The procedure has no processing time limit; an administrator must set one before dossiers can be received.")
		}
		if cmd.Code == "" {
			return apperr.New(apperr.Invalid, "code_missing", "Chưa cấp được mã hồ sơ.", "No dossier code was issued.")
		}
		due, explain, err := env.Deadlines.Due(at, env.TimeLimit.Amount, env.TimeLimit.Unit)
		if err != nil {
			return err
		}
		d.Code, d.Status = cmd.Code, Received
		d.ReceivedAt, d.DueAt, d.OriginalDueAt, d.DueExplain = tp(at), tp(due), tp(due), explain
		d.ReceivingAgencyID = cmd.Actor.AgencyID
		if env.Process != nil {
			pos, err := process.Begin(*env.Process, env.Agencies, at)
			if err != nil {
				return err
			}
			d.Step, d.ProcessVersion = &pos, env.Process.Version
		}
		ev.SetPayload(ReceivePayload{Code: d.Code, DueAt: local(due), DueExplain: explain, ProcessVersion: d.ProcessVersion})
	case ActRefuse:
		if err := needReason(cmd, "từ chối tiếp nhận (Mẫu 03)", "refuse (Form 03)"); err != nil {
			return err
		}
		d.Status = Refused
		ev.SetPayload(ReasonPayload{Reason: cmd.Reason})
	case ActTransfer:
		to := cmd.ToAgencyID
		if to == 0 {
			to = d.ProcessingAgencyID
		}
		if d.Status == Processing && to == d.ProcessingAgencyID {
			return apperr.New(apperr.Invalid, "transfer_same_agency",
				"Hồ sơ đã ở cơ quan này; hãy chọn cơ quan khác.", "The dossier is already with this agency; choose another one.")
		}
		moved, err := stepOnTransfer(d, cmd, env)
		if err != nil {
			return err
		}
		ev.SetPayload(TransferPayload{FromAgencyID: d.ProcessingAgencyID, ToAgencyID: to, Step: moved})
		d.ProcessingAgencyID, d.Status = to, Processing
	case ActRequestSupplement:
		// Decree 118/2025 Art. 11(2): supplementation may be requested only once.
		if d.SupplementCount > 0 {
			return apperr.New(apperr.Invalid, "supplement_already_requested",
				"Chỉ được yêu cầu bổ sung hồ sơ một lần (Nghị định 118/2025 Điều 11 khoản 2).",
				"Supplementation may be requested only once per dossier (Decree 118/2025 Art. 11(2)).")
		}
		papers, err := normalizeMissingPapers(cmd.MissingPapers, env.Components)
		if err != nil {
			return err
		}
		// Form 02 names each paper to add or put right (Circular 01/2018 Form
		// 02; Decree 118/2025 Art. 11(2): guidance "cụ thể", once, in writing).
		// A reason alone is still accepted: API clients written before the
		// checklist send only a reason, and a reason that names the papers is
		// the same guidance in prose; Form 02 then prints it as its one row.
		if len(papers) == 0 && cmd.Reason == "" {
			return apperr.New(apperr.Invalid, "supplement_papers_required",
				"Cần nêu các giấy tờ phải bổ sung, hoàn thiện (Mẫu 02) hoặc lý do.",
				"Name the papers to add or complete (Form 02), or give a reason.")
		}
		d.SupplementCount++
		d.ResumeStatus, d.Status, d.SuspendedAt = d.Status, SupplementRequested, tp(at)
		ev.SetPayload(SupplementRequestPayload{MissingPapers: papers, Reason: cmd.Reason})
	case ActSupplement:
		if len(cmd.Components) == 0 && cmd.Note == "" {
			return apperr.New(apperr.Invalid, "supplement_empty",
				"Cần gửi kèm giấy tờ bổ sung hoặc ghi chú nội dung đã bổ sung.",
				"Attach the supplementary papers or describe what was supplemented.")
		}
		d.Components = mergeComponents(d.Components, cmd.Components)
		p := SupplementPayload{Components: cmd.Components}
		if d.DueAt != nil && d.SuspendedAt != nil {
			// The clock stood still while waiting: the due date moves later by
			// the working time that passed (RULES-VN.md §3.1(4)).
			due, explain, err := env.Deadlines.Resume(*d.DueAt, *d.SuspendedAt, at)
			if err != nil {
				return err
			}
			d.PreviousDueAt, d.DueAt, d.DueExplain = d.DueAt, tp(due), explain
			p.PreviousDueAt, p.DueAt, p.DueExplain = local(*d.PreviousDueAt), local(due), explain
		}
		ev.SetPayload(p)
		d.Status, d.SuspendedAt, d.ResumeStatus = d.ResumeStatus, nil, ""
	case ActRequestPayment:
		if err := payment.CheckAmount("amount_vnd", cmd.AmountVND); err != nil {
			return err
		}
		d.PaymentDueVND, d.ResumeStatus, d.Status = cmd.AmountVND, Processing, PaymentRequested
		ev.SetPayload(PaymentPayload{AmountVND: cmd.AmountVND})
	case ActPay:
		if cmd.AmountVND != 0 && cmd.AmountVND != d.PaymentDueVND {
			return apperr.Newf(apperr.Invalid, "amount_mismatch",
				"Số tiền nộp (%d đồng) khác số tiền phải nộp.", "The amount paid (%d VND) differs from the amount due.", cmd.AmountVND)
		}
		d.PaidVND += d.PaymentDueVND
		ev.SetPayload(PaymentPayload{AmountVND: d.PaymentDueVND, PaymentRef: cmd.PaymentRef})
		if cmd.PaymentRef != "" {
			d.PaidOnline = true
		}
		d.PaymentDueVND, d.Status, d.ResumeStatus = 0, Processing, ""
	case ActExtend:
		// One re-appointment only, made before the due date, with a reason and
		// the signer of Form 04 (RULES-VN.md §4).
		if d.ExtensionCount > 0 {
			return apperr.New(apperr.Invalid, "extension_already_made",
				"Chỉ được hẹn lại ngày trả kết quả một lần.", "The return date may be postponed only once.")
		}
		if err := needReason(cmd, "gia hạn (Mẫu 04)", "extend (Form 04)"); err != nil {
			return err
		}
		if textfold.NFC(cmd.Signer) == "" {
			return apperr.New(apperr.Invalid, "signer_required",
				"Cần ghi người ký văn bản xin lỗi và hẹn lại (thủ trưởng cơ quan).", "The signer of the apology and extension letter (head of agency) is required.")
		}
		if cmd.NewDueAt == nil {
			return apperr.New(apperr.Invalid, "new_due_required",
				"Cần ghi ngày hẹn trả kết quả mới.", "The new return date (new_due_at) is required.")
		}
		if d.DueAt == nil {
			return apperr.New(apperr.Invalid, "no_due_date", "Hồ sơ chưa có ngày hẹn trả.", "The dossier has no due date yet.")
		}
		explain, err := env.Deadlines.Extend(*d.DueAt, at, *cmd.NewDueAt)
		if err != nil {
			return err
		}
		d.ExtensionCount++
		d.PreviousDueAt, d.DueAt, d.DueExplain = d.DueAt, tp(*cmd.NewDueAt), explain
		ev.SetPayload(ExtendPayload{DueAt: local(*cmd.NewDueAt), PreviousDueAt: local(*d.PreviousDueAt),
			Reason: cmd.Reason, Signer: textfold.NFC(cmd.Signer)})
	case ActApprove:
		moved, err := stepOnSettle(d, cmd, env)
		if err != nil {
			return err
		}
		if err := approveResult(d, cmd, ev, moved); err != nil {
			return err
		}
		d.Status, d.FinishedAt = Done, tp(at)
	case ActReject:
		if err := needReason(cmd, "trả lại hồ sơ không đủ điều kiện", "reject"); err != nil {
			return err
		}
		moved, err := stepOnSettle(d, cmd, env)
		if err != nil {
			return err
		}
		d.Status, d.FinishedAt = Rejected, tp(at)
		ev.SetPayload(ReasonPayload{Reason: cmd.Reason, Step: moved})
	case ActWithdraw:
		// The applicant's request to withdraw ends the processing time
		// (RULES-VN.md §1.2 lists "Công dân yêu cầu rút hồ sơ" among the
		// terminal statuses for timeliness; §3.2): the clock stops at the
		// request, or stays stopped where a supplementation request stopped it.
		d.ResumeStatus, d.Status = d.Status, WithdrawalRequested
		if d.SuspendedAt == nil {
			d.SuspendedAt = tp(at)
		}
		ev.SetPayload(ReasonPayload{Reason: cmd.Reason})
	case ActStop:
		// Answering the applicant's withdrawal needs no further reason; an
		// agency stopping on its own must state why in the stop notice
		// (Decree 118/2025 Art. 21, Form 05 of Circular 03/2025).
		if d.Status != WithdrawalRequested {
			if err := needReason(cmd, "dừng giải quyết (Mẫu 05)", "stop processing (Form 05)"); err != nil {
				return err
			}
		}
		end := at
		if d.Status == WithdrawalRequested && d.SuspendedAt != nil {
			end = *d.SuspendedAt // processing time ended with the request
		}
		d.Status, d.SuspendedAt = Stopped, nil
		if d.ReceivedAt != nil {
			d.FinishedAt = tp(end)
		}
		ev.SetPayload(ReasonPayload{Reason: cmd.Reason})
	case ActReturnResult:
		if d.Status == Rejected {
			// The rejection notice and the papers go back through the
			// one-stop like any result (RULES-VN.md §1.4 "Appraisal finds the dossier not eligible": a written notice giving its reasons, returned through the one-stop), but the
			// dossier stays rejected: its timeliness, the 766 index and the
			// DVCQG code 3 are those of the rejection.
			if d.ReturnedAt != nil {
				return errAlreadyReturned
			}
			d.ReturnedAt = tp(at)
			ev.SetPayload(ReturnPayload{Rejection: true, ReturnMethod: d.ReturnMethod})
			return nil
		}
		d.Status, d.ReturnedAt = Returned, tp(at)
		if d.FinishedAt == nil {
			d.FinishedAt = tp(at)
		}
		ev.SetPayload(ReturnPayload{ReturnMethod: d.ReturnMethod})
	case ActPostalPickedUp, ActPostalHandedOver, ActPostalDelivered, ActPostalDeliveryFailed:
		return applyPostal(d, cmd, ev)
	case ActComplaint:
		return applyComplaint(d, cmd, ev)
	case ActStep:
		return applyStep(d, cmd, env, ev)
	case ActUrge:
		return applyUrge(d, cmd, ev)
	case ActRate:
		if d.Rating != Unrated {
			return apperr.New(apperr.Invalid, "already_rated",
				"Hồ sơ này đã được đánh giá.", "This dossier has already been rated.")
		}
		if err := checkRating(cmd.Rating); err != nil {
			return err
		}
		d.Rating, d.RatedAt = cmd.Rating, tp(at)
		ev.SetPayload(RatePayload{Rating: cmd.Rating})
	}
	return nil
}

// mergeComponents adds supplementary files to the named components, creating
// components that were missing.
func mergeComponents(have, add []ComponentFiles) []ComponentFiles {
	out := slices.Clone(have)
	for _, c := range add {
		i := slices.IndexFunc(out, func(x ComponentFiles) bool { return x.Name == c.Name })
		if i < 0 {
			out = append(out, ComponentFiles{Name: c.Name, FileIDs: slices.Clone(c.FileIDs)})
			continue
		}
		out[i].FileIDs = append(slices.Clone(out[i].FileIDs), c.FileIDs...)
	}
	return out
}
