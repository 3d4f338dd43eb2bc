package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
)

// The counter sees on its return queue what it hands back — the paper
// result, the electronic files, or the rejection notice — and prints the
// receipt the applicant signs: the tracking book's "Trả kết quả" and "Ký
// nhận" for one dossier (Circular 01/2018 Form 06; Circular 03/2025 Form 07).
// Before there is anything to hand back there is no receipt (issue 22 item 2).
func TestCounterSeesAndPrintsWhatItHandsOver_Circular01_2018_Form06(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		paper := e.seedAct(e.seedDossierReturn(criminalRecord, "Ngô Thị Giấy", dossier.ReturnCounter), "counter", act("receive"), act("transfer"))
		c := e.signedIn("counter")
		c.mustNotExist(t, paper, 404, "handover")
		if f := c.fetch(formURL(paper, "handover")); !strings.Contains(string(f.Body), "chưa có gì để trả") {
			t.Fatalf("the refusal must say why: %.300s", f.Body)
		}
		paper = e.seedAct(paper, "leader", service.ActionInput{Action: "approve", ResultName: "Phiếu lý lịch tư pháp số 15/LLTP"})
		online := e.seedAct(e.seedDossierReturn(criminalRecord, "Đỗ Văn Mạng", dossier.ReturnOnline), "counter", act("receive"), act("transfer"))
		online = e.seedAct(online, "leader", act("approve"))
		rejected := e.seedAct(e.seedDossier(criminalRecord, "Hà Văn Từ Chối"), "counter", act("receive"), act("transfer"))
		rejected = e.seedAct(rejected, "leader", service.ActionInput{Action: "reject", Reason: "Không đủ điều kiện cấp phiếu"})

		q := c.get("/counter?queue=done").must(t, 200, "Trả cho người nộp")
		queueRow(t, q, paper, "Kết quả giấy", formURL(paper, "handover")).lacks(t, "Thông báo từ chối", "Tệp kết quả 1")
		queueRow(t, q, online, "Tệp kết quả 1", fmt.Sprintf("/dossiers/%d/files/%s", online.ID, online.ResultFileIDs[0]), formURL(online, "handover")).lacks(t, "Kết quả giấy")
		queueRow(t, q, rejected, "Thông báo từ chối", formURL(rejected, "rejection"), formURL(rejected, "handover")).lacks(t, "Kết quả giấy", "Tệp kết quả")

		mustSay(t, "handover paper", c.pdfForm(t, paper, "handover"), "BIÊN NHẬN TRẢ KẾT QUẢ", paper.Code, "Ngô Thị Giấy",
			"Phiếu lý lịch tư pháp số 15/LLTP", "Bản giấy", "Thời gian trả: …… giờ", "NGƯỜI NHẬN KẾT QUẢ", "NGƯỜI TRẢ KẾT QUẢ")
		mustSay(t, "handover online", c.pdfForm(t, online, "handover"), online.Code, "Bản điện tử")
		mustSay(t, "handover rejection", c.pdfForm(t, rejected, "handover"), rejected.Code, "Thông báo từ chối giải quyết hồ sơ")

		// Once handed back, the receipt carries the time and the officer.
		paper = e.seedAct(paper, "counter", act("return_result"))
		text := c.pdfForm(t, paper, "handover")
		at := paper.ReturnedAt.In(vnZone)
		mustSay(t, "handover returned", text, fmt.Sprintf("Thời gian trả: %02d giờ %02d phút", at.Hour(), at.Minute()), e.actorNamed("counter").Name)
	})
}

var vnZone = time.FixedZone("ICT", 7*3600)

// queueRow is the row of dossier d in a queue page, as a page of its own.
func queueRow(t *testing.T, p page, d *dossier.Dossier, texts ...string) page {
	t.Helper()
	_, row, ok := strings.Cut(p.Body, fmt.Sprintf(`<tr id="q%d">`, d.ID))
	if !ok {
		t.Fatalf("%s: no row for dossier %d\n%s", p.URL, d.ID, p.Body)
	}
	row, _, _ = strings.Cut(row, "</tr>")
	return page{URL: fmt.Sprintf("%s#q%d", p.URL, d.ID), Status: p.Status, Body: row}.must(t, p.Status, texts...)
}
