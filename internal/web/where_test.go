package web_test

import (
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/store/storetest"
	"github.com/motcua/motcua/internal/web"
)

// Staff see which agency they are signed in for; every page says how to get
// help, with the center's hotline only when the province configured one
// (issue 21 items 6 and 8); the filing form without a procedure says to
// choose one first instead of silently showing the counter; the browser's
// favicon request finds the icon.
func TestWhereAmIAndWhoToCall(t *testing.T) {
	e := sqliteEnv(t)
	counter := e.signedIn("counter")
	agency, _ := e.svc.Agency(e.actorNamed("counter").AgencyID)
	p := counter.get("/counter").must(t, 200, `<span class="agency" lang="vi">· `+agency.Name+`</span>`, "Hãy đến quầy hướng dẫn của Trung tâm.")
	if strings.Contains(p.Body, "đường dây nóng") {
		t.Fatal("no hotline is configured: the page must not promise one")
	}
	counter.get("/counter/new").must(t, 200, `id="pick-first"`, "Hãy tìm và chọn thủ tục trước")
	e.signedIn("citizen").get("/").lacks(t, `class="agency"`)
	if f := counter.fetch("/favicon.ico"); f.Status != 200 || !strings.Contains(f.Type, "svg") {
		t.Fatalf("favicon: %d %s", f.Status, f.Type)
	}

	withLine := newEnv(t, storetest.SQLite(t), web.Options{Demo: true, Hotline: "0222 3 858 858"})
	withLine.browser().get("/").must(t, 200, "Gọi đường dây nóng 0222 3 858 858")
}
