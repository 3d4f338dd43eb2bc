package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
)

// docsSeedScan gives username's data store one digitized paper: a dossier
// filed online by that citizen with "Tờ khai" left empty, received at the
// counter with the officer's scan of the paper (Circular 01/2023 Art.
// 24(2)(e)). It returns the document.
func (e *env) docsSeedScan(username, scanName string) model.Document {
	e.t.Helper()
	ctx := context.Background()
	seedN++
	in := service.NewDossier{ProcedureCode: criminalRecord, Channel: dossier.ChannelOnline,
		Applicant:  dossier.Applicant{Name: "Chủ kho " + username, IDNumber: "001090012345"},
		Components: []dossier.ComponentFiles{{Name: "Tờ khai"}}}
	res, err := e.svc.Submit(ctx, e.actorNamed(username), in, fmt.Sprintf("docs-seed-%d", seedN), fmt.Sprint(seedN), noBody)
	if err != nil {
		e.t.Fatal(err)
	}
	scan, err := e.svc.Upload(ctx, e.actorNamed("counter"), scanName, strings.NewReader(string(citPDF("scan "+scanName))))
	if err != nil {
		e.t.Fatal(err)
	}
	e.seedAct(res.Dossier, "counter", service.ActionInput{Action: "receive",
		Components: []dossier.ComponentFiles{{Name: "Tờ khai", Digitized: true, FileIDs: []string{scan.ID}}}})
	docs, err := e.st.Documents(ctx, e.actorNamed(username).UserID, model.DocumentFilter{})
	if err != nil {
		e.t.Fatal(err)
	}
	for _, d := range docs {
		if d.FileID == scan.ID {
			return d
		}
	}
	e.t.Fatalf("the scan %s is not in %s's store: %+v", scanName, username, docs)
	return model.Document{}
}

// docsFileExpired puts a document whose validity has ended into username's
// store, as a result with a stated end would be.
func (e *env) docsFileExpired(username, name string) model.Document {
	e.t.Helper()
	ctx := context.Background()
	f, err := e.svc.Upload(ctx, e.actorNamed("leader"), name, strings.NewReader(string(citPDF("expired"))))
	if err != nil {
		e.t.Fatal(err)
	}
	issued, until := e.clock().AddDate(-1, 0, 0), e.clock().AddDate(0, 0, -3)
	doc := model.Document{OwnerUserID: e.actorNamed(username).UserID, Kind: model.DocResult, Name: "Giấy phép cũ",
		FileID: f.ID, SHA256: f.SHA256, IssuedAt: issued, ValidUntil: &until, CreatedAt: issued}
	err = e.st.InTx(ctx, func(tx *store.Tx) error { _, err := tx.FileDocument(ctx, doc); return err })
	if err != nil {
		e.t.Fatal(err)
	}
	docs, _ := e.st.Documents(ctx, doc.OwnerUserID, model.DocumentFilter{})
	for _, d := range docs {
		if d.FileID == f.ID {
			return d
		}
	}
	e.t.Fatal("the expired document was not filed")
	return model.Document{}
}

// docsCounts are the province's figures for the current month.
func (e *env) docsCounts() service.PeriodCounts {
	e.t.Helper()
	s, err := e.svc.Settlement(context.Background(), e.actorNamed("director"), service.SettlementQuery{Period: service.MonthOf(e.clock())})
	if err != nil {
		e.t.Fatal(err)
	}
	return s.Total
}

// A citizen files online reusing a paper of their own data store instead of
// uploading it again (Circular 01/2023 Art. 24; RULES-VN.md §8.5 "never
// asked twice"): only their own valid documents are offered, a forged or
// expired choice is refused beside its paper with everything else kept,
// and once received the dossier counts for 766 indicator 4.3.
func TestCitizenReusesDocument_Circular01_2023_Art24_Indicator4_3(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		e.citAddCitizen("hang_xom")
		mine := e.docsSeedScan("citizen", "to-khai-da-so-hoa.pdf")
		theirs := e.docsSeedScan("hang_xom", "giay-cua-hang-xom.pdf")
		expired := e.docsFileExpired("citizen", "giay-phep-het-han.pdf")
		before := e.docsCounts()

		b := e.signedIn("citizen")
		form := b.get(citFilePath).must(t, 200, "Dùng giấy tờ đã có trong kho dữ liệu của tôi", `name="doc_0"`, `name="doc_2"`,
			fmt.Sprintf(`<option value="%d">`, mine.ID), "to-khai-da-so-hoa.pdf", "Giấy tờ đã số hóa").
			lacks(t, "giay-cua-hang-xom.pdf", fmt.Sprintf(`<option value="%d">`, theirs.ID),
				"giay-phep-het-han.pdf", fmt.Sprintf(`<option value="%d">`, expired.ID))
		key := citFormKey(t, form)

		// Another person's document forged into the form: refused beside the
		// paper in both languages' wording, the typed values and the photo kept.
		f := citApplicant(key)
		f.Set("doc_0", fmt.Sprint(theirs.ID))
		photo := citFile{"file_2", "anh-cccd.png", citPNG(t, 3)}
		p := b.citPostFiles(citFilePath, f, photo).must(t, 422,
			fmt.Sprintf("Không có giấy tờ số %d trong kho dữ liệu của bạn", theirs.ID), `id="doc-0-err"`, `href="#doc-0"`,
			`value="Nguyễn Thị Bảy"`, `value="bay@example.vn"`, "anh-cccd.png", "đã tải lên", `value="postal" checked`).
			lacks(t, "giay-cua-hang-xom.pdf")
		kept := citKept(p, 2)
		if len(kept) != 1 {
			t.Fatalf("the photo must be kept: %v", kept)
		}
		// An expired document of one's own, chosen on a page drawn before it
		// expired: refused with its end date.
		f.Set("doc_0", fmt.Sprint(expired.ID))
		f.Set("kept_2", kept[0])
		b.citPostFiles(citFilePath, f).must(t, 422, "Giấy tờ “Giấy phép cũ” đã hết hiệu lực từ ngày 28/11/2026", "anh-cccd.png")
		// And in English.
		b.post("/lang", url.Values{"to": {"en"}, "back": {"/"}})
		f.Set("doc_0", fmt.Sprint(theirs.ID))
		b.citPostFiles(citFilePath, f).must(t, 422, fmt.Sprintf("There is no document %d in your data store", theirs.ID),
			"Use a paper already in my data store", "anh-cccd.png")
		b.post("/lang", url.Values{"to": {"vi"}, "back": {"/"}})
		if list, _ := e.svc.List(t.Context(), e.actorNamed("citizen"), service.ListFilter{}); len(list) != 1 {
			t.Fatalf("refused forms file nothing: %d dossiers (1 seeded)", len(list))
		}

		// A choice that stays after an error: the own document comes back selected.
		f.Set("doc_0", fmt.Sprint(mine.ID))
		f.Set("name", " ")
		b.citPostFiles(citFilePath, f).must(t, 422, "Cần nhập họ tên người nộp hồ sơ.", fmt.Sprintf(`<option value="%d" selected>`, mine.ID))

		// Filed with the own document for the declaration and the kept photo.
		f.Set("name", "Nguyễn Thị Bảy")
		p = b.citPostFiles(citFilePath, f).must(t, 200, "Đã nộp hồ sơ.", "to-khai-da-so-hoa.pdf", "lấy từ kho dữ liệu")
		id := citDossierID(t, p)
		d := e.citStored(id)
		c := d.Components[0]
		if !strings.HasPrefix(c.Name, "Tờ khai yêu cầu") || !c.Reused || len(c.FileIDs) != 1 || c.FileIDs[0] != mine.FileID {
			t.Fatalf("the declaration must carry the reused document's file: %+v", c)
		}
		if d.Components[2].Reused || len(d.Components[2].FileIDs) != 1 || d.Components[2].FileIDs[0] != kept[0] {
			t.Fatalf("the uploaded photo is not reused: %+v", d.Components[2])
		}
		// The citizen opens the reused paper from the dossier page.
		if dl := b.get(fmt.Sprintf("/dossiers/%d/files/%s", id, mine.FileID)); dl.Status != 200 || !strings.Contains(dl.Body, "scan to-khai-da-so-hoa.pdf") {
			t.Fatalf("download of the reused paper: %d", dl.Status)
		}

		// 766 indicator 4.3 counts it once received.
		if got := e.docsCounts(); got.Reused != before.Reused {
			t.Fatalf("not received yet, nothing counted: %d → %d", before.Reused, got.Reused)
		}
		o := e.signedIn("counter")
		o.get(fmt.Sprintf("/counter/dossiers/%d", id)).must(t, 200, "lấy từ kho dữ liệu")
		o.post(fmt.Sprintf("/counter/dossiers/%d/act", id), actForm(d, "receive")).must(t, 200, "In Giấy tiếp nhận (Mẫu 01)")
		after := e.docsCounts()
		if after.Reused != before.Reused+1 || after.Shared != before.Shared+1 {
			t.Fatalf("766 indicator 4.3: reused %d → %d, shared %d → %d", before.Reused, after.Reused, before.Shared, after.Shared)
		}
	})
}

// Without documents in the store, the filing form offers no choice.
func TestCitizenFilingFormWithoutStore(t *testing.T) {
	e := sqliteEnv(t)
	e.signedIn("citizen").get(citFilePath).must(t, 200, "Nộp hồ sơ trực tuyến").lacks(t, "Dùng giấy tờ đã có trong kho dữ liệu của tôi", `name="doc_0"`)
}
