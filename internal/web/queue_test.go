package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
)

// Three results are returned in one go; one of them was returned by a
// colleague after the page was drawn, so its row reports the change and
// the other two are returned all the same, each with its own event.
func TestCounterBulkReturnOneFails(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		var done []*dossier.Dossier
		for _, name := range []string{"Ngô Văn Một", "Ngô Văn Hai", "Ngô Văn Ba"} {
			d := e.seedAct(e.seedDossier(criminalRecord, name), "counter", act("receive"), act("transfer"))
			done = append(done, e.seedAct(d, "leader", act("approve")))
		}
		b := e.signedIn("counter")
		p := b.get("/counter?queue=done").must(t, 200, `action="/counter/bulk"`, done[0].Code, done[2].Code)
		p.lacks(t, `id="wait-h"`) // the filter shows the results queue only
		form := url.Values{"action": {"return_result"}}
		for _, d := range done {
			id := fmt.Sprint(d.ID)
			form.Add("id", id)
			form.Set("v_"+id, fmt.Sprint(d.Version))
			form.Set("k_"+id, "bulk-"+id)
		}
		e.seedAct(done[1], "counter", act("return_result")) // a colleague, meanwhile
		p = b.post("/counter/bulk", form).must(t, 200, "2/3 hồ sơ đã xong", "Không thực hiện được", "vừa được người khác thay đổi")
		row := p.Body[strings.Index(p.Body, fmt.Sprintf(`id="b%d"`, done[1].ID)):]
		row = row[:strings.Index(row, "</tr>")]
		if !strings.Contains(row, "Không thực hiện được") {
			t.Fatalf("the failure is reported beside its own row: %s", row)
		}
		for _, d := range done {
			if got := e.fresh(d); got.Status != dossier.Returned {
				t.Fatalf("%s: %s", d.Code, got.Status)
			}
		}
		evs, _ := e.svc.Events(t.Context(), e.actorNamed("counter"), done[1].ID)
		if n := len(evs); evs[n-1].Action != "return_result" || evs[n-2].Action == "return_result" {
			t.Fatal("the colleague's return stands alone; the bulk did not return it twice")
		}
		// The same form again is a replay of each row, not new returns.
		b.post("/counter/bulk", form).must(t, 200)
		evs, _ = e.svc.Events(t.Context(), e.actorNamed("counter"), done[0].ID)
		if n := len(evs); evs[n-1].Action != "return_result" || evs[n-2].Action == "return_result" {
			t.Fatal("a resent bulk form returns nothing twice")
		}
		// Printing lists each ticked dossier's slips.
		pf := url.Values{"action": {"print"}, "id": {fmt.Sprint(done[0].ID), fmt.Sprint(done[2].ID)}}
		b.post("/counter/bulk", pf).must(t, 200, fmt.Sprintf("/dossiers/%d/forms/01.pdf", done[0].ID), fmt.Sprintf("/dossiers/%d/forms/06.pdf", done[2].ID))
	})
}

// The queue's tools: a filter the service does not know is said on the
// page, the tiles are links that apply their filter, and a filing without
// a code yet is shown with its submission number.
func TestCounterQueueFiltersAndTiles(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedDossier(criminalRecord, "Vũ Thị Lọc")
	e.seedDossier(businessReg, "Công ty Khác")
	b := e.signedIn("counter")
	p := b.get("/counter").must(t, 200, fmt.Sprintf("Số nộp trực tuyến %d", d.ID), `href="/counter?queue=submitted"`,
		`href="/counter?channel=online&amp;queue=submitted"`, `href="/counter?queue=submitted&amp;urgency=long_wait"`)
	_ = p
	b.get("/counter?queue=submitted&sort=ten").must(t, 200, "không hợp lệ cho sắp xếp").lacks(t, "Không có hồ sơ trực tuyến nào đang chờ")
	b.get("/counter?queue=submitted&procedure="+criminalRecord).must(t, 200, "Vũ Thị Lọc").lacks(t, "Công ty Khác")
	b.get("/counter?find=vu+thi").must(t, 200, "Vũ Thị Lọc").lacks(t, "Công ty Khác")
	b.get(fmt.Sprintf("/counter?find=%d", d.ID)).must(t, 200, "Vũ Thị Lọc").lacks(t, "Công ty Khác")
	b.get("/counter?queue=submitted&urgency=long_wait").must(t, 200, "Không có hồ sơ trực tuyến nào đang chờ.")
	// In English the tools and the refusal speak English only.
	b.post("/lang", url.Values{"to": {"en"}, "back": {"/"}})
	b.get("/counter?queue=submitted&channel=fax").must(t, 200, "is not a valid channel").lacks(t, "không hợp lệ")
	b.get("/counter").must(t, 200, "Online submission no.", "Waiting over a day").lacks(t, "Số nộp trực tuyến", "Chờ quá 1 ngày")
}

// After the applicant answers a supplementation the holder's inbox flags
// the dossier until the holder acts again, and the dossier page tells the
// new file from the ones first submitted.
func TestInboxFlagsNewPapersAfterSupplementation(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		d := e.seedAct(e.seedDossier(criminalRecord, "Đỗ Văn Bổ Sung"), "counter", act("receive"), act("transfer"))
		quiet := e.seedAct(e.seedDossier(criminalRecord, "Đỗ Thị Yên"), "counter", act("receive"), act("transfer"))
		d = e.seedAct(d, "specialist", service.ActionInput{Action: "request_supplement", Reason: "Thiếu bản sao căn cước"})
		f, err := e.svc.Upload(t.Context(), e.actorNamed("citizen"), "can-cuoc.pdf", strings.NewReader("%PDF-1.4\nx\n%%EOF\n"))
		if err != nil {
			t.Fatal(err)
		}
		d = e.seedAct(d, "citizen", service.ActionInput{Action: "supplement", Components: []dossier.ComponentFiles{{Name: "Bản sao căn cước", FileIDs: []string{f.ID}}}})
		b := e.signedIn("specialist")
		p := b.get("/work").must(t, 200, "Có giấy tờ bổ sung mới", d.Code, quiet.Code)
		if strings.Count(p.Body, "Có giấy tờ bổ sung mới") != 1 {
			t.Fatal("only the supplemented dossier is flagged")
		}
		b.get(fmt.Sprintf("/dossiers/%d", d.ID)).must(t, 200, "can-cuoc.pdf", "nộp bổ sung ")
		// The holder acts: the flag goes.
		e.seedAct(d, "specialist", service.ActionInput{Action: "request_payment", AmountVND: 200000})
		b.get("/work").must(t, 200, d.Code).lacks(t, "Có giấy tờ bổ sung mới")
	})
}

// A counter officer filters the queue by a tile, ticks the filing that
// needs no paper check and receives it in bulk; the specialist's inbox
// flags the dossier whose applicant answered a supplementation.
func TestBrowserQueueToolsAndInboxFlag(t *testing.T) {
	e := sqliteEnv(t)
	c := newChrome(t)
	f, err := e.svc.Upload(t.Context(), e.actorNamed("citizen"), "to-khai.pdf", strings.NewReader("%PDF-1.4\nx\n%%EOF\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.svc.Submit(t.Context(), e.actorNamed("citizen"), service.NewDossier{ProcedureCode: businessReg, Channel: dossier.ChannelOnline,
		Applicant:  dossier.Applicant{Name: "Công ty Đủ Tệp", IDNumber: "001090012345", Phone: "0912345678", Address: "12 Lê Lợi"},
		Components: []dossier.ComponentFiles{{Name: "Giấy đề nghị", FileIDs: []string{f.ID}}}}, "b-full", "b-full", noBody)
	if err != nil {
		t.Fatal(err)
	}
	full := res.Dossier
	e.seedDossier(criminalRecord, "Bùi Văn Thiếu Tệp")
	supp := e.seedAct(e.seedDossier(criminalRecord, "Đỗ Văn Bổ Sung"), "counter", act("receive"), act("transfer"))
	e.seedAct(e.seedDossier(criminalRecord, "Đỗ Thị Yên"), "counter", act("receive"), act("transfer"))
	supp = e.seedAct(supp, "specialist", service.ActionInput{Action: "request_supplement", Reason: "Thiếu bản sao căn cước"})
	g, err := e.svc.Upload(t.Context(), e.actorNamed("citizen"), "can-cuoc.pdf", strings.NewReader("%PDF-1.4\ny\n%%EOF\n"))
	if err != nil {
		t.Fatal(err)
	}
	supp = e.seedAct(supp, "citizen", service.ActionInput{Action: "supplement", Components: []dossier.ComponentFiles{{Name: "Bản sao căn cước", FileIDs: []string{g.ID}}}})

	desk := c.newTab("counter-queue", 1280, 900)
	desk.run("sign in", chromedp.Navigate(e.url+"/login"), chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), "counter"), chromedp.SendKeys(chromedp.ID("password"), demoPassword),
		chromedp.Submit(chromedp.ID("password")), chromedp.WaitVisible(chromedp.ID("queue-filter")))
	desk.sees(fmt.Sprintf("Số nộp trực tuyến %d", full.ID), "Bùi Văn Thiếu Tệp", "Cần mở để kiểm tra giấy tờ")
	desk.page("queue-all")
	desk.run("filter by procedure", chromedp.SetValue(chromedp.ID("f-proc"), businessReg), chromedp.Submit(chromedp.ID("find")),
		chromedp.WaitVisible(chromedp.CSS(`#queue-filter a[href="/counter"]`)))
	desk.sees("Công ty Đủ Tệp")
	if strings.Contains(desk.text(), "Bùi Văn Thiếu Tệp") {
		t.Fatal("the procedure filter keeps the other procedure's filing out")
	}
	desk.page("queue-filtered")
	desk.run("tick and receive", chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name=id][value="%d"]`, full.ID))),
		chromedp.Click(chromedp.CSS(`button[value=receive]`)), chromedp.WaitVisible(chromedp.ID("bulk-summary")))
	desk.sees("1/1 hồ sơ đã xong", "Giấy tiếp nhận (Mẫu 01)")
	desk.page("queue-bulk-received")
	if d := e.fresh(full); d.Status != dossier.Received {
		t.Fatalf("bulk receipt: %s", d.Status)
	}

	work := c.newTab("inbox", 1280, 900)
	work.run("sign in", chromedp.Navigate(e.url+"/login"), chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), "specialist"), chromedp.SendKeys(chromedp.ID("password"), demoPassword),
		chromedp.Submit(chromedp.ID("password")), chromedp.WaitNotPresent(chromedp.ID("password")),
		chromedp.Navigate(e.url+"/work"), chromedp.WaitVisible(chromedp.CSS(".t-newpapers")))
	work.sees("Có giấy tờ bổ sung mới", supp.Code, "Đỗ Thị Yên")
	work.page("inbox-new-papers")
	work.run("open the dossier", chromedp.Navigate(fmt.Sprintf("%s/dossiers/%d", e.url, supp.ID)), chromedp.WaitVisible(chromedp.CSS(".t-newpapers")))
	work.sees("can-cuoc.pdf", "nộp bổ sung")
	work.page("dossier-supplemented-files")
}
