package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
)

// Administration: agencies and counters, staff accounts and roles, the
// procedure catalog, the working calendar. Every write is a CSRF-checked
// POST for administrators only; a refused form comes back with what was
// typed and the reason, a saved one redirects with a confirmation.

func init() {
	addMessages(map[string][2]string{
		"admin.title":                 {"Quản trị hệ thống", "Administration"},
		"admin.lead":                  {"Cơ quan, quầy, tài khoản cán bộ, danh mục thủ tục và lịch làm việc.", "Agencies, counters, staff accounts, the procedure catalog and the working calendar."},
		"admin.agencies":              {"Cơ quan, đơn vị", "Agencies"},
		"admin.agencies_lead":         {"Thêm cơ quan theo mã định danh điện tử (Quyết định 20/2020/QĐ-TTg), ngừng hoạt động cơ quan, quản lý quầy một cửa.", "Add agencies by electronic code (Decision 20/2020/QĐ-TTg), deactivate them, manage one-stop counters."},
		"admin.users":                 {"Tài khoản cán bộ", "Staff accounts"},
		"admin.users_lead":            {"Tạo tài khoản, đổi vai trò và cơ quan, khóa tài khoản, đặt lại mật khẩu.", "Create accounts, change role and agency, deactivate, reset passwords."},
		"admin.procedures":            {"Thủ tục hành chính", "Procedures"},
		"admin.procedures_lead":       {"Sửa thời hạn, phí, lệ phí, thành phần hồ sơ và cơ quan giải quyết. Mỗi lần sửa tạo phiên bản mới; hồ sơ đã nộp giữ phiên bản cũ.", "Edit time limits, fees, components and the processing agency. Each edit makes a new version; dossiers already filed keep theirs."},
		"admin.calendar":              {"Lịch làm việc", "Working calendar"},
		"admin.calendar_lead":         {"Ngày nghỉ lễ, Tết và ngày làm bù theo thông báo chính thức từng năm.", "Days off and make-up working days as officially announced each year."},
		"admin.code":                  {"Mã định danh", "Code"},
		"admin.code_hint":             {"Ví dụ 000.00.16.H99: các nhóm chữ số hoặc chữ in hoa, ngăn cách bằng dấu chấm.", "E.g. 000.00.16.H99: groups of digits or capital letters separated by dots."},
		"admin.name":                  {"Tên", "Name"},
		"admin.level":                 {"Cấp", "Level"},
		"admin.kind":                  {"Loại cơ quan", "Kind"},
		"admin.parent":                {"Cơ quan cấp trên", "Parent agency"},
		"admin.parent_none":           {"Không có", "None"},
		"admin.one_stop":              {"Nơi tiếp nhận hồ sơ (một cửa)", "Receiving one-stop agency"},
		"admin.one_stop_self":         {"Tự tiếp nhận", "Receives its own dossiers"},
		"admin.state":                 {"Tình trạng", "State"},
		"admin.active":                {"Đang hoạt động", "Active"},
		"admin.inactive":              {"Ngừng hoạt động", "Inactive"},
		"admin.deactivate":            {"Ngừng hoạt động", "Deactivate"},
		"admin.activate":              {"Hoạt động lại", "Reactivate"},
		"admin.new_agency":            {"Thêm cơ quan", "Add an agency"},
		"admin.create":                {"Thêm", "Add"},
		"admin.counters":              {"Quầy", "Counters"},
		"admin.counters_of":           {"Quầy tiếp nhận của %s", "Counters of %s"},
		"admin.counter_code":          {"Mã quầy", "Counter code"},
		"admin.counter_name":          {"Tên quầy", "Counter name"},
		"admin.new_counter":           {"Thêm quầy", "Add a counter"},
		"admin.no_counters":           {"Chưa có quầy nào.", "No counters yet."},
		"admin.not_one_stop":          {"Cơ quan này không có bộ phận một cửa riêng; hồ sơ được tiếp nhận tại %s.", "This agency has no one-stop desk of its own; its dossiers are received at %s."},
		"admin.username":              {"Tên đăng nhập", "Username"},
		"admin.username_hint":         {"Chữ thường không dấu, số, dấu chấm, gạch dưới; ví dụ nguyenvana.stp", "Lower-case letters without accents, digits, dots, underscores; e.g. nguyenvana.stp"},
		"admin.full_name":             {"Họ và tên", "Full name"},
		"admin.role":                  {"Vai trò", "Role"},
		"admin.agency":                {"Cơ quan công tác", "Agency"},
		"admin.password":              {"Mật khẩu", "Password"},
		"admin.password_hint":         {"Ít nhất 10 ký tự. Báo cho cán bộ qua kênh riêng và đề nghị đổi ở trang “Đổi mật khẩu” sau khi đăng nhập.", "At least 10 characters. Tell the staff member privately and ask them to change it on the “Password” page after signing in."},
		"admin.new_user":              {"Tạo tài khoản cán bộ", "Create a staff account"},
		"admin.search":                {"Tìm theo tên hoặc tên đăng nhập", "Search by name or username"},
		"admin.user_count":            {"%d tài khoản", "%d accounts"},
		"admin.user_title":            {"Tài khoản của %s", "Account of %s"},
		"admin.change_role":           {"Đổi vai trò, cơ quan", "Change role and agency"},
		"admin.reset_password":        {"Đặt lại mật khẩu", "Reset the password"},
		"admin.new_password":          {"Mật khẩu mới", "New password"},
		"admin.account_state":         {"Khóa hoặc mở tài khoản", "Deactivate or reactivate"},
		"admin.deactivate_hint":       {"Tài khoản bị khóa không đăng nhập được; các phiên đang mở kết thúc ngay.", "A deactivated account cannot sign in; its open sessions end at once."},
		"admin.locked_until":          {"Tạm khóa do nhập sai mật khẩu đến %s.", "Locked after wrong passwords until %s."},
		"admin.created_at":            {"Ngày tạo", "Created"},
		"admin.proc_count":            {"%d thủ tục", "%d procedures"},
		"admin.version":               {"Phiên bản", "Version"},
		"admin.version_n":             {"Phiên bản hiện hành: %d", "Current version: %d"},
		"admin.edit_procedure":        {"Sửa thời hạn, phí và thành phần hồ sơ", "Edit time limit, fees and components"},
		"admin.online_level":          {"Mức độ dịch vụ công trực tuyến", "Online service level"},
		"admin.online.full":           {"Toàn trình", "Full process"},
		"admin.online.partial":        {"Một phần", "Partial"},
		"admin.online.none":           {"Không cung cấp trực tuyến", "Not offered online"},
		"admin.online.unknown":        {"Chưa rõ", "Unknown"},
		"admin.subjects":              {"Đối tượng thực hiện", "Subjects (who files it)"},
		"admin.subjects_hint":         {"Như trong CSDL quốc gia về TTHC, ví dụ: Công dân Việt Nam, Doanh nghiệp", "As in the national procedures database, e.g. Công dân Việt Nam, Doanh nghiệp"},
		"admin.tl_amount":             {"Thời hạn giải quyết (số ngày)", "Time limit (number of days)"},
		"admin.tl_amount_hint":        {"Bỏ qua khi chọn \"trong ngày\".", "Ignored for \"same day\"."},
		"admin.tl_unit":               {"Đơn vị thời hạn", "Time-limit unit"},
		"admin.unit.working_days":     {"Ngày làm việc", "Working days"},
		"admin.unit.days":             {"Ngày (kể cả ngày nghỉ)", "Calendar days"},
		"admin.unit.same_day":         {"Trong ngày (nhận trước 15 giờ)", "Same day (received before 15:00)"},
		"admin.fee":                   {"Phí, lệ phí (đồng)", "Fee (VND)"},
		"admin.fee_hint":              {"Số nguyên, ví dụ 50000 hoặc 50.000; 0 nếu không thu phí.", "A whole number, e.g. 50000 or 50.000; 0 if free."},
		"admin.fee_note":              {"Ghi chú về phí", "Fee note"},
		"admin.components":            {"Thành phần hồ sơ", "Components"},
		"admin.components_hint":       {"Mỗi dòng một giấy tờ: tên | số bản chính | số bản sao. Ví dụ: Tờ khai | 1 | 0", "One paper per line: name | originals | copies. E.g.: Tờ khai | 1 | 0"},
		"admin.save_version":          {"Lưu phiên bản mới", "Save a new version"},
		"admin.default_agency":        {"Cơ quan giải quyết mặc định", "Default processing agency"},
		"admin.set_agency":            {"Lưu cơ quan giải quyết", "Save the processing agency"},
		"admin.agency_none":           {"Chưa chọn", "Not set"},
		"admin.year":                  {"Năm", "Year"},
		"admin.show_year":             {"Xem", "Show"},
		"admin.schedule_of":           {"Lịch nghỉ năm %d", "Days off in %d"},
		"admin.official":              {"Theo thông báo chính thức", "Official"},
		"admin.proposed":              {"Dự kiến (chưa có thông báo chính thức)", "Proposed (no official notice yet)"},
		"admin.source":                {"Văn bản công bố", "Notice"},
		"admin.source_hint":           {"Ví dụ: Công văn số 1234/VPCP-KGVX ngày ... của Văn phòng Chính phủ", "E.g. Công văn số 1234/VPCP-KGVX of the Government Office"},
		"admin.days_off":              {"Ngày nghỉ", "Days off"},
		"admin.days_off_hint":         {"Mỗi dòng một ngày dạng năm-tháng-ngày, có thể ghi chú sau một dấu cách. Ví dụ: 2027-02-08 Tết Nguyên Đán", "One date per line as year-month-day, optionally followed by a note. E.g.: 2027-02-08 Tết Nguyên Đán"},
		"admin.working_days":          {"Ngày làm bù (thứ Bảy, Chủ nhật đi làm)", "Make-up working days (weekend days worked)"},
		"admin.working_days_hint":     {"Mỗi dòng một ngày dạng năm-tháng-ngày.", "One date per line as year-month-day."},
		"admin.weekday_holidays":      {"Số ngày nghỉ rơi vào ngày thường: %d", "Days off on weekdays: %d"},
		"admin.enter_notice":          {"Nhập thông báo lịch nghỉ của năm", "Enter a year's official notice"},
		"admin.save_notice":           {"Lưu lịch nghỉ", "Save the schedule"},
		"admin.add_day":               {"Thêm một ngày", "Add one day"},
		"admin.add_day_lead":          {"Chọn ngày trên lịch; ngày nghỉ phải là ngày làm việc (hoặc nằm trong một kỳ nghỉ), ngày làm bù phải là thứ bảy hoặc chủ nhật.", "Pick the day on the calendar; a day off must be a working day (or lie inside a holiday period), a make-up working day a Saturday or Sunday."},
		"admin.day_kind":              {"Loại ngày", "Kind of day"},
		"admin.kind_off":              {"Ngày nghỉ", "Day off"},
		"admin.kind_work":             {"Ngày làm bù", "Make-up working day"},
		"admin.add_day_button":        {"Thêm ngày", "Add the day"},
		"admin.day_already_off":       {"Ngày %s đã là ngày nghỉ.", "%s is already a day off."},
		"admin.day_already_work":      {"Ngày %s đã là ngày làm bù.", "%s is already a make-up working day."},
		"admin.date":                  {"Ngày", "Date"},
		"admin.note":                  {"Ghi chú", "Note"},
		"admin.none":                  {"Không có", "None"},
		"admin.back":                  {"Về trang quản trị", "Back to administration"},
		"admin.open":                  {"Mở", "Open"},
		"admin.sector":                {"Lĩnh vực", "Sector"},
		"admin.level.province":        {"Cấp tỉnh", "Province"},
		"admin.level.district":        {"Cấp huyện (cũ)", "District (former)"},
		"admin.level.commune":         {"Cấp xã", "Commune"},
		"admin.kind.service_center":   {"Trung tâm Phục vụ hành chính công", "Public administrative service center"},
		"admin.kind.people_committee": {"Ủy ban nhân dân", "People's Committee"},
		"admin.kind.department":       {"Sở, ban, ngành", "Department"},
		"admin.kind.other":            {"Khác", "Other"},
		"admin.role.citizen":          {"Công dân", "Citizen"},
		"admin.role.counter":          {"Công chức một cửa", "Counter officer"},
		"admin.role.specialist":       {"Chuyên viên thụ lý", "Specialist"},
		"admin.role.leader":           {"Lãnh đạo phòng, cơ quan", "Leader"},
		"admin.role.director":         {"Giám đốc Trung tâm", "Center director"},
		"admin.role.chair":            {"Chủ tịch UBND", "People's Committee chair"},
		"admin.role.postal":           {"Nhân viên bưu chính", "Postal worker"},
		"admin.role.admin":            {"Quản trị viên", "Administrator"},
		"ok.admin_agency_created":     {"Đã thêm cơ quan.", "Agency added."},
		"ok.admin_agency_active":      {"Cơ quan đã hoạt động lại.", "Agency reactivated."},
		"ok.admin_agency_inactive":    {"Đã ngừng hoạt động cơ quan.", "Agency deactivated."},
		"ok.admin_counter_added":      {"Đã thêm quầy.", "Counter added."},
		"ok.admin_user_created":       {"Đã tạo tài khoản.", "Account created."},
		"ok.admin_user_role":          {"Đã đổi vai trò, cơ quan.", "Role and agency changed."},
		"ok.admin_user_active":        {"Đã mở lại tài khoản.", "Account reactivated."},
		"ok.admin_user_inactive":      {"Đã khóa tài khoản; các phiên đăng nhập của tài khoản đã kết thúc.", "Account deactivated; its sessions have ended."},
		"ok.admin_password":           {"Đã đặt lại mật khẩu; các phiên đăng nhập cũ đã kết thúc.", "Password reset; older sessions have ended."},
		"ok.admin_procedure_saved":    {"Đã lưu phiên bản mới của thủ tục. Hồ sơ đã nộp vẫn theo phiên bản cũ.", "New version saved. Dossiers already filed keep their version."},
		"ok.admin_procedure_same":     {"Không có gì thay đổi; không tạo phiên bản mới.", "Nothing changed; no new version was made."},
		"ok.admin_procedure_agency":   {"Đã lưu cơ quan giải quyết.", "Processing agency saved."},
		"ok.admin_calendar_saved":     {"Đã lưu lịch nghỉ. Hạn trả tính từ nay theo lịch mới; hạn đã hẹn không thay đổi.", "Schedule saved. Due dates from now on use it; dates already promised stay."},
	})
}

func (s *Server) adminRoutes() {
	get := func(pattern string, h handler) { s.mux.HandleFunc("GET "+pattern, s.require(h, org.RoleAdmin)) }
	post := func(pattern string, h handler) {
		s.mux.HandleFunc("POST "+pattern, s.require(s.form(h), org.RoleAdmin))
	}
	get("/admin", s.adminHome)
	get("/admin/agencies", s.adminAgencies)
	post("/admin/agencies", s.adminCreateAgency)
	post("/admin/agencies/{id}/active", s.byID(s.adminAgencyActive))
	post("/admin/agencies/{id}/contact", s.byID(s.adminAgencyContact))
	get("/admin/agencies/{id}/counters", s.adminCounters)
	post("/admin/agencies/{id}/counters", s.byID(s.adminAddCounter))
	get("/admin/users", s.adminUsers)
	post("/admin/users", s.adminCreateUser)
	get("/admin/users/{id}", s.adminUser)
	post("/admin/users/{id}/role", s.adminUserRole)
	post("/admin/users/{id}/active", s.adminUserActive)
	post("/admin/users/{id}/password", s.adminUserPassword)
	get("/admin/procedures", s.adminProcedures)
	get("/admin/procedures/{code}", s.adminProcedure)
	post("/admin/procedures/{code}", s.adminEditProcedure)
	post("/admin/procedures/{code}/agency", s.adminProcedureAgency)
	get("/admin/calendar", s.adminCalendar)
	post("/admin/calendar", s.adminSaveCalendar)
	post("/admin/calendar/day", s.adminCalendarDay)
	s.adminIndexRoutes()
}

// adminForm is what every administration page carries for its forms: the
// values of a refused form, and which form it was.
type adminForm struct {
	Form   url.Values
	Failed string
}

// Val returns a refused form's value for a field of the named form, or def.
func (f adminForm) Val(form, field, def string) string {
	if f.Failed == form && f.Form != nil {
		return f.Form.Get(field)
	}
	return def
}

func (s *Server) adminHome(w http.ResponseWriter, r *http.Request, sess *session) {
	s.render(w, r, 200, "admin", s.newView(r, "admin.title", nil))
}

func redirectOK(w http.ResponseWriter, r *http.Request, path, ok string) {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	http.Redirect(w, r, path+sep+"ok="+ok, http.StatusSeeOther)
}

// failed re-renders a page after a refused form, unless the error is not
// the person's to fix (then the error page).
func (s *Server) failed(w http.ResponseWriter, r *http.Request, err error, show func(status int, err error)) {
	if _, ok := apperr.As(err); !ok {
		s.renderError(w, r, err)
		return
	}
	status := s.httpStatus(r, err)
	if status == http.StatusForbidden || status == http.StatusNotFound {
		s.renderError(w, r, err)
		return
	}
	show(status, err)
}
