package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/forms"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/textfold"
)

// The printable forms of a dossier (RULES-VN.md §1.5), drawn from the dossier,
// its procedure version and its event log, so that a reprint tomorrow shows
// what was true when each form was issued.

func init() {
	addMessages(map[string][2]string{
		"pdf.no_form":        {"Không có mẫu phiếu này. Các mẫu: 01, 02, 03, 04, 05 (hoặc 06), stop, rejection.", "There is no such form. Forms: 01, 02, 03, 04, 05 (or 06), stop, rejection."},
		"pdf.no_stop":        {"Hồ sơ không bị dừng giải quyết nên không có Thông báo dừng giải quyết (Mẫu 05, Thông tư 03/2025).", "This dossier was not stopped, so it has no stop notice (Form 05 of Circular 03/2025)."},
		"pdf.no_rejection":   {"Hồ sơ không bị từ chối giải quyết nên không có thông báo từ chối.", "This dossier was not rejected, so it has no rejection notice."},
		"pdf.stop_basis":     {"Điều 21 Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ", "Decree 118/2025/NĐ-CP of 9 June 2025, Art. 21"},
		"pdf.stop_withdrawn": {"Người yêu cầu đã đề nghị rút hồ sơ", "The applicant asked to withdraw the dossier"},
		"pdf.no_01":          {"Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01).", "The dossier has not been received yet, so it has no receipt (Form 01)."},
		"pdf.no_02":          {"Hồ sơ chưa có yêu cầu bổ sung nên không có Phiếu yêu cầu bổ sung (Mẫu 02).", "No supplementation was requested for this dossier, so it has no Form 02."},
		"pdf.no_03":          {"Hồ sơ không bị từ chối tiếp nhận nên không có Phiếu từ chối (Mẫu 03).", "This dossier was not refused, so it has no refusal slip (Form 03)."},
		"pdf.no_04":          {"Hồ sơ chưa được gia hạn nên không có Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04).", "This dossier was not extended, so it has no apology (Form 04)."},
		"pdf.no_05":          {"Hồ sơ chưa được tiếp nhận nên chưa có Phiếu kiểm soát quá trình giải quyết (Mẫu 05).", "The dossier has not been received yet, so it has no control slip (Form 05)."},
		"pdf.staff_only":     {"Phiếu kiểm soát quá trình giải quyết (Mẫu 05) là giấy tờ nội bộ, đi kèm hồ sơ giữa các cơ quan.", "The control slip (Form 05) is an internal paper that travels with the dossier between agencies."},
		"pdf.legal_fallback": {"Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ (Điều 11) và quy định của thủ tục hành chính", "Decree 118/2025/NĐ-CP of 9 June 2025 (Art. 11) and the rules of the procedure"},
		"pdf.item_fallback":  {"Hoàn thiện hồ sơ theo lý do nêu dưới đây", "Complete the dossier as the reason below says"},
		"pdf.online_return":  {"Cổng Dịch vụ công (nhận bản điện tử)", "Public service portal (electronic copy)"},
		"pdf.postal_return":  {"Qua dịch vụ bưu chính công ích, đến địa chỉ: %s", "By public post, to: %s"},
		"pdf.counter_return": {"Bộ phận Một cửa — %s", "One-stop counter — %s"},
		"pdf.note_receive":   {"Tiếp nhận hồ sơ; người nhận: %s", "Received by %s"},
		"pdf.note_transfer":  {"Chuyển xử lý; người giao: %s", "Handed over by %s"},
		"pdf.note_approve":   {"Đã có kết quả; người ký: %s", "Result signed by %s"},
		"pdf.note_reject":    {"Trả lại, không đủ điều kiện; người ký: %s", "Rejected by %s"},
		"pdf.note_return":    {"Trả kết quả (%s); người trả: %s", "Result returned (%s) by %s"},
	})
}

func (s *Server) pdfRoutes() {
	// Any signed-in person; the service decides who may see the dossier
	// (staff of its agencies, the applicant citizen).
	s.mux.HandleFunc("GET /dossiers/{id}/forms/{file}", s.require(s.byID(s.formPDF)))
}

func notFoundMsg(key string) error {
	return apperr.New(apperr.NotFound, "form_not_issued", translate("vi", key), translate("en", key))
}

// formPDF sends Form 01–05 of a dossier, inline, as application/pdf.
func (s *Server) formPDF(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	n, ok := strings.CutSuffix(r.PathValue("file"), ".pdf")
	// Numbers are Circular 01/2018's, which the links have always used;
	// Circular 03/2025 numbers the control slip 06 (served too) and gives 05
	// to the stop notice, served as "stop" (RULES-VN.md §1.5–1.6).
	named := n == "stop" || n == "rejection" || n == "handover"
	if !ok || (!named && (len(n) != 2 || n < "01" || n > "06")) {
		s.renderError(w, r, notFoundMsg("pdf.no_form"))
		return
	}
	ctx := r.Context()
	actor := sess.Actor
	d, err := s.svc.Dossier(ctx, actor, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if actor.Role == org.RoleCitizen && (n == "05" || n == "06") {
		s.renderError(w, r, apperr.New(apperr.Forbidden, "form_staff_only", translate("vi", "pdf.staff_only"), translate("en", "pdf.staff_only")))
		return
	}
	evs, err := s.svc.Events(ctx, actor, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	proc, err := s.svc.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	fd := &formData{s: s, r: r, d: d, evs: evs, holders: service.HoldersAfter(d, evs), proc: proc}
	var buf bytes.Buffer
	switch n {
	case "01":
		err = fd.receipt(&buf)
	case "02":
		err = fd.supplement(&buf)
	case "03":
		err = fd.refusal(&buf)
	case "04":
		err = fd.apology(&buf)
	case "05", "06":
		err = fd.slip(&buf)
	case "stop":
		err = fd.stopNotice(&buf)
	case "rejection":
		err = fd.rejection(&buf)
	case "handover":
		err = fd.handover(&buf, actor)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	name := d.Code
	if name == "" {
		name = "ho-so-" + strconv.FormatInt(d.ID, 10)
	}
	file := "mau-" + n + "-" + name + ".pdf"
	switch n {
	case "stop":
		file = "thong-bao-dung-" + name + ".pdf"
	case "rejection":
		file = "thong-bao-tu-choi-" + name + ".pdf"
	case "handover":
		file = "bien-nhan-tra-ket-qua-" + name + ".pdf"
	}
	sendPrivate(w, "application/pdf", file, int64(buf.Len()), &buf)
}

// formData maps one dossier onto the forms.
type formData struct {
	s   *Server
	r   *http.Request
	d   *dossier.Dossier
	evs []model.StoredEvent
	// holders[i] is the agency holding the dossier just after evs[i].
	holders []int64
	proc    catalog.Procedure
}

// vi is the language of every printed form.
func vi(key string, args ...any) string { return translate("vi", key, args...) }

func (f *formData) event(a dossier.Action) (int, *model.StoredEvent) {
	for i := range f.evs {
		if f.evs[i].Action == string(a) {
			return i, &f.evs[i]
		}
	}
	return -1, nil
}

func (f *formData) agency(id int64) org.Agency {
	a, _ := f.s.svc.Agency(id)
	return a
}

// header is an agency as printed in a form's header: its parent above it.
// An agency at the top of the tree (the provincial People's Committee)
// stands alone; an agency whose parent is unknown gets the blank
// "UBND TỈNH …" to be completed by hand.
func (f *formData) header(a org.Agency) forms.Agency {
	out := forms.Agency{Name: a.Name}
	if a.ParentID != nil {
		if p, ok := f.s.svc.Agency(*a.ParentID); ok {
			out.Parent = strings.ToUpper(p.Name)
		}
	}
	if out.Parent == "" && !(a.Kind == org.KindPeoplesCommittee && a.ParentID == nil) {
		out.Parent = "UBND TỈNH …"
	}
	return out
}

// place is the province named in the date line: the name of the top agency
// without "Ủy ban nhân dân tỉnh".
func (f *formData) place(a org.Agency) string {
	for range 10 {
		if a.ParentID == nil {
			break
		}
		p, ok := f.s.svc.Agency(*a.ParentID)
		if !ok {
			break
		}
		a = p
	}
	name := textfold.NFC(a.Name)
	for _, prefix := range []string{"ủy ban nhân dân tỉnh ", "uỷ ban nhân dân tỉnh ", "ubnd tỉnh ", "ủy ban nhân dân thành phố ", "uỷ ban nhân dân thành phố ", "ubnd thành phố ", "tỉnh ", "thành phố "} {
		if len(name) > len(prefix) && strings.EqualFold(name[:len(prefix)], prefix) {
			return strings.TrimSpace(name[len(prefix):])
		}
	}
	return ""
}

// holderAfter is the agency holding the dossier just after event i
// (dossier.HoldersAfter).
func (f *formData) holderAfter(i int) org.Agency {
	return f.agency(f.holders[i])
}

// eventReason is the reason recorded with a logged event; "" for none.
func eventReason(e *model.StoredEvent) string {
	if e == nil {
		return ""
	}
	return dossier.ReasonOf(dossier.Action(e.Action), e.Payload)
}

func (f *formData) applicant() forms.Applicant {
	a := f.d.Applicant
	return forms.Applicant{Name: a.Name, IDNumber: a.IDNumber, Address: a.Address, Phone: a.Phone, Email: a.Email}
}

// counts finds the originals and copies of a provided paper: as recorded at
// the counter, otherwise as the procedure requires.
func (f *formData) component(c dossier.ComponentFiles) forms.Component {
	if c.Originals+c.Copies > 0 {
		return forms.Component{Name: c.Name, Originals: c.Originals, Copies: c.Copies}
	}
	if f.d.Channel == dossier.ChannelOnline {
		// Filed online: an electronic copy, neither original nor paper copy.
		return forms.Component{Name: c.Name}
	}
	for _, pc := range f.proc.Components {
		if sameComponent(pc.Name, c.Name) {
			return forms.Component{Name: c.Name, Originals: pc.CopiesOriginal, Copies: pc.CopiesCopy}
		}
	}
	return forms.Component{Name: c.Name}
}

func timeLimitText(t catalog.TimeLimit) string {
	switch {
	case !t.Set():
		return ""
	case t.Unit == catalog.UnitSameDay:
		return vi("tl.same_day")
	case t.Unit == catalog.UnitDays:
		return vi("tl.days", t.Amount)
	}
	return vi("tl.working_days", t.Amount)
}

// baseURL is the public address for links printed on paper.
func (s *Server) baseURL(r *http.Request) string {
	if s.opt.BaseURL != "" {
		return strings.TrimRight(s.opt.BaseURL, "/")
	}
	scheme := "http"
	if secure(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// returnMethod is where the applicant receives the result, as the forms
// word it.
func (f *formData) returnMethod(recv org.Agency) string {
	switch f.d.ReturnMethod {
	case dossier.ReturnPostal:
		return vi("pdf.postal_return", f.d.Applicant.Address)
	case dossier.ReturnOnline:
		return vi("pdf.online_return")
	}
	return vi("pdf.counter_return", recv.Name)
}

func (f *formData) receipt(w *bytes.Buffer) error {
	_, ev := f.event(dossier.ActReceive)
	if f.d.ReceivedAt == nil || f.d.Code == "" || ev == nil {
		return notFoundMsg("pdf.no_01")
	}
	recv := f.agency(f.d.ReceivingAgencyID)
	due := f.d.DueAt
	if f.d.OriginalDueAt != nil {
		due = f.d.OriginalDueAt // Form 01 shows the appointment given at receipt
	}
	ret := f.returnMethod(recv)
	comps := make([]forms.Component, 0, len(f.d.Components))
	for _, c := range f.d.Components {
		// Form 01 lists what was received: a paper an online filing never
		// uploaded was not (issue 21 item 5). At the counter only the papers
		// ticked as handed over are in the dossier.
		if f.d.Channel != dossier.ChannelCounter && len(c.FileIDs)+len(c.DocumentIDs) == 0 && c.Originals+c.Copies == 0 {
			continue
		}
		comps = append(comps, f.component(c))
	}
	// The lookup key opens the tracking page beyond the bare status; the QR
	// code carries it so that scanning the slip still shows everything.
	key, err := f.s.svc.TrackKey(f.r.Context(), f.d.Code)
	if err != nil {
		return err
	}
	return forms.RenderReceipt(w, forms.Receipt{
		Agency: f.header(recv), Place: f.place(recv), Code: f.d.Code, Applicant: f.applicant(),
		Procedure: f.proc.Name, Components: comps, Sets: 1, TimeLimit: timeLimitText(f.proc.TimeLimit),
		ReceivedAt: *f.d.ReceivedAt, DueAt: *due, ReturnAt: ret, FeeVND: f.d.FeeVND, Receiver: ev.ActorName,
		TrackURL: f.s.baseURL(f.r) + "/track/" + url.PathEscape(f.d.Code) + "?key=" + url.QueryEscape(key),
		TrackKey: key,
	})
}

func (f *formData) supplement(w *bytes.Buffer) error {
	i, ev := f.event(dossier.ActRequestSupplement)
	if ev == nil {
		return notFoundMsg("pdf.no_02")
	}
	// Asked at the counter (before or at reception) the one-stop issues it;
	// asked during processing, the agency then holding the dossier.
	by := f.agency(f.d.ReceivingAgencyID)
	if ev.ActorRole != string(org.RoleCounter) && ev.FromStatus != string(dossier.Submitted) {
		by = f.holderAfter(i)
	}
	code := f.d.Code
	if ev.FromStatus == string(dossier.Submitted) {
		code = "" // asked before reception: no code had been issued yet
	}
	items := supplementItems(f, ev)
	// The form's number is the dossier's code: one Form 02 per dossier
	// (Decree 118/2025 Art. 11(2)), so the code numbers it uniquely.
	return forms.RenderSupplementRequest(w, forms.SupplementRequest{
		Agency: f.header(by), Place: f.place(by), Number: code, Code: code, At: ev.At, Applicant: f.applicant(),
		Procedure: f.proc.Name, Items: items, Reason: eventReason(ev), Officer: ev.ActorName,
		AgencyAddress: by.Address, AgencyPhone: by.Phone,
		LookupURL: f.s.baseURL(f.r) + "/procedures/" + url.PathEscape(f.proc.Code),
	})
}

func (f *formData) refusal(w *bytes.Buffer) error {
	_, ev := f.event(dossier.ActRefuse)
	if ev == nil {
		return notFoundMsg("pdf.no_03")
	}
	recv := f.agency(f.d.ReceivingAgencyID)
	basis := vi("pdf.legal_fallback")
	if len(f.proc.LegalBasis) > 0 {
		basis = strings.Join(f.proc.LegalBasis, "; ")
	}
	return forms.RenderRefusal(w, forms.Refusal{
		Agency: f.header(recv), Place: f.place(recv), At: ev.At, Applicant: f.applicant(), Procedure: f.proc.Name,
		LegalBasis: basis, Reason: eventReason(ev), Officer: ev.ActorName,
	})
}

func (f *formData) apology(w *bytes.Buffer) error {
	i, ev := f.event(dossier.ActExtend)
	if ev == nil || f.d.ReceivedAt == nil {
		return notFoundMsg("pdf.no_04")
	}
	by := f.holderAfter(i)
	p, _ := dossier.Decode[dossier.ExtendPayload](dossier.ActExtend, ev.Payload)
	orig := p.PreviousDueAt
	if orig.IsZero() && f.d.OriginalDueAt != nil {
		orig = *f.d.OriginalDueAt
	}
	return forms.RenderApology(w, forms.Apology{
		Agency: f.header(by), Place: f.place(by), At: ev.At, Code: f.d.Code, Applicant: f.applicant(),
		Procedure: f.proc.Name, ReceivedAt: *f.d.ReceivedAt, OriginalDueAt: orig,
		NewDueAt: p.DueAt, Reason: p.Reason, Signer: p.Signer, Responsible: f.lateAgency(ev.At),
	})
}

// lateAgency is, under an internal process, the agency whose steps had run
// furthest over their budgets by instant at (the apology names it, issue 13
// item 3); "" when none had, or without a process.
func (f *formData) lateAgency(at time.Time) string {
	if f.d.Step == nil {
		return ""
	}
	acc, err := f.s.svc.StepAccount(f.r.Context(), sessionOf(f.r).Actor, f.d.ID)
	if err != nil || acc == nil {
		return ""
	}
	over := map[string]int{}
	best, most := "", 0
	for _, r := range acc.Results {
		if r.Record.Started.After(at) {
			continue
		}
		n := r.Measure.OverMinutes()
		if n <= 0 {
			continue
		}
		// A consultation that ran over is the consulted agencies' delay:
		// those still owing their opinion, or the one that answered last
		// (process.Clock.Attribute's rule).
		who := []string{r.Record.Agency}
		if len(r.Record.Answers) > 0 {
			who = nil
			var last process.Answer
			for _, a := range r.Record.Answers {
				switch {
				case a.At.IsZero():
					who = append(who, a.Agency)
				case a.At.After(last.At):
					last = a
				}
			}
			if len(who) == 0 && last.Agency != "" {
				who = []string{last.Agency}
			}
		}
		for _, code := range who {
			over[code] += n
			if over[code] > most {
				best, most = code, over[code]
			}
		}
	}
	for _, a := range f.s.svc.Agencies() {
		if a.Code == best {
			return a.Name
		}
	}
	return best
}

// stopNotice is Form 05 of Circular 03/2025: the agency holding the dossier
// when it stopped tells the applicant, citing Decree 118/2025 Art. 21.
func (f *formData) stopNotice(w *bytes.Buffer) error {
	i, ev := f.event(dossier.ActStop)
	if ev == nil || f.d.ReceivedAt == nil || f.d.Code == "" {
		return notFoundMsg("pdf.no_stop")
	}
	by := f.holderAfter(i)
	reason := eventReason(ev)
	if strings.TrimSpace(reason) == "" {
		reason = vi("pdf.stop_withdrawn")
		if _, wd := f.event(dossier.ActWithdraw); eventReason(wd) != "" {
			reason += ": " + eventReason(wd)
		}
	}
	return forms.RenderStopNotice(w, forms.StopNotice{
		Agency: f.header(by), Place: f.place(by), At: ev.At, Code: f.d.Code, Applicant: f.applicant(),
		Procedure: f.proc.Name, ReceivedAt: *f.d.ReceivedAt, LegalBasis: vi("pdf.stop_basis"), Reason: reason,
		Signer: ev.ActorName,
	})
}

// rejection is the written notice, with reasons, of a dossier found not
// eligible; it is returned to the applicant like a result.
func (f *formData) rejection(w *bytes.Buffer) error {
	i, ev := f.event(dossier.ActReject)
	if ev == nil || f.d.ReceivedAt == nil {
		return notFoundMsg("pdf.no_rejection")
	}
	by := f.holderAfter(i)
	basis := vi("pdf.legal_fallback")
	if len(f.proc.LegalBasis) > 0 {
		basis = strings.Join(f.proc.LegalBasis, "; ")
	}
	return forms.RenderRejection(w, forms.Rejection{
		Agency: f.header(by), Place: f.place(by), At: ev.At, Code: f.d.Code, Applicant: f.applicant(),
		Procedure: f.proc.Name, ReceivedAt: *f.d.ReceivedAt, LegalBasis: basis, Reason: eventReason(ev),
		Signer: ev.ActorName,
	})
}

// dueSetBy is the due date an event set (receive, a supplement resuming
// the clock, extend); zero for the others.
func dueSetBy(a dossier.Action, raw []byte) time.Time {
	switch a {
	case dossier.ActReceive:
		p, _ := dossier.Decode[dossier.ReceivePayload](a, raw)
		return p.DueAt
	case dossier.ActSupplement:
		p, _ := dossier.Decode[dossier.SupplementPayload](a, raw)
		return p.DueAt
	case dossier.ActExtend:
		p, _ := dossier.Decode[dossier.ExtendPayload](a, raw)
		return p.DueAt
	}
	return time.Time{}
}

// legResult judges one hand-over of the control slip. The catalog carries no
// time budget per internal step, so each leg is judged against the dossier's
// due date in force at the moment of the hand-over (set by receive, moved
// later by supplement and extend), with the rule DESIGN.md gives for
// finishing a dossier: after the due instant → "Quá hạn"; before the opening
// of the due date's working day → "Trước hạn"; otherwise, on the due day by
// closing time → "Đúng hạn". No due date yet → blank.
func (f *formData) legResult(at time.Time, due time.Time) string {
	switch {
	case due.IsZero():
		return ""
	case at.After(due):
		return forms.ResultOverdue
	case at.Before(f.s.svc.Deadlines().DayStart(due)):
		return forms.ResultEarly
	}
	return forms.ResultOnTime
}

// stepLegs are the control slip's rows of a dossier under an internal
// process: its reception, then one hand-over per step visited.
func (f *formData) stepLegs(recv org.Agency) ([]forms.Handover, error) {
	acc, err := f.s.svc.StepAccount(f.r.Context(), sessionOf(f.r).Actor, f.d.ID)
	if err != nil || acc == nil {
		return nil, err
	}
	byCode := map[string]string{}
	for _, a := range f.s.svc.Agencies() {
		byCode[a.Code] = a.Name
	}
	legs := []forms.Handover{{From: f.d.Applicant.Name, To: recv.Name, At: *f.d.ReceivedAt}}
	for i, r := range acc.Results {
		to := f.d.Applicant.Name
		if i+1 < len(acc.Results) {
			to = byCode[acc.Results[i+1].Record.Agency]
		}
		h := forms.Handover{From: byCode[r.Record.Agency], To: to, At: r.Record.Finished,
			Step: strconv.Itoa(r.Record.Step) + ". " + r.Record.Name, Budget: r.Record.Budget.Vi() + " ngày làm việc", StepDue: r.Measure.Due}
		switch r.Measure.Timeliness {
		case process.Early:
			h.Result = forms.ResultEarly
		case process.OnTime:
			h.Result = forms.ResultOnTime
		case process.Late:
			h.Result = forms.ResultOverdue
		}
		if len(r.Record.Answers) > 0 {
			// A consultation is handed on by the consulted agencies, each
			// with its opinion.
			var names []string
			for _, a := range r.Record.Answers {
				names = append(names, byCode[a.Agency])
			}
			h.From = strings.Join(names, "; ")
		}
		legs = append(legs, h)
	}
	return legs, nil
}

func (f *formData) slip(w *bytes.Buffer) error {
	if f.d.ReceivedAt == nil || f.d.Code == "" {
		return notFoundMsg("pdf.no_05")
	}
	recv := f.agency(f.d.ReceivingAgencyID)
	var (
		legs []forms.Handover
		due  time.Time
	)
	if f.d.Step != nil {
		// Under an internal process each hand-over ends a step, judged
		// against that step's own budget and due (issue 13 item 3).
		steps, err := f.stepLegs(recv)
		if err != nil {
			return err
		}
		legs = steps
	}
	for i, e := range f.evs {
		if f.d.Step != nil {
			break
		}
		a := dossier.Action(e.Action)
		if t := dueSetBy(a, e.Payload); !t.IsZero() {
			due = t
		}
		var h forms.Handover
		switch dossier.Action(e.Action) {
		case dossier.ActReceive:
			h = forms.Handover{From: f.d.Applicant.Name, To: recv.Name, Note: vi("pdf.note_receive", e.ActorName)}
		case dossier.ActTransfer:
			// Right after reception the paper dossier is at the one-stop,
			// whichever agency is already named to process it.
			p, _ := dossier.Decode[dossier.TransferPayload](a, e.Payload)
			from := f.agency(p.FromAgencyID)
			if e.FromStatus == string(dossier.Received) {
				from = recv
			}
			h = forms.Handover{From: from.Name, To: f.agency(p.ToAgencyID).Name,
				Note: vi("pdf.note_transfer", e.ActorName)}
		case dossier.ActApprove:
			h = forms.Handover{From: f.holderAfter(i).Name, To: recv.Name, Note: vi("pdf.note_approve", e.ActorName)}
		case dossier.ActReject:
			h = forms.Handover{From: f.holderAfter(i).Name, To: recv.Name, Note: vi("pdf.note_reject", e.ActorName)}
		case dossier.ActReturnResult:
			h = forms.Handover{From: recv.Name, To: f.d.Applicant.Name,
				Note: vi("pdf.note_return", vi("return."+string(f.d.ReturnMethod)), e.ActorName)}
		default:
			continue
		}
		h.At = e.At
		h.Result = f.legResult(e.At, due)
		legs = append(legs, h)
	}
	due = time.Time{}
	if f.d.DueAt != nil {
		due = *f.d.DueAt
	}
	return forms.RenderControlSlip(w, forms.ControlSlip{
		Agency: f.header(recv), Code: f.d.Code, Applicant: f.applicant(), Procedure: f.proc.Name,
		ReceivedAt: *f.d.ReceivedAt, DueAt: due, Processing: f.agency(f.d.ProcessingAgencyID).Name,
		Handovers: legs,
	})
}
