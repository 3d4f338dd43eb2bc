package web_test

import (
	"testing"

	"github.com/motcua/motcua/internal/service"
)

// A dossier found not eligible gets its written notice with the reasons,
// and a stopped one Form 05 of Circular 03/2025 (Decree 118/2025 Art. 21);
// the applicant can open both, and neither exists for a dossier that was
// neither rejected nor stopped (issue 22 item 6).
func TestRejectionAndStopNoticesFollowTheHistory(t *testing.T) {
	e := sqliteEnv(t)
	rejected := e.seedAct(e.seedDossier(criminalRecord, "Nguyễn Văn Dân"), "counter", act("receive"), act("transfer"))
	rejected = e.seedAct(rejected, "leader", service.ActionInput{Action: "reject", Reason: "Người yêu cầu không thuộc đối tượng được cấp Phiếu lý lịch tư pháp số 2"})
	stopped := e.seedAct(e.seedDossier(criminalRecord, "Trần Thị Dừng"), "counter", act("receive"), act("transfer"))
	stopped = e.seedAct(stopped, "leader", service.ActionInput{Action: "stop", Reason: "Cơ quan có thẩm quyền đề nghị dừng để xác minh"})
	plain := e.seedAct(e.seedDossier(criminalRecord, "Lê Văn Thường"), "counter", act("receive"))

	staff := e.signedIn("leader")
	text := staff.pdfForm(t, rejected, "rejection")
	mustSay(t, "rejection", text, "THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ", rejected.Code, "Nguyễn Văn Dân",
		"không thuộc đối tượng được cấp Phiếu lý lịch tư pháp số 2")
	text = staff.pdfForm(t, stopped, "stop")
	mustSay(t, "stop", text, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Mẫu số 05 — Thông tư số 03/2025/TT-VPCP",
		"Điều 21 Nghị định số 118/2025/NĐ-CP", "đề nghị dừng để xác minh", stopped.Code)
	// The control slip under its 2025 number is the same paper as 05.
	mustSay(t, "06", staff.pdfForm(t, plain, "06"), plain.Code)
	staff.mustNotExist(t, plain, 404, "rejection", "stop")
	staff.mustNotExist(t, rejected, 404, "stop")
}
