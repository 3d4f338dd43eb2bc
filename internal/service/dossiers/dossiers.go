package dossiers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/service/internal/core"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/textfold"
)

// NewDossier is the input of a submission.
type NewDossier struct {
	ProcedureCode string                   `json:"procedure_code"`
	AgencyCode    string                   `json:"agency_code"`
	Channel       dossier.Channel          `json:"channel"`
	Applicant     dossier.Applicant        `json:"applicant"`
	Components    []dossier.ComponentFiles `json:"components"`
	ReturnMethod  dossier.ReturnMethod     `json:"return_method"`
}

// Submit files a new dossier: online by a citizen, or at the counter (in
// person or from the postal service) by a counter officer.
func (s *Dossiers) Submit(ctx context.Context, actor org.Actor, in NewDossier, key, hash string, render core.Render) (*core.Result, error) {
	switch actor.Role {
	case org.RoleCitizen:
		if in.Channel == "" {
			in.Channel = dossier.ChannelOnline
		}
		if in.Channel != dossier.ChannelOnline {
			return nil, apperr.New(apperr.Invalid, "channel_citizen_online",
				"Công dân nộp hồ sơ trực tuyến (channel = online); nộp trực tiếp hoặc qua bưu chính do cán bộ một cửa ghi nhận.",
				"Citizens file online (channel = online); counter and postal filings are entered by a counter officer.")
		}
	case org.RoleCounter:
		if in.Channel == "" {
			in.Channel = dossier.ChannelCounter
		}
		if in.Channel == dossier.ChannelOnline {
			return nil, apperr.New(apperr.Invalid, "channel_counter",
				"Cán bộ một cửa ghi nhận hồ sơ nộp trực tiếp (counter) hoặc qua bưu chính (postal).",
				"A counter officer enters dossiers filed at the counter (counter) or by post (postal).")
		}
	case org.RolePostal: // what the postal service picked up (Decision 45/2016 Art. 6(1))
		in.Channel = dossier.ChannelPostal
	default:
		return nil, apperr.Newf(apperr.Forbidden, "role_cannot_submit",
			"Vai trò %q không nộp hồ sơ.", "The role %q does not file dossiers.", actor.Role)
	}
	if !in.Channel.Valid() {
		return nil, apperr.Newf(apperr.Invalid, "channel_invalid", "Kênh nộp %q không hợp lệ (counter, online, postal).", "Unknown channel %q (counter, online, postal).", in.Channel)
	}
	if in.ReturnMethod == "" {
		in.ReturnMethod = dossier.ReturnCounter
		if in.Channel == dossier.ChannelOnline {
			in.ReturnMethod = dossier.ReturnOnline
		}
	}
	if !in.ReturnMethod.Valid() {
		return nil, apperr.Newf(apperr.Invalid, "return_method_invalid", "Hình thức nhận kết quả %q không hợp lệ (counter, postal, online).", "Unknown return method %q (counter, postal, online).", in.ReturnMethod)
	}
	if err := in.Applicant.Normalize(); err != nil {
		return nil, err
	}
	code := strings.TrimSpace(in.ProcedureCode)
	if code == "" {
		return nil, apperr.New(apperr.Invalid, "procedure_required", "Cần chọn thủ tục (procedure_code).", "A procedure (procedure_code) is required.")
	}
	proc, err := s.Store.Procedure(ctx, code, 0)
	if errors.Is(err, model.ErrNotFound) {
		return nil, apperr.Newf(apperr.Invalid, "procedure_unknown", "Không có thủ tục mã %q.", "There is no procedure with code %q.", code)
	} else if err != nil {
		return nil, err
	}
	processing, err := s.processingAgency(ctx, in.AgencyCode, code)
	if err != nil {
		return nil, err
	}
	receiving := processing.ID
	if processing.OneStopID != nil {
		receiving = *processing.OneStopID
	}
	if actor.Role == org.RoleCounter {
		receiving = actor.AgencyID
	}
	comps, err := s.checkComponents(ctx, actor, in.Components)
	if err != nil {
		return nil, err
	}
	verified, err := s.vneidVerified(ctx, actor, in.Applicant)
	if err != nil {
		return nil, err
	}
	return s.Idempotent(ctx, actor, key, hash, func(tx *store.Tx) (*core.Result, error) {
		now := s.Now().UTC().Truncate(time.Millisecond)
		d := &dossier.Dossier{ProcedureCode: proc.Code, ProcedureVersion: proc.Version, Status: dossier.Submitted,
			Channel: in.Channel, ReturnMethod: in.ReturnMethod, Applicant: in.Applicant, Components: comps,
			ReceivingAgencyID: receiving, ProcessingAgencyID: processing.ID, Version: 1, SubmittedAt: now,
			FeeVND: proc.FeeVND, UpdatedAt: now, Ref: NewRef()}
		if actor.Role == org.RoleCitizen {
			d.ApplicantUserID, d.VNeIDVerified = actor.UserID, verified
		}
		id, err := tx.InsertDossier(ctx, d)
		if err != nil {
			return nil, err
		}
		d.ID = id
		ev := dossier.Event{Action: dossier.ActSubmit, From: "", To: dossier.Submitted, At: now}
		ev.SetPayload(dossier.SubmitPayload{Channel: d.Channel, ProcedureVersion: d.ProcedureVersion})
		if err := s.AppendEvent(ctx, tx, d, ev, actor, key); err != nil {
			return nil, err
		}
		body, err := render(d)
		if err != nil {
			return nil, err
		}
		return &core.Result{Status: 201, Body: body, Dossier: d}, nil
	})
}

// vneidVerified says whether a filing is electronically identified (766
// indicator 4.5b, TaiKhoanDuocXacThucVoiVNeID): the e-ID authenticates the
// holder of the account and no one else (Decree 69/2024/NĐ-CP on electronic
// identification and authentication), so the mark holds only when the
// applicant is the person the e-ID asserted: the account's ID number when the
// account holds one, otherwise (the sign-in does not store the ID number
// claim yet) the name the e-ID asserted. A verified citizen may still file
// for someone else (a family member, a principal), unmarked.
func (s *Dossiers) vneidVerified(ctx context.Context, actor org.Actor, a dossier.Applicant) (bool, error) {
	if actor.Role != org.RoleCitizen || !actor.Verified {
		return false, nil
	}
	u, err := s.Store.UserByID(ctx, actor.UserID)
	if err != nil {
		return false, fmt.Errorf("service: the account behind a verified filing: %w", err)
	}
	if u.IDNumber != "" {
		return u.IDNumber == a.IDNumber, nil
	}
	return textfold.Fold(u.Name) == textfold.Fold(a.Name), nil
}

func (s *Dossiers) processingAgency(ctx context.Context, agencyCode, procCode string) (org.Agency, error) {
	if agencyCode = strings.TrimSpace(agencyCode); agencyCode != "" {
		a, err := s.Store.AgencyByCode(ctx, agencyCode)
		if errors.Is(err, model.ErrNotFound) || (err == nil && !a.Active) {
			return a, apperr.Newf(apperr.Invalid, "agency_unknown", "Không có cơ quan mã %q.", "There is no agency with code %q.", agencyCode)
		}
		return a, err
	}
	id, err := s.Store.ProcedureDefaultAgency(ctx, procCode)
	if err != nil {
		return org.Agency{}, err
	}
	if a, ok := s.Agency(id); ok && id != 0 {
		return a, nil
	}
	return org.Agency{}, apperr.New(apperr.Invalid, "agency_required",
		"Thủ tục này do nhiều cơ quan giải quyết: hãy chọn cơ quan (agency_code).",
		"Several agencies handle this procedure: choose one (agency_code).")
}

// checkComponents normalises component names and checks that every file was
// uploaded by the actor (counter officers attach what they digitized).
func (s *Dossiers) checkComponents(ctx context.Context, actor org.Actor, in []dossier.ComponentFiles) ([]dossier.ComponentFiles, error) {
	out := make([]dossier.ComponentFiles, 0, len(in))
	if len(in) > 100 {
		return nil, apperr.New(apperr.Invalid, "too_many_components", "Tối đa 100 thành phần hồ sơ.", "At most 100 components.")
	}
	for i, c := range in {
		if err := c.Normalize(i); err != nil {
			return nil, err
		}
		if c.FileIDs == nil {
			c.FileIDs = []string{}
		}
		// Set by the one-stop on receipt and by reuse below, never by the client.
		c.Digitized, c.Reused = false, false
		for _, id := range c.FileIDs {
			f, err := s.Store.FileByID(ctx, id)
			if errors.Is(err, model.ErrNotFound) || (err == nil && f.OwnerUserID != actor.UserID) {
				return nil, apperr.Newf(apperr.Invalid, "file_unknown",
					"Không tìm thấy tệp %q; hãy tải tệp lên trước (POST /api/v1/files).",
					"File %q not found; upload it first (POST /api/v1/files).", id)
			} else if err != nil {
				return nil, err
			}
		}
		if len(c.DocumentIDs) > 0 {
			reused, err := s.docs.ReusedFiles(ctx, actor, c.DocumentIDs)
			if err != nil {
				return nil, err
			}
			c.FileIDs, c.Reused, c.DocumentIDs = append(c.FileIDs, reused...), true, nil
		}
		out = append(out, c)
	}
	return out, nil
}

// ActionInput is a client's action request.
type ActionInput struct {
	Action     string                   `json:"action"`
	Note       string                   `json:"note"`
	Reason     string                   `json:"reason"`
	Signer     string                   `json:"signer"`
	NewDueAt   *time.Time               `json:"new_due_at"`
	ToAgency   string                   `json:"to_agency"`
	AmountVND  int64                    `json:"amount_vnd"`
	Components []dossier.ComponentFiles `json:"components"`
	Rating     int                      `json:"rating"`
	// ResultFileIDs: approve — the electronic result, uploaded first (POST /api/v1/files).
	// Required when the applicant chose to receive the result online.
	ResultFileIDs []string `json:"result_file_ids"`
	// ResultName: approve — the result document's name or number (optional);
	// it names the result file the applicant downloads.
	ResultName string `json:"result_name"`
	// ComplaintRef: complaint — the PAKN reference in the complaints system.
	ComplaintRef string `json:"complaint_ref"`
	// PaymentRef: pay — set only by the verified gateway callback, never read from a client.
	PaymentRef string `json:"-"`
	// MissingPapers: request_supplement — each paper Form 02 lists, with what is wrong.
	MissingPapers []dossier.MissingPaper `json:"missing_papers"`
	// StepKind, ToStep, Assignee: step — the movement through the internal
	// process (assign, forward, consult, answer, submit, decide, return),
	// the earlier step a return goes back to, the officer (user ID) an
	// assignment gives the step to.
	StepKind string `json:"step_kind"`
	ToStep   int    `json:"to_step"`
	Assignee int64  `json:"assignee"`
}

// Act applies an action to a dossier whose version the client last saw.
func (s *Dossiers) Act(ctx context.Context, actor org.Actor, id int64, ifMatch int, in ActionInput, key, hash string, render core.Render) (*core.Result, error) {
	action, err := dossier.ParseAction(in.Action)
	if err != nil {
		return nil, err
	}
	if ifMatch <= 0 {
		return nil, apperr.New(apperr.BadInput, "if_match_required",
			"Thiếu tiêu đề If-Match với phiên bản hồ sơ (trường version) bạn đã xem.",
			"The If-Match header with the dossier version (the version field) you last saw is required.")
	}
	cmd := dossier.Command{Action: action, Actor: actor, Note: in.Note, Reason: in.Reason, Signer: in.Signer,
		NewDueAt: in.NewDueAt, AmountVND: in.AmountVND, Rating: dossier.Rating(in.Rating), PaymentRef: in.PaymentRef,
		ComplaintRef: in.ComplaintRef, MissingPapers: in.MissingPapers, ResultName: in.ResultName,
		Move: process.Move{Kind: process.MoveKind(strings.TrimSpace(in.StepKind)), To: in.ToStep, Assignee: in.Assignee}}
	if in.ToAgency != "" {
		a, err := s.Store.AgencyByCode(ctx, strings.TrimSpace(in.ToAgency))
		if errors.Is(err, model.ErrNotFound) {
			return nil, apperr.Newf(apperr.Invalid, "agency_unknown", "Không có cơ quan mã %q.", "There is no agency with code %q.", in.ToAgency)
		} else if err != nil {
			return nil, err
		}
		cmd.ToAgencyID = a.ID
	}
	if len(in.ResultFileIDs) > 0 {
		if action != dossier.ActApprove {
			return nil, apperr.New(apperr.Invalid, "result_files_only_on_approve",
				"Chỉ đính kèm kết quả điện tử khi phê duyệt.", "An electronic result is attached only when approving.")
		}
		res, err := s.checkComponents(ctx, actor, []dossier.ComponentFiles{{Name: "result", FileIDs: in.ResultFileIDs}})
		if err != nil {
			return nil, err
		}
		cmd.ResultFiles = res[0].FileIDs
	}
	if action == dossier.ActSupplement {
		if cmd.Components, err = s.checkComponents(ctx, actor, in.Components); err != nil {
			return nil, err
		}
	}
	var digitized []dossier.ComponentFiles
	if action == dossier.ActReceive && len(in.Components) > 0 {
		if digitized, err = s.digitizedInput(ctx, actor, in.Components); err != nil {
			return nil, err
		}
	}
	cal := s.Calendar()
	// A receipt reads the day's next number and takes it at the end of its
	// transaction. If a concurrent receipt of the agency took it meanwhile,
	// it runs again holding the sequence from the start (lockCodeFirst), so
	// the second attempt cannot lose. The hot rows are locked in the same
	// order either way (the day's sequence, then the counters, then the
	// dossier and its new code), so attempts cannot deadlock.
	lockCodeFirst := false
	write := func(tx *store.Tx) (*core.Result, error) {
		d, err := tx.Dossier(ctx, id)
		if d, err = s.Visible(actor, d, err); err != nil {
			return nil, err
		}
		if d.Version != ifMatch {
			return nil, apperr.ErrStale
		}
		cmd.At = s.Now().UTC().Truncate(time.Millisecond)
		proc, err := s.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion)
		if err != nil {
			return nil, err
		}
		var seq codeSeq
		if action == dossier.ActReceive {
			if cmd.Code, seq, err = s.issueCode(ctx, tx, actor, cmd.At, lockCodeFirst); err != nil {
				return nil, err
			}
		}
		env := dossier.Env{Deadlines: core.DeadlinesOf(cal), TimeLimit: dossier.TimeLimit{Amount: proc.TimeLimit.Amount, Unit: proc.TimeLimit.Unit}}
		for _, c := range proc.Components {
			env.Components = append(env.Components, c.Name)
		}
		if err := s.StepEnv(ctx, &env, d, action, actor, proc, cmd.At); err != nil {
			return nil, err
		}
		before := *d
		ev, err := dossier.Apply(d, cmd, env)
		if err != nil {
			return nil, err
		}
		if err := markDigitized(d, digitized, &ev); err != nil {
			return nil, err
		}
		// The dashboards' counters move with the event, in its transaction.
		delta := aggregate.Diff(&before, d, env.Deadlines.DayStart)
		if action == dossier.ActTransfer {
			// People read agency codes, not row ids.
			p, _ := dossier.Decode[dossier.TransferPayload](ev.Action, ev.Payload)
			from, _ := s.Agency(p.FromAgencyID)
			to, _ := s.Agency(d.ProcessingAgencyID)
			p.FromAgencyCode, p.ToAgencyCode = from.Code, to.Code
			ev.SetPayload(p)
		}
		if err := s.AppendEvent(ctx, tx, d, ev, actor, key); err != nil {
			return nil, err
		}
		// What concurrent actions of an agency share comes last: its day's
		// receipt numbers, its counters, the new receipt code (unique). On
		// PostgreSQL each is locked from its statement to the commit, and
		// every other receipt of the agency waits for it.
		if seq.peeked {
			n, err := tx.NextCodeSeq(ctx, seq.agency, seq.day)
			if err != nil {
				return nil, err
			}
			if n != seq.n {
				return nil, errCodeTaken
			}
		}
		if err := tx.ApplyStats(ctx, delta); err != nil {
			return nil, err
		}
		ok, err := tx.UpdateDossier(ctx, d, ifMatch)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, apperr.ErrStale
		}
		body, err := render(d)
		if err != nil {
			return nil, err
		}
		return &core.Result{Status: 200, Body: body, Dossier: d}, nil
	}
	res, err := s.Idempotent(ctx, actor, key, hash, write)
	if errors.Is(err, errCodeTaken) {
		lockCodeFirst = true
		res, err = s.Idempotent(ctx, actor, key, hash, write)
	}
	return res, err
}

// errCodeTaken: the receipt number read at the start of the transaction
// went to a concurrent receipt (PostgreSQL); the transaction is undone.
var errCodeTaken = errors.New("service: receipt number taken by a concurrent receipt")

// issueCode builds <agency code>-<YYMMDD>-<NNNN> (Circular 01/2018 Art. 19,
// Decree 61/2018 Art. 26): the receiving agency's code, the local receipt
// date and the day's sequence, at least four digits. Unless lock is set,
// the number is only read here and taken at the end of the transaction.
func (s *Dossiers) issueCode(ctx context.Context, tx *store.Tx, actor org.Actor, at time.Time, lock bool) (string, codeSeq, error) {
	a, ok := s.Agency(actor.AgencyID)
	if !ok {
		return "", codeSeq{}, apperr.New(apperr.Forbidden, "no_agency", "Tài khoản chưa gắn với cơ quan.", "The account is not attached to an agency.")
	}
	seq := codeSeq{agency: a.Code, day: at.In(calendar.Zone).Format("060102"), peeked: !lock}
	var err error
	if lock {
		seq.n, err = tx.NextCodeSeq(ctx, seq.agency, seq.day)
	} else {
		seq.n, err = tx.PeekCodeSeq(ctx, seq.agency, seq.day)
	}
	if err != nil {
		return "", codeSeq{}, err
	}
	return fmt.Sprintf("%s-%s-%04d", seq.agency, seq.day, seq.n), seq, nil
}

// codeSeq is a receipt's number of the day; peeked: still to be taken.
type codeSeq struct {
	agency, day string
	n           int
	peeked      bool
}

// Events lists the history of a dossier the actor may see.
func (s *Dossiers) Events(ctx context.Context, actor org.Actor, id int64) ([]model.StoredEvent, error) {
	if _, err := s.Dossier(ctx, actor, id); err != nil {
		return nil, err
	}
	return s.Store.Events(ctx, id)
}

// ListFilter is a client's dossier query.
type ListFilter struct {
	Status     string
	AgencyCode string
	Overdue    *bool
	Q          string
	Limit      int
	AfterID    int64
}

// List lists dossiers within the actor's scope.
func (s *Dossiers) List(ctx context.Context, actor org.Actor, f ListFilter) ([]*dossier.Dossier, error) {
	sf := model.DossierFilter{Status: f.Status, Overdue: f.Overdue, Q: f.Q, Limit: f.Limit, AfterID: f.AfterID, Now: s.Now()}
	if f.Status != "" && !dossier.Status(f.Status).Valid() {
		return nil, apperr.Newf(apperr.Invalid, "status_invalid", "Trạng thái %q không tồn tại.", "Unknown status %q.", f.Status)
	}
	access := org.AccessOf(actor.Role)
	if !access.SearchByID && actor.Role != org.RoleCitizen && core.LooksLikeIDNumber(f.Q) {
		return nil, core.ErrIDSearch
	}
	sf.PostalLeg = access.Scope == org.ScopePostal
	switch {
	case actor.Role == org.RoleCitizen:
		sf.OwnerID = actor.UserID
	case !actor.AllScope:
		sf.AgencyIDs = actor.Scope
		if sf.AgencyIDs == nil {
			sf.AgencyIDs = []int64{}
		}
	}
	if f.AgencyCode != "" {
		a, err := s.Store.AgencyByCode(ctx, f.AgencyCode)
		if errors.Is(err, model.ErrNotFound) {
			return nil, apperr.Newf(apperr.Invalid, "agency_unknown", "Không có cơ quan mã %q.", "There is no agency with code %q.", f.AgencyCode)
		} else if err != nil {
			return nil, err
		}
		if actor.Role != org.RoleCitizen && !actor.Covers(a.ID) {
			return nil, apperr.New(apperr.Forbidden, "agency_scope", "Cơ quan này ngoài phạm vi của bạn.", "This agency is outside your scope.")
		}
		sub := s.Subtree(a.ID)
		if sf.AgencyIDs != nil {
			sub = intersect(sub, sf.AgencyIDs)
		}
		sf.AgencyIDs = sub
	}
	list, err := s.Store.ListDossiers(ctx, sf)
	if err != nil {
		return nil, err
	}
	for _, d := range list {
		d.Applicant = core.ShownApplicant(actor, d.Applicant)
	}
	return list, nil
}

func intersect(a, b []int64) []int64 {
	in := map[int64]bool{}
	for _, x := range b {
		in[x] = true
	}
	out := []int64{}
	for _, x := range a {
		if in[x] {
			out = append(out, x)
		}
	}
	return out
}

// Track finds a dossier by code for the public tracking page.
func (s *Dossiers) Track(ctx context.Context, code string) (*dossier.Dossier, error) {
	code = strings.TrimSpace(code)
	d, err := s.Store.DossierByCode(ctx, code)
	if errors.Is(err, model.ErrNotFound) && IsRef(code) {
		d, err = s.Store.DossierByRef(ctx, strings.ToUpper(code))
	}
	if errors.Is(err, model.ErrNotFound) {
		return nil, apperr.New(apperr.NotFound, "dossier_code_unknown",
			"Không tìm thấy hồ sơ với mã này; hãy kiểm tra mã trên Giấy tiếp nhận và hẹn trả kết quả.",
			"No dossier has this code; check the code on the receipt and appointment slip.")
	}
	return d, err
}
