package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/internal/dossier"
)

// The specialist ticks what is missing or wrong on the dossier page, one
// error comes back beside its field, and Form 02 prints the list (issue 22
// item 5; Circular 01/2018 Form 02; Decree 118/2025 Art. 11(2)). Keeps a
// screenshot of the checklist and the text of the resulting Form 02.
func TestBrowserSupplementChecklist_Form02(t *testing.T) {
	e := sqliteEnv(t)
	c := newChrome(t)
	d := e.seedAct(e.seedDossier(criminalRecord, "Lý Thị Bổ Sung"), "counter", act("receive"), act("transfer"))
	proc, err := e.svc.ProcedureVersion(t.Context(), d.ProcedureCode, d.ProcedureVersion)
	if err != nil {
		t.Fatal(err)
	}
	page := fmt.Sprintf("/dossiers/%d", d.ID)
	spc := c.newTab("specialist", 1280, 900)
	signInStaff(spc, e.url, "specialist")
	spc.run("open", chromedp.Navigate(e.url+page), chromedp.WaitVisible(chromedp.ID("act-request_supplement")),
		chromedp.Click(chromedp.CSS(`#act-request_supplement summary`)), chromedp.WaitVisible(chromedp.ID("sup-papers")))
	spc.sees("Giấy tờ cần bổ sung, hoàn thiện (Mẫu 02)", "Giấy tờ khác")
	// Say a paper is incomplete without saying what is wrong: refused beside the field.
	setValue := func(id, v string) chromedp.Action[chromedp.Void] {
		return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById(%q).value = %q; undefined`, id, v))
	}
	spc.run("tick the first paper as incomplete", setValue("sup-defect-0", "incomplete"),
		chromedp.Click(chromedp.CSS(`#act-request_supplement button[type=submit]`)), chromedp.WaitVisible(chromedp.ID("sup-explain-0-err")))
	spc.sees("Ghi rõ giấy tờ này chưa đầy đủ hoặc không hợp lệ ở điểm nào.")
	spc.page("checklist-error")
	spc.run("fill the checklist", chromedp.SendKeys(chromedp.ID("sup-explain-0"), "Thiếu chữ ký người yêu cầu"),
		chromedp.SendKeys(chromedp.ID("sup-other-name"), "Văn bản ủy quyền"), setValue("sup-other-defect", "invalid"),
		chromedp.SendKeys(chromedp.ID("sup-other-explain"), "Chưa được chứng thực"))
	spc.page("checklist")
	spc.run("send", chromedp.Click(chromedp.CSS(`#act-request_supplement button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	spc.sees("Đã gửi yêu cầu bổ sung", "Chờ bổ sung hồ sơ", "Mẫu 02")
	spc.page("requested")

	d = e.fresh(d)
	if d.Status != dossier.SupplementRequested {
		t.Fatalf("status %s", d.Status)
	}
	text := e.signedIn("specialist").pdfForm(t, d, "02")
	if err := os.WriteFile(filepath.Join(c.dir, strings.TrimPrefix(t.Name(), "Test")+"-form02.txt"), []byte(text+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustSay(t, "02", text, "Số: "+d.Code+"/HDHS", "Chưa đầy đủ: Thiếu chữ ký người yêu cầu", "Văn bản ủy quyền",
		"Không hợp lệ: Chưa được chứng thực")
	// The papers the citizen sent online were not ticked by default.
	for _, p := range d.Components {
		if len(p.FileIDs) > 0 && strings.Contains(text, p.Name) {
			t.Errorf("Form 02 lists %q, which the applicant provided", p.Name)
		}
	}
	_ = proc
}
