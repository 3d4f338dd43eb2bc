package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/form"
)

func init() {
	addMessages(map[string][2]string{
		"dos.title":                 {"Hồ sơ", "Dossier"},
		"dos.not_received":          {"(chưa cấp mã)", "(no code yet)"},
		"dos.channel":               {"Hình thức nộp", "Channel"},
		"dos.return":                {"Nhận kết quả", "Result delivery"},
		"dos.processing":            {"Cơ quan giải quyết", "Processing agency"},
		"dos.choose_agency":         {"— Chọn cơ quan nhận hồ sơ —", "— Choose the receiving agency —"},
		"dos.receiving":             {"Nơi tiếp nhận", "Received by"},
		"dos.original_due":          {"Hẹn trả ban đầu (Mẫu 01)", "Original due date (Form 01)"},
		"dos.due_explain":           {"Cách tính hạn", "How the due date was computed"},
		"dos.id_number":             {"Số định danh", "ID number"},
		"dos.phone":                 {"Điện thoại", "Phone"},
		"dos.email":                 {"Thư điện tử", "E-mail"},
		"dos.address":               {"Địa chỉ", "Address"},
		"dos.components":            {"Giấy tờ đã nộp", "Papers provided"},
		"dos.no_files":              {"chưa có tệp", "no file"},
		"dos.actions":               {"Việc có thể làm", "What you can do"},
		"dos.no_actions":            {"Vai trò của bạn không có thao tác nào với hồ sơ ở trạng thái này.", "Your role has no action on this dossier in its current status."},
		"dos.forms":                 {"Phiếu, mẫu in", "Printable forms"},
		"dos.form01":                {"Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)", "Form 01 — receipt and appointment (PDF)"},
		"dos.form02":                {"Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (PDF)", "Form 02 — supplementation request (PDF)"},
		"dos.form03":                {"Mẫu 03 — Phiếu từ chối tiếp nhận (PDF)", "Form 03 — refusal slip (PDF)"},
		"dos.form04":                {"Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả (PDF)", "Form 04 — apology and new appointment (PDF)"},
		"dos.form05":                {"Mẫu 05 — Phiếu kiểm soát quá trình giải quyết (PDF)", "Form 05 — control slip (PDF)"},
		"dos.to_agency":             {"Chuyển đến cơ quan", "Hand over to"},
		"dos.amount":                {"Số tiền phải nộp (đồng)", "Amount to pay (VND)"},
		"dos.signer":                {"Người ký (thủ trưởng cơ quan)", "Signed by (head of agency)"},
		"dos.new_due":               {"Ngày hẹn trả mới", "New return date"},
		"dos.new_due_hint":          {"Hạn là cuối giờ làm việc của ngày này.", "Due at the close of that working day."},
		"dos.rating":                {"Mức độ hài lòng", "Satisfaction"},
		"dos.result_file":           {"Kết quả điện tử (PDF, JPG hoặc PNG)", "Electronic result (PDF, JPG or PNG)"},
		"dos.result_file_online":    {"bắt buộc: người nộp nhận kết quả trực tuyến", "required: the applicant receives the result online"},
		"dos.result_paper":          {"không bắt buộc: kết quả giấy, trả tại bộ phận một cửa hoặc qua bưu chính", "optional: a paper result, handed over at the counter or by post"},
		"dos.result_name":           {"Tên, số văn bản kết quả", "Name and number of the result document"},
		"dos.eresult":               {"Kết quả điện tử", "Electronic result"},
		"dos.rated":                 {"Đã đánh giá: %s", "Rated: %s"},
		"dos.do":                    {"Thực hiện", "Do it"},
		"dos.confirm":               {"Bạn chắc chắn muốn thực hiện thao tác này?", "Are you sure you want to do this?"},
		"dos.stale":                 {"Hồ sơ vừa được người khác cập nhật. Trang đã tải lại thông tin mới nhất; hãy xem lại rồi thực hiện.", "Someone else has just updated this dossier. The page now shows the latest state; check it and try again."},
		"ok.act_receive":            {"Đã tiếp nhận hồ sơ và cấp mã. In Giấy tiếp nhận (Mẫu 01) cho người nộp.", "Dossier received and its code issued. Print the receipt (Form 01) for the applicant."},
		"ok.act_refuse":             {"Đã từ chối tiếp nhận. In Phiếu từ chối (Mẫu 03) cho người nộp.", "Refused. Print the refusal slip (Form 03) for the applicant."},
		"ok.act_transfer":           {"Đã chuyển hồ sơ.", "Dossier handed over."},
		"ok.act_request_supplement": {"Đã gửi yêu cầu bổ sung; thời hạn tạm dừng đến khi người nộp bổ sung.", "Supplementation requested; the clock stops until the applicant supplements."},
		"ok.act_supplement":         {"Đã bổ sung hồ sơ; thời hạn tiếp tục được tính.", "Supplement recorded; the clock runs again."},
		"ok.act_request_payment":    {"Đã yêu cầu nộp phí, lệ phí.", "Payment requested."},
		"ok.act_pay":                {"Đã ghi nhận nộp phí.", "Payment recorded."},
		"ok.act_extend":             {"Đã gia hạn và ghi nhận văn bản xin lỗi (Mẫu 04).", "Extended, with the apology letter (Form 04)."},
		"ok.act_approve":            {"Đã phê duyệt kết quả.", "Result approved."},
		"ok.act_reject":             {"Đã trả lại hồ sơ không đủ điều kiện.", "Dossier rejected as not eligible."},
		"ok.act_withdraw":           {"Đã ghi nhận đề nghị rút hồ sơ.", "Withdrawal request recorded."},
		"ok.act_stop":               {"Đã dừng giải quyết hồ sơ.", "Processing stopped."},
		"ok.act_return_result":      {"Đã trả kết quả.", "Result returned."},
		"ok.act_rate":               {"Cảm ơn bạn đã đánh giá.", "Thank you for your rating."},
		"ok.act_complaint":          {"Đã ghi nhận phản ánh, kiến nghị.", "The complaint is recorded."},
		"ok.act_urge":               {"Đã đôn đốc cơ quan đang giữ hồ sơ.", "The agency holding the dossier has been urged."},
		"dos.complaint_ref":         {"Số hiệu phản ánh, kiến nghị (PAKN)", "Complaint (PAKN) reference"},
		"dos.masked":                {"Số định danh, điện thoại, thư điện tử và địa chỉ được che: vai trò của bạn giám sát, không trực tiếp giải quyết hồ sơ. Xem khi cần, nêu lý do; mỗi lần xem được ghi lại.", "ID number, phone, e-mail and address are masked: your role supervises rather than processes dossiers. Reveal them when needed, with a reason; every reveal is recorded."},
		"dos.delivery_only":         {"Bưu chính chỉ thấy họ tên, điện thoại và địa chỉ để chuyển phát.", "The postal service sees only the name, phone and address it needs to deliver."},
		"dos.reveal":                {"Xem dữ liệu cá nhân đã che", "Reveal masked personal data"},
		"dos.reveal_reason":         {"Lý do xem (được ghi lại)", "Reason (recorded)"},
		"dos.reveal_do":             {"Xem và ghi nhật ký", "Reveal and record"},
		"dos.revealed":              {"Đã hiển thị các trường bạn chọn; lần xem này đã được ghi lại. Tải lại trang để che lại.", "The fields you chose are shown; this reveal is recorded. Reload the page to mask them again."},
		"dos.reveals":               {"Nhật ký xem dữ liệu cá nhân", "Personal data reveals"},
		"dos.reveal_who":            {"Người xem", "By"},
		"dos.reveal_fields":         {"Trường", "Fields"},
	})
}

func (s *Server) dossierRoutes() {
	staff := []org.Role{org.RoleCounter, org.RoleSpecialist, org.RoleLeader, org.RoleDirector, org.RoleChair, org.RoleAdmin, org.RolePostal}
	s.mux.HandleFunc("GET /dossiers/{id}", s.require(s.byID(s.staffDossier), staff...))
	s.mux.HandleFunc("POST /dossiers/{id}/act", s.require(s.form(s.byID(s.staffAct)), staff...))
	s.mux.HandleFunc("GET /dossiers/{id}/files/{file}", s.require(s.byID(s.dossierFile)))
	s.mux.HandleFunc("POST /dossiers/{id}/reveal", s.require(s.form(s.byID(s.staffReveal)), staff...))
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.ErrNotFound
	}
	return id, nil
}

// dossierData is everything a dossier page shows.
type dossierData struct {
	D          *dossier.Dossier
	Procedure  catalog.Procedure
	Processing org.Agency
	Receiving  org.Agency
	Events     []model.StoredEvent
	Allowed    []dossier.Action
	Timeliness dossier.Timeliness
	Files      map[string]model.File
	Agencies   []org.Agency // hand-over targets
	Key        string       // idempotency key of the forms on this page
	Form       url.Values   // values of a form sent back after an error
	Failed     string       // the action whose form failed
	ActErr     error        // why it failed, for messages beside its fields
	Forms      []formLink
	Back       string
	ActURL     string // where this page's action forms post
	FilesBase  string // where attachments are fetched
	// Shown is how the actor sees the applicant's personal data
	// (org.AccessPolicy); CanReveal offers the reveal form, Reveals are
	// the recorded reveals of this dossier, Revealed: this page unmasks.
	Shown     org.Shown
	CanReveal bool
	Reveals   []model.Reveal
	Revealed  bool
	// Steps is the dossier's way through its internal process (nil
	// without one; steps.go).
	Steps *stepsView
}

type formLink struct{ N, Key string }

func (s *Server) loadDossier(r *http.Request, actor org.Actor, id int64) (*dossierData, error) {
	ctx := r.Context()
	d, err := s.svc.Dossier(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	data := &dossierData{D: d, Allowed: dossier.Allowed(d, actor), Key: randomHex(16), Files: map[string]model.File{}}
	if data.Procedure, err = s.svc.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion); err != nil {
		return nil, err
	}
	data.Processing, _ = s.svc.Agency(d.ProcessingAgencyID)
	data.Receiving, _ = s.svc.Agency(d.ReceivingAgencyID)
	if data.Events, err = s.svc.Events(ctx, actor, id); err != nil {
		return nil, err
	}
	data.Timeliness = d.Timeliness(s.svc.Now(), s.svc.Deadlines().DayStart)
	if data.Files, err = s.svc.DossierFiles(ctx, actor, id); err != nil {
		return nil, err
	}
	data.Forms = formsOf(d, data.Events)
	data.ActURL = "/dossiers/" + strconv.FormatInt(id, 10) + "/act"
	access := org.AccessOf(actor.Role)
	data.Shown, data.CanReveal = access.Shown, access.Reveal
	if access.Reveal {
		if data.Reveals, err = s.svc.Reveals(ctx, actor, id, 0, 20); err != nil {
			return nil, err
		}
	}
	data.FilesBase = "/dossiers/" + strconv.FormatInt(id, 10) + "/files"
	if data.Steps, err = s.stepsOf(ctx, actor, d); err != nil {
		return nil, err
	}
	return data, nil
}

// formsOf lists the printable forms that exist for the dossier's history.
func formsOf(d *dossier.Dossier, evs []model.StoredEvent) []formLink {
	var out []formLink
	has := func(a dossier.Action) bool {
		for _, e := range evs {
			if e.Action == string(a) {
				return true
			}
		}
		return false
	}
	if d.ReceivedAt != nil {
		out = append(out, formLink{"01", "dos.form01"})
	}
	if has(dossier.ActRequestSupplement) {
		out = append(out, formLink{"02", "dos.form02"})
	}
	if d.Status == dossier.Refused {
		out = append(out, formLink{"03", "dos.form03"})
	}
	if d.ExtensionCount > 0 {
		out = append(out, formLink{"04", "dos.form04"})
	}
	if d.ReceivedAt != nil {
		out = append(out, formLink{"05", "dos.form05"})
	}
	return out
}

func (s *Server) staffDossier(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	s.showDossier(w, r, sess, id, 200, nil, "", nil)
}

// showDossier renders the staff dossier page, with the failed form's values
// and its error when an action was refused.
func (s *Server) showDossier(w http.ResponseWriter, r *http.Request, sess *session, id int64, status int, form url.Values, failed string, actErr error) {
	data, err := s.loadDossier(r, sess.Actor, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.Form, data.Failed, data.Back, data.ActErr = form, failed, safeNext(r.URL.Query().Get("back")), actErr
	for _, a := range s.svc.Agencies() {
		if a.Active && a.ID != data.D.ProcessingAgencyID {
			data.Agencies = append(data.Agencies, a)
		}
	}
	v := s.newView(r, "dos.title", data)
	v.Title = v.T("dos.title") + " " + data.D.Code
	if actErr != nil {
		v.SetError(actErr)
	}
	s.render(w, r, status, "dossier", v)
}

// staffReveal unmasks what a supervisor asked for, once, on this answer:
// the values are not put in an address or a session, and the next load of
// the page is masked again. The service records the reveal first.
func (s *Server) staffReveal(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	in := service.RevealInput{Fields: r.PostForm["fields"], Reason: r.PostFormValue("reason")}
	res, err := s.svc.Reveal(r.Context(), sess.Actor, id, in)
	if err != nil {
		s.showDossier(w, r, sess, id, s.httpStatus(r, err), r.PostForm, "reveal", err)
		return
	}
	data, err := s.loadDossier(r, sess.Actor, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.D.Applicant, data.Revealed = res.Applicant, true
	data.Back = safeNext(r.URL.Query().Get("back"))
	w.Header().Set("Cache-Control", "no-store")
	v := s.newView(r, "dos.title", data)
	v.Title = v.T("dos.title") + " " + data.D.Code
	s.render(w, r, 200, "dossier", v)
}

func (s *Server) staffAct(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	s.postAction(w, r, sess, id, "/dossiers/"+strconv.FormatInt(id, 10), func(err error) {
		s.showDossier(w, r, sess, id, s.httpStatus(r, err), r.PostForm, r.PostFormValue("action"), err)
	})
}

// actionInput reads an action form (web/form) and adds what only the
// server knows: the papers a supplementation request may name, the close of
// the extension's working day, the uploaded result files.
func (s *Server) actionInput(r *http.Request) (*form.Action, error) {
	a, err := form.ParseAction(r)
	if err != nil {
		return nil, err
	}
	in := &a.Input
	if in.Action == string(dossier.ActRequestSupplement) {
		comps, err := s.supplementComponents(r)
		if err != nil {
			return nil, err
		}
		if in.MissingPapers, err = form.ParseMissingPapers(r.PostForm, in.Reason, comps); err != nil {
			return nil, err
		}
	}
	if a.NewDue != nil {
		due := s.svc.Calendar().DayEnd(*a.NewDue)
		in.NewDueAt = &due
	}
	for _, fh := range a.ResultFiles {
		f, err := fh.Open()
		if err != nil {
			return nil, err
		}
		up, err := s.svc.Upload(r.Context(), sessionOf(r).Actor, fh.Filename, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		in.ResultFileIDs = append(in.ResultFileIDs, up.ID)
	}
	return a, nil
}

// postAction applies the action of a posted form to dossier id. The form
// carries the version the person saw and an idempotency key made when the
// page was drawn, so a double click or a resent form applies once. On
// success it redirects to back; on a refusal it calls fail, which shows the
// form again with what was typed.
func (s *Server) postAction(w http.ResponseWriter, r *http.Request, sess *session, id int64, back string, fail func(error)) {
	a, err := s.actionInput(r)
	if err != nil {
		fail(err)
		return
	}
	hash := service.RequestHash("web-act", strconv.FormatInt(id, 10), a.Fields.Encode())
	err = s.act(r.Context(), sess.Actor, id, a.Version, a.Input, a.Key, hash)
	if err != nil {
		fail(err)
		return
	}
	sep := "?"
	if strings.Contains(back, "?") {
		sep = "&"
	}
	http.Redirect(w, r, back+sep+"ok=act_"+url.QueryEscape(a.Input.Action), http.StatusSeeOther)
}

// dossierFile sends an attachment to someone who may see the dossier.
func (s *Server) dossierFile(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	f, rc, err := s.svc.DossierFile(r.Context(), sess.Actor, id, r.PathValue("file"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	defer rc.Close()
	sendPrivate(w, f.ContentType, f.Name, f.Size, rc)
}
