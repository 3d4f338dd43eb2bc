package web_test

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service/servicetest"
)

// approveProcess saves, as the administrator, a five-step process for the
// judicial record certificate (3.000333, 6 working days).
func approveProcess(t *testing.T, e *env) {
	t.Helper()
	p := servicetest.FiveSteps("Quyết định số 12/QĐ-UBND (thử nghiệm)")
	if _, err := e.svc.SaveProcess(t.Context(), e.actorNamed("admin"), p); err != nil {
		t.Fatal(err)
	}
}

// The dossier page shows where a dossier stands in its internal process and
// lets the holder move it (issue 13 items 2 and 3): the leader assigns a
// named specialist, the specialist forwards, a return to an earlier step
// needs its reason beside the field, and each step is judged against its
// own budget.
func TestDossierPageMovesThroughSteps(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		approveProcess(t, e)
		d := e.seedAct(e.seedDossierReturn(criminalRecord, "Trịnh Văn Bước", dossier.ReturnCounter), "counter", act("receive"), act("transfer"))
		page := fmt.Sprintf("/dossiers/%d", d.ID)
		leader := e.signedIn("leader")
		spec := e.actorNamed("specialist")
		leader.get(page).must(t, 200, "Quy trình nội bộ", `id="step-now"`, "Đang ở bước 2: Phân công", "Phân công chuyên viên",
			fmt.Sprintf(`<option value="%d">%s</option>`, spec.UserID, spec.Name), "Quyết định số 12/QĐ-UBND")
		// The assignment is the leader's: the specialist is not offered the form.
		e.signedIn("specialist").get(page).must(t, 200, "Đang ở bước 2").lacks(t, `id="act-step"`)
		form := url.Values{"action": {"step"}, "version": {fmt.Sprint(d.Version)}, "key": {"k-assign"}, "step_kind": {"assign"}, "assignee": {fmt.Sprint(spec.UserID)}}
		leader.post(page+"/act", form).must(t, 200, "Đang ở bước 3: Thẩm định", "Chuyển bước quy trình: Phân công chuyên viên → Bước 3")
		d = e.fresh(d)
		if d.Step == nil || d.Step.Step != 3 || d.Step.Assignee != spec.UserID {
			t.Fatalf("after the assignment: %+v", d.Step)
		}
		sp := e.signedIn("specialist")
		sp.post(page+"/act", url.Values{"action": {"step"}, "version": {fmt.Sprint(d.Version)}, "key": {"k-fwd"}, "step_kind": {"forward"}}).
			must(t, 200, "Đang ở bước 4: Lãnh đạo Sở ký")
		d = e.fresh(d)
		leader.post(page+"/act", url.Values{"action": {"step"}, "version": {fmt.Sprint(d.Version)}, "key": {"k-ret"}, "step_kind": {"return"}, "to_step": {"3"}}).
			must(t, 422, `id="reason-step-error"`, "Cần ghi rõ lý do khi trả lại bước trước.")
		leader.post(page+"/act", url.Values{"action": {"step"}, "version": {fmt.Sprint(d.Version)}, "key": {"k-ret2"}, "step_kind": {"return"}, "to_step": {"3"},
			"assignee": {fmt.Sprint(spec.UserID)}, "reason": {"Thiếu kết quả xác minh"}}).must(t, 200, "Đang ở bước 3: Thẩm định")
		// The director's list says who holds each open dossier and how far
		// into its step it is (issue 13 item 3).
		e.setNow(time.Date(2026, 12, 1, 11, 0, 0, 0, ict))
		e.signedIn("director").get("/director/dossiers?kind=in_time").must(t, 200, "Đang ở bước", "3. Thẩm định", "giờ làm việc")
		// The English page speaks English around the Vietnamese names.
		leader.post("/lang", url.Values{"to": {"en"}, "back": {"/"}})
		leader.get(page).must(t, 200, "Internal process", "At step 3: Thẩm định")
	})
}
