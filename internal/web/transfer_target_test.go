package web_test

import (
	"fmt"
	"regexp"
	"testing"
)

// "Chuyển xử lý" on a dossier being processed asks which agency to hand it
// to; it used to offer the leader's own agency first and then refuse it as
// "already there" (issue 22 item 8).
func TestTransferAsksForAnotherAgency(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedAct(e.seedDossier(criminalRecord, "Hoàng Văn Chuyển"), "counter", act("receive"), act("transfer"))
	p := e.signedIn("leader").get(fmt.Sprintf("/dossiers/%d", d.ID)).must(t, 200, "— Chọn cơ quan nhận hồ sơ —")
	sel := regexp.MustCompile(`(?s)<select id="to-transfer" name="to_agency"( required)?>(.*?)</select>`).FindStringSubmatch(p.Body)
	if sel == nil {
		t.Fatal("no hand-over form")
	}
	if sel[1] == "" {
		t.Error("the target must be required")
	}
	if regexp.MustCompile(`<option value="">Sở Tư pháp</option>`).MatchString(sel[2]) || regexp.MustCompile(`>Sở Tư pháp<`).MatchString(sel[2]) {
		t.Errorf("the agency holding the dossier is offered:\n%s", sel[2])
	}
}
