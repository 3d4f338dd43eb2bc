package web_test

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/motcua/motcua/internal/service"
)

// The due date's explanation speaks the page's language, every word: it
// was stored and shown as "Vietnamese… The clock stopped…" (issue 22 item 4).
func TestDueExplanationInThePagesLanguage(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedAct(e.seedDossier(criminalRecord, "Đỗ Thị Giải Thích"), "counter", act("receive"), act("transfer"))
	d = e.seedAct(d, "leader", service.ActionInput{Action: "request_supplement", Reason: "Thiếu bản sao căn cước"})
	d = e.seedAct(d, "citizen", service.ActionInput{Action: "supplement", Note: "Đã nộp bản sao căn cước tại quầy"})
	b := e.signedIn("leader")
	path := fmt.Sprintf("/dossiers/%d", d.ID)
	b.get(path).must(t, 200, "Tạm dừng tính thời hạn để bổ sung hồ sơ").lacks(t, "The clock stopped", "Received ")
	b.post("/lang", url.Values{"to": {"en"}, "back": {"/"}})
	b.get(path).must(t, 200, "The clock stopped for supplementation").lacks(t, "Tạm dừng tính thời hạn", "Tiếp nhận lúc")
}
