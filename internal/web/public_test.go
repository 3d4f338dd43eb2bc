package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/store/storetest"
	"github.com/motcua/motcua/internal/web"
)

func TestProcedureSearchIgnoresDiacritics(t *testing.T) {
	e := sqliteEnv(t)
	b := e.browser()
	b.get("/").must(t, 200, `lang="vi"`, "Bạn cần làm thủ tục gì?")
	cases := []struct{ name, q, want string }{
		{"without accents", "dang ky khai sinh", "Thủ tục đăng ký khai sinh"},
		{"with accents", "Đăng ký khai sinh", "Thủ tục đăng ký khai sinh"},
		{"upper case", "DANG KY KHAI SINH", "Thủ tục đăng ký khai sinh"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b.get("/procedures?q="+url.QueryEscape(c.q)).must(t, 200, c.want)
		})
	}
	b.get("/procedures?q=khong+co+thu+tuc+nay+xyz").must(t, 200, "Không tìm thấy thủ tục nào")
}

func TestProcedurePageShowsWhatToBring(t *testing.T) {
	e := sqliteEnv(t)
	b := e.browser()
	p := b.get("/procedures/2.001583").must(t, 200, "Thành phần hồ sơ", "3 ngày làm việc", "Phí, lệ phí", "Đăng nhập để nộp hồ sơ trực tuyến")
	if !strings.Contains(p.Body, "<h1>") {
		t.Fatal("a procedure page needs a heading")
	}
	b.get("/procedures/9.999999").must(t, 404, "Không có thủ tục mã")
}

func TestEnglishSwitchKeepsThePage(t *testing.T) {
	e := sqliteEnv(t)
	b := e.browser()
	b.get("/procedures")
	p := b.post("/lang", url.Values{"to": {"en"}, "back": {"/procedures"}})
	p.must(t, 200, `lang="en"`, "Administrative procedures").lacks(t, "!nav.")
	if p.URL != "/procedures" {
		t.Fatalf("switching language must come back to the page, got %s", p.URL)
	}
	b.post("/lang", url.Values{"to": {"vi"}, "back": {"//evil.example"}}).must(t, 200, `lang="vi"`)
}

func TestFormsWithoutTokenAreRefused(t *testing.T) {
	e := sqliteEnv(t)
	b := e.browser()
	b.get("/login")
	p := b.post("/login", url.Values{"username": {"admin"}, "password": {demoPassword}, "csrf": {"deadbeef"}})
	p.must(t, http.StatusForbidden, "Biểu mẫu đã hết hạn")
	// A cross-site post is refused before the form is read.
	req, _ := http.NewRequest("POST", e.url+"/login", strings.NewReader("username=admin"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	b.do(req).must(t, http.StatusForbidden, "Yêu cầu gửi từ trang khác bị từ chối")
}

func TestStaffSignInAndOut(t *testing.T) {
	e := sqliteEnv(t)
	b := e.browser()
	b.get("/login")
	b.post("/login", url.Values{"username": {"counter"}, "password": {"sai-mat-khau"}}).
		must(t, http.StatusUnauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.", `value="counter"`)
	b.login("counter")
	b.post("/logout", nil).must(t, 200, "Bạn đã đăng xuất.")
	// The revoked session no longer opens staff pages.
	if p := b.get("/counter"); p.URL != "/login" {
		t.Fatalf("after sign-out /counter must ask to sign in, got %s", p.URL)
	}
}

func TestLockoutAfterRepeatedFailures(t *testing.T) {
	e := sqliteEnv(t)
	b := e.browser()
	b.get("/login")
	for range 5 {
		b.post("/login", url.Values{"username": {"leader"}, "password": {"sai"}})
	}
	b.post("/login", url.Values{"username": {"leader"}, "password": {demoPassword}}).
		must(t, http.StatusTooManyRequests, "Tài khoản tạm khóa")
}

func TestTrackShowsNoPersonalData(t *testing.T) {
	e := sqliteEnv(t)
	b := e.browser()
	b.get("/track?code=000.00.01.H99-261201-9999").must(t, 404, "Không tìm thấy hồ sơ có mã này")
}

// The passwordless demo citizen exists only with --demo.
func TestDemoCitizenOnlyInDemoMode(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t), web.Options{})
	b := e.browser()
	b.get("/login").must(t, 200, "Cán bộ, công chức").lacks(t, "/login/demo-citizen")
	b.post("/login/demo-citizen", nil).must(t, 404)
	if p := b.get("/my/dossiers"); p.URL != "/login" {
		t.Fatalf("no session may come out of the demo route outside demo mode: at %s", p.URL)
	}
}
