package web_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/demo"
)

// An administrator adds an agency: a code that is not a Decision 20/2020
// code is refused in Vietnamese with everything typed kept; a good one is
// saved and in force at once.
func TestAdminCreatesAgencyAndCounter(t *testing.T) {
	e := sqliteEnv(t)
	ctx := context.Background()
	ppc, center := e.agencyID(demo.ProvincePPC), e.agencyID(demo.Center)
	b := e.signedIn("admin")
	b.get("/admin").must(t, 200, "Cơ quan, đơn vị", "Tài khoản cán bộ", "Thủ tục hành chính", "Lịch làm việc")
	b.get("/admin/agencies").must(t, 200, demo.DeptJustice, "Sở Tư pháp")

	form := url.Values{"code": {"so-van-hoa"}, "name": {"Sở Văn hóa, Thể thao và Du lịch"}, "level": {"province"},
		"kind": {"department"}, "parent": {ppc}, "one_stop": {center}}
	p := b.post("/admin/agencies", form).must(t, 422, "không đúng quy định tại Quyết định 20/2020/QĐ-TTg",
		`value="so-van-hoa"`, `value="Sở Văn hóa, Thể thao và Du lịch"`, `<option value="`+ppc+`" selected>`, `<option value="`+center+`" selected>`)
	p.lacks(t, "Đã thêm cơ quan")
	if _, err := e.st.AgencyByCode(ctx, "so-van-hoa"); err == nil {
		t.Fatal("a refused agency must not be stored")
	}
	// A code already used.
	form.Set("code", demo.DeptJustice)
	b.post("/admin/agencies", form).must(t, 422, "đã được dùng cho cơ quan khác")

	form.Set("code", "000.00.16.H99")
	p = b.post("/admin/agencies", form).must(t, 200, "Đã thêm cơ quan.", "000.00.16.H99", "Sở Văn hóa, Thể thao và Du lịch")
	if p.URL != "/admin/agencies" {
		t.Fatalf("after saving, the list: %s", p.URL)
	}
	a, err := e.st.AgencyByCode(ctx, "000.00.16.H99")
	if err != nil || a.OneStopID == nil || strconv.FormatInt(*a.OneStopID, 10) != center {
		t.Fatalf("stored %+v %v", a, err)
	}
	if cached, ok := e.svc.Agency(a.ID); !ok || cached.Code != a.Code {
		t.Fatal("the agency cache must be reloaded")
	}
	e.signedIn("director").get("/director").must(t, 200, "Sở Văn hóa, Thể thao và Du lịch")

	// Counters of the center.
	b.get("/admin/agencies/"+center+"/counters").must(t, 200, "Quầy 1: Tư pháp – Hộ tịch")
	b.post("/admin/agencies/"+center+"/counters", url.Values{"code": {"Q01"}, "name": {"Quầy trùng mã"}}).must(t, 422, "đã có quầy", `value="Quầy trùng mã"`)
	b.post("/admin/agencies/"+center+"/counters", url.Values{"code": {"Q05"}, "name": {"Quầy 5: Văn hóa"}}).must(t, 200, "Đã thêm quầy.", "Quầy 5: Văn hóa")
	// A department has no desk of its own.
	id := strconv.FormatInt(a.ID, 10)
	b.get("/admin/agencies/"+id+"/counters").must(t, 200, "không có bộ phận một cửa riêng")
	b.post("/admin/agencies/"+id+"/counters", url.Values{"code": {"Q01"}, "name": {"Quầy"}}).must(t, 422)

	// Deactivated, then back.
	b.post("/admin/agencies/"+id+"/active", url.Values{"active": {"0"}}).must(t, 200, "Đã ngừng hoạt động cơ quan.")
	if cached, _ := e.svc.Agency(a.ID); cached.Active {
		t.Fatal("deactivated agency still active")
	}
	b.post("/admin/agencies/"+id+"/active", url.Values{"active": {"1"}}).must(t, 200, "Cơ quan đã hoạt động lại.")
}

// A new staff account signs in; deactivated, it cannot, and its open
// session ends.
func TestAdminUserLifecycle(t *testing.T) {
	e := sqliteEnv(t)
	justice, finance := e.agencyID(demo.DeptJustice), e.agencyID(demo.DeptFinance)
	b := e.signedIn("admin")
	b.get("/admin/users").must(t, 200, "specialist", "Lê Văn Thụ Lý")

	form := url.Values{"username": {"canbo.moi"}, "name": {"Đặng Thị Cán Bộ"}, "role": {"specialist"}, "agency": {justice}, "password": {"ngan"}}
	b.post("/admin/users", form).must(t, 422, "Mật khẩu cần ít nhất 10 ký tự", `value="canbo.moi"`, `value="Đặng Thị Cán Bộ"`, `<option value="`+justice+`" selected>`)
	form.Set("password", "mat-khau-moi-123")
	p := b.post("/admin/users", form).must(t, 200, "Đã tạo tài khoản.", "canbo.moi", "Sở Tư pháp")
	if !strings.HasPrefix(p.URL, "/admin/users/") {
		t.Fatalf("after creating: %s", p.URL)
	}
	userPath := p.URL
	b.post("/admin/users", form).must(t, 422, "đã được dùng")

	// The new account signs in with the password the administrator set.
	staff := e.browser()
	staff.get("/login")
	p = staff.post("/login", url.Values{"username": {"canbo.moi"}, "password": {"mat-khau-moi-123"}}).must(t, 200)
	if p.URL != "/work" {
		t.Fatalf("a specialist starts at /work, got %s", p.URL)
	}

	// Another role and agency.
	b.post(userPath+"/role", url.Values{"role": {"boss"}, "agency": {finance}}).must(t, 422, "Hãy chọn vai trò")
	b.post(userPath+"/role", url.Values{"role": {"leader"}, "agency": {finance}}).must(t, 200, "Đã đổi vai trò, cơ quan.", "Lãnh đạo phòng, cơ quan", "Sở Tài chính")
	if a := e.actorNamed("canbo.moi"); a.Role != "leader" || strconv.FormatInt(a.AgencyID, 10) != finance {
		t.Fatalf("after the change: %+v", a)
	}

	// Deactivated: the open session ends and signing in is refused.
	b.post(userPath+"/active", url.Values{"active": {"0"}}).must(t, 200, "Đã khóa tài khoản", "Ngừng hoạt động")
	if p := staff.get("/work"); p.URL != "/login" {
		t.Fatalf("a deactivated account's session must end: %d at %s", p.Status, p.URL)
	}
	again := e.browser()
	again.get("/login")
	again.post("/login", url.Values{"username": {"canbo.moi"}, "password": {"mat-khau-moi-123"}}).must(t, 401, "Tên đăng nhập hoặc mật khẩu không đúng")

	// Reactivated with a new password.
	b.post(userPath+"/active", url.Values{"active": {"1"}}).must(t, 200, "Đã mở lại tài khoản.")
	b.post(userPath+"/password", url.Values{"password": {"short"}}).must(t, 422, "ít nhất 10 ký tự")
	b.post(userPath+"/password", url.Values{"password": {"mat-khau-thu-hai"}}).must(t, 200, "Đã đặt lại mật khẩu")
	again.post("/login", url.Values{"username": {"canbo.moi"}, "password": {"mat-khau-moi-123"}}).must(t, 401)
	p = again.post("/login", url.Values{"username": {"canbo.moi"}, "password": {"mat-khau-thu-hai"}}).must(t, 200)
	if p.URL != "/work" {
		t.Fatalf("reactivated leader lands on %s", p.URL)
	}

	// The administrator cannot lock themselves out.
	admin := e.actorNamed("admin")
	self := "/admin/users/" + strconv.FormatInt(admin.UserID, 10)
	b.get(self).must(t, 200).lacks(t, `action="`+self+`/active"`)
	b.post(self+"/active", url.Values{"active": {"0"}}).must(t, 422, "chính mình")
}

// A new time limit is a new procedure version: dossiers already received
// keep the old one and their due dates; new ones use the new one.
func TestAdminProcedureNewVersion(t *testing.T) {
	e := sqliteEnv(t)
	ctx := context.Background()
	// Tuesday 1 December 09:00, 3 working days → due Friday 4 December 17:00.
	old := e.seedAct(e.seedDossier(businessReg, "Công ty Phiên Bản Cũ"), "counter", act("receive"))
	if old.ProcedureVersion != 1 || !old.DueAt.Equal(time.Date(2026, 12, 4, 17, 0, 0, 0, ict)) {
		t.Fatalf("seed: v%d due %v", old.ProcedureVersion, old.DueAt)
	}
	b := e.signedIn("admin")
	b.get("/admin/procedures?q=thanh+lap+cong+ty").must(t, 200, businessReg)
	b.get("/admin/procedures/"+businessReg).must(t, 200, "Phiên bản hiện hành: 1", "3 ngày làm việc")

	comps := "Giấy đề nghị đăng ký doanh nghiệp | 1 | 0\nĐiều lệ công ty | 1 | 0\nDanh sách thành viên | 0 | 1"
	form := url.Values{"version": {"1"}, "amount": {"5"}, "unit": {"working_days"}, "fee": {"75.000 đồng"}, "fee_note": {"Miễn lệ phí khi nộp trực tuyến"}, "components": {comps}}
	b.post("/admin/procedures/"+businessReg, form).must(t, 422, "Phí, lệ phí phải là số nguyên", "Danh sách thành viên | 0 | 1", "Miễn lệ phí khi nộp trực tuyến", `value="5"`)
	form.Set("fee", "75.000")
	form.Set("components", comps+"\nẢnh | hai | 0")
	b.post("/admin/procedures/"+businessReg, form).must(t, 422, "Dòng 4", "Ảnh | hai | 0")
	form.Set("components", comps)
	b.post("/admin/procedures/"+businessReg, form).must(t, 200, "Đã lưu phiên bản mới", "Phiên bản hiện hành: 2", "5 ngày làm việc", "75.000 đ")
	// The same form again (drawn from version 1) is stale.
	b.post("/admin/procedures/"+businessReg, form).must(t, 409, "vừa được người khác sửa")

	p, err := e.st.Procedure(ctx, businessReg, 0)
	if err != nil || p.Version != 2 || p.TimeLimit.Amount != 5 || p.FeeVND != 75000 || len(p.Components) != 3 || p.Components[2].CopiesCopy != 1 {
		t.Fatalf("current version %+v %v", p, err)
	}
	kept, err := e.st.Dossier(ctx, old.ID)
	if err != nil || kept.ProcedureVersion != 1 || !kept.DueAt.Equal(*old.DueAt) {
		t.Fatalf("the dossier received before keeps version 1 and its due date: v%d %v", kept.ProcedureVersion, kept.DueAt)
	}
	b.get("/dossiers/"+strconv.FormatInt(old.ID, 10)).must(t, 200, "3 ngày làm việc")
	// A dossier received now: version 2, 5 working days → Tuesday 8 December.
	fresh := e.seedAct(e.seedDossier(businessReg, "Công ty Phiên Bản Mới"), "counter", act("receive"))
	if fresh.ProcedureVersion != 2 || !fresh.DueAt.Equal(time.Date(2026, 12, 8, 17, 0, 0, 0, ict)) {
		t.Fatalf("new dossier: v%d due %v", fresh.ProcedureVersion, fresh.DueAt)
	}
	e.browser().get("/procedures/"+businessReg).must(t, 200, "5 ngày làm việc")

	// The default processing agency.
	home := e.agencyID(demo.DeptHome)
	b.post("/admin/procedures/"+businessReg+"/agency", url.Values{"agency": {"abc"}}).must(t, 422)
	b.post("/admin/procedures/"+businessReg+"/agency", url.Values{"agency": {home}}).must(t, 200, "Đã lưu cơ quan giải quyết.", "Sở Nội vụ")
	if id, _ := e.st.ProcedureDefaultAgency(ctx, businessReg); strconv.FormatInt(id, 10) != home {
		t.Fatalf("default agency %d", id)
	}
}

// A year's official notice is entered and read back, and in force at once.
func TestAdminCalendarNotice(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("admin")
	b.get("/admin/calendar?year=2026").must(t, 200, "17/02/2026", "Theo thông báo chính thức")
	b.get("/admin/calendar").must(t, 200, "Lịch nghỉ năm 2026")

	form := url.Values{"year": {"2031"}, "days_off": {"2031-01-01 Tết Dương lịch\n29/12/2031"}, "working_days": {"2031-12-27"}, "source": {"Công văn số 123/VPCP-KGVX"}}
	b.post("/admin/calendar", form).must(t, 422, "Dòng 2", "29/12/2031", "Công văn số 123/VPCP-KGVX", `value="2031"`)
	form.Set("days_off", "2031-01-01 Tết Dương lịch\n2031-12-29 Nghỉ bù")
	form.Set("working_days", "2031-12-30")
	b.post("/admin/calendar", form).must(t, 422, "2031-12-30", "2031-12-29 Nghỉ bù")
	form.Set("working_days", "2031-12-27")
	form.Set("source", "")
	b.post("/admin/calendar", form).must(t, 422, "Cần ghi văn bản công bố")
	form.Set("source", "Công văn số 123/VPCP-KGVX")
	p := b.post("/admin/calendar", form).must(t, 200, "Đã lưu lịch nghỉ", "Lịch nghỉ năm 2031", "29/12/2031", "Nghỉ bù", "27/12/2031", "Công văn số 123/VPCP-KGVX")
	if p.URL != "/admin/calendar" {
		t.Fatalf("after saving: %s", p.URL)
	}
	cal := e.svc.Calendar()
	if cal.IsWorkingDay(calendar.Date{Year: 2031, Month: 12, Day: 29}) || !cal.IsWorkingDay(calendar.Date{Year: 2031, Month: 12, Day: 27}) {
		t.Fatal("the notice must be in force")
	}
	y, err := e.svc.CalendarYear(2031)
	if err != nil || y.Schedule.Source != "Công văn số 123/VPCP-KGVX" || len(y.Schedule.DaysOff) != 2 || y.Schedule.Notes["2031-12-29"] != "Nghỉ bù" {
		t.Fatalf("read back %+v %v", y, err)
	}
}

// Administration is for administrators: every page and every form of it
// refuses other roles, and nothing they send is saved.
func TestAdminIsForAdministratorsOnly(t *testing.T) {
	e := sqliteEnv(t)
	ctx := context.Background()
	ppc := e.agencyID(demo.ProvincePPC)
	justice := e.agencyID(demo.DeptJustice)
	leader := strconv.FormatInt(e.actorNamed("leader").UserID, 10)
	// A form that an administrator could send successfully to any of the paths.
	form := url.Values{"code": {"000.00.17.H99"}, "name": {"Cơ quan lạ"}, "level": {"province"}, "kind": {"department"},
		"active": {"0"}, "username": {"ke.la"}, "role": {"admin"}, "agency": {ppc}, "password": {"mat-khau-ke-la"},
		"version": {"1"}, "amount": {"1"}, "unit": {"same_day"}, "fee": {"0"}, "components": {"Tờ khai | 1 | 0"},
		"year": {"2031"}, "days_off": {"2031-01-01"}, "source": {"Công văn giả"}}
	posts := []string{"/admin/agencies", "/admin/agencies/" + justice + "/active", "/admin/agencies/" + e.agencyID(demo.Center) + "/counters",
		"/admin/users", "/admin/users/" + leader + "/role", "/admin/users/" + leader + "/active", "/admin/users/" + leader + "/password",
		"/admin/procedures/" + businessReg, "/admin/procedures/" + businessReg + "/agency", "/admin/calendar"}
	gets := []string{"/admin", "/admin/agencies", "/admin/agencies/" + justice + "/counters", "/admin/users", "/admin/users/" + leader,
		"/admin/procedures", "/admin/procedures/" + businessReg, "/admin/calendar"}
	for _, who := range []string{"director", "chair", "counter", "leader", "citizen"} {
		b := e.signedIn(who)
		for _, path := range posts {
			if p := b.post(path, form); p.Status != 403 {
				t.Errorf("%s POST %s: %d", who, path, p.Status)
			}
		}
		for _, path := range gets {
			if p := b.get(path); p.Status != 403 {
				t.Errorf("%s GET %s: %d", who, path, p.Status)
			}
		}
	}
	anon := e.browser()
	for _, path := range posts {
		if p := anon.post(path, form); p.Status != 401 {
			t.Errorf("anonymous POST %s: %d", path, p.Status)
		}
	}
	// Nothing was saved.
	if _, err := e.st.AgencyByCode(ctx, "000.00.17.H99"); err == nil {
		t.Error("agency created")
	}
	if _, err := e.st.CredentialsByUsername(ctx, "ke.la"); err == nil {
		t.Error("user created")
	}
	if a := e.actorNamed("leader"); a.Role != "leader" {
		t.Error("role changed")
	}
	if a, _ := e.svc.Agency(mustID(t, justice)); !a.Active {
		t.Error("agency deactivated")
	}
	if p, _ := e.st.Procedure(ctx, businessReg, 0); p.Version != 1 {
		t.Error("procedure changed")
	}
	if cs, _ := e.st.Counters(ctx, mustID(t, e.agencyID(demo.Center))); len(cs) != 4 {
		t.Error("counter added")
	}
	if y, _ := e.svc.CalendarYear(2031); y.Schedule.Official {
		t.Error("calendar changed")
	}
	if _, _, err := e.svc.Login(ctx, "leader", demoPassword); err != nil {
		t.Error("password changed")
	}
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
