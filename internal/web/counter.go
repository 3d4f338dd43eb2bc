package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/textfold"
	"github.com/motcua/motcua/internal/web/form"
	"github.com/motcua/motcua/internal/web/view"
)

// The counter (Bộ phận Một cửa) pages: the queues of online dossiers to check
// and of results to return, reception of someone present at the counter, and
// the check page where a dossier is received (Form 01), refused (Form 03),
// sent back for supplementation (Form 02), handed over, returned and rated.

func init() {
	addMessages(map[string][2]string{
		"counter.title":           {"Quầy tiếp nhận và trả kết quả", "Reception and result desk"},
		"counter.receive_here":    {"Tiếp nhận hồ sơ tại quầy", "Receive a dossier at the counter"},
		"counter.receive_lead":    {"Người nộp có mặt tại quầy: tìm thủ tục (gõ có dấu hoặc không dấu), rồi nhập thông tin và giấy tờ đã nhận.", "Someone is at the counter: find the procedure (with or without accents), then enter their details and the papers received."},
		"counter.search_label":    {"Tên hoặc mã thủ tục", "Procedure name or code"},
		"counter.found":           {"%d thủ tục phù hợp — chọn để tiếp nhận", "%d matching procedures — choose one to receive"},
		"counter.none_found":      {"Không tìm thấy thủ tục nào. Hãy thử ít chữ hơn hoặc từ khác.", "No procedure found. Try fewer or other words."},
		"counter.choose":          {"Tiếp nhận", "Receive"},
		"counter.waiting":         {"Hồ sơ trực tuyến chờ kiểm tra, tiếp nhận", "Online dossiers waiting to be checked"},
		"counter.waiting_lead":    {"Hồ sơ chờ lâu nhất ở trên cùng.", "Longest waiting first."},
		"counter.waiting_none":    {"Không có hồ sơ trực tuyến nào đang chờ.", "No online dossier is waiting."},
		"counter.pick_first":      {"Hãy tìm và chọn thủ tục trước, rồi nhập hồ sơ của người nộp.", "Find and choose the procedure first, then enter the applicant's dossier."},
		"counter.ready":           {"Kết quả, thông báo chờ trả", "Results and notices ready to return"},
		"counter.ready_none":      {"Không có kết quả hay thông báo nào đang chờ trả.", "No result or notice is waiting to be returned."},
		"counter.waited":          {"Đã chờ", "Waiting for"},
		"counter.finished_at":     {"Có kết quả lúc", "Result since"},
		"counter.check":           {"Kiểm tra", "Check"},
		"counter.open":            {"Mở", "Open"},
		"counter.count":           {"%d hồ sơ", "%d dossiers"},
		"counter.dur_days":        {"%d ngày %d giờ", "%d days %d h"},
		"counter.dur_hours":       {"%d giờ %d phút", "%d h %d min"},
		"counter.dur_minutes":     {"%d phút", "%d min"},
		"counter.long_wait":       {"Chờ quá 1 ngày", "Over a day"},
		"counter.return_method":   {"Nhận kết quả", "Delivery"},
		"counter.new_title":       {"Tiếp nhận hồ sơ tại quầy", "Receive a dossier at the counter"},
		"counter.new_lead":        {"Nhập thông tin người nộp đang có mặt, đánh dấu các giấy tờ đã nhận và quét (nếu có). Sau khi lưu, kiểm tra và tiếp nhận hồ sơ để cấp mã và in Giấy tiếp nhận (Mẫu 01).", "Enter the details of the person present, tick the papers received and scan them if you can. After saving, check and receive the dossier to issue its code and print the receipt (Form 01)."},
		"counter.applicant":       {"Người nộp hồ sơ", "Applicant"},
		"counter.name":            {"Họ và tên (hoặc tên tổ chức)", "Full name (or organisation)"},
		"counter.id_number":       {"Số định danh cá nhân (CCCD) hoặc mã số thuế", "Personal ID number (CCCD) or tax ID"},
		"counter.id_hint":         {"CCCD 12 chữ số; mã số thuế 10 hoặc 13 chữ số.", "Citizen ID 12 digits; tax ID 10 or 13 digits."},
		"counter.phone":           {"Số điện thoại", "Phone"},
		"counter.email":           {"Thư điện tử", "E-mail"},
		"counter.address":         {"Địa chỉ", "Address"},
		"counter.components":      {"Giấy tờ đã nhận", "Papers received"},
		"counter.components_hint": {"Đánh dấu từng giấy tờ người nộp đã đưa, ghi số bản chính, bản sao. Tệp quét: PDF, JPEG hoặc PNG, tối đa %d MB mỗi tệp.", "Tick each paper handed over and give the number of originals and copies. Scans: PDF, JPEG or PNG, at most %d MB each."},
		"counter.received_item":   {"Đã nhận", "Received"},
		"counter.originals":       {"Số bản chính", "Originals"},
		"counter.copies":          {"Số bản sao", "Copies"},
		"counter.scan":            {"Tệp quét", "Scans"},
		"counter.other":           {"Giấy tờ khác (nếu có)", "Other paper (if any)"},
		"counter.other_name":      {"Tên giấy tờ", "Name of the paper"},
		"counter.return":          {"Hình thức nhận kết quả", "How the result is delivered"},
		"counter.agency":          {"Cơ quan giải quyết", "Processing agency"},
		"counter.save":            {"Lưu và kiểm tra hồ sơ", "Save and check the dossier"},
		"counter.no_limit":        {"Thủ tục này chưa có thời hạn giải quyết: chưa thể tiếp nhận và cấp mã. Có thể hướng dẫn bổ sung (Mẫu 02) hoặc báo quản trị viên cập nhật thủ tục.", "This procedure has no time limit yet: it cannot be received. You may still guide the applicant (Form 02) or ask an administrator to update it."},
		"counter.too_large":       {"Tổng dung lượng tệp quét quá lớn (tối đa %d MB cho một lần gửi). Hãy gửi bớt tệp, bổ sung sau.", "The scans are too large in total (%d MB at most per form). Send fewer files and add the rest later."},
		"counter.rescan":          {"Các tệp quét chưa được lưu: hãy chọn lại tệp trước khi gửi.", "The scans were not saved: choose the files again before sending."},
		"counter.resent":          {"Biểu mẫu này đã được gửi và hồ sơ đã được tạo. Hãy xem hàng chờ trước khi nhập lại.", "This form was already sent and its dossier created. Check the queue before entering it again."},
		"counter.created":         {"Đã ghi nhận hồ sơ. Kiểm tra giấy tờ rồi bấm “Tiếp nhận” để cấp mã và in Giấy tiếp nhận (Mẫu 01).", "Dossier recorded. Check the papers, then press “Receive” to issue its code and print the receipt (Form 01)."},
		"counter.check_title":     {"Kiểm tra hồ sơ", "Check the dossier"},
		"counter.check_title_of":  {"Kiểm tra hồ sơ của %s", "Check the dossier of %s"},
		"counter.required":        {"Thành phần hồ sơ theo quy định", "Papers the procedure requires"},
		"counter.provided":        {"Người nộp đã cung cấp", "Provided by the applicant"},
		"counter.not_provided":    {"Chưa có", "Not provided"},
		"counter.provided_paper":  {"Có (bản giấy)", "Yes (on paper)"},
		"counter.extra":           {"Giấy tờ khác người nộp gửi kèm", "Other papers sent"},
		"counter.counts":          {"%d bản chính, %d bản sao", "%d originals, %d copies"},
		"counter.print":           {"In phiếu", "Print"},
		"counter.print01":         {"In Giấy tiếp nhận (Mẫu 01)", "Print the receipt (Form 01)"},
		"counter.print02":         {"In Phiếu yêu cầu bổ sung (Mẫu 02)", "Print the supplementation request (Form 02)"},
		"counter.print03":         {"In Phiếu từ chối tiếp nhận (Mẫu 03)", "Print the refusal slip (Form 03)"},
		"counter.print04":         {"In Phiếu xin lỗi và hẹn lại (Mẫu 04)", "Print the apology (Form 04)"},
		"counter.print05":         {"In Phiếu kiểm soát (Mẫu 05)", "Print the control slip (Form 05)"},
		"counter.checklist":       {"Đối chiếu giấy tờ trước khi tiếp nhận", "Checklist before receiving"},
		"counter.checklist_hint":  {"Đánh dấu giấy tờ đã kiểm tra đủ và đúng; danh sách được lưu vào nhật ký hồ sơ.", "Tick the papers checked as complete and correct; the list is kept in the dossier's history."},
		"counter.missing":         {"Giấy tờ cần bổ sung, hoàn thiện", "Papers to add or correct"},
		"counter.missing_hint":    {"Được yêu cầu bổ sung một lần duy nhất: ghi đủ mọi thiếu sót. Danh sách được in trên Mẫu 02.", "Supplementation may be requested only once: list every gap. The list is printed on Form 02."},
		"counter.full_page":       {"Mở trang hồ sơ đầy đủ (các thao tác khác)", "Open the full dossier page (other actions)"},
		"counter.queue_back":      {"Về hàng chờ", "Back to the queues"},
		"counter.no_action":       {"Không còn thao tác nào của quầy với hồ sơ ở trạng thái này.", "The counter has nothing more to do with this dossier in its current status."},
		"counter.note_checked":    {"Đã kiểm tra:", "Checked:"},
		"counter.note_missing":    {"Thành phần cần bổ sung:", "Papers to supplement:"},
		"counter.digitize":        {"Số hóa giấy tờ nhận tại quầy", "Digitize the papers handed over"},
		"counter.digitize_hint":   {"Quét giấy tờ người nộp đưa tại quầy và đính kèm vào đúng thành phần: khi tiếp nhận, thành phần được ghi là đã số hóa (Thông tư 01/2023/TT-VPCP Điều 7) và bản quét được lưu vào kho dữ liệu của người nộp có tài khoản. PDF, JPEG hoặc PNG, tối đa %d MB mỗi tệp.", "Scan the papers handed over at the counter and attach each to its component: on receipt it is recorded as digitized (Circular 01/2023 Art. 7) and the scan is kept in the data store of an applicant with an account. PDF, JPEG or PNG, at most %d MB each."},
		"counter.scan_for":        {"Bản quét: %s", "Scan of: %s"},
		"counter.scan_kept":       {"đã tải lên, giữ lại (bỏ chọn để bỏ)", "uploaded, kept (untick to drop)"},
		"counter.digitize_have":   {"Bản quét đã đính kèm khi nhập hồ sơ là bản số hóa của giấy tờ này", "The scan attached when the dossier was entered digitizes this paper"},
		"counter.electronic":      {"đã nộp bản điện tử, không cần số hóa", "submitted electronically, no digitization needed"},
		"counter.no_scan_online":  {"Người nộp đã gửi tệp điện tử cho mọi thành phần, nên không cần quét lại (Thông tư 03/2025/TT-VPCP Điều 5 khoản 2).", "The applicant sent electronic files for every component, so nothing needs scanning (Circular 03/2025 Art. 5(2))."},
		"counter.scans_refused":   {"Chưa tiếp nhận: %s Các bản quét hợp lệ đã được giữ lại bên dưới.", "Not received yet: %s The valid scans are kept below."},
	})
}

func (s *Server) counterRoutes() {
	desk := []org.Role{org.RoleCounter, org.RolePostal}
	s.mux.HandleFunc("GET /counter", s.require(s.counterHome, desk...))
	s.mux.HandleFunc("GET /counter/new", s.require(s.counterNew, org.RoleCounter))
	s.mux.HandleFunc("POST /counter/new", s.require(s.counterCreate, org.RoleCounter))
	s.mux.HandleFunc("GET /counter/dossiers/{id}", s.require(s.byID(s.counterCheck), desk...))
	s.mux.HandleFunc("POST /counter/dossiers/{id}/act", s.require(s.counterForm(s.byID(s.counterAct)), desk...))
	s.pdfRoutes()
	s.trackingBookRoutes()
	s.queueRoutes()
}

// ---- queues ----------------------------------------------------------------

type queueRow struct {
	D         *dossier.Dossier
	Procedure string
	Waited    string // how long since it was filed (submitted queue)
	Long      bool   // waiting over a day
}

type counterHomeData struct {
	Q          string
	Searched   bool
	Pick       bool // sent here from the filing form without a procedure
	Procs      []catalog.Procedure
	CanReceive bool // counter officers receive; postal workers only return results
	Waiting    []queueRow
	Ready      []queueRow
	QV         *queueView // search, filters, count tiles, paging (queue.go)
}

// queueLimit bounds each queue on the page.
const queueLimit = 200

func (s *Server) counterHome(w http.ResponseWriter, r *http.Request, sess *session) {
	ctx := r.Context()
	d := counterHomeData{Q: strings.TrimSpace(r.URL.Query().Get("q")), CanReceive: sess.Actor.Role == org.RoleCounter, QV: readQueueView(r),
		Pick: r.URL.Query().Get("pick") != ""}
	lang := langOf(r)
	if err := s.queueTools(ctx, sess.Actor, lang, d.QV, d.CanReceive); err != nil {
		s.renderError(w, r, err)
		return
	}
	names := map[string]string{}
	rows := func(list []*dossier.Dossier, waited bool) ([]queueRow, error) {
		out := make([]queueRow, 0, len(list))
		now := s.svc.Now()
		for _, dd := range list {
			key := dd.ProcedureCode + "@" + strconv.Itoa(dd.ProcedureVersion)
			if _, ok := names[key]; !ok {
				p, err := s.svc.ProcedureVersion(ctx, dd.ProcedureCode, dd.ProcedureVersion)
				if err != nil {
					return nil, err
				}
				names[key] = p.Name
			}
			row := queueRow{D: dd, Procedure: names[key]}
			if waited {
				wait := now.Sub(dd.SubmittedAt)
				row.Waited, row.Long = duration(lang, wait), wait > 24*time.Hour
			}
			out = append(out, row)
		}
		return out, nil
	}
	if d.CanReceive {
		list, err := s.queuePage(ctx, sess.Actor, d.QV, "submitted")
		if err == nil {
			d.Waiting, err = rows(list, true)
		}
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		if d.Q != "" {
			d.Searched = true
			if d.Procs, err = s.svc.SearchProcedures(ctx, model.ProcedureFilter{Q: d.Q, Limit: 30}); err != nil {
				s.renderError(w, r, err)
				return
			}
		}
	}
	list, err := s.queuePage(ctx, sess.Actor, d.QV, "done")
	if err == nil {
		d.Ready, err = rows(list, false)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, 200, "counter", s.newView(r, "counter.title", d))
}

// duration says how long something has waited, in days and hours or hours
// and minutes.
func duration(lang string, d time.Duration) string {
	if d < 0 {
		d = 0
	}
	m := int(d / time.Minute)
	switch {
	case m >= 24*60:
		return translate(lang, "counter.dur_days", m/(24*60), m%(24*60)/60)
	case m >= 60:
		return translate(lang, "counter.dur_hours", m/60, m%60)
	}
	return translate(lang, "counter.dur_minutes", m)
}

// ---- reception at the counter ---------------------------------------------

// sameComponent compares component names ignoring case, accents and spacing.
func sameComponent(a, b string) bool {
	return textfold.Fold(a) == textfold.Fold(b)
}

type newRow struct {
	I       int
	Name    string
	Checked bool
	Orig    string
	Copy    string
}

type counterNewData struct {
	P        catalog.Procedure
	Agency   org.Agency
	Agencies []org.Agency // offered when the procedure has no default agency
	Key      string
	Form     url.Values
	Rows     []newRow
	MaxMB    int
	Methods  []dossier.ReturnMethod
	Rescan   bool // the post carried scans that must be attached again
}

// Val returns a typed value to draw again.
func (d *counterNewData) Val(name string) string { return d.Form.Get(name) }

// maxCounterBody bounds the whole reception post (form.MaxScans its scans).
const maxCounterBody = 5*service.MaxFileSize + 1<<20

func (s *Server) newData(r *http.Request, code string, form url.Values) (*counterNewData, error) {
	pd, err := s.loadProcedure(r, code)
	if err != nil {
		return nil, err
	}
	d := &counterNewData{P: pd.P, Agency: pd.Agency, Key: randomHex(16), Form: form, MaxMB: service.MaxFileSize >> 20,
		Methods: []dossier.ReturnMethod{dossier.ReturnCounter, dossier.ReturnPostal, dossier.ReturnOnline}}
	if d.Form == nil {
		d.Form = url.Values{"return_method": {string(dossier.ReturnCounter)}}
	}
	if pd.Agency.ID == 0 {
		for _, a := range s.svc.Agencies() {
			if a.Active && a.Kind != org.KindServiceCenter {
				d.Agencies = append(d.Agencies, a)
			}
		}
	}
	ticked := d.Form["c"]
	for i, c := range pd.P.Components {
		row := newRow{I: i, Name: c.Name, Orig: strconv.Itoa(c.CopiesOriginal), Copy: strconv.Itoa(c.CopiesCopy)}
		if form != nil {
			row.Checked = slices.Contains(ticked, strconv.Itoa(i))
			row.Orig, row.Copy = form.Get(fmt.Sprintf("orig_%d", i)), form.Get(fmt.Sprintf("copy_%d", i))
		}
		d.Rows = append(d.Rows, row)
	}
	return d, nil
}

func (s *Server) counterNew(w http.ResponseWriter, r *http.Request, sess *session) {
	code := strings.TrimSpace(r.URL.Query().Get("procedure"))
	if code == "" {
		// Say why the form is not there: the procedure comes first.
		http.Redirect(w, r, "/counter?pick=1#recv-h", http.StatusSeeOther)
		return
	}
	d, err := s.newData(r, code, nil)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderNew(w, r, 200, d, nil)
}

// renderNew shows the counter's filing form, with err beside the field it
// concerns (or at the top when it concerns none).
func (s *Server) renderNew(w http.ResponseWriter, r *http.Request, status int, d *counterNewData, err error) {
	v := s.newView(r, "counter.new_title", d)
	v.Title = v.T("counter.new_title") + ": " + d.P.Name
	if err != nil {
		v.SetError(err)
	}
	s.render(w, r, status, "counter_new", v)
}

// counterCreate records the dossier of the person present. The post is
// multipart when scans are attached (urlencoded without them); each scan
// passes the API's upload checks (PDF, JPEG or PNG by content, at most
// service.MaxFileSize).
func (s *Server) counterCreate(w http.ResponseWriter, r *http.Request, sess *session) {
	r.Body = http.MaxBytesReader(w, r.Body, maxCounterBody)
	if err := r.ParseMultipartForm(8 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		var maxErr *http.MaxBytesError
		if errors.As(err, &maxErr) {
			s.renderError(w, r, apperr.Newf(apperr.TooLarge, "form_too_large", translate("vi", "counter.too_large"), translate("en", "counter.too_large"), maxCounterBody>>20))
			return
		}
		s.renderError(w, r, apperr.New(apperr.BadInput, "form_invalid", "Không đọc được biểu mẫu.", "The form could not be read."))
		return
	}
	if err := checkCSRF(r); err != nil {
		s.renderError(w, r, err)
		return
	}
	f := r.PostForm
	typed := form.Fields(f)
	d, err := s.newData(r, f.Get("procedure"), typed)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	var in service.NewDossier
	var scans []form.Scan
	cn, err := form.ParseCounterNew(r, d.P)
	if err == nil {
		in, scans = cn.Input, cn.Scans
	}
	var sums []string
	for _, sc := range scans {
		sums = append(sums, fmt.Sprintf("%d:%s:%d", sc.Component, sc.Name, sc.Size))
	}
	var res *service.Result
	if err == nil {
		hash := service.RequestHash("web-counter-new", typed.Encode(), strings.Join(sums, "\n"))
		list := make([]service.CounterScan, len(scans))
		for i, sc := range scans {
			list[i] = sc.CounterScan
		}
		res, err = s.svc.SubmitAtCounter(r.Context(), sess.Actor, in, list, f.Get("key"), hash, func(dd *dossier.Dossier) ([]byte, error) {
			return []byte(strconv.FormatInt(dd.ID, 10)), nil
		})
	}
	if err != nil {
		if e, ok := apperr.As(err); ok && e.Code == "idempotency_key_reused" {
			err = apperr.New(apperr.Conflict, "form_resent", translate("vi", "counter.resent"), translate("en", "counter.resent"))
		}
		// Scans cannot be put back into a file input: say so, whichever
		// field the error concerns.
		d.Rescan = len(scans) > 0
		s.renderNew(w, r, s.httpStatus(r, err), d, err)
		return
	}
	id, _ := strconv.ParseInt(string(res.Body), 10, 64)
	if res.Dossier != nil {
		id = res.Dossier.ID
	}
	http.Redirect(w, r, fmt.Sprintf("/counter/dossiers/%d?ok=counter_new", id), http.StatusSeeOther)
}

// ---- the check page ---------------------------------------------------------

// checkRow pairs one required component with what the applicant provided.
type checkRow struct {
	I                 int
	Name              string
	Originals, Copies int
	Provided          *providedPaper
}

type providedPaper struct {
	J                 int // its index among the dossier's components
	Name              string
	Originals, Copies int
	Counted           bool
	FileIDs           []string
	Reused, Digitized bool
}

func provided(j int, h dossier.ComponentFiles) *providedPaper {
	return &providedPaper{J: j, Name: h.Name, Originals: h.Originals, Copies: h.Copies, Counted: h.Originals+h.Copies > 0,
		FileIDs: h.FileIDs, Reused: h.Reused, Digitized: h.Digitized}
}

type checkData struct {
	*dossierData
	Rows    []checkRow
	Extra   []providedPaper
	Form    url.Values // the failed form's values (as typed)
	FullURL string
	Scans   []scanRow // the receive form's scan inputs, per dossier component
	ScanMB  int
}

// scanRow is one component of the dossier in the receive form: a paper the
// officer may scan and mark digitized, or one already electronic.
type scanRow struct {
	J          int
	Name       string
	Electronic bool         // filed as a file online or taken from the data store
	HasFiles   bool         // scans attached when the dossier was entered at the counter
	Kept       []model.File // scans uploaded by a refused attempt
	Digitize   bool         // HasFiles: the existing scans are marked digitized
}

// AllElectronic tells that no paper of the dossier needs scanning.
func (d *checkData) AllElectronic() bool {
	for _, sc := range d.Scans {
		if !sc.Electronic {
			return false
		}
	}
	return len(d.Scans) > 0
}

// Can reports whether the actor may take action a now.
func (d *checkData) Can(a string) bool { return slices.Contains(d.Allowed, dossier.Action(a)) }

// Open tells whether action a's form failed and is shown again.
func (d *checkData) Open(a string) bool { return d.Failed == a }

// Val is a value typed in action a's failed form.
func (d *checkData) Val(a, name string) string {
	if d.Failed != a || d.Form == nil {
		return ""
	}
	return d.Form.Get(name)
}

// Ticked says whether component i is ticked in the list field of action a:
// as typed after a failure, otherwise checked when the paper was provided.
// (The supplementation checklist ticks its own rows: supplement_checklist.go.)
func (d *checkData) Ticked(a, field string, i int) bool {
	if d.Failed == a && d.Form != nil {
		return slices.Contains(d.Form[field], strconv.Itoa(i))
	}
	return i < len(d.Rows) && d.Rows[i].Provided != nil
}

// Other actions the counter may take elsewhere (the full dossier page).
func (d *checkData) Others() bool {
	for _, a := range d.Allowed {
		switch a {
		case dossier.ActReceive, dossier.ActRefuse, dossier.ActRequestSupplement, dossier.ActTransfer, dossier.ActReturnResult, dossier.ActRate:
		default:
			return true
		}
	}
	return false
}

func matchComponents(req []catalog.Component, have []dossier.ComponentFiles) ([]checkRow, []providedPaper) {
	rows := make([]checkRow, len(req))
	used := make([]bool, len(have))
	for i, c := range req {
		rows[i] = checkRow{I: i, Name: c.Name, Originals: c.CopiesOriginal, Copies: c.CopiesCopy}
		for j, h := range have {
			if !used[j] && sameComponent(c.Name, h.Name) {
				used[j] = true
				rows[i].Provided = provided(j, h)
				break
			}
		}
	}
	var extra []providedPaper
	for j, h := range have {
		if !used[j] {
			extra = append(extra, *provided(j, h))
		}
	}
	return rows, extra
}

func (s *Server) counterCheck(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	s.showCheck(w, r, sess, id, 200, nil, "", nil)
}

func (s *Server) showCheck(w http.ResponseWriter, r *http.Request, sess *session, id int64, status int, form url.Values, failed string, actErr error) {
	dd, err := s.loadDossier(r, sess.Actor, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	dd.Failed, dd.ActErr = failed, actErr
	dd.ActURL = fmt.Sprintf("/counter/dossiers/%d/act", id)
	for _, a := range s.svc.Agencies() {
		if a.Active && a.ID != dd.D.ProcessingAgencyID && a.Kind != org.KindServiceCenter {
			dd.Agencies = append(dd.Agencies, a)
		}
	}
	sort.SliceStable(dd.Agencies, func(i, j int) bool { return dd.Agencies[i].Code < dd.Agencies[j].Code })
	dd.Form = form
	d := &checkData{dossierData: dd, Form: form, FullURL: fmt.Sprintf("/dossiers/%d?back=%s", id, url.QueryEscape(fmt.Sprintf("/counter/dossiers/%d", id)))}
	d.Rows, d.Extra = matchComponents(dd.Procedure.Components, dd.D.Components)
	if d.Can(string(dossier.ActReceive)) {
		d.Scans, d.ScanMB = s.scanRows(r, sess.Actor, dd.D, form, failed == string(dossier.ActReceive)), service.MaxFileSize>>20
	}
	v := s.newView(r, "counter.check_title", d)
	// Before reception the dossier has no code yet: name it by whose it is
	// ("Kiểm tra hồ sơ của …"), so the title does not read as if the name
	// were the dossier's code beside "(chưa cấp mã)".
	if dd.D.Code != "" {
		v.Title = v.T("counter.check_title") + " " + dd.D.Code
	} else {
		v.Title = v.T("counter.check_title_of", dd.D.Applicant.Name)
	}
	if r.URL.Query().Get("ok") == "counter_new" {
		v.Flash = v.T("counter.created")
	}
	if actErr != nil {
		v.Error = v.ErrorText(actErr)
	}
	s.render(w, r, status, "counter_check", v)
}

// counterAct applies an action from the check page. The checklist of the
// receive form is written into the event's note; the supplementation form's
// papers travel as missing_papers (supplement_checklist.go), which Form 02
// prints row by row.
func (s *Server) counterAct(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	typed := url.Values{}
	for k, v := range r.PostForm {
		typed[k] = slices.Clone(v)
	}
	back := fmt.Sprintf("/counter/dossiers/%d", id)
	fail := func(err error) {
		s.showCheck(w, r, sess, id, s.httpStatus(r, err), typed, r.PostFormValue("action"), err)
	}
	action := r.PostFormValue("action")
	if action == string(dossier.ActReceive) {
		d, err := s.svc.Dossier(r.Context(), sess.Actor, id)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		p, err := s.svc.ProcedureVersion(r.Context(), d.ProcedureCode, d.ProcedureVersion)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		field, header := "checked", translate("vi", "counter.note_checked")
		var names []string
		for i, c := range p.Components { // in the procedure's order
			if slices.Contains(r.PostForm[field], strconv.Itoa(i)) {
				names = append(names, textfold.NFC(c.Name))
			}
		}
		r.PostForm.Set("note", composeNote(header, names, r.PostFormValue("note")))
		s.counterReceive(w, r, sess, d, back, typed, fail)
		return
	}
	s.postAction(w, r, sess, id, back, fail)
}

// composeNote puts a list under a header before the officer's own note:
//
//	Thành phần cần bổ sung:
//	- Tờ khai …
//	- Bản sao …
//
//	<note>
func composeNote(header string, items []string, note string) string {
	note = strings.TrimSpace(note)
	if len(items) == 0 {
		return note
	}
	var b strings.Builder
	b.WriteString(header)
	for _, it := range items {
		b.WriteString("\n- ")
		b.WriteString(strings.ReplaceAll(it, "\n", " "))
	}
	if note != "" {
		b.WriteString("\n\n")
		b.WriteString(note)
	}
	return b.String()
}

// listInNote reads back the items composeNote wrote under header; Form 02
// still reads supplementation requests made before the checklist this way.
func listInNote(note, header string) []string {
	lines := strings.Split(note, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != header {
			continue
		}
		var out []string
		for _, item := range lines[i+1:] {
			item = strings.TrimSpace(item)
			if !strings.HasPrefix(item, "- ") {
				break
			}
			out = append(out, strings.TrimSpace(item[2:]))
		}
		return out
	}
	return nil
}

// paperArg and hiddenArg carry the page into the check page's sub-templates.
type paperArg struct {
	V *view.View
	P providedPaper
}

type hiddenArg struct {
	V       *view.View
	Action  string
	Version int
	Key     string
}

func init() {
	funcs["paperCtx"] = func(v *view.View, p any) paperArg {
		switch p := p.(type) {
		case *providedPaper:
			return paperArg{V: v, P: *p}
		case providedPaper:
			return paperArg{V: v, P: p}
		}
		return paperArg{V: v}
	}
	funcs["actCtx"] = func(v *view.View, action string) hiddenArg {
		h := hiddenArg{V: v, Action: action}
		if d, ok := v.Data.(*checkData); ok {
			h.Version, h.Key = d.D.Version, d.Key
		}
		return h
	}
}

// ---- digitization on receipt ---------------------------------------------

type scanFormKey struct{}

// counterForm reads the check page's posts. The receive form is multipart
// when the officer attaches scans, possibly several, so it is read within
// maxCounterBody with its files spooled to disk (the page's other forms go
// through s.form). What arrived before the limit is kept, as on the filing
// page.
func (s *Server) counterForm(h handler) handler {
	plain := s.form(h)
	return func(w http.ResponseWriter, r *http.Request, sess *session) {
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			plain(w, r, sess)
			return
		}
		m, ok := s.readUploadPost(w, r, maxCounterBody)
		defer m.cleanup()
		if !ok {
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), scanFormKey{}, m)), sess)
	}
}

// electronic tells whether a component needs no digitization: the
// applicant filed it as a file online or it came from their data store
// (Circular 03/2025 Art. 5(2)); the service refuses to mark those.
func electronic(d *dossier.Dossier, c dossier.ComponentFiles) bool {
	return (d.Channel == dossier.ChannelOnline && len(c.FileIDs) > 0) || c.Reused
}

// keptScans are the officer's own uploads named in kept_scan_<j>.
func (s *Server) keptScans(ctx context.Context, actor org.Actor, f url.Values, j int) []model.File {
	var out []model.File
	for _, id := range f["kept_scan_"+strconv.Itoa(j)] {
		if fl, err := s.svc.OwnFile(ctx, actor, id); err == nil &&
			!slices.ContainsFunc(out, func(k model.File) bool { return k.ID == fl.ID }) {
			out = append(out, fl)
		}
	}
	return out
}

// scanRows lists the dossier's components for the receive form, with the
// scans a refused attempt kept and the ticks as sent.
func (s *Server) scanRows(r *http.Request, actor org.Actor, d *dossier.Dossier, form url.Values, failed bool) []scanRow {
	rows := make([]scanRow, 0, len(d.Components))
	for j, c := range d.Components {
		row := scanRow{J: j, Name: c.Name, Electronic: electronic(d, c), HasFiles: len(c.FileIDs) > 0}
		if failed && form != nil {
			row.Kept = s.keptScans(r.Context(), actor, form, j)
			row.Digitize = slices.Contains(form["digitize"], strconv.Itoa(j))
		} else {
			row.Digitize = row.HasFiles && !row.Electronic
		}
		rows = append(rows, row)
	}
	return rows
}

// counterScans uploads the scans of the receive form (service.Upload: PDF,
// JPEG or PNG by content) and turns them, with the scans kept from a
// refused attempt and the ticked existing scans, into the components marked
// digitized (Circular 01/2023 Art. 7). The uploads are written back into
// typed as kept, so that a refusal loses none of them. It also returns a
// fingerprint of the scans by content for the request hash.
func (s *Server) counterScans(ctx context.Context, actor org.Actor, d *dossier.Dossier, m *citMultipart, typed url.Values) ([]dossier.ComponentFiles, string, error) {
	f := typed
	files := make([][]model.File, len(d.Components))
	for j := range d.Components {
		files[j] = s.keptScans(ctx, actor, f, j)
	}
	var vi, en []string
	if m != nil {
		n := 0
		for _, u := range m.Files {
			j, err := strconv.Atoi(strings.TrimPrefix(u.Field, "scan_"))
			if !strings.HasPrefix(u.Field, "scan_") || err != nil || j < 0 || j >= len(d.Components) {
				continue
			}
			if n++; n > form.MaxScans {
				return nil, "", form.TooManyScans()
			}
			fh, err := os.Open(u.Path)
			if err != nil {
				return nil, "", fmt.Errorf("web: open spooled scan: %w", err)
			}
			up, err := s.svc.Upload(ctx, actor, u.Name, fh)
			fh.Close()
			if e, ok := apperr.As(err); ok {
				// Name the file: the officer may have scanned several.
				vi, en = append(vi, u.Name+": "+e.MessageVi), append(en, u.Name+": "+e.Message)
				continue
			} else if err != nil {
				return nil, "", err
			}
			files[j] = append(files[j], up)
		}
	}
	var marks []dossier.ComponentFiles
	var sums []string
	for j, c := range d.Components {
		ids := make([]string, 0, len(files[j]))
		shas := make([]string, 0, len(files[j]))
		for _, fl := range files[j] {
			ids, shas = append(ids, fl.ID), append(shas, fl.SHA256)
		}
		typed["kept_scan_"+strconv.Itoa(j)] = ids
		ticked := slices.Contains(f["digitize"], strconv.Itoa(j))
		if len(ids) == 0 && !ticked {
			continue
		}
		marks = append(marks, dossier.ComponentFiles{Name: c.Name, Digitized: true, FileIDs: ids})
		slices.Sort(shas)
		sums = append(sums, fmt.Sprintf("%d:%t:%s", j, ticked, strings.Join(shas, ",")))
	}
	if m != nil && m.Cut {
		return nil, "", apperr.Newf(apperr.TooLarge, "form_too_large", translate("vi", "counter.too_large"), translate("en", "counter.too_large"), maxCounterBody>>20)
	}
	if len(vi) > 0 {
		return nil, "", apperr.New(apperr.Invalid, "scan_refused", translate("vi", "counter.scans_refused", strings.Join(vi, " ")),
			translate("en", "counter.scans_refused", strings.Join(en, " ")))
	}
	return marks, strings.Join(sums, "\n"), nil
}

// counterReceive receives a dossier from the check page: the scans are
// uploaded first, then the receive action carries the components they
// digitize, in the one transaction of the event.
func (s *Server) counterReceive(w http.ResponseWriter, r *http.Request, sess *session, d *dossier.Dossier, back string, typed url.Values, fail func(error)) {
	ctx := r.Context()
	m, _ := ctx.Value(scanFormKey{}).(*citMultipart)
	marks, sums, err := s.counterScans(ctx, sess.Actor, d, m, typed)
	if err != nil {
		fail(err)
		return
	}
	a, err := s.actionInput(r)
	if err != nil {
		fail(err)
		return
	}
	a.Input.Components = marks
	// By content, not by upload id: a resent form uploads its scans again
	// under new ids and must still be known as the same request.
	hash := service.RequestHash("web-receive", strconv.FormatInt(d.ID, 10), a.Fields.Encode(), sums)
	err = s.act(ctx, sess.Actor, d.ID, a.Version, a.Input, a.Key, hash)
	if err != nil {
		fail(err)
		return
	}
	http.Redirect(w, r, back+"?ok=act_receive", http.StatusSeeOther)
}
