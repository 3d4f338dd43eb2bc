package web_test

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/service"
)

// A complaint (PAKN) about a settled dossier costs 766 indicator 5.4 like a
// "không hài lòng" rating (RULES-VN.md §6.2 group 5, §6.3): the applicant
// lodges it on their dossier's page, staff link one received elsewhere with
// its reference, and the director's list behind 5.4 shows both, once each.
func TestComplaintsCountAgainstSatisfaction_766_5_4(t *testing.T) {
	e := sqliteEnv(t)
	happy := e.seedAct(e.seedDossier(criminalRecord, "Lê Thị Vui"), "counter", act("receive"), act("transfer"))
	other := e.seedAct(e.seedDossier(criminalRecord, "Phạm Văn Phản"), "counter", act("receive"), act("transfer"))
	e.setNow(time.Date(2026, 12, 3, 9, 0, 0, 0, ict))
	happy = e.seedAct(happy, "leader", act("approve"))
	happy = e.seedAct(happy, "counter", act("return_result"))
	happy = e.seedAct(happy, "citizen", service.ActionInput{Action: "rate", Rating: 3})
	other = e.seedAct(other, "leader", act("approve"))

	// The applicant complains on the page, though they rated it well.
	b := e.signedIn("citizen")
	page := fmt.Sprintf("/my/dossiers/%d", happy.ID)
	b.get(page).must(t, 200, "Phản ánh, kiến nghị về việc giải quyết hồ sơ")
	form := url.Values{"action": {"complaint"}, "version": {fmt.Sprint(happy.Version)}, "key": {"k-complaint"}}
	b.post(page+"/act", form).must(t, 422, "lý do")
	form.Set("reason", "Phải đi lại ba lần mới nhận được kết quả")
	b.post(page+"/act", form).must(t, 200, "Đã ghi nhận phản ánh, kiến nghị.")
	// The counter links a complaint that came through the national portal,
	// with its reference, on the staff page.
	c := e.signedIn("counter")
	staff := fmt.Sprintf("/dossiers/%d", other.ID)
	c.get(staff).must(t, 200, "Ghi nhận phản ánh, kiến nghị", `name="complaint_ref"`)
	c.post(staff+"/act", url.Values{"action": {"complaint"}, "version": {fmt.Sprint(other.Version)}, "key": {"k-c2"},
		"reason": {"Phản ánh qua Cổng DVCQG"}, "complaint_ref": {"PAKN-2026-0042"}}).must(t, 200, "PAKN-2026-0042")
	// Disliked and complained about: still one dossier for 5.4.
	other, err := e.st.Dossier(t.Context(), other.ID)
	if err != nil || other.ComplaintCount != 1 {
		t.Fatalf("the linked complaint: %+v %v", other, err)
	}
	e.seedAct(e.seedAct(other, "counter", act("return_result")), "citizen", service.ActionInput{Action: "rate", Rating: 1})

	var rep *service.IndexReport
	e.setNow(time.Date(2027, 1, 5, 9, 0, 0, 0, ict))
	dir := e.signedIn("director")
	dir.get("/director/index?from=2026-12-01&to=2026-12-31").must(t, 200, "2 không hài lòng hoặc có phản ánh")
	dir.get("/director/dossiers?from=2026-12-01&to=2026-12-31&kind=disliked").must(t, 200, "Lê Thị Vui", "Phạm Văn Phản")
	rep, err = e.svc.Index766(t.Context(), e.actorNamed("director"), service.SettlementQuery{Period: december(t)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Inputs.SettledComplainedOrDisliked != 2 || rep.Counts.Complained != 1 || rep.Counts.Dislikes != 1 {
		t.Fatalf("5.4 inputs: complained or disliked %d (complained %d, dislikes %d), want 2 (1, 1)",
			rep.Inputs.SettledComplainedOrDisliked, rep.Counts.Complained, rep.Counts.Dislikes)
	}
}

func december(t *testing.T) service.Period {
	p, err := service.ParsePeriod("2026-12-01", "2026-12-31", time.Date(2027, 1, 5, 9, 0, 0, 0, ict))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
