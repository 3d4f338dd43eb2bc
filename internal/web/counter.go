package web

import (
	"github.com/motcua/motcua/internal/org"
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
