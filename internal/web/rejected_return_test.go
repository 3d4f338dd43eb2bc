package web_test

import (
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
)

// A rejected dossier goes back to the counter's return queue with its
// notice, like any result, and leaves it once handed back — still rejected
// (Decree 61/2018 Art. 21 hand-back; DVCQG status 3).
func TestRejectedDossierReachesTheReturnQueue(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		d := e.seedAct(e.seedDossier(criminalRecord, "Đặng Văn Trả Lại"), "counter", act("receive"), act("transfer"))
		d = e.seedAct(d, "leader", service.ActionInput{Action: "reject", Reason: "Không đủ điều kiện cấp phiếu"})
		c := e.signedIn("counter")
		c.get("/counter?queue=done").must(t, 200, d.Code)
		d = e.seedAct(d, "counter", act("return_result"))
		if d.Status != dossier.Rejected || d.ReturnedAt == nil {
			t.Fatalf("handed back: status %s, returned %v", d.Status, d.ReturnedAt)
		}
		c.get("/counter?queue=done").must(t, 200).lacks(t, d.Code)
	})
}
