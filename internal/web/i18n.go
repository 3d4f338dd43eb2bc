package web

import (
	"net/http"

	"github.com/motcua/motcua/internal/locale"
)

// The pages speak Vietnamese by default, English on request. Every text shown
// to people is a key with both languages in the one catalogue
// (internal/locale); each page file registers its own keys so that the
// catalogue grows with the pages and never goes stale.
func addMessages(m map[string][2]string) { locale.Add(m) }

// translate looks a key up in the page's language; a missing key shows
// itself so tests catch it.
func translate(lang, key string, args ...any) string {
	return locale.Text(locale.Parse(lang), key, args...)
}

func langOf(r *http.Request) string {
	if c, err := r.Cookie(langCookie); err == nil && c.Value == "en" {
		return "en"
	}
	return "vi"
}

func init() {
	addMessages(map[string][2]string{
		"site.tagline":      {"Dịch vụ công một cửa", "One-stop public services"},
		"nav.home":          {"Trang chủ", "Home"},
		"nav.procedures":    {"Thủ tục hành chính", "Procedures"},
		"nav.track":         {"Tra cứu hồ sơ", "Track a dossier"},
		"nav.login":         {"Đăng nhập", "Sign in"},
		"nav.logout":        {"Đăng xuất", "Sign out"},
		"nav.my":            {"Hồ sơ của tôi", "My dossiers"},
		"nav.counter":       {"Quầy tiếp nhận", "Counter"},
		"nav.work":          {"Hồ sơ cần xử lý", "My work"},
		"nav.director":      {"Điều hành", "Overview"},
		"nav.admin":         {"Quản trị", "Administration"},
		"nav.skip":          {"Bỏ qua, đến nội dung chính", "Skip to main content"},
		"nav.lang_other":    {"English", "Tiếng Việt"},
		"nav.menu":          {"Danh mục chính", "Main menu"},
		"nav.signed_in_as":  {"Đang đăng nhập:", "Signed in as:"},
		"footer.help":       {"Cần hỗ trợ? Hãy đến quầy hướng dẫn của Trung tâm.", "Need help? Ask at the center's help desk."},
		"footer.hotline":    {"Cần hỗ trợ? Gọi đường dây nóng %s hoặc đến quầy hướng dẫn của Trung tâm.", "Need help? Call the hotline %s or ask at the center's help desk."},
		"common.search":     {"Tìm kiếm", "Search"},
		"common.save":       {"Lưu", "Save"},
		"common.back":       {"Quay lại", "Back"},
		"common.none":       {"Không có", "None"},
		"common.yes":        {"Có", "Yes"},
		"common.no":         {"Không", "No"},
		"common.free":       {"Không thu phí", "Free of charge"},
		"common.details":    {"Xem chi tiết", "Details"},
		"common.required":   {"bắt buộc", "required"},
		"common.optional":   {"không bắt buộc", "optional"},
		"common.code":       {"Mã hồ sơ", "Dossier code"},
		"common.procedure":  {"Thủ tục", "Procedure"},
		"common.status":     {"Trạng thái", "Status"},
		"common.applicant":  {"Người nộp", "Applicant"},
		"common.received":   {"Ngày tiếp nhận", "Received"},
		"common.due":        {"Hẹn trả kết quả", "Due"},
		"common.submitted":  {"Ngày nộp", "Submitted"},
		"common.finished":   {"Ngày có kết quả", "Settled"},
		"common.agency":     {"Cơ quan", "Agency"},
		"common.time":       {"Thời gian", "Time"},
		"common.by":         {"Người thực hiện", "By"},
		"common.note":       {"Ghi chú", "Note"},
		"common.reason":     {"Lý do", "Reason"},
		"common.action":     {"Thao tác", "Action"},
		"common.history":    {"Quá trình xử lý", "History"},
		"common.empty":      {"Chưa có hồ sơ nào.", "No dossiers yet."},
		"common.timeliness": {"Tiến độ", "Timeliness"},
		"error.title":       {"Không thực hiện được", "Could not be done"},
		"error.not_found":   {"Không tìm thấy trang này.", "This page does not exist."},
		"error.go_home":     {"Về trang chủ", "Go to the home page"},

		"status.submitted":            {"Chờ tiếp nhận", "Waiting for reception"},
		"status.received":             {"Đã tiếp nhận", "Received"},
		"status.refused":              {"Không được tiếp nhận", "Refused"},
		"status.processing":           {"Đang giải quyết", "Being processed"},
		"status.supplement_requested": {"Chờ bổ sung hồ sơ", "Waiting for supplementation"},
		"status.payment_requested":    {"Chờ nộp phí, lệ phí", "Waiting for payment"},
		"status.withdrawal_requested": {"Đề nghị rút hồ sơ", "Withdrawal requested"},
		"status.stopped":              {"Dừng giải quyết", "Stopped"},
		"status.done":                 {"Có kết quả, chờ trả", "Result ready"},
		"status.returned":             {"Đã trả kết quả", "Result returned"},
		"status.rejected":             {"Không đủ điều kiện giải quyết", "Not eligible"},

		"action.submit":             {"Nộp hồ sơ", "Submitted"},
		"action.receive":            {"Tiếp nhận", "Receive"},
		"action.refuse":             {"Từ chối tiếp nhận (Mẫu 03)", "Refuse (Form 03)"},
		"action.transfer":           {"Chuyển xử lý", "Hand over"},
		"action.request_supplement": {"Yêu cầu bổ sung (Mẫu 02)", "Request supplementation (Form 02)"},
		"action.supplement":         {"Bổ sung hồ sơ", "Supplement"},
		"action.request_payment":    {"Yêu cầu nộp phí", "Request payment"},
		"action.pay":                {"Xác nhận đã nộp phí", "Record payment"},
		"action.extend":             {"Xin lỗi và gia hạn (Mẫu 04)", "Apologise and extend (Form 04)"},
		"action.approve":            {"Phê duyệt kết quả", "Approve"},
		"action.reject":             {"Trả lại: không đủ điều kiện", "Reject as not eligible"},
		"action.withdraw":           {"Rút hồ sơ", "Withdraw"},
		"action.stop":               {"Dừng giải quyết", "Stop processing"},
		"action.return_result":      {"Trả kết quả", "Return the result"},
		"action.rate":               {"Đánh giá mức độ hài lòng", "Rate the service"},
		"action.complaint":          {"Ghi nhận phản ánh, kiến nghị", "Record a complaint"},
		"action.urge":               {"Đôn đốc xử lý", "Urge the agency"},

		"timeliness.early":   {"Trước hạn", "Early"},
		"timeliness.on_time": {"Đúng hạn", "On time"},
		"timeliness.late":    {"Quá hạn", "Late"},
		"timeliness.in_time": {"Trong hạn", "Within time"},
		"timeliness.overdue": {"Đã quá hạn", "Overdue"},

		"channel.online":  {"Trực tuyến", "Online"},
		"channel.counter": {"Tại quầy", "At the counter"},
		"channel.postal":  {"Qua bưu chính", "By post"},
		"return.counter":  {"Nhận tại Bộ phận Một cửa", "Collect at the one-stop counter"},
		"return.postal":   {"Gửi qua bưu chính công ích", "Delivered by public post"},
		"return.online":   {"Nhận bản điện tử trực tuyến", "Electronic copy online"},

		"rating.1": {"Không hài lòng", "Dissatisfied"},
		"rating.2": {"Hài lòng", "Satisfied"},
		"rating.3": {"Rất hài lòng", "Very satisfied"},
	})
}
