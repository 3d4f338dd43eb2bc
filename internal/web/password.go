package web

import "net/http"

// Staff change their own password here (the administrator's reset tells them
// to); citizens sign in with the national e-ID and have none.
func init() {
	addMessages(map[string][2]string{
		"pw.title":      {"Đổi mật khẩu", "Change your password"},
		"pw.nav":        {"Đổi mật khẩu", "Password"},
		"pw.lead":       {"Sau khi đổi, các phiên đăng nhập khác của tài khoản này kết thúc; phiên này vẫn tiếp tục.", "After the change, every other session of this account ends; this one goes on."},
		"pw.current":    {"Mật khẩu hiện tại", "Current password"},
		"pw.new":        {"Mật khẩu mới", "New password"},
		"pw.new_hint":   {"Ít nhất 10 ký tự.", "At least 10 characters."},
		"pw.confirm":    {"Nhập lại mật khẩu mới", "New password again"},
		"pw.submit":     {"Đổi mật khẩu", "Change the password"},
		"ok.pw_changed": {"Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.", "Password changed. Other sessions have ended."},
	})
}

func (s *Server) passwordRoutes() {
	s.mux.HandleFunc("GET /me/password", s.require(s.passwordPage, staffRoles()...))
	s.mux.HandleFunc("POST /me/password", s.require(s.form(s.changePassword), staffRoles()...))
}

func (s *Server) passwordPage(w http.ResponseWriter, r *http.Request, sess *session) {
	v := s.newView(r, "pw.title", nil)
	if r.URL.Query().Get("ok") == "pw_changed" {
		v.Flash = v.T("ok.pw_changed")
	}
	s.render(w, r, 200, "password", v)
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request, sess *session) {
	f := r.PostForm
	token, err := s.svc.ChangeOwnPassword(r.Context(), sess.Actor, f.Get("current"), f.Get("new"), f.Get("confirm"))
	if err != nil {
		s.failed(w, r, err, func(status int, err error) {
			v := s.newView(r, "pw.title", nil)
			v.Error = v.ErrorText(err)
			s.render(w, r, status, "password", v)
		})
		return
	}
	s.startSession(w, r, token)
	http.Redirect(w, r, "/me/password?ok=pw_changed", http.StatusSeeOther)
}
