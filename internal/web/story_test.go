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

// The whole story of issue 4 in a real browser, on the embedded database:
// a citizen files online on a phone, the counter receives and prints the
// receipt, the specialist asks for a supplement, the citizen supplements,
// the leader approves, the counter returns the result and the citizen rates.
// Every page visited is kept as a screenshot and checked for the
// accessibility basics.
func TestBrowserWholeStory(t *testing.T) {
	e := sqliteEnv(t)
	c := newChrome(t)
	dir := t.TempDir()
	form, photo := filepath.Join(dir, "to-khai-ly-lich.pdf"), filepath.Join(dir, "anh-cccd.png")
	if err := os.WriteFile(form, citPDF("tờ khai"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(photo, citPNG(t, 7), 0o644); err != nil {
		t.Fatal(err)
	}

	// 1. The citizen, on a phone, finds the procedure and files online.
	cit := c.newTab("1-citizen", 360, 760)
	cit.run("find the procedure", chromedp.Navigate(e.url+"/"), chromedp.SendKeys(chromedp.ID("q"), "ly lich tu phap"),
		chromedp.Submit(chromedp.ID("q")), chromedp.Click(chromedp.CSS(`a[href="/procedures/`+criminalRecord+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href^="/login?next="]`)))
	cit.page("procedure")
	cit.run("sign in", chromedp.Click(chromedp.CSS(`a[href^="/login?next="]`)), chromedp.WaitVisible(chromedp.CSS(`form[action="/login/demo-citizen"]`)))
	cit.page("sign-in")
	cit.run("demo citizen", chromedp.Click(chromedp.CSS(`form[action="/login/demo-citizen"] button`)), chromedp.WaitVisible(chromedp.ID("f-name")))
	cit.page("file-form")
	cit.run("file", chromedp.SendKeys(chromedp.ID("f-phone"), "0912345678"), chromedp.SendKeys(chromedp.ID("f-address"), "12 Lê Lợi, phường Trung Tâm"),
		chromedp.SetUploadFiles(chromedp.CSS(`#file-0`), []string{form}),
		chromedp.Click(chromedp.CSS(`main form[enctype] button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	cit.sees("Đã nộp hồ sơ.", "Chờ tiếp nhận", "to-khai-ly-lich.pdf")
	cit.page("filed")
	mine, err := e.svc.List(t.Context(), e.actorNamed("citizen"), service.ListFilter{})
	if err != nil || len(mine) != 1 {
		t.Fatalf("one dossier filed, got %d (%v)", len(mine), err)
	}
	d := mine[0]
	check := fmt.Sprintf("/counter/dossiers/%d", d.ID)
	staffPage := fmt.Sprintf("/dossiers/%d", d.ID)

	// 2. The counter officer checks the online queue, receives, prints Form 01, hands over.
	ctr := c.newTab("2-counter", 1280, 900)
	signInStaff(ctr, e.url, "counter")
	ctr.sees("Nguyễn Văn Dân")
	ctr.page("queue")
	ctr.run("open the dossier", chromedp.Click(chromedp.CSS(`a.button[href="`+check+`"]`)), chromedp.WaitVisible(chromedp.ID("act-receive")))
	ctr.page("check")
	ctr.run("receive", chromedp.Click(chromedp.CSS(`#act-receive button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href="`+staffPage+`/forms/01.pdf"]`)))
	ctr.sees("Đã tiếp nhận hồ sơ và cấp mã")
	ctr.page("received")
	d = e.citStored(d.ID)
	if d.Status != dossier.Received || d.Code == "" {
		t.Fatalf("after reception: %s %q", d.Status, d.Code)
	}
	// The receipt the officer prints: Form 01 with the code and the due date.
	mustSay(t, "01", e.signedIn("counter").pdfForm(t, d, "01"), d.Code, "Nguyễn Văn Dân", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
	ctr.run("hand over", chromedp.Click(chromedp.CSS(`#act-transfer button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	ctr.sees("Đã chuyển hồ sơ.")

	// 3. The specialist of Sở Tư pháp finds it in the inbox and asks for a supplement (Form 02).
	spc := c.newTab("3-specialist", 1280, 900)
	signInStaff(spc, e.url, "specialist")
	spc.sees(d.Code)
	spc.page("inbox")
	spc.run("open", chromedp.Click(chromedp.CSS(`a[href="`+staffPage+`"]`)), chromedp.WaitVisible(chromedp.ID("act-request_supplement")))
	spc.page("dossier")
	spc.run("ask for a supplement", chromedp.Click(chromedp.CSS(`#act-request_supplement summary`)),
		chromedp.SendKeys(chromedp.ID("reason-request_supplement"), "Thiếu ảnh chụp Căn cước công dân mặt sau."),
		chromedp.Click(chromedp.CSS(`#act-request_supplement button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	spc.sees("Đã gửi yêu cầu bổ sung", "Chờ bổ sung hồ sơ", "Mẫu 02")
	spc.page("supplement-requested")

	// 4. The citizen sees what is asked and supplements once.
	cit.run("my dossiers", chromedp.Navigate(e.url+"/my/dossiers"), chromedp.WaitVisible(chromedp.CSS(`a[href$="#supplement"]`)))
	cit.sees("Cần bổ sung")
	cit.page("my-dossiers")
	cit.run("open", chromedp.Click(chromedp.CSS(`a[href$="#supplement"]`)), chromedp.WaitVisible(chromedp.ID("supplement")))
	cit.sees("Thiếu ảnh chụp Căn cước công dân mặt sau.")
	cit.page("asked")
	cit.run("supplement", chromedp.SetUploadFiles(chromedp.CSS(`#supplement input[type=file]`), []string{photo}),
		chromedp.Click(chromedp.CSS(`#supplement button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	cit.sees("anh-cccd.png", "Đang giải quyết")
	cit.page("supplemented")

	// 5. The leader approves.
	ldr := c.newTab("5-leader", 1280, 900)
	signInStaff(ldr, e.url, "leader")
	ldr.run("open", chromedp.Click(chromedp.CSS(`a[href="`+staffPage+`"]`)), chromedp.WaitVisible(chromedp.ID("act-approve")))
	// The citizen chose an online result: the leader attaches it.
	result := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(result, citPDF("kết quả"), 0o644); err != nil {
		t.Fatal(err)
	}
	ldr.run("approve", chromedp.Click(chromedp.CSS(`#act-approve summary`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#result-approve`), []string{result}),
		chromedp.SendKeys(chromedp.CSS(`#result-name-approve`), "Phiếu lý lịch tư pháp số 12"),
		chromedp.Click(chromedp.CSS(`#act-approve button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	ldr.sees("Đã phê duyệt kết quả.", "Có kết quả, chờ trả")
	ldr.page("approved")

	// 6. The counter returns the result from the results queue.
	ctr.run("results queue", chromedp.Navigate(e.url+"/counter"), chromedp.WaitVisible(chromedp.CSS(`a[href="`+check+`"]`)))
	ctr.page("results-queue")
	ctr.run("return", chromedp.Navigate(e.url+check), chromedp.Click(chromedp.CSS(`#act-return_result button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	ctr.sees("Đã trả kết quả.")
	ctr.page("returned")

	// 7. The citizen rates the service.
	cit.run("rate", chromedp.Navigate(fmt.Sprintf("%s/my/dossiers/%d", e.url, d.ID)), chromedp.WaitVisible(chromedp.ID("rate")))
	cit.page("rate")
	cit.run("send rating", chromedp.Click(chromedp.ID("rate-3")), chromedp.Click(chromedp.CSS(`#rate button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	cit.sees("Cảm ơn bạn đã đánh giá.", "Rất hài lòng")
	cit.page("rated")

	// The log holds the whole story, in order, each step by its actor.
	evs, err := e.svc.Events(t.Context(), e.actorNamed("counter"), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range evs {
		got = append(got, ev.Action+":"+ev.ActorRole)
	}
	want := "submit:citizen receive:counter transfer:counter request_supplement:specialist supplement:citizen approve:leader return_result:counter rate:citizen"
	if strings.Join(got, " ") != want {
		t.Fatalf("history:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	// Anyone can follow it by code, and sees no personal data.
	pub := c.newTab("8-public", 360, 760)
	pub.run("track", chromedp.Navigate(e.url+"/track/"+d.Code), chromedp.WaitVisible(chromedp.CSS("dl.facts")))
	pub.sees("Đã trả kết quả")
	if txt := pub.text(); strings.Contains(txt, "001090012345") || strings.Contains(txt, "0912345678") || strings.Contains(txt, "Nguyễn Văn Dân") {
		t.Fatal("the public tracking page shows personal data")
	}
	pub.page("track")

	// The director sees the Justice department's settled dossier on time and
	// opens the list behind the number; the administrator's pages open too.
	drc := c.newTab("9-director", 1280, 900)
	signInStaff(drc, e.url, "director")
	drc.sees("Sở Tư pháp")
	drc.page("overview")
	link := value(drc, "find the early count", chromedp.Evaluate[string](
		`[...document.querySelectorAll('a[href*="kind=early"]')].find(a => a.textContent.trim() === "1").href`))
	drc.run("the list behind a number", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS(`a[href="`+staffPage+`"]`)))
	drc.sees(d.Code)
	drc.page("overview-list")
	adm := c.newTab("10-admin", 1280, 900)
	signInStaff(adm, e.url, "admin")
	for _, p := range []string{"/admin/agencies", "/admin/users", "/admin/procedures", "/admin/calendar"} {
		adm.run("open "+p, chromedp.Navigate(e.url+p), chromedp.WaitVisible(chromedp.CSS("h1")))
		adm.page(strings.TrimPrefix(p, "/admin/"))
	}
}

// signInStaff signs a demo staff member in through the form.
func signInStaff(b *tab, base, username string) {
	b.c.t.Helper()
	b.run("sign in as "+username, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), username), chromedp.SendKeys(chromedp.ID("password"), demoPassword),
		chromedp.Submit(chromedp.ID("password")), chromedp.WaitVisible(chromedp.CSS(`form[action="/logout"]`)))
}
