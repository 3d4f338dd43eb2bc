package web_test

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/service"
)

// 766 indicator 5.4 loses points for dossiers rated "không hài lòng": the
// dashboard links to exactly those dossiers.
func TestDashboardListsDislikedDossiers(t *testing.T) {
	e := sqliteEnv(t)
	liked := e.seedAct(e.seedDossier(criminalRecord, "Lê Thị Vui"), "counter", act("receive"), act("transfer"))
	sad := e.seedAct(e.seedDossier(criminalRecord, "Trần Văn Buồn"), "counter", act("receive"), act("transfer"))
	e.setNow(time.Date(2026, 12, 3, 9, 0, 0, 0, ict))
	liked = e.seedAct(liked, "leader", act("approve"))
	sad = e.seedAct(sad, "leader", act("approve"))
	liked = e.seedAct(liked, "counter", act("return_result"))
	sad = e.seedAct(sad, "counter", act("return_result"))
	e.seedAct(liked, "citizen", service.ActionInput{Action: "rate", Rating: 3})
	e.seedAct(sad, "citizen", service.ActionInput{Action: "rate", Rating: 1})
	e.setNow(time.Date(2027, 1, 5, 9, 0, 0, 0, ict))
	b := e.signedIn("director")
	b.get("/director/index?from=2026-12-01&to=2026-12-31").must(t, 200, "kind=disliked")
	p := b.get("/director/dossiers?from=2026-12-01&to=2026-12-31&kind=disliked").must(t, 200, "Hồ sơ bị đánh giá không hài lòng", "Trần Văn Buồn")
	p.lacks(t, "Lê Thị Vui")
}
