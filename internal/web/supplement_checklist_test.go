package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
)

// The supplementation request names each paper and what is wrong with it;
// Form 02 prints a row for each, numbered, with the unit's address and phone;
// the applicant's page lists them (issue 22 item 5; Circular 01/2018 Form 02;
// Decree 118/2025 Art. 11(2)).
func TestSupplementChecklist_Circular01_2018_Form02(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) { supplementChecklist(t, e) })
}

func supplementChecklist(t *testing.T, e *env) {
	ctx := t.Context()
	d := e.seedAct(e.seedDossier(criminalRecord, "Lý Thị Bổ Sung"), "counter", act("receive"))
	proc, err := e.svc.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion)
	if err != nil || len(proc.Components) < 3 {
		t.Fatalf("procedure: %v %d components", err, len(proc.Components))
	}
	recv, _ := e.svc.Agency(d.ReceivingAgencyID)
	if err := e.svc.SetAgencyContact(ctx, e.actorNamed("admin"), recv.ID, "Số 8 đường Lê Lợi, phường Hạc Thành", "0237 385 2001"); err != nil {
		t.Fatal(err)
	}
	b := e.signedIn("counter")
	b.get(checkURL(d)).must(t, 200, `name="defect_0"`, `name="explain_2"`, `name="other_name"`, "Giấy tờ khác", "Không hợp lệ")

	// Errors come back beside the field, in the page's language only.
	b.post(checkURL(d)+"/act", actForm(d, "request_supplement", "missing", "0", "defect_0", "incomplete")).
		must(t, 422, `id="sup-explain-0-err"`, "Ghi rõ giấy tờ này chưa đầy đủ", `id="act-request_supplement" open`, `value="incomplete" selected`).
		lacks(t, "Say what is incomplete")
	b.post(checkURL(d)+"/act", actForm(d, "request_supplement", "other_explain", "chưa chứng thực")).
		must(t, 422, `id="sup-other-name-err"`, "Nhập tên giấy tờ khác")
	u, _ := url.Parse(e.url)
	b.c.Jar.SetCookies(u, []*http.Cookie{{Name: "motcua_lang", Value: "en"}})
	b.post(checkURL(d)+"/act", actForm(d, "request_supplement")).
		must(t, 422, `id="sup-papers-err"`, "Tick at least one paper").lacks(t, "Đánh dấu ít nhất")
	b.c.Jar.SetCookies(u, []*http.Cookie{{Name: "motcua_lang", Value: "vi"}})

	b.post(checkURL(d)+"/act", actForm(d, "request_supplement",
		"missing", "0", "defect_0", "incomplete", "explain_0", "Thiếu chữ ký người yêu cầu",
		"missing", "2", "defect_2", "missing", "defect_1", "invalid", // row 1 not ticked: not asked for
		"other_name", "Văn bản ủy quyền", "other_defect", "invalid", "other_explain", "Chưa được chứng thực",
		"note", "Hẹn nộp bổ sung trong tuần")).must(t, 200, "Đã gửi yêu cầu bổ sung")

	evs, _ := e.svc.Events(ctx, e.actorNamed("counter"), d.ID)
	ev := evs[len(evs)-1]
	want := []dossier.MissingPaper{
		{Name: proc.Components[0].Name, Defect: dossier.DefectIncomplete, Explanation: "Thiếu chữ ký người yêu cầu"},
		{Name: proc.Components[2].Name, Defect: dossier.DefectMissing},
		{Name: "Văn bản ủy quyền", Other: true, Defect: dossier.DefectInvalid, Explanation: "Chưa được chứng thực"},
	}
	if got, _ := dossier.Decode[dossier.SupplementRequestPayload](dossier.Action(ev.Action), ev.Payload); !reflect.DeepEqual(got.MissingPapers, want) {
		t.Fatalf("%s papers:\n got %s\nwant %#v", ev.Action, ev.Payload, want)
	}
	if ev.Note != "Hẹn nộp bổ sung trong tuần" {
		t.Fatalf("the note holds only the officer's note now: %q", ev.Note)
	}

	d = e.fresh(d)
	text := b.pdfForm(t, d, "02")
	mustSay(t, "02", text, "Số: "+d.Code+"/HDHS", "Nội dung cần bổ sung, hoàn thiện",
		"Chưa đầy đủ: Thiếu chữ ký người yêu cầu", "Còn thiếu", "Văn bản ủy quyền", "Không hợp lệ: Chưa được chứng thực",
		"Địa chỉ: Số 8 đường Lê Lợi, phường Hạc Thành", "Điện thoại: 0237 385 2001", "số điện thoại 0237 385 2001")
	if strings.Contains(text, proc.Components[1].Name) {
		t.Errorf("Form 02 lists a paper that was not ticked: %q", proc.Components[1].Name)
	}

	// Tracking with the receipt's key lists the papers and what is wrong, not
	// the officer's free text; the code alone shows the status only.
	key, err := e.svc.TrackKey(ctx, d.Code)
	if err != nil {
		t.Fatal(err)
	}
	anon := e.browser()
	anon.get("/track/"+d.Code+"?key="+url.QueryEscape(key)).must(t, 200, "Giấy tờ cần bổ sung, hoàn thiện", "Văn bản ủy quyền — Không hợp lệ", "Còn thiếu").
		lacks(t, "Thiếu chữ ký người yêu cầu", "Chưa được chứng thực", "Lý Thị Bổ Sung")
	anon.get("/track/"+d.Code).must(t, 200).lacks(t, "Văn bản ủy quyền")

	// The applicant reads the same list on the dossier's page.
	c := e.signedIn("citizen")
	c.get(fmt.Sprintf("/my/dossiers/%d", d.ID)).must(t, 200, "Giấy tờ cần bổ sung, hoàn thiện", "Thiếu chữ ký người yêu cầu",
		"Văn bản ủy quyền", "Chưa được chứng thực", "Chưa đầy đủ", "Còn thiếu", "Không hợp lệ")
}

// An administrator records an agency's address and phone; a phone that is
// not one is refused.
func TestAdminAgencyContact(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("admin")
	a := e.svc.Agencies()[0]
	path := fmt.Sprintf("/admin/agencies/%d/contact", a.ID)
	b.post(path, url.Values{"address": {"Số 8 đường Lê Lợi"}, "phone": {"0237 385 2001"}}).must(t, 200, "Đã lưu địa chỉ, điện thoại", `value="0237 385 2001"`)
	if got, _ := e.svc.Agency(a.ID); got.Phone != "0237 385 2001" || got.Address != "Số 8 đường Lê Lợi" {
		t.Fatalf("agency contact: %q %q", got.Address, got.Phone)
	}
	b.post(path, url.Values{"address": {"x"}, "phone": {"gọi tôi"}}).must(t, 422, "Số điện thoại cơ quan không hợp lệ")
	e.signedIn("counter").post(path, url.Values{"phone": {"0237 385 2002"}}).must(t, 403)
}
