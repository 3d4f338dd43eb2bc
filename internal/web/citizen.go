package web

import (
	"github.com/motcua/motcua/internal/org"
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
		"cit.ok_filed":         {"Đã nộp hồ sơ. Bộ phận Một cửa sẽ kiểm tra và tiếp nhận; bạn sẽ nhận được mã hồ sơ. Từ bây giờ bạn có thể tra cứu hoặc báo qua điện thoại bằng mã tra cứu dưới đây.", "Your dossier was filed. The one-stop counter will check and receive it; you will then get a dossier code. From now on you can track it, or quote it on the phone, with the tracking reference below."},
		"cit.ref":              {"Mã tra cứu: %s", "Tracking reference: %s"},
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
