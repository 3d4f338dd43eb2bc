package web_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/motcua/motcua/internal/report"
	"github.com/motcua/motcua/internal/service"
)

// The one-stop section's tracking book (Form 07 of Circular 03/2025, Form 06
// of Circular 01/2018) lists each dossier received in the period with the
// official columns, as XLSX and PDF; only the receiving agency's own staff
// print it, since it carries addresses and phones (issue 22 item 6).
func TestTrackingBook_Circular03_2025_Form07(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedAct(e.seedDossier(criminalRecord, "Phạm Thị Sổ"), "counter", act("receive"), act("transfer"))
	e.setNow(time.Date(2026, 12, 4, 10, 0, 0, 0, ict))
	d = e.seedAct(d, "leader", service.ActionInput{Action: "reject", Reason: "Không đủ điều kiện"})
	e.seedDossier(criminalRecord, "Chưa Tiếp Nhận") // submitted, never received: not in the book

	b := e.signedIn("counter")
	b.get("/counter").must(t, 200, `href="/counter/book"`)
	b.get("/counter/book").must(t, 200, `name="format" value="xlsx"`, `type="date"`)
	x := b.fetch("/counter/book?from=2026-12-01&to=2026-12-31&format=xlsx")
	if x.Status != 200 || !strings.Contains(x.Type, "spreadsheetml") {
		t.Fatalf("xlsx: %d %s", x.Status, x.Type)
	}
	f, err := excelize.OpenReader(bytes.NewReader(x.Body))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(report.SheetName)
	if err != nil {
		t.Fatal(err)
	}
	all := ""
	for _, r := range rows {
		all += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"SỔ THEO DÕI HỒ SƠ", "Từ ngày 01/12/2026 đến ngày 31/12/2026", "Mã hồ sơ|Tên TTHC",
		"1|" + d.Code + "|", "Phạm Thị Sổ", "09:00 01/12/2026", "10:00 04/12/2026", "Từ chối giải quyết"} {
		if !strings.Contains(all, want) {
			t.Errorf("book lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "Chưa Tiếp Nhận") || strings.Count(all, d.Code) != 1 {
		t.Errorf("only received dossiers, once each:\n%s", all)
	}
	text := formText(t, b.fetch("/counter/book?from=2026-12-01&to=2026-12-31&format=pdf").Body)
	mustSay(t, "book", text, "SỔ THEO DÕI HỒ SƠ", d.Code, "Phạm Thị Sổ", "Cơ quan chủ trì giải quyết")
	// November: empty, still a book.
	mustSay(t, "book", formText(t, b.fetch("/counter/book?from=2026-11-01&to=2026-11-30&format=pdf").Body), "Không có hồ sơ tiếp nhận trong kỳ.")
	// The director supervises figures, not the counter's book.
	if p := e.signedIn("director").get("/counter/book?format=xlsx"); p.Status != 403 {
		t.Fatalf("director: %d", p.Status)
	}
}
