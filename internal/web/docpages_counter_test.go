package web_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
)

func keptScans(p page, j int) []string {
	var out []string
	for _, m := range regexp.MustCompile(fmt.Sprintf(`name="kept_scan_%d" value="([0-9a-f]+)"`, j)).FindAllStringSubmatch(p.Body, -1) {
		out = append(out, m[1])
	}
	return out
}

// The counter officer scans a paper handed over at the counter and
// receives the dossier: the component is marked digitized (Circular
// 01/2023 Art. 7; 766 indicator 4.2) and the scan is kept in the
// applicant's data store (Art. 24(2)(e)). A scan that is not a PDF, JPEG or
// PNG is refused by name, in Vietnamese and English, with the note, the
// ticks and the valid scans kept.
func TestCounterDigitizesOnReceipt_Circular01_2023_Art7(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		d := e.seedDossier(criminalRecord, "Nguyễn Văn Dân") // "Tờ khai" filed without a file
		before := e.docsCounts()
		b := e.signedIn("counter")
		b.get(checkURL(d)).must(t, 200, "Số hóa giấy tờ nhận tại quầy", `enctype="multipart/form-data"`, `name="scan_0"`, "Bản quét: Tờ khai").
			lacks(t, "Người nộp đã gửi tệp điện tử cho mọi thành phần")

		form := actForm(d, "receive", "checked", "1", "note", "Người nộp mang bản giấy tờ khai")
		bad := citFile{"scan_0", "to-khai-quet.pdf", []byte("chỉ là văn bản, không phải bản quét")}
		good := citFile{"scan_0", "to-khai-trang-1.png", citPNG(t, 9)}
		p := b.citPostFiles(checkURL(d)+"/act", form, bad, good).must(t, 422,
			"to-khai-quet.pdf: Chỉ nhận tệp PDF, JPEG hoặc PNG.", "Các bản quét hợp lệ đã được giữ lại",
			"to-khai-trang-1.png", "Người nộp mang bản giấy tờ khai", `name="checked" value="1" checked`)
		kept := keptScans(p, 0)
		if len(kept) != 1 {
			t.Fatalf("the valid scan must be kept: %v", kept)
		}
		if got := e.fresh(d); got.Status != dossier.Submitted {
			t.Fatalf("a refused scan receives nothing: %s", got.Status)
		}
		b.post("/lang", url.Values{"to": {"en"}, "back": {"/"}})
		f := actForm(d, "receive", "kept_scan_0", kept[0])
		b.citPostFiles(checkURL(d)+"/act", f, bad).must(t, 422, "to-khai-quet.pdf: Only PDF, JPEG or PNG files are accepted.",
			"The valid scans are kept below", "to-khai-trang-1.png")
		b.post("/lang", url.Values{"to": {"vi"}, "back": {"/"}})

		// Corrected: the kept page and a second one.
		p = b.citPostFiles(checkURL(d)+"/act", f, citFile{"scan_0", "to-khai-trang-2.pdf", citPDF("trang 2")}).
			must(t, 200, "Đã tiếp nhận hồ sơ và cấp mã", "đã số hóa", "to-khai-trang-1.png", "to-khai-trang-2.pdf")
		got := e.fresh(d)
		c := got.Components[0]
		if got.Status != dossier.Received || !c.Digitized || c.Reused || len(c.FileIDs) != 2 || c.FileIDs[0] != kept[0] {
			t.Fatalf("received and digitized: %s %+v", got.Status, c)
		}
		after := e.docsCounts()
		if after.Digitized != before.Digitized+1 || after.ReceivedOnline != before.ReceivedOnline+1 {
			t.Fatalf("766 indicator 4.2: digitized %d → %d", before.Digitized, after.Digitized)
		}

		// The applicant has an account: both pages are in their data store.
		cit := e.signedIn("citizen")
		cit.get("/me/documents").must(t, 200, "Giấy tờ đã số hóa", "to-khai-trang-1.png", "to-khai-trang-2.pdf", got.Code)
		docs, err := e.svc.Documents(t.Context(), e.actorNamed("citizen"))
		if err != nil || len(docs) != 2 {
			t.Fatalf("the citizen's store: %+v %v", docs, err)
		}
		if dl := cit.get(fmt.Sprintf("/me/documents/%d/file", docs[0].ID)); dl.Status != 200 || !strings.Contains(dl.Body, "trang 2") {
			t.Fatalf("the citizen downloads the scan: %d", dl.Status)
		}
	})
}

// Papers the applicant sent as files online are electronic already
// (Circular 03/2025 Art. 5(2)): the receive form offers no scan and says
// why, and a scan forged into the form is refused with the form kept.
func TestCounterNoScanForOnlineFiles_Circular03_2025_Art5(t *testing.T) {
	e := sqliteEnv(t)
	id := citFileOnline(t, e.signedIn("citizen")) // files for papers 1 and 3; paper 2 left empty
	d := e.citStored(id)
	b := e.signedIn("counter")
	b.get(checkURL(d)).must(t, 200, "đã nộp bản điện tử, không cần số hóa", `name="scan_1"`).lacks(t, `name="scan_0"`, `name="scan_2"`)

	p := b.citPostFiles(checkURL(d)+"/act", actForm(d, "receive", "note", "ghi chú giữ lại"), citFile{"scan_0", "quet-them.pdf", citPDF("thua")})
	p.must(t, 422, "đã nộp dưới dạng điện tử, không cần số hóa", "Thông tư 03/2025/TT-VPCP Điều 5 khoản 2", "ghi chú giữ lại")
	if got := e.fresh(d); got.Status != dossier.Submitted {
		t.Fatalf("refused: %s", got.Status)
	}

	// Every paper sent as a file: one line instead of the scan inputs.
	seedN++
	in := service.NewDossier{ProcedureCode: criminalRecord, Channel: dossier.ChannelOnline,
		Applicant: dossier.Applicant{Name: "Trần Văn Đủ", IDNumber: "001090012345"}}
	f, err := e.svc.Upload(t.Context(), e.actorNamed("citizen"), "to-khai.pdf", strings.NewReader(string(citPDF("du"))))
	if err != nil {
		t.Fatal(err)
	}
	in.Components = []dossier.ComponentFiles{{Name: "Tờ khai", FileIDs: []string{f.ID}}}
	res, err := e.svc.Submit(t.Context(), e.actorNamed("citizen"), in, fmt.Sprintf("docs-full-%d", seedN), fmt.Sprint(seedN), noBody)
	if err != nil {
		t.Fatal(err)
	}
	b.get(checkURL(res.Dossier)).must(t, 200, "Người nộp đã gửi tệp điện tử cho mọi thành phần, nên không cần quét lại").lacks(t, `name="scan_`)
}

// A dossier entered at the counter with its scans: receiving it marks the
// scanned papers digitized unless the officer unticks them.
func TestCounterEnteredScansDigitizedOnReceipt(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("counter")
	b.get("/counter/new?procedure=" + criminalRecord)
	form := url.Values{"procedure": {criminalRecord}, "key": {"docs-new-1"}, "name": {"Lê Thị Thu Hà"}, "id_number": {"001190054321"},
		"c": {"0", "2"}, "orig_0": {"1"}, "copy_2": {"1"}, "return_method": {"counter"}}
	p := b.citPostFiles("/counter/new", form, citFile{"file_0", "to-khai.pdf", citPDF("quay")}).must(t, 200, "Đã ghi nhận hồ sơ")
	p.must(t, 200, `name="digitize" value="0" checked`, `name="scan_1"`)
	if strings.Contains(p.Body, `name="digitize" value="1"`) {
		t.Fatal("a paper without a scan has nothing to mark")
	}
	list, _ := e.svc.List(t.Context(), e.actorNamed("counter"), service.ListFilter{})
	d := list[0]
	before := e.docsCounts()
	b.citPostFiles(checkURL(d)+"/act", actForm(d, "receive", "digitize", "0")).must(t, 200, "Đã tiếp nhận hồ sơ và cấp mã", "đã số hóa")
	got := e.fresh(d)
	if !got.Components[0].Digitized || got.Components[1].Digitized {
		t.Fatalf("digitized: %+v", got.Components)
	}
	// Counted once, as on any receipt of a dossier with files.
	if after := e.docsCounts(); after.Digitized != before.Digitized+1 {
		t.Fatalf("digitized %d → %d", before.Digitized, after.Digitized)
	}
}
