package web_test

import (
	"bytes"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
)

// The director's delay report page (issue 13 item 3): a dossier whose
// appraisal sat twelve days is late, the specialist's agency made it late,
// and the specialist's step shows its overrun; the workbook downloads; a
// leader may not read the province's report.
func TestDelayReportPage(t *testing.T) {
	e := sqliteEnv(t)
	approveProcess(t, e)
	d := e.seedAct(e.seedDossierReturn(criminalRecord, "Đào Văn Chậm", dossier.ReturnCounter), "counter", act("receive"), act("transfer"))
	spec := e.actorNamed("specialist")
	page := fmt.Sprintf("/dossiers/%d", d.ID)
	e.signedIn("leader").post(page+"/act", url.Values{"action": {"step"}, "version": {fmt.Sprint(d.Version)}, "key": {"k1"}, "step_kind": {"assign"},
		"assignee": {fmt.Sprint(spec.UserID)}}).must(t, 200)
	e.setNow(time.Date(2026, 12, 14, 9, 0, 0, 0, ict))
	d = e.fresh(d)
	e.signedIn("specialist").post(page+"/act", url.Values{"action": {"step"}, "version": {fmt.Sprint(d.Version)}, "key": {"k2"}, "step_kind": {"forward"}}).must(t, 200)
	d = e.seedAct(e.fresh(d), "leader", act("approve"))
	d = e.seedAct(d, "counter", act("return_result"))

	dir := e.signedIn("director")
	dir.get("/director").must(t, 200, `href="/director/delays"`)
	p := dir.get("/director/delays?from=2026-12-01&to=2026-12-31").must(t, 200, "Báo cáo trễ hạn theo bước xử lý", spec.Name, d.Code, "3. Thẩm định")
	p.lacks(t, "Không có hồ sơ nào trong kỳ.")
	x := dir.fetch("/director/delays?from=2026-12-01&to=2026-12-31&format=xlsx")
	if x.Status != 200 || !bytes.HasPrefix(x.Body, []byte("PK")) {
		t.Fatalf("workbook: %d %s", x.Status, x.Type)
	}
	e.signedIn("leader").get("/director/delays").must(t, 403)

	// The control slip judges each step against its own budget and due
	// (Circular 01/2018 Form 05; issue 13 item 3).
	slip := e.signedIn("leader").pdfForm(t, d, "06")
	mustSay(t, "06", slip, "Bước 3. Thẩm định (2 ngày làm việc; hạn", "Bước 2. Phân công (1 ngày làm việc; hạn", "Quá hạn", "Trước hạn")
}
