package web_test

import (
	"net/url"
	"testing"
)

// Staff change their own password with the same rules as an administrator's
// reset (argon2id, at least 10 characters) and the same lockout as the
// sign-in page; every other session ends (issue 22 item 9).
func TestStaffChangeOwnPassword(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		b := e.signedIn("specialist")
		other := e.signedIn("specialist") // the same account on another computer
		other.get("/work").must(t, 200)
		b.get("/work").must(t, 200, `href="/me/password"`)
		b.get("/me/password").must(t, 200, "Mật khẩu hiện tại", "Nhập lại mật khẩu mới")

		const fresh = "mat-khau-moi-cua-toi"
		for _, c := range []struct {
			name                 string
			current, next, again string
			status               int
			text                 string
		}{
			{"wrong current password", "khong-dung-dau", fresh, fresh, 422, "Mật khẩu hiện tại không đúng."},
			{"the two entries differ", demoPassword, fresh, fresh + "x", 422, "Hai lần nhập mật khẩu mới không giống nhau."},
			{"too short", demoPassword, "ngan", "ngan", 422, "ít nhất 10 ký tự"},
			{"unchanged", demoPassword, demoPassword, demoPassword, 422, "phải khác mật khẩu hiện tại"},
		} {
			t.Run(c.name, func(t *testing.T) {
				b.post("/me/password", url.Values{"current": {c.current}, "new": {c.next}, "confirm": {c.again}}).
					must(t, c.status, c.text, `id="pw-error"`).lacks(t, c.current+"\"", "The current password")
			})
		}
		b.post("/me/password", url.Values{"current": {demoPassword}, "new": {fresh}, "confirm": {fresh}}).
			must(t, 200, "Đã đổi mật khẩu.")
		b.get("/work").must(t, 200) // this session goes on
		if p := other.get("/work"); p.URL == "/work" && p.Status == 200 {
			t.Fatal("the other session must have ended")
		}
		if _, _, err := e.svc.Login(t.Context(), "specialist", demoPassword); err == nil {
			t.Fatal("the old password still signs in")
		}
		if _, _, err := e.svc.Login(t.Context(), "specialist", fresh); err != nil {
			t.Fatalf("the new password: %v", err)
		}
	})
}

// A wrong current password counts towards the sign-in lockout, so the page
// cannot be used to guess faster than the sign-in page allows.
func TestChangePasswordSharesTheLockout(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("leader")
	for range 5 {
		b.post("/me/password", url.Values{"current": {"doan-mo-mat-khau"}, "new": {"mat-khau-moi-dai"}, "confirm": {"mat-khau-moi-dai"}})
	}
	// Locked (the status is the sign-in rule's: 423 or 429), even with the
	// right password now.
	p := b.post("/me/password", url.Values{"current": {demoPassword}, "new": {"mat-khau-moi-dai"}, "confirm": {"mat-khau-moi-dai"}})
	if p.Status != 423 && p.Status != 429 {
		t.Fatalf("after five wrong passwords: %d", p.Status)
	}
	p.must(t, p.Status, "tạm khóa")
	// Citizens have no password here.
	c := e.browser()
	c.post("/login/demo-citizen", url.Values{})
	if p := c.get("/me/password"); p.Status != 403 {
		t.Fatalf("citizen: %d", p.Status)
	}
}
