package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
)

// A dossier whose applicant chose an electronic result cannot be approved
// without the result file (Circular 01/2023 Art. 24; 766 indicator 4.1): the
// leader is told so beside the file field, attaches the file and approves;
// the counter then sees the file on its return queue and prints the
// hand-over receipt (issue 22 item 2). Keeps screenshots of each step and
// the receipt's text.
func TestBrowserResultMustExistAndCounterPrintsReceipt(t *testing.T) {
	e := sqliteEnv(t)
	c := newChrome(t)
	d := e.seedAct(e.seedDossierReturn(criminalRecord, "Phan Thị Điện Tử", dossier.ReturnOnline), "counter", act("receive"), act("transfer"))
	// A rejection goes back through the same queue with its written notice
	// (issue 22 item 6; Decree 118/2025, RULES-VN.md §1 status 3).
	rejected := e.seedAct(e.seedDossier(criminalRecord, "Vương Văn Từ Chối"), "counter", act("receive"), act("transfer"))
	rejected = e.seedAct(rejected, "leader", service.ActionInput{Action: "reject", Reason: "Không thuộc đối tượng được cấp phiếu"})
	page := fmt.Sprintf("%s/dossiers/%d", e.url, d.ID)

	leader := c.newTab("leader", 1366, 900)
	signInStaff(leader, e.url, "leader")
	leader.run("open the approval", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("act-approve")),
		chromedp.Click(chromedp.CSS(`#act-approve summary`)), chromedp.WaitVisible(chromedp.ID("result-approve")))
	// The browser itself asks for the file first; a browser that skips that
	// check reaches the server, which refuses beside the field.
	leader.run("approve without the file", chromedp.Evaluate[chromedp.Void](`document.getElementById("result-approve").removeAttribute("required"); undefined`),
		chromedp.SendKeys(chromedp.ID("result-name-approve"), "Phiếu lý lịch tư pháp số 21/LLTP"),
		chromedp.Click(chromedp.CSS(`#act-approve button[type=submit]`)), chromedp.WaitVisible(chromedp.ID("result-approve-error")))
	leader.sees("cần đính kèm tệp kết quả điện tử")
	leader.page("refused-without-file")
	if got := e.fresh(d); got.Status != dossier.Processing {
		t.Fatalf("approved without its result: %s", got.Status)
	}
	pdf := filepath.Join(t.TempDir(), "phieu-lltp.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\nphieu ly lich tu phap\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	leader.run("attach and approve", chromedp.SetUploadFiles(chromedp.ID("result-approve"), []string{pdf}),
		chromedp.Click(chromedp.CSS(`#act-approve button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	leader.page("approved")
	d = e.fresh(d)
	if d.Status != dossier.Done || len(d.ResultFileIDs) != 1 {
		t.Fatalf("after approval: %s, files %v", d.Status, d.ResultFileIDs)
	}

	counter := c.newTab("counter", 1366, 900)
	signInStaff(counter, e.url, "counter")
	counter.run("return queue", chromedp.Navigate(e.url+"/counter?queue=done"), chromedp.WaitVisible(chromedp.ID(fmt.Sprintf("q%d", d.ID))))
	counter.sees(d.Code, "Tệp kết quả 1", "Biên nhận trả kết quả", rejected.Code, "Thông báo từ chối")
	counter.page("return-queue")
	notice := value(counter, "notice link", chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector("#q%d a[href$='/forms/rejection.pdf']").getAttribute("href")`, rejected.ID)))
	if notice != formURL(rejected, "rejection") {
		t.Fatalf("notice link %q", notice)
	}
	mustSay(t, "rejection", e.signedIn("counter").pdfForm(t, rejected, "rejection"), "THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ", "Không thuộc đối tượng được cấp phiếu")
	href := value(counter, "receipt link", chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector("#q%d a[href$='/forms/handover.pdf']").getAttribute("href")`, d.ID)))
	if href != formURL(d, "handover") {
		t.Fatalf("receipt link %q, want %q", href, formURL(d, "handover"))
	}
	text := e.signedIn("counter").pdfForm(t, d, "handover")
	if err := os.WriteFile(filepath.Join(c.dir, strings.TrimPrefix(t.Name(), "Test")+"-handover.txt"), []byte(text+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustSay(t, "handover", text, "BIÊN NHẬN TRẢ KẾT QUẢ", d.Code, "Phiếu lý lịch tư pháp số 21/LLTP", "Bản điện tử", "NGƯỜI NHẬN KẾT QUẢ")
	// The tracking book (Form 07 of Circular 03/2025) of the counter and period.
	counter.run("tracking book", chromedp.Navigate(e.url+"/counter/book"), chromedp.WaitVisible(chromedp.ID("b-from")))
	counter.sees("Sổ theo dõi hồ sơ")
	counter.page("tracking-book")
}
