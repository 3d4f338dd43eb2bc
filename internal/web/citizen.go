package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/locale"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/form"
)

// The citizen portal: file a dossier online with photos or scans of the
// papers, follow one's dossiers, supplement once when asked, withdraw, and
// rate the service. Many people here use a phone and do this for the first
// time: every refusal names the field or the file, and nothing typed or
// uploaded is lost when a form comes back.

func init() {
	addMessages(map[string][2]string{
		"cit.file_title":       {"Nộp hồ sơ trực tuyến", "File online"},
		"cit.file_lead":        {"Điền thông tin, đính kèm ảnh chụp hoặc bản quét giấy tờ, chọn cách nhận kết quả rồi bấm “Nộp hồ sơ”. Mục ghi “bắt buộc” phải điền.", "Fill in your details, attach photos or scans of the papers, choose how to get the result, then press “Submit”. Fields marked “required” must be filled."},
		"cit.proc_details":     {"Xem lại thủ tục và giấy tờ cần chuẩn bị", "See the procedure and the papers needed again"},
		"cit.applicant":        {"1. Người nộp hồ sơ", "1. Applicant"},
		"cit.applicant_hint":   {"Thông tin lấy từ tài khoản của bạn; bạn có thể sửa nếu nộp cho người khác.", "Taken from your account; change it if you file for someone else."},
		"cit.name":             {"Họ và tên", "Full name"},
		"cit.id_number":        {"Số định danh cá nhân (số thẻ Căn cước)", "Personal ID number (citizen ID card)"},
		"cit.id_hint":          {"12 chữ số in trên thẻ Căn cước. Doanh nghiệp: mã số thuế.", "The 12 digits printed on the ID card. Businesses: tax ID."},
		"cit.phone":            {"Số điện thoại", "Phone number"},
		"cit.phone_hint":       {"Để cơ quan gọi cho bạn khi cần, ví dụ 0912345678.", "So the agency can call you if needed, e.g. 0912345678."},
		"cit.email":            {"Thư điện tử (e-mail)", "E-mail"},
		"cit.address":          {"Địa chỉ", "Address"},
		"cit.address_hint":     {"Số nhà, đường, phường/xã, tỉnh. Bắt buộc nếu bạn nhận kết quả qua bưu điện.", "House number, street, ward/commune, province. Required if the result comes by post."},
		"cit.papers":           {"2. Giấy tờ kèm theo", "2. Papers"},
		"cit.papers_hint":      {"Chụp ảnh rõ nét hoặc quét (scan) từng trang giấy tờ. Nhận tệp PDF, JPG hoặc PNG; mỗi tệp tối đa %d MB, mỗi lần gửi tối đa %d MB. Giấy tờ nhiều trang: chọn nhiều ảnh cùng lúc.", "Take sharp photos or scans of each page. PDF, JPG or PNG files; %d MB per file, %d MB per sending. For a paper with several pages, choose several photos at once."},
		"cit.req_required":     {"Bắt buộc", "Required"},
		"cit.req_conditional":  {"Chỉ khi: %s", "Only if: %s"},
		"cit.req_optional":     {"Nếu có", "If you have it"},
		"cit.choose_files":     {"Chọn tệp cho: %s", "Choose files for: %s"},
		"cit.uploaded":         {"đã tải lên", "uploaded"},
		"cit.keep":             {"Giữ tệp này (bỏ chọn để xóa)", "Keep this file (untick to remove)"},
		"cit.return":           {"3. Cách nhận kết quả", "3. How to get the result"},
		"cit.return_counter":   {"Bạn đến Bộ phận Một cửa nhận bản giấy, mang theo thẻ Căn cước.", "Collect the paper at the one-stop counter; bring your ID card."},
		"cit.return_postal":    {"Bưu điện mang kết quả đến địa chỉ của bạn (có thể mất phí chuyển phát).", "The post office brings the result to your address (a delivery fee may apply)."},
		"cit.return_online":    {"Bạn xem và tải kết quả điện tử ngay trên trang “Hồ sơ của tôi”.", "View and download the electronic result on the “My dossiers” page."},
		"cit.submit":           {"Nộp hồ sơ", "Submit"},
		"cit.submit_hint":      {"Bấm một lần và chờ; gửi nhiều tệp có thể mất vài phút.", "Press once and wait; many files can take a few minutes."},
		"cit.no_limit_back":    {"Về trang thủ tục", "Back to the procedure"},
		"cit.other_papers":     {"Giấy tờ khác (nếu có)", "Other papers (if any)"},
		"cit.err_summary":      {"Hồ sơ chưa được gửi: có %d mục cần sửa, xem bên dưới. Những gì bạn đã nhập và các tệp đã tải lên vẫn được giữ.", "Nothing was sent yet: %d items need fixing, see below. What you typed and the files already uploaded are kept."},
		"cit.err_list":         {"Cần sửa", "To fix"},
		"cit.err_type":         {"Tệp “%s” không phải PDF, JPG hoặc PNG. Hãy chụp ảnh giấy tờ hoặc lưu lại dưới dạng PDF rồi chọn lại.", "The file “%s” is not a PDF, JPG or PNG. Take a photo of the paper or save it as a PDF, then choose it again."},
		"cit.err_size":         {"Tệp “%s” quá lớn (%s); mỗi tệp tối đa %d MB. Hãy chụp lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp.", "The file “%s” is too large (%s); %d MB per file at most. Take the photo at a lower resolution or split it into several files."},
		"cit.err_empty":        {"Tệp “%s” rỗng, không có nội dung. Hãy chọn lại tệp.", "The file “%s” is empty. Choose the file again."},
		"cit.err_read":         {"Không nhận được trọn vẹn tệp “%s”. Hãy chọn lại tệp.", "The file “%s” did not arrive whole. Choose it again."},
		"cit.err_total":        {"Các tệp gửi cùng lúc vượt quá %d MB nên phần sau chưa nhận được. Các tệp đã nhận được giữ lại bên dưới; hãy chọn lại các tệp còn thiếu và gửi tiếp.", "The files sent together exceed %d MB, so the last ones did not arrive. The files received are kept below; choose the missing ones again and send."},
		"cit.err_no_files":     {"Hãy đính kèm ít nhất một giấy tờ (ảnh chụp hoặc bản quét).", "Attach at least one paper (a photo or a scan)."},
		"cit.err_key_reused":   {"Biểu mẫu này đã được dùng để nộp một hồ sơ khác. Hãy xem mục “Hồ sơ của tôi”; nếu vẫn cần nộp thêm hồ sơ này, bấm “Nộp hồ sơ” lần nữa.", "This form was already used to file another dossier. Check “My dossiers”; if you still need to file this one, press “Submit” again."},
		"cit.err_bad_form":     {"Không đọc được biểu mẫu gửi lên. Hãy tải lại trang và gửi lại.", "The form could not be read. Reload the page and send it again."},
		"cit.ok_filed":         {"Đã nộp hồ sơ. Bộ phận Một cửa sẽ kiểm tra và tiếp nhận; bạn sẽ nhận được mã hồ sơ.", "Your dossier was filed. The one-stop counter will check and receive it; you will then get a dossier code."},
		"cit.ok_supplemented":  {"Đã gửi giấy tờ bổ sung. Cơ quan tiếp tục giải quyết hồ sơ; ngày hẹn trả được lùi tương ứng.", "Your supplement was sent. The agency resumes work on the dossier; the due date moves accordingly."},
		"cit.my_title":         {"Hồ sơ của tôi", "My dossiers"},
		"cit.my_lead":          {"Các hồ sơ bạn đã nộp, mới nhất ở trên. Hồ sơ nào cần bạn làm gì sẽ có nút ghi rõ việc cần làm.", "The dossiers you filed, newest first. When something is needed from you, a button says what."},
		"cit.new":              {"Nộp hồ sơ mới", "File a new dossier"},
		"cit.my_empty":         {"Bạn chưa nộp hồ sơ nào. Hãy tìm thủ tục cần làm để bắt đầu.", "You have not filed any dossier yet. Find the procedure you need to start."},
		"cit.count":            {"%d hồ sơ", "%d dossiers"},
		"cit.older":            {"Xem các hồ sơ cũ hơn", "Older dossiers"},
		"cit.cta_supplement":   {"Cần bổ sung", "Supplement needed"},
		"cit.cta_rate":         {"Đánh giá", "Rate"},
		"cit.cta_pay":          {"Cần nộp phí", "Payment needed"},
		"cit.open":             {"Xem hồ sơ", "Open"},
		"cit.dossier_title":    {"Hồ sơ %s", "Dossier %s"},
		"cit.next":             {"Tình trạng và việc tiếp theo", "Where it stands and what is next"},
		"cit.asked":            {"Cơ quan yêu cầu bổ sung", "The agency asks for more"},
		"cit.asked_at":         {"Yêu cầu lúc %s, người yêu cầu: %s.", "Requested at %s by %s."},
		"cit.asked_once":       {"Bạn chỉ bổ sung một lần, vì vậy hãy gửi đủ các giấy tờ được yêu cầu. Thời hạn giải quyết tạm dừng cho đến khi bạn gửi.", "You supplement only once, so send every paper asked for. The time limit is paused until you send."},
		"cit.supp_title":       {"Gửi bổ sung", "Send the supplement"},
		"cit.supp_note":        {"Nội dung bổ sung hoặc giải thích", "What you add, or an explanation"},
		"cit.supp_note_hint":   {"Không bắt buộc nếu đã đính kèm tệp.", "Optional when you attach files."},
		"cit.supp_submit":      {"Gửi bổ sung", "Send the supplement"},
		"cit.reason":           {"Lý do: %s", "Reason: %s"},
		"cit.pay_amount":       {"Số tiền phải nộp: %s. Hãy nộp tại Bộ phận Một cửa hoặc theo hướng dẫn của cơ quan; hồ sơ tiếp tục được giải quyết khi cơ quan xác nhận đã nộp.", "Amount due: %s. Pay at the one-stop counter or as the agency explains; work resumes once the agency records the payment."},
		"cit.rate_title":       {"Đánh giá mức độ hài lòng", "Rate the service"},
		"cit.rate_question":    {"Bạn có hài lòng với việc giải quyết hồ sơ này không?", "Are you satisfied with how this dossier was handled?"},
		"cit.rate_note":        {"Góp ý thêm", "Any comment"},
		"cit.rate_submit":      {"Gửi đánh giá", "Send the rating"},
		"cit.rated":            {"Bạn đã đánh giá: %s. Cảm ơn bạn.", "You rated: %s. Thank you."},
		"cit.papers_mine":      {"Giấy tờ của tôi", "My papers"},
		"cit.withdraw_title":   {"Rút hồ sơ", "Withdraw the dossier"},
		"cit.complain_title":   {"Phản ánh, kiến nghị về việc giải quyết hồ sơ", "Complain about how this dossier is handled"},
		"cit.complain_lead":    {"Phản ánh của bạn được gửi tới cơ quan giải quyết và được tính vào đánh giá chất lượng phục vụ.", "Your complaint goes to the agency handling the dossier and counts in the assessment of the service."},
		"cit.complain_reason":  {"Nội dung phản ánh", "What went wrong"},
		"cit.complain_submit":  {"Gửi phản ánh", "Send the complaint"},
		"cit.withdraw_lead":    {"Nếu bạn không muốn tiếp tục, bạn có thể đề nghị rút hồ sơ. Cơ quan sẽ dừng giải quyết; muốn làm lại bạn phải nộp hồ sơ mới.", "If you do not want to go on, ask to withdraw. The agency stops working on it; to try again you file a new dossier."},
		"cit.withdraw_reason":  {"Lý do rút hồ sơ", "Why you withdraw"},
		"cit.withdraw_confirm": {"Tôi chắc chắn muốn rút hồ sơ này.", "I am sure I want to withdraw this dossier."},
		"cit.withdraw_submit":  {"Rút hồ sơ", "Withdraw"},
		"cit.withdraw_unsure":  {"Hãy đánh dấu ô “Tôi chắc chắn muốn rút hồ sơ này” để xác nhận.", "Tick “I am sure I want to withdraw this dossier” to confirm."},
		"cit.action_unknown":   {"Thao tác này không thực hiện được từ trang của công dân.", "This action cannot be taken from the citizen page."},
		"cit.not_asked":        {"Hồ sơ hiện không ở trạng thái chờ bổ sung, nên không gửi bổ sung được.", "The dossier is not waiting for a supplement, so none can be sent."},
		"cit.back_list":        {"Về danh sách hồ sơ của tôi", "Back to my dossiers"},

		"cit.next.submitted":            {"Hồ sơ đang chờ Bộ phận Một cửa kiểm tra. Khi được tiếp nhận, hồ sơ có mã và ngày hẹn trả kết quả. Bạn chưa cần làm gì.", "The one-stop counter will check your dossier. Once received, it gets a code and a due date. Nothing to do for now."},
		"cit.next.received":             {"Hồ sơ đã được tiếp nhận và chuyển đến cơ quan giải quyết. Bạn không cần làm gì thêm.", "Your dossier was received and goes to the competent agency. Nothing more to do."},
		"cit.next.processing":           {"Cơ quan đang giải quyết hồ sơ. Bạn không cần làm gì thêm; ngày hẹn trả kết quả ghi bên dưới.", "The agency is working on your dossier. Nothing more to do; the due date is below."},
		"cit.next.supplement_requested": {"Cơ quan cần bạn bổ sung giấy tờ. Xem yêu cầu và gửi bổ sung ngay trên trang này.", "The agency needs more papers from you. Read the request and send them on this page."},
		"cit.next.payment_requested":    {"Cơ quan đề nghị bạn nộp phí, lệ phí.", "The agency asks you to pay a fee."},
		"cit.next.withdrawal_requested": {"Bạn đã đề nghị rút hồ sơ. Cơ quan sẽ dừng giải quyết.", "You asked to withdraw. The agency will stop working on it."},
		"cit.next.stopped":              {"Hồ sơ đã dừng giải quyết.", "Work on this dossier has stopped."},
		"cit.next.done_counter":         {"Đã có kết quả. Mời bạn đến Bộ phận Một cửa để nhận, nhớ mang theo thẻ Căn cước.", "The result is ready. Collect it at the one-stop counter; bring your ID card."},
		"cit.next.done_postal":          {"Đã có kết quả. Bưu điện sẽ mang kết quả đến địa chỉ của bạn.", "The result is ready. The post office will bring it to your address."},
		"cit.next.done_online":          {"Đã có kết quả. Bộ phận Một cửa sẽ gửi bản điện tử lên trang này.", "The result is ready. The one-stop counter will send the electronic copy to this page."},
		"cit.next.returned":             {"Đã trả kết quả. Cảm ơn bạn đã sử dụng dịch vụ.", "The result was delivered. Thank you for using the service."},
		"cit.next.refused":              {"Hồ sơ không được tiếp nhận. Xem lý do; bạn có thể nộp hồ sơ mới khi đã chuẩn bị đủ.", "The dossier was not accepted. See why; you may file a new one when ready."},
		"cit.next.rejected":             {"Hồ sơ không đủ điều kiện giải quyết. Xem lý do bên dưới.", "The dossier is not eligible. See why below."},

		"cit.reuse":           {"Dùng giấy tờ đã có trong kho dữ liệu của tôi", "Use a paper already in my data store"},
		"cit.reuse_hint":      {"Giấy tờ còn hiệu lực mà cơ quan đã cấp hoặc số hóa cho bạn: chọn để không phải nộp lại.", "Valid papers the province issued or digitized for you: choose one instead of submitting it again."},
		"cit.reuse_option":    {"%s — %s (%s, ngày %s)", "%s — %s (%s, %s)"},
		"cit.reused":          {"lấy từ kho dữ liệu", "from the data store"},
		"cit.digitized":       {"đã số hóa", "digitized"},
		"cit.err_doc_unknown": {"Không có giấy tờ số %s trong kho dữ liệu của bạn. Hãy chọn lại trong danh sách hoặc tải tệp lên.", "There is no document %s in your data store. Choose again from the list or upload a file."},
		"cit.err_doc_expired": {"Giấy tờ “%s” đã hết hiệu lực từ ngày %s; hãy tải lên bản còn hiệu lực.", "The document “%s” expired on %s; upload a valid one."},
	})
}

// Upload bounds of the citizen forms: every file of one post together, and
// the text fields (the per-file limit is service.MaxFileSize).
const (
	citMaxPost  = 60 << 20
	citMaxText  = 256 << 10
	citMaxParts = 400
	// Component names in the dossier are the catalog's, in Vietnamese
	// whatever the page's language.
	citOtherPapers = "Giấy tờ khác"
	citAttached    = "Giấy tờ kèm theo"
)

func (s *Server) citizenRoutes() {
	s.mux.HandleFunc("GET /procedures/{code}/file", s.require(s.citFileForm, org.RoleCitizen))
	s.mux.HandleFunc("POST /procedures/{code}/file", s.require(s.citFilePost, org.RoleCitizen))
	s.mux.HandleFunc("GET /my/dossiers", s.require(s.citList, org.RoleCitizen))
	s.mux.HandleFunc("GET /my/dossiers/{id}", s.require(s.byID(s.citDossier), org.RoleCitizen))
	s.mux.HandleFunc("POST /my/dossiers/{id}/supplement", s.require(s.byID(s.citSupplement), org.RoleCitizen))
	s.mux.HandleFunc("POST /my/dossiers/{id}/act", s.require(s.form(s.byID(s.citAct)), org.RoleCitizen))
}

// ---- forms with files ------------------------------------------------------

// citFieldError is a message shown at the top of a form and beside its field.
type citFieldError struct {
	Field string // the id of the input it belongs to
	Label string // what the field is called, for the summary
	Msg   string
}

// citForm is what a form with files needs to come back after an error.
type citForm struct {
	Errors     []citFieldError
	Components []citComp
}

// Errs are the messages for the field with this id.
func (f *citForm) Errs(field string) []string {
	var out []string
	for _, e := range f.Errors {
		if e.Field == field {
			out = append(out, e.Msg)
		}
	}
	return out
}

func (f *citForm) fail(field, label, msg string) {
	label = strings.TrimRight(label, ";:,. ") // catalog names end with their list's punctuation
	f.Errors = append(f.Errors, citFieldError{Field: field, Label: label, Msg: msg})
}

// citComp is one paper of the form: its file input and the files already
// uploaded for it.
type citComp struct {
	Index          int
	Name           string
	CopiesOriginal int
	CopiesCopy     int
	// Requirement is catalog.Required, Conditional (with Condition, the
	// case in which it is asked) or Optional.
	Requirement, Condition string
	Kept                   []citKept
	// DocID: a document of the person's data store chosen for this paper
	// instead of an upload (Circular 01/2023 Art. 24); 0 for none.
	DocID int64
}

// DocField is the name of the component's choice from the data store.
func (c citComp) DocField() string { return "doc_" + strconv.Itoa(c.Index) }

// FieldID is the id of the component's file input.
func (c citComp) FieldID() string { return "file-" + strconv.Itoa(c.Index) }

type citKept struct {
	ID, Name, Size string
	sha            string
}

func (c citComp) fileIDs() []string {
	ids := make([]string, 0, len(c.Kept))
	for _, k := range c.Kept {
		ids = append(ids, k.ID)
	}
	return ids
}

func (c *citComp) keep(f model.File) {
	if slices.ContainsFunc(c.Kept, func(k citKept) bool { return k.ID == f.ID }) {
		return
	}
	c.Kept = append(c.Kept, citKept{ID: f.ID, Name: f.Name, Size: citSize(f.Size), sha: f.SHA256})
}

func citSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt((n+1023)>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// citComponents lists a procedure's papers as form inputs; extra is added at
// the end (for supplements: anything the agency asked that is not listed).
//
// Only the papers an online filing may carry are offered (the paper
// declaration is the counter's; the e-form is online), each marked
// required, conditional with its case in plain words, or optional (issue 21
// item 2); the counts of originals and copies mean nothing online and are
// not shown. Index stays the paper's place in the procedure, which the post
// refers to.
func citComponents(p catalog.Procedure, extra string) []citComp {
	var out []citComp
	for _, c := range p.ComponentsFor(string(dossier.ChannelOnline)) {
		out = append(out, citComp{Index: c.Index, Name: c.Name, Requirement: string(c.Requirement), Condition: c.Condition})
	}
	if extra != "" || len(out) == 0 {
		if extra == "" {
			extra = citAttached
		}
		out = append(out, citComp{Index: len(p.Components), Name: extra, Requirement: string(catalog.Optional)})
	}
	return out
}

// citUpload is one file part of a post, spooled to disk.
type citUpload struct {
	Field string
	Name  string
	Path  string
	Size  int64 // as sent, even beyond what was kept
}

// citMultipart is a multipart form read part by part. When the body goes
// over the limit, what came before is kept (Cut): the text fields come first
// in the page's forms, so a person who sent too many photos at once loses
// neither what they typed nor the files that arrived.
type citMultipart struct {
	Values url.Values
	Files  []citUpload
	Cut    bool
	dir    string
}

func (m *citMultipart) cleanup() {
	if m != nil && m.dir != "" {
		os.RemoveAll(m.dir)
	}
}

func citTooLarge(err error) bool {
	var e *http.MaxBytesError
	return errors.As(err, &e)
}

func citBadForm() error {
	return apperr.New(apperr.BadInput, "form_unreadable", translate("vi", "cit.err_bad_form"), translate("en", "cit.err_bad_form"))
}

// readUploadPost reads a multipart post of at most limit bytes and checks
// its CSRF token. When it returns false it has answered the request; the
// caller defers m.cleanup() either way, to remove what arrived.
func (s *Server) readUploadPost(w http.ResponseWriter, r *http.Request, limit int64) (*citMultipart, bool) {
	m, err := citReadMultipart(w, r, limit)
	if err == nil {
		var names []string
		for _, f := range m.Files {
			names = append(names, f.Field, f.Name)
		}
		err = checkFormText(m.Values, nil, names...)
	}
	if err == nil {
		err = checkCSRF(r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return m, false
	}
	return m, true
}

// citReadMultipart reads a multipart post within limit bytes, files to a
// temporary directory, and makes the text fields the request's PostForm so
// that checkCSRF can run on them.
func citReadMultipart(w http.ResponseWriter, r *http.Request, limit int64) (*citMultipart, error) {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	m := &citMultipart{Values: url.Values{}}
	r.PostForm = m.Values
	mr, err := r.MultipartReader()
	if err != nil {
		return m, citBadForm()
	}
	var text int64
	for n := 0; ; n++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			return m, nil
		}
		if err != nil {
			if citTooLarge(err) {
				m.Cut = true
				return m, nil
			}
			return m, citBadForm()
		}
		if n >= citMaxParts {
			return m, citBadForm()
		}
		field := p.FormName()
		if field == "" {
			continue
		}
		if p.FileName() == "" {
			b, err := io.ReadAll(io.LimitReader(p, citMaxText-text+1))
			if citTooLarge(err) {
				m.Cut = true
				return m, nil
			}
			text += int64(len(b))
			if err != nil || text > citMaxText {
				return m, citBadForm()
			}
			m.Values.Add(field, string(b))
			continue
		}
		if err := m.spool(p, field); err != nil {
			if citTooLarge(err) {
				m.Cut = true
				return m, nil
			}
			return m, err
		}
	}
}

// spool writes one file part to disk: at most one byte more than the
// service accepts, so that the service itself says the file is too large.
func (m *citMultipart) spool(p *multipart.Part, field string) error {
	if m.dir == "" {
		dir, err := os.MkdirTemp("", "motcua-upload-")
		if err != nil {
			return err
		}
		m.dir = dir
	}
	f, err := os.CreateTemp(m.dir, "part-")
	if err != nil {
		return err
	}
	n, err := io.Copy(f, io.LimitReader(p, service.MaxFileSize+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > service.MaxFileSize {
		var rest int64
		rest, err = io.Copy(io.Discard, p)
		n += rest
	}
	if err != nil {
		if citTooLarge(err) {
			return err
		}
		return citBadForm()
	}
	m.Files = append(m.Files, citUpload{Field: field, Name: p.FileName(), Path: f.Name(), Size: n})
	return nil
}

// citCollectFiles gathers the files of each component: those uploaded by an
// earlier attempt (kept_<i>, checked to be the person's own) and the new
// ones, each through svc.Upload. A refused file becomes an error naming it;
// the accepted ones are kept for the next attempt either way.
func (s *Server) citCollectFiles(ctx context.Context, actor org.Actor, lang string, m *citMultipart, st *citForm) {
	for i := range st.Components {
		c := &st.Components[i]
		for _, id := range m.Values["kept_"+strconv.Itoa(c.Index)] {
			if f, err := s.svc.OwnFile(ctx, actor, id); err == nil {
				c.keep(f)
			}
		}
	}
	for _, u := range m.Files {
		i := slices.IndexFunc(st.Components, func(c citComp) bool { return u.Field == "file_"+strconv.Itoa(c.Index) })
		if i < 0 {
			continue
		}
		c := &st.Components[i]
		fh, err := os.Open(u.Path)
		if err != nil {
			st.fail(c.FieldID(), c.Name, translate(lang, "cit.err_read", u.Name))
			continue
		}
		f, err := s.svc.Upload(ctx, actor, u.Name, fh)
		fh.Close()
		if err != nil {
			st.fail(c.FieldID(), c.Name, citUploadError(lang, u, err))
			continue
		}
		c.keep(f)
	}
	if m.Cut {
		st.fail(st.Components[0].FieldID(), "", translate(lang, "cit.err_total", citMaxPost>>20))
	}
}

// citUploadError names the refused file in the person's language.
func citUploadError(lang string, u citUpload, err error) string {
	e, ok := apperr.As(err)
	if !ok {
		return translate(lang, "error.internal")
	}
	switch e.Code {
	case "file_type":
		return translate(lang, "cit.err_type", u.Name)
	case "file_too_large":
		return translate(lang, "cit.err_size", u.Name, citSize(u.Size), service.MaxFileSize>>20)
	case "file_empty":
		return translate(lang, "cit.err_empty", u.Name)
	case "upload_read":
		return translate(lang, "cit.err_read", u.Name)
	}
	return locale.Error(locale.Parse(lang), e)
}

// citFilesHash fingerprints the papers by content, not by upload id: a form
// sent twice uploads its files twice under new ids, and must still be
// recognised as the same request.
func citFilesHash(comps []citComp) string {
	var b strings.Builder
	for _, c := range comps {
		b.WriteString(c.Name)
		b.WriteByte('\x1f')
		shas := make([]string, 0, len(c.Kept))
		for _, k := range c.Kept {
			shas = append(shas, k.sha)
		}
		slices.Sort(shas)
		b.WriteString(strings.Join(shas, ","))
		if c.DocID > 0 {
			b.WriteString(",doc:" + strconv.FormatInt(c.DocID, 10))
		}
		b.WriteByte('\x1e')
	}
	return b.String()
}

func citTotalFiles(comps []citComp) int {
	n := 0
	for _, c := range comps {
		n += len(c.Kept)
		if c.DocID > 0 {
			n++
		}
	}
	return n
}

// ---- filing ------------------------------------------------------------------

type citFiling struct {
	citForm
	Proc      procedureData
	CanFile   bool
	Key       string
	Applicant dossier.Applicant
	Return    string
	MaxFileMB int
	MaxPostMB int
	// Docs: the person's documents that may be reused, offered beside
	// each paper's upload (RULES-VN.md §8.5: never asked twice).
	Docs []model.Document
}

// DocLabel describes a document of the store in the list of choices.
func (d *citFiling) DocLabel(lang string, doc model.Document) string {
	day := doc.IssuedAt.In(vietnam).Format("02/01/2006")
	return translate(lang, "cit.reuse_option", doc.Name, doc.FileName, translate(lang, "ds.kind."+string(doc.Kind)), day)
}

// Returns lists the result delivery choices in the order shown.
func (d *citFiling) Returns() []string { return []string{"online", "counter", "postal"} }

func (s *Server) citNewFiling(r *http.Request, code string) (*citFiling, error) {
	pd, err := s.loadProcedure(r, code)
	if err != nil {
		return nil, err
	}
	d := &citFiling{Proc: pd, CanFile: pd.P.TimeLimit.Set(), MaxFileMB: service.MaxFileSize >> 20, MaxPostMB: citMaxPost >> 20}
	d.Components = citComponents(pd.P, "")
	if d.Docs, err = s.svc.ReusableDocuments(r.Context(), sessionOf(r).Actor); err != nil {
		return nil, err
	}
	return d, nil
}

func (s *Server) citRenderFiling(w http.ResponseWriter, r *http.Request, status int, d *citFiling, errMsg string) {
	v := s.newView(r, "cit.file_title", d)
	if errMsg != "" {
		v.Error = errMsg
	} else if len(d.Errors) > 0 {
		v.Error = v.T("cit.err_summary", len(d.Errors))
	}
	s.render(w, r, status, "citizen_file", v)
}

func (s *Server) citFileForm(w http.ResponseWriter, r *http.Request, sess *session) {
	d, err := s.citNewFiling(r, r.PathValue("code"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d.Key, d.Return = randomHex(16), string(dossier.ReturnOnline)
	if u, err := s.svc.Profile(r.Context(), sess.Actor); err == nil {
		d.Applicant = dossier.Applicant{Name: u.Name, IDNumber: u.IDNumber, Phone: u.Phone, Email: u.Email}
	} else {
		d.Applicant.Name = sess.Actor.Name
	}
	s.citRenderFiling(w, r, 200, d, "")
}

func citErrText(lang string, err error) string { return locale.Error(locale.Parse(lang), err) }

// citPlaceError puts a service refusal beside its field when it has one.
func citPlaceError(lang string, err error, st *citForm) bool {
	p, ok := form.ApplicantProblem(err)
	if ok {
		st.fail(p.Field, translate(lang, p.Label), citErrText(lang, err))
	}
	return ok
}

func (s *Server) citFilePost(w http.ResponseWriter, r *http.Request, sess *session) {
	m, ok := s.readUploadPost(w, r, citMaxPost+citMaxText)
	defer m.cleanup()
	if !ok {
		return
	}
	d, err := s.citNewFiling(r, r.PathValue("code"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	lang := langOf(r)
	f := m.Values
	fl := form.ParseFiling(f)
	d.Key, d.Applicant, d.Return = fl.Key, fl.Applicant, fl.Return
	if d.Key == "" {
		d.Key = randomHex(16)
	}
	ctx := r.Context()
	// The same form again after it went through: back to that dossier,
	// without uploading its files a second time.
	if body, ok, err := s.svc.Answered(ctx, sess.Actor, d.Key); err != nil {
		s.renderError(w, r, err)
		return
	} else if id, perr := strconv.ParseInt(string(body), 10, 64); ok && perr == nil {
		http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d?ok=cit_filed", id), http.StatusSeeOther)
		return
	}
	if !d.CanFile {
		s.citRenderFiling(w, r, http.StatusUnprocessableEntity, d, translate(lang, "proc.no_limit"))
		return
	}
	s.citCollectFiles(ctx, sess.Actor, lang, m, &d.citForm)
	s.citChosenDocs(ctx, sess.Actor, lang, f, d)
	uploadFailed := len(d.Errors) > 0
	for _, p := range fl.Check() {
		d.fail(p.Field, translate(lang, p.Label), citErrText(lang, p.Err))
	}
	rm := fl.ReturnMethod()
	if !uploadFailed && citTotalFiles(d.Components) == 0 {
		d.fail(d.Components[0].FieldID(), d.Components[0].Name, translate(lang, "cit.err_no_files"))
	}
	if len(d.Errors) > 0 {
		status := http.StatusUnprocessableEntity
		if m.Cut {
			status = http.StatusRequestEntityTooLarge
		}
		s.citRenderFiling(w, r, status, d, "")
		return
	}
	a := d.Applicant
	if err := a.Normalize(); err != nil { // checked field by field above; kept as the last word
		citPlaceError(lang, err, &d.citForm)
		s.citRenderFiling(w, r, http.StatusUnprocessableEntity, d, "")
		return
	}
	in := service.NewDossier{ProcedureCode: d.Proc.P.Code, Channel: dossier.ChannelOnline, Applicant: a, ReturnMethod: rm}
	for _, c := range d.Components {
		cf := dossier.ComponentFiles{Name: c.Name, FileIDs: c.fileIDs()}
		if c.DocID > 0 {
			cf.DocumentIDs = []int64{c.DocID}
		}
		in.Components = append(in.Components, cf)
	}
	hash := service.RequestHash("web-file", in.ProcedureCode, a.Name, a.IDNumber, a.Phone, a.Email, a.Address, string(rm), citFilesHash(d.Components))
	res, err := s.svc.Submit(ctx, sess.Actor, in, d.Key, hash, func(d *dossier.Dossier) ([]byte, error) {
		return []byte(strconv.FormatInt(d.ID, 10)), nil
	})
	if err != nil {
		if e, ok := apperr.As(err); ok && e.Code == "idempotency_key_reused" {
			d.Key = randomHex(16)
			s.citRenderFiling(w, r, http.StatusConflict, d, translate(lang, "cit.err_key_reused"))
			return
		}
		status := s.httpStatus(r, err)
		if citPlaceError(lang, err, &d.citForm) {
			s.citRenderFiling(w, r, status, d, "")
			return
		}
		s.citRenderFiling(w, r, status, d, citErrText(lang, err))
		return
	}
	id := string(res.Body)
	if res.Dossier != nil {
		id = strconv.FormatInt(res.Dossier.ID, 10)
	}
	http.Redirect(w, r, "/my/dossiers/"+id+"?ok=cit_filed", http.StatusSeeOther)
}

// citChosenDocs reads the documents chosen from the data store, one per
// paper. The list offered holds only the person's own valid documents; a
// number not in it (a forged form, or a paper that expired since the page
// was drawn) is refused beside its paper, and the service checks again.
func (s *Server) citChosenDocs(ctx context.Context, actor org.Actor, lang string, f url.Values, d *citFiling) {
	for i := range d.Components {
		c := &d.Components[i]
		v := strings.TrimSpace(f.Get(c.DocField()))
		if v == "" {
			continue
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err == nil && slices.ContainsFunc(d.Docs, func(doc model.Document) bool { return doc.ID == id }) {
			c.DocID = id
			continue
		}
		msg := translate(lang, "cit.err_doc_unknown", v)
		if doc, err := s.svc.OwnDocument(ctx, actor, id); err == nil && !doc.ValidAt(s.svc.Now()) {
			msg = translate(lang, "cit.err_doc_expired", doc.Name, doc.ValidUntil.In(vietnam).Format("02/01/2006"))
		}
		d.fail(c.DocFieldID(), c.Name, msg)
	}
}

// DocFieldID is the id of the component's choice from the data store.
func (c citComp) DocFieldID() string { return "doc-" + strconv.Itoa(c.Index) }

// ---- my dossiers ---------------------------------------------------------------

type citRow struct {
	D          *dossier.Dossier
	Procedure  string
	Timeliness dossier.Timeliness
	CTA        string // supplement, pay, rate: what is asked of the person
}

type citListData struct {
	Rows  []citRow
	Older string // link to the next page, if any
}

const citPage = 50

func (s *Server) citList(w http.ResponseWriter, r *http.Request, sess *session) {
	after, _ := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
	if after < 0 {
		after = 0
	}
	list, err := s.svc.List(r.Context(), sess.Actor, service.ListFilter{Limit: citPage, AfterID: after})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	now, dayStart := s.svc.Now(), s.svc.Deadlines().DayStart
	names := map[string]string{}
	d := citListData{}
	for _, ds := range list {
		key := ds.ProcedureCode + "@" + strconv.Itoa(ds.ProcedureVersion)
		if _, ok := names[key]; !ok {
			if p, err := s.svc.ProcedureVersion(r.Context(), ds.ProcedureCode, ds.ProcedureVersion); err == nil {
				names[key] = p.Name
			} else {
				names[key] = ds.ProcedureCode
			}
		}
		d.Rows = append(d.Rows, citRow{D: ds, Procedure: names[key], Timeliness: ds.Timeliness(now, dayStart), CTA: citCallToAction(ds, sess.Actor)})
	}
	if len(list) == citPage {
		d.Older = "/my/dossiers?after=" + strconv.FormatInt(list[len(list)-1].ID, 10)
	}
	s.render(w, r, 200, "citizen_list", s.newView(r, "cit.my_title", d))
}

// citCallToAction names what the dossier waits for from its applicant.
func citCallToAction(d *dossier.Dossier, actor org.Actor) string {
	allowed := dossier.Allowed(d, actor)
	switch {
	case slices.Contains(allowed, dossier.ActSupplement):
		return "supplement"
	case d.Status == dossier.PaymentRequested:
		return "pay"
	case slices.Contains(allowed, dossier.ActRate):
		return "rate"
	}
	return ""
}

// citDossierData is the citizen's dossier page.
type citDossierData struct {
	*dossierData
	citForm
	Next          string // what happens next, in words
	Asked         *model.StoredEvent
	AskedReason   string
	Reason        string // why a dossier was refused, rejected or stopped
	CanSupplement bool
	CanRate       bool
	CanWithdraw   bool
	CanComplain   bool
	SuppKey       string
	SuppNote      string
	MaxFileMB     int
	MaxPostMB     int
}

// RatingScale lists the choices, the best first.
func (d *citDossierData) RatingScale() []int { return []int{3, 2, 1} }

// Val is a value typed in the rate or withdraw form before a refusal.
func (d *citDossierData) Val(action, field string) string {
	if d.Failed != action || d.Form == nil {
		return ""
	}
	return d.Form.Get(field)
}

func citLastEvent(evs []model.StoredEvent, actions ...dossier.Action) *model.StoredEvent {
	for i := len(evs) - 1; i >= 0; i-- {
		if slices.Contains(actions, dossier.Action(evs[i].Action)) {
			return &evs[i]
		}
	}
	return nil
}

func (s *Server) citLoad(r *http.Request, sess *session, id int64) (*citDossierData, error) {
	base, err := s.loadDossier(r, sess.Actor, id)
	if err != nil {
		return nil, err
	}
	base.ActURL = "/my/dossiers/" + strconv.FormatInt(id, 10) + "/act"
	d := &citDossierData{dossierData: base, MaxFileMB: service.MaxFileSize >> 20, MaxPostMB: citMaxPost >> 20, SuppKey: base.Key + "-supplement"}
	dd := base.D
	d.CanSupplement = slices.Contains(base.Allowed, dossier.ActSupplement)
	d.CanRate = slices.Contains(base.Allowed, dossier.ActRate)
	d.CanWithdraw = slices.Contains(base.Allowed, dossier.ActWithdraw)
	d.CanComplain = slices.Contains(base.Allowed, dossier.ActComplaint)
	if dd.SupplementCount > 0 {
		d.Asked = citLastEvent(base.Events, dossier.ActRequestSupplement)
		d.AskedReason = eventReason(d.Asked)
	}
	switch dd.Status {
	case dossier.Refused, dossier.Rejected, dossier.Stopped:
		d.Reason = eventReason(citLastEvent(base.Events, dossier.ActRefuse, dossier.ActReject, dossier.ActStop, dossier.ActWithdraw))
	}
	next := "cit.next." + string(dd.Status)
	if dd.Status == dossier.Done {
		next = "cit.next.done_" + string(dd.ReturnMethod)
	}
	d.Next = translate(langOf(r), next)
	d.Components = citComponents(base.Procedure, citOtherPapers)
	return d, nil
}

func (s *Server) citRender(w http.ResponseWriter, r *http.Request, status int, d *citDossierData, errMsg string) {
	v := s.newView(r, "cit.dossier_title", d)
	code := d.D.Code
	if code == "" {
		code = v.T("dos.not_received")
	}
	v.Title = v.T("cit.dossier_title", code)
	switch r.URL.Query().Get("ok") {
	case "cit_filed":
		v.Flash = v.T("cit.ok_filed")
	case "cit_supplemented":
		v.Flash = v.T("cit.ok_supplemented")
	}
	if errMsg != "" {
		v.Error = errMsg
	} else if len(d.Errors) > 0 {
		v.Error = v.T("cit.err_summary", len(d.Errors))
	}
	s.render(w, r, status, "citizen_dossier", v)
}

func (s *Server) citDossier(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	d, err := s.citLoad(r, sess, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.citRender(w, r, 200, d, "")
}

// citAct rates or withdraws; supplements come with files through citSupplement.
func (s *Server) citAct(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	action := r.PostFormValue("action")
	fail := func(actErr error) {
		d, err := s.citLoad(r, sess, id)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		d.Form, d.Failed = r.PostForm, action
		s.citRender(w, r, s.httpStatus(r, actErr), d, citErrText(langOf(r), actErr))
	}
	switch dossier.Action(action) {
	case dossier.ActRate, dossier.ActComplaint:
	case dossier.ActWithdraw:
		if r.PostFormValue("confirm") != "yes" {
			fail(apperr.New(apperr.Invalid, "withdraw_unconfirmed", translate("vi", "cit.withdraw_unsure"), translate("en", "cit.withdraw_unsure")))
			return
		}
	default:
		fail(apperr.New(apperr.Invalid, "citizen_action", translate("vi", "cit.action_unknown"), translate("en", "cit.action_unknown")))
		return
	}
	s.postAction(w, r, sess, id, "/my/dossiers/"+strconv.FormatInt(id, 10), fail)
}

// citSupplement sends the one supplementation the agency asked for: files per
// paper and/or a note, under the same upload rules as filing.
func (s *Server) citSupplement(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	m, ok := s.readUploadPost(w, r, citMaxPost+citMaxText)
	defer m.cleanup()
	if !ok {
		return
	}
	d, err := s.citLoad(r, sess, id) // someone else's dossier: 404 before any upload
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	lang := langOf(r)
	f := m.Values
	d.SuppNote = strings.TrimSpace(f.Get("note"))
	if k := strings.TrimSpace(f.Get("key")); k != "" && len(k) <= 80 {
		d.SuppKey = k
	}
	version, _ := strconv.Atoi(f.Get("version"))
	ctx := r.Context()
	if _, ok, err := s.svc.Answered(ctx, sess.Actor, d.SuppKey); err != nil {
		s.renderError(w, r, err)
		return
	} else if ok { // sent again after it went through
		http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d?ok=cit_supplemented", id), http.StatusSeeOther)
		return
	}
	if !d.CanSupplement {
		s.citRender(w, r, http.StatusUnprocessableEntity, d, translate(lang, "cit.not_asked"))
		return
	}
	s.citCollectFiles(ctx, sess.Actor, lang, m, &d.citForm)
	if len(d.Errors) == 0 && citTotalFiles(d.Components) == 0 && d.SuppNote == "" {
		d.fail(d.Components[0].FieldID(), d.Components[0].Name, citErrText(lang, apperr.New(apperr.Invalid, "supplement_empty",
			"Hãy đính kèm giấy tờ bổ sung hoặc ghi rõ nội dung đã bổ sung.", "Attach the supplementary papers or describe what you add.")))
	}
	if len(d.Errors) > 0 {
		status := http.StatusUnprocessableEntity
		if m.Cut {
			status = http.StatusRequestEntityTooLarge
		}
		s.citRender(w, r, status, d, "")
		return
	}
	in := service.ActionInput{Action: string(dossier.ActSupplement), Note: d.SuppNote}
	for _, c := range d.Components {
		if len(c.Kept) > 0 {
			in.Components = append(in.Components, dossier.ComponentFiles{Name: c.Name, FileIDs: c.fileIDs()})
		}
	}
	hash := service.RequestHash("web-supplement", strconv.FormatInt(id, 10), strconv.Itoa(version), d.SuppNote, citFilesHash(d.Components))
	err = s.act(ctx, sess.Actor, id, version, in, d.SuppKey, hash)
	if err != nil {
		if e, ok := apperr.As(err); ok && e.Code == "idempotency_key_reused" {
			d.SuppKey = randomHex(16) + "-supplement"
		}
		s.citRender(w, r, s.httpStatus(r, err), d, citErrText(lang, err))
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d?ok=cit_supplemented", id), http.StatusSeeOther)
}
