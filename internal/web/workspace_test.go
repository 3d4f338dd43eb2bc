package web_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The leader of Sở Tư pháp sees the agency's dossiers, the late ones first,
// and acts on them from the dossier page.
func TestInboxOrdersByUrgencyAndActionsApply(t *testing.T) {
	e := sqliteEnv(t)
	// Received Tuesday 1 December 09:00: 10 calendar days → due Friday 11 December 17:00.
	early := e.seedAct(e.seedDossier(criminalRecord, "Lê Văn Sớm"), "counter", act("receive"), act("transfer"))
	e.setNow(time.Date(2026, 12, 3, 9, 0, 0, 0, ict)) // due Monday 14 December 17:00
	later := e.seedAct(e.seedDossier(criminalRecord, "Phạm Thị Muộn"), "counter", act("receive"), act("transfer"))
	other := e.seedAct(e.seedDossier(businessReg, "Công ty Tài Chính"), "counter", act("receive"), act("transfer"))

	// Saturday 12 December: the first is overdue, the second due on Monday (the next working day).
	e.setNow(time.Date(2026, 12, 12, 9, 0, 0, 0, ict))
	b := e.signedIn("leader")
	p := b.get("/work").must(t, 200, "Lê Văn Sớm", "Phạm Thị Muộn", "Đã quá hạn", "Sắp đến hạn")
	p.lacks(t, "Công ty Tài Chính") // Sở Tài chính's dossier is not the Justice leader's
	if strings.Index(p.Body, "Lê Văn Sớm") > strings.Index(p.Body, "Phạm Thị Muộn") {
		t.Fatal("the overdue dossier must come first")
	}

	// Reject needs written reasons: refused, and what was typed comes back.
	page := b.get(fmt.Sprintf("/dossiers/%d", later.ID)).must(t, 200, later.Code, "Phê duyệt kết quả", "Trả lại: không đủ điều kiện")
	form := url.Values{"action": {"reject"}, "version": {fmt.Sprint(later.Version)}, "key": {"k-reject"}, "note": {"ghi chú đã gõ"}}
	b.post(fmt.Sprintf("/dossiers/%d/act", later.ID), form).must(t, 422, "Cần ghi rõ lý do", "ghi chú đã gõ")

	// Approve; a resent form (same key) applies once.
	// The applicant chose an online result, so the form carries its file.
	form = url.Values{"action": {"approve"}, "version": {fmt.Sprint(later.Version)}, "key": {"k-approve"}}
	kq := citFile{"result_file", "a.pdf", citPDF("kết quả")}
	b.citPostFiles(fmt.Sprintf("/dossiers/%d/act", later.ID), form, kq).must(t, 200, "Đã phê duyệt kết quả.", "Có kết quả, chờ trả")
	b.citPostFiles(fmt.Sprintf("/dossiers/%d/act", later.ID), form, kq).must(t, 200, "Đã phê duyệt kết quả.")
	evs, _ := e.svc.Events(t.Context(), e.actorNamed("leader"), later.ID)
	if n := len(evs); n != 4 || evs[3].Action != "approve" {
		t.Fatalf("a resent form must apply once: %d events", n)
	}
	// A form drawn before someone else acted is refused as stale, not applied.
	form = url.Values{"action": {"approve"}, "version": {fmt.Sprint(early.Version)}, "key": {"k-early"}}
	e.seedAct(early, "leader", act("approve"))
	b.post(fmt.Sprintf("/dossiers/%d/act", early.ID), form).must(t, 409, "vừa được người khác cập nhật")
	_ = page

	// Another agency's specialist cannot open the dossier.
	e.signedIn("specialist_tc").get(fmt.Sprintf("/dossiers/%d", later.ID)).must(t, 403)
	// Sở Tài chính's own dossier is in its inbox.
	e.signedIn("specialist_tc").get("/work").must(t, 200, other.Code)
	// Citizens have no inbox.
	e.signedIn("citizen").get("/work").must(t, 403)
}

var codeRe = regexp.MustCompile(`\d{6}-\d{4}`)

func TestStaffDossierPageHidesNothingItNeedsAndShowsHistory(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedAct(e.seedDossier(criminalRecord, "Nguyễn Thị Hằng"), "counter", act("receive"))
	p := e.signedIn("leader").get(fmt.Sprintf("/dossiers/%d", d.ID)).must(t, 200, "Nguyễn Thị Hằng", "001090012345", "Quá trình xử lý", "Tiếp nhận", "Mẫu 01")
	if !codeRe.MatchString(p.Body) {
		t.Fatal("the dossier code must be shown")
	}
}
