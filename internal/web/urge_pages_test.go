package web_test

import (
	"fmt"
	"net/url"
	"testing"
)

// The director expedites the agency holding a dossier from its page
// (Decree 118/2025 Art. 8); the holder's workspace flags it. The PPC chair
// starts on the 766 index, and no page offers the chair an action the
// rules would refuse (issue 22 item 8; RULES-VN.md §11).
func TestDirectorUrgesAndTheChairSupervises_Decree118_Art8(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedAct(e.seedDossier(criminalRecord, "Bùi Thị Chờ Lâu"), "counter", act("receive"), act("transfer"))
	page := fmt.Sprintf("/dossiers/%d", d.ID)

	chair := e.browser()
	if home := chair.login("chair"); home.URL != "/director/index" {
		t.Fatalf("the chair starts at %s, want the 766 index", home.URL)
	}
	chair.get(page).must(t, 200).lacks(t, "Đôn đốc xử lý", `name="action"`)

	leader := e.signedIn("leader")
	leader.get("/work").must(t, 200, d.Code).lacks(t, "Được đôn đốc")

	dir := e.signedIn("director")
	dir.get(page).must(t, 200, "Đôn đốc xử lý", `value="urge"`)
	form := url.Values{"action": {"urge"}, "version": {fmt.Sprint(d.Version)}, "key": {"k-urge"}}
	dir.post(page+"/act", form).must(t, 422, "Cần ghi rõ lý do khi đôn đốc xử lý hồ sơ.")
	form.Set("reason", "Hồ sơ đến hạn ngày mai, đề nghị trình ký")
	dir.post(page+"/act", form).must(t, 200, "Đã đôn đốc cơ quan đang giữ hồ sơ.", "Hồ sơ đến hạn ngày mai, đề nghị trình ký")

	leader.get("/work").must(t, 200, d.Code, "Được đôn đốc")
	leader.post("/lang", url.Values{"to": {"en"}, "back": {"/"}})
	leader.get("/work").must(t, 200, "Urged").lacks(t, "Được đôn đốc")
}
