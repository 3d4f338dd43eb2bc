package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// The leader attaches the electronic result when approving; the applicant
// finds it on their dossier page and downloads it (766 indicator 4.1).
func TestLeaderAttachesElectronicResult(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedAct(e.seedDossier(criminalRecord, "Nguyễn Văn Dân"), "counter", act("receive"), act("transfer"))
	leader := e.signedIn("leader")
	leader.get(fmt.Sprintf("/dossiers/%d", d.ID)).must(t, 200, `enctype="multipart/form-data"`, "Kết quả điện tử")
	form := url.Values{"action": {"approve"}, "version": {fmt.Sprint(d.Version)}, "key": {"k-approve"}, "result_name": {"Phiếu lý lịch tư pháp số 12"}}
	// The applicant chose an online result: no file, no approval, and the
	// page says which field is missing.
	leader.post(fmt.Sprintf("/dossiers/%d/act", d.ID), form).must(t, 422, "cần đính kèm tệp kết quả điện tử")
	// Not a PDF, JPEG or PNG: refused, nothing approved.
	leader.citPostFiles(fmt.Sprintf("/dossiers/%d/act", d.ID), form, citFile{"result_file", "phieu.pdf", []byte("chỉ là chữ")}).must(t, 422)
	if got := e.citStored(d.ID); got.Status != "processing" {
		t.Fatalf("a refused result must not approve: %s", got.Status)
	}
	leader.citPostFiles(fmt.Sprintf("/dossiers/%d/act", d.ID), form, citFile{"result_file", "phieu-ly-lich-tu-phap.pdf", citPDF("kết quả")}).
		must(t, 200, "Đã phê duyệt kết quả.", "phieu-ly-lich-tu-phap.pdf")
	got := e.citStored(d.ID)
	if len(got.ResultFileIDs) != 1 {
		t.Fatalf("result files: %v", got.ResultFileIDs)
	}
	cit := e.signedIn("citizen")
	cit.get(fmt.Sprintf("/my/dossiers/%d", d.ID)).must(t, 200, "Kết quả điện tử", "phieu-ly-lich-tu-phap.pdf")
	f := cit.get(fmt.Sprintf("/dossiers/%d/files/%s", d.ID, got.ResultFileIDs[0]))
	if f.Status != 200 || !strings.HasPrefix(f.Body, "%PDF-") {
		t.Fatalf("the applicant downloads the result: %d", f.Status)
	}
	// Named for the dossier and the document, never for the uploaded file.
	if cd, want := f.Header.Get("Content-Disposition"), `filename="`+d.Code+`-phieu-ly-lich-tu-phap-so-12.pdf"`; !strings.Contains(cd, want) {
		t.Fatalf("result file name: %q, want %s", cd, want)
	}
}
