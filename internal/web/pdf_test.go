package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
)

// fetched is a downloaded form.
type fetched struct {
	Status      int
	Type        string
	Disposition string
	Body        []byte
}

func (b *browser) fetch(path string) fetched {
	b.e.t.Helper()
	resp, err := b.c.Get(b.e.url + path)
	if err != nil {
		b.e.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return fetched{resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"), body}
}

func formURL(d *dossier.Dossier, n string) string {
	return fmt.Sprintf("/dossiers/%d/forms/%s.pdf", d.ID, n)
}

// pdfForm fetches a form that must exist and returns its text.
func (b *browser) pdfForm(t *testing.T, d *dossier.Dossier, n string) string {
	t.Helper()
	f := b.fetch(formURL(d, n))
	if f.Status != 200 || f.Type != "application/pdf" || !bytes.HasPrefix(f.Body, []byte("%PDF-")) {
		t.Fatalf("form %s: status %d, type %q\n%.300s", n, f.Status, f.Type, f.Body)
	}
	if d.Code != "" && !strings.Contains(f.Disposition, d.Code) || !strings.HasPrefix(f.Disposition, "inline") {
		t.Fatalf("form %s: Content-Disposition %q must be inline and name the code %q", n, f.Disposition, d.Code)
	}
	return formText(t, f.Body)
}

// formText extracts a PDF's text with poppler's pdftotext, white space
// collapsed. Without pdftotext the text checks are skipped locally and fail
// in CI (CI=true), which installs poppler-utils.
func formText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext not found; CI must install poppler-utils")
		}
		t.Skip("pdftotext not found: install poppler-utils to check the forms' text")
	}
	cmd := exec.Command(bin, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.String())
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func mustSay(t *testing.T, form, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Fatalf("form %s lacks %q:\n%s", form, w, text)
		}
	}
}

func (b *browser) mustNotExist(t *testing.T, d *dossier.Dossier, status int, ns ...string) {
	t.Helper()
	for _, n := range ns {
		if f := b.fetch(formURL(d, n)); f.Status != status || bytes.HasPrefix(f.Body, []byte("%PDF-")) {
			t.Fatalf("form %s of dossier %d (%s): status %d, want %d", n, d.ID, d.Status, f.Status, status)
		}
	}
}

func TestFormsOfADossierFollowItsHistory(t *testing.T) {
	e := sqliteEnv(t)
	counter := e.signedIn("counter")

	// Received Tuesday 1 December 2026 09:00; 10 days → due Friday 11 December 17:00.
	hang := e.seedAct(e.seedDossier(criminalRecord, "Nguyễn Thị Hằng"), "counter", act("receive"))
	text := counter.pdfForm(t, hang, "01")
	mustSay(t, "01", text, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", hang.Code, "Nguyễn Thị Hằng", "001090012345",
		"Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 11 tháng 12 năm 2026",
		"09 giờ 00 phút, ngày 01 tháng 12 năm 2026", "10 ngày", "Trần Thị Một Cửa",
		"TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH", "ỦY BAN NHÂN DÂN TỈNH MẪU", e.url+"/track/"+hang.Code)
	// Before reception there is no receipt, and forms that were never issued do not exist.
	counter.mustNotExist(t, hang, 404, "02", "03", "04", "07", "1", "stop", "rejection")
	waiting := e.seedDossier(criminalRecord, "Vũ Văn Chờ")
	counter.mustNotExist(t, waiting, 404, "01", "05")
	if f := counter.fetch(formURL(waiting, "01")); !strings.Contains(string(f.Body), "chưa được tiếp nhận") {
		t.Fatalf("the refusal must say why: %s", f.Body)
	}

	// Form 02: supplementation asked at the counter, with the missing papers.
	supp := e.seedDossier(criminalRecord, "Lý Thị Bổ Sung")
	counter.get(checkURL(supp))
	counter.post(checkURL(supp)+"/act", actForm(supp, "request_supplement", "missing", "2", "reason", "Bản sao căn cước bị mờ, không đọc được số")).must(t, 200)
	text = counter.pdfForm(t, supp, "02")
	mustSay(t, "02", text, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Lý Thị Bổ Sung", "Bản sao căn cước bị mờ, không đọc được số",
		"Bản sao Thẻ Căn cước", "Trần Thị Một Cửa")
	counter.mustNotExist(t, supp, 404, "01", "03", "05")

	// Form 03: refused at the counter.
	ref := e.seedDossier(criminalRecord, "Đinh Thị Từ Chối")
	ref = e.seedAct(ref, "counter", service.ActionInput{Action: "refuse", Reason: "Người yêu cầu không cư trú tại tỉnh, đề nghị nộp tại nơi cư trú"})
	text = counter.pdfForm(t, ref, "03")
	mustSay(t, "03", text, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Đinh Thị Từ Chối",
		"Người yêu cầu không cư trú tại tỉnh, đề nghị nộp tại nơi cư trú", "Căn cứ quy định tại")
	counter.mustNotExist(t, ref, 404, "01", "02", "04", "05")

	// Form 04: the Justice department apologises and sets a new date.
	late := e.seedAct(e.seedDossier(criminalRecord, "Trương Văn Chậm"), "counter", act("receive"), act("transfer"))
	newDue := time.Date(2026, 12, 18, 17, 0, 0, 0, ict)
	late = e.seedAct(late, "leader", service.ActionInput{Action: "extend", Reason: "Cần xác minh thêm tại Công an tỉnh khác",
		Signer: "Phạm Thị Lãnh Đạo", NewDueAt: &newDue})
	leader := e.signedIn("leader")
	text = leader.pdfForm(t, late, "04")
	mustSay(t, "04", text, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", late.Code, "Trương Văn Chậm", "Cần xác minh thêm tại Công an tỉnh khác",
		"Phạm Thị Lãnh Đạo", "SỞ TƯ PHÁP", "17 giờ 00 phút, ngày 11 tháng 12 năm 2026", "17 giờ 00 phút, ngày 18 tháng 12 năm 2026")

	// Form 05: one row per hand-over, each judged against the due date then in force.
	e.setNow(time.Date(2026, 12, 21, 9, 0, 0, 0, ict)) // after the new due date
	late = e.seedAct(late, "leader", act("approve"))
	late = e.seedAct(late, "counter", act("return_result"))
	counter = e.signedIn("counter")
	text = counter.pdfForm(t, late, "05")
	mustSay(t, "05", text, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", late.Code, "Trương Văn Chậm",
		"Giao: Trương Văn Chậm", "Nhận: Trung tâm Phục vụ hành chính công tỉnh", // receive
		"Giao: Trung tâm Phục vụ hành chính công tỉnh 2. Nhận: Sở Tư pháp",      // transfer
		"Giao: Sở Tư pháp 2. Nhận: Trung tâm Phục vụ hành chính công tỉnh",      // approve, back to the one-stop
		"Giao: Trung tâm Phục vụ hành chính công tỉnh 2. Nhận: Trương Văn Chậm", // return
		"Trước hạn", "Quá hạn", "17 giờ 00 phút, ngày 18 tháng 12 năm 2026")
	if n := strings.Count(text, "Giao:"); n != 4 {
		t.Fatalf("receive, transfer, approve and return are four hand-overs, the slip has %d:\n%s", n, text)
	}
	_, rows, _ := strings.Cut(text, "GHI CHÚ")                                        // the rows, after the table heading
	if strings.Count(rows, "Trước hạn") != 2 || strings.Count(rows, "Quá hạn") != 2 { // receive and transfer early; approve and return late
		t.Fatalf("legs after the due date must read Quá hạn:\n%s", text)
	}

	// The staff of another agency may not print another agency's forms.
	e.signedIn("counter_xa").mustNotExist(t, hang, 403, "01")
}

// The applicant gets the forms of their own dossier (not the internal control
// slip), and nobody else's.
func TestCitizenGetsOwnFormsOnly(t *testing.T) {
	e := sqliteEnv(t)
	own := e.seedAct(e.seedDossier(criminalRecord, "Nguyễn Văn Dân"), "counter", act("receive"))
	// Filed at the counter for someone else, without an account.
	in := service.NewDossier{ProcedureCode: criminalRecord, Applicant: dossier.Applicant{Name: "Người Khác", IDNumber: "001090099999"},
		Components: []dossier.ComponentFiles{{Name: "Tờ khai"}}}
	res, err := e.svc.Submit(context.Background(), e.actorNamed("counter"), in, "other-1", "h", noBody)
	if err != nil {
		t.Fatal(err)
	}
	other := e.seedAct(res.Dossier, "counter", act("receive"))

	b := e.signedIn("citizen")
	text := b.pdfForm(t, own, "01")
	mustSay(t, "01", text, own.Code, "Nguyễn Văn Dân", "Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 11 tháng 12 năm 2026")
	b.mustNotExist(t, own, 403, "05")
	b.mustNotExist(t, other, 404, "01", "05")
	// Signed out: sent to sign in, never the PDF.
	if f := e.browser().fetch(formURL(own, "01")); bytes.HasPrefix(f.Body, []byte("%PDF-")) {
		t.Fatal("an anonymous visitor got a form")
	}
}

// The citizen's dossier page links the forms issued to them (01 after
// reception), never the internal control slip.
func TestCitizenPageLinksOwnForms(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedAct(e.seedDossier(criminalRecord, "Nguyễn Văn Dân"), "counter", act("receive"))
	b := e.signedIn("citizen")
	p := b.get(fmt.Sprintf("/my/dossiers/%d", d.ID)).must(t, 200, fmt.Sprintf("/dossiers/%d/forms/01.pdf", d.ID))
	p.lacks(t, fmt.Sprintf("/dossiers/%d/forms/05.pdf", d.ID))
	if f := b.get(fmt.Sprintf("/dossiers/%d/forms/01.pdf", d.ID)); f.Status != 200 || !strings.HasPrefix(f.Body, "%PDF-") {
		t.Fatalf("Form 01 for its applicant: %d", f.Status)
	}
}
