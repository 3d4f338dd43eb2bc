package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// A citizen chooses the channels news of their dossiers comes on; an
// administrator sees the messages that could not be delivered, with the
// recipient masked, and sends them again.

func init() {
	addMessages(map[string][2]string{
		"ntf.title":          {"Nhận thông báo về hồ sơ", "Notifications about your dossiers"},
		"ntf.lead":           {"Chọn cách nhận tin khi hồ sơ được tiếp nhận, cần bổ sung, được hẹn lại hoặc có kết quả. Tin được gửi tới số điện thoại và địa chỉ thư điện tử ghi trong từng hồ sơ.", "Choose how you hear when a dossier is received, needs more documents, gets a new date or has its result. Messages go to the phone and e-mail address given in each dossier."},
		"ntf.channels":       {"Kênh nhận thông báo", "Channels"},
		"ntf.email":          {"Thư điện tử", "E-mail"},
		"ntf.sms":            {"Tin nhắn SMS (tiếng Việt không dấu)", "SMS (Vietnamese without diacritics)"},
		"ntf.zalo":           {"Zalo (tin nhắn từ Zalo OA của Trung tâm)", "Zalo (messages from the center's Zalo account)"},
		"ntf.default":        {"Bạn chưa chọn: đang dùng mặc định (thư điện tử và SMS).", "You have not chosen yet: the default applies (e-mail and SMS)."},
		"ntf.none_hint":      {"Bỏ chọn tất cả nếu chỉ muốn theo dõi hồ sơ trên cổng dịch vụ công.", "Untick everything to follow your dossiers on the portal only."},
		"ntf.no_email":       {"Tài khoản chưa có địa chỉ thư điện tử; tin chỉ được gửi khi hồ sơ có ghi địa chỉ.", "Your account has no e-mail address; messages go only where a dossier gives one."},
		"ntf.no_phone":       {"Tài khoản chưa có số điện thoại; tin chỉ được gửi khi hồ sơ có ghi số.", "Your account has no phone number; messages go only where a dossier gives one."},
		"ntf.save":           {"Lưu lựa chọn", "Save"},
		"ok.ntf_saved":       {"Đã lưu cách nhận thông báo.", "Your notification choice was saved."},
		"antf.title":         {"Thông báo chưa gửi được", "Undelivered notifications"},
		"antf.lead":          {"Thông báo gửi lỗi đang chờ thử lại, và thông báo đã hết lượt thử (thư chết). Người nhận được che một phần để bảo vệ dữ liệu cá nhân.", "Messages waiting for another attempt after an error, and those out of attempts (dead letters). Recipients are partly masked to protect personal data."},
		"antf.channel":       {"Kênh", "Channel"},
		"antf.dossier":       {"Hồ sơ", "Dossier"},
		"antf.recipient":     {"Người nhận", "Recipient"},
		"antf.attempts":      {"Số lần thử", "Attempts"},
		"antf.error":         {"Lỗi gần nhất", "Last error"},
		"antf.when":          {"Thời điểm", "Time"},
		"antf.state":         {"Tình trạng", "State"},
		"antf.dead":          {"Đã dừng thử", "Dead"},
		"antf.retrying":      {"Sẽ thử lại lúc %s", "Retrying at %s"},
		"antf.resend":        {"Gửi lại", "Send again"},
		"antf.none":          {"Không có thông báo nào gửi lỗi.", "No failed messages."},
		"antf.ch.email":      {"Thư điện tử", "E-mail"},
		"antf.ch.sms":        {"SMS", "SMS"},
		"antf.ch.zalo":       {"Zalo", "Zalo"},
		"antf.ch.postal":     {"Bưu chính", "Postal"},
		"ok.antf_requeued":   {"Đã đưa thông báo vào hàng đợi gửi lại.", "The message was queued to be sent again."},
		"admin.notify":       {"Thông báo chưa gửi được", "Undelivered notifications"},
		"admin.notify_lead":  {"Thư điện tử, SMS, Zalo gửi lỗi; gửi lại sau khi khắc phục.", "Failed e-mail, SMS and Zalo messages; send them again once fixed."},
		"ntf.link":           {"Cách nhận thông báo", "Notification settings"},
		"ntf.choose_channel": {"Chọn kênh", "Choose channels"},
	})
}

func (s *Server) notifyPages() {
	s.mux.HandleFunc("GET /me/notifications", s.require(s.notifyChoicePage, org.RoleCitizen))
	s.mux.HandleFunc("POST /me/notifications", s.require(s.form(s.notifySaveChoice), org.RoleCitizen))
	s.mux.HandleFunc("GET /admin/notifications", s.require(s.adminNotifications, org.RoleAdmin))
	s.mux.HandleFunc("POST /admin/notifications/{id}/resend", s.require(s.form(s.byID(s.adminResend)), org.RoleAdmin))
}

func (s *Server) notifyChoicePage(w http.ResponseWriter, r *http.Request, sess *session) {
	c, err := s.svc.NotifyChoiceOf(r.Context(), sess.Actor)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "notify_prefs", s.newView(r, "ntf.title", c))
}

func (s *Server) notifySaveChoice(w http.ResponseWriter, r *http.Request, sess *session) {
	f := r.PostForm
	p := model.NotifyPrefs{Email: f.Get("email") == "on", SMS: f.Get("sms") == "on", Zalo: f.Get("zalo") == "on"}
	if err := s.svc.SetNotifyChoice(r.Context(), sess.Actor, p); err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, "/me/notifications?ok=ntf_saved", http.StatusSeeOther)
}

// undeliveredRow is what the administrators' list shows of a message: never
// the whole recipient.
type undeliveredRow struct {
	ID                   int64
	Channel, DossierCode string
	DossierID            int64
	Recipient, LastError string
	Attempts             int
	Dead                 bool
	NextAt, CreatedAt    time.Time
}

func (s *Server) adminNotifications(w http.ResponseWriter, r *http.Request, sess *session) {
	msgs, err := s.svc.Undelivered(r.Context(), sess.Actor)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	rows := make([]undeliveredRow, 0, len(msgs))
	for _, m := range msgs {
		rows = append(rows, undeliveredRow{ID: m.ID, Channel: m.Channel, DossierCode: m.DossierCode, DossierID: m.DossierID,
			Recipient: service.MaskRecipient(m.Recipient), LastError: m.LastError, Attempts: m.Attempts,
			Dead: m.Status == model.OutboxDead, NextAt: m.NextAt, CreatedAt: m.CreatedAt})
	}
	s.render(w, r, http.StatusOK, "admin_notifications", s.newView(r, "antf.title", rows))
}

func (s *Server) adminResend(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	if err := s.svc.Resend(r.Context(), sess.Actor, id); err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/notifications?ok=antf_requeued#m"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}
