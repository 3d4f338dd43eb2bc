package web_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/motcua/motcua/internal/auth"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
)

// citFile is a file chosen in a form's file input.
type citFile struct {
	field, name string
	data        []byte
}

// citMultipart builds a multipart post the way a browser sends a form
// with files: the text fields first, in page order, then the files.
func (b *browser) citMultipart(path string, form url.Values, files ...citFile) *http.Request {
	b.e.t.Helper()
	if b.csrf == "" {
		b.get("/")
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if !form.Has("csrf") {
		mw.WriteField("csrf", b.csrf)
	}
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range form[k] {
			mw.WriteField(k, v)
		}
	}
	for _, f := range files {
		w, err := mw.CreateFormFile(f.field, f.name)
		if err != nil {
			b.e.t.Fatal(err)
		}
		w.Write(f.data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", b.e.url+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

// citPostFiles sends a form with files.
func (b *browser) citPostFiles(path string, form url.Values, files ...citFile) page {
	b.e.t.Helper()
	return b.do(b.citMultipart(path, form, files...))
}

// citPDF is a minimal PDF document.
func citPDF(text string) []byte {
	return []byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " +
		text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
}

// citPNG is a real PNG image, like a phone photo but smaller.
func citPNG(t testing.TB, shade uint8) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for x := range 8 {
		for y := range 8 {
			img.Set(x, y, color.RGBA{shade, uint8(x * 30), uint8(y * 30), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	citKeyRe     = regexp.MustCompile(`name="key" value="([^"]+)"`)
	citDossierRe = regexp.MustCompile(`^/my/dossiers/(\d+)$`)
)

var citMissingRe = regexp.MustCompile(`!(cit|dos|common|status|return|rating|proc|action|timeliness|tl)\.[a-z_.0-9]+`)

// citWords fails when the page shows a message key instead of its text.
func citWords(t testing.TB, p page) page {
	t.Helper()
	if m := citMissingRe.FindString(p.Body); m != "" {
		t.Fatalf("%s: untranslated %s", p.URL, m)
	}
	return p
}

func citFormKey(t testing.TB, p page) string {
	t.Helper()
	citWords(t, p)
	m := citKeyRe.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("%s: no idempotency key in the form\n%s", p.URL, p.Body)
	}
	return m[1]
}

func citKept(p page, component int) []string {
	re := regexp.MustCompile(`name="kept_` + strconv.Itoa(component) + `" value="([0-9a-f]+)"`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(p.Body, -1) {
		out = append(out, m[1])
	}
	return out
}

func citDossierID(t testing.TB, p page) int64 {
	t.Helper()
	citWords(t, p)
	m := citDossierRe.FindStringSubmatch(p.URL)
	if m == nil {
		t.Fatalf("expected the dossier page, got %s (%d)\n%s", p.URL, p.Status, p.Body)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// citAddCitizen creates another citizen account that signs in with the demo password.
func (e *env) citAddCitizen(username string) {
	e.t.Helper()
	hash, _ := auth.HashPassword(demoPassword)
	err := e.st.InTx(context.Background(), func(tx *store.Tx) error {
		_, err := tx.CreateUser(context.Background(), org.User{Username: username, Name: "Công dân " + username, Role: org.RoleCitizen}, hash)
		return err
	})
	if err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) citStored(id int64) *dossier.Dossier {
	e.t.Helper()
	d, err := e.st.Dossier(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return d
}

const citFilePath = "/procedures/" + criminalRecord + "/file"

// citApplicant is what the citizen types in the filing form.
func citApplicant(key string) url.Values {
	return url.Values{"key": {key}, "name": {"Nguyễn Thị Bảy"}, "id_number": {"001090012345"}, "phone": {"0912 345 678"},
		"email": {"bay@example.vn"}, "address": {"12 Lê Lợi, phường Trung Tâm"}, "return_method": {"postal"}}
}

// citFileOnline files a criminal-record dossier through the pages and returns its id.
func citFileOnline(t *testing.T, b *browser) int64 {
	t.Helper()
	key := citFormKey(t, b.get(citFilePath).must(t, 200))
	p := b.citPostFiles(citFilePath, citApplicant(key),
		citFile{"file_0", "to-khai.pdf", citPDF("to khai")}, citFile{"file_2", "cccd.png", citPNG(t, 1)})
	p.must(t, 200, "Đã nộp hồ sơ.")
	return citDossierID(t, p)
}

// A citizen files online with a PDF and a photo; a wrong file comes back
// named, with everything typed and uploaded kept; a resent form files once.
func TestCitizenFilesOnline(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		b := e.signedIn("citizen")
		form := b.get(citFilePath).must(t, 200, "Nộp hồ sơ trực tuyến", "Cấp Phiếu Lý lịch tư pháp",
			`value="Nguyễn Văn Dân"`, `value="001090012345"`, // pre-filled from the account
			`accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"`, `multiple`,
			"Nhận tại Bộ phận Một cửa", "Gửi qua bưu chính công ích", "Nhận bản điện tử trực tuyến", `enctype="multipart/form-data"`)
		key := citFormKey(t, form)

		// A text file renamed .pdf is refused by name; the photo beside it is
		// uploaded and kept, and what was typed comes back.
		txt := citFile{"file_0", "to-khai.pdf", []byte("Đây là một tệp văn bản, không phải PDF.\n")}
		photo := citFile{"file_2", "anh-cccd.png", citPNG(t, 7)}
		p := b.citPostFiles(citFilePath, citApplicant(key), txt, photo)
		p.must(t, 422, "Tệp “to-khai.pdf” không phải PDF, JPG hoặc PNG", `value="Nguyễn Thị Bảy"`, `value="0912 345 678"`,
			`value="12 Lê Lợi, phường Trung Tâm"`, `value="bay@example.vn"`, "anh-cccd.png", "đã tải lên", `value="postal" checked`)
		kept := citKept(p, 2)
		if len(kept) != 1 {
			t.Fatalf("the photo must be kept for the next attempt: %v", kept)
		}
		if citFormKey(t, p) != key {
			t.Fatal("the re-rendered form must keep its idempotency key")
		}

		// The corrected form: the real PDF, the kept photo.
		f := citApplicant(key)
		f.Set("kept_2", kept[0])
		pdf := citFile{"file_0", "to-khai.pdf", citPDF("to khai")}
		p = b.citPostFiles(citFilePath, f, pdf).must(t, 200, "Đã nộp hồ sơ. Bộ phận Một cửa sẽ kiểm tra và tiếp nhận; bạn sẽ nhận được mã hồ sơ.",
			"Cấp Phiếu Lý lịch tư pháp", "Chờ tiếp nhận", "to-khai.pdf", "anh-cccd.png")
		id := citDossierID(t, p)

		// The same form sent again (a double click, a resend) files nothing new.
		again := b.citPostFiles(citFilePath, f, pdf).must(t, 200)
		if citDossierID(t, again) != id {
			t.Fatalf("a resent form must lead to the same dossier, got %s", again.URL)
		}
		mine, err := e.svc.List(t.Context(), e.actorNamed("citizen"), service.ListFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(mine) != 1 {
			t.Fatalf("one dossier expected, have %d", len(mine))
		}

		// In the store: online, by post, the files on the right papers.
		d := e.citStored(id)
		if d.Channel != dossier.ChannelOnline || d.ReturnMethod != dossier.ReturnPostal || d.Applicant.Phone != "0912345678" || d.Applicant.Name != "Nguyễn Thị Bảy" {
			t.Fatalf("dossier: %+v", d)
		}
		want := map[int]string{0: "application/pdf", 2: "image/png"}
		for i, c := range d.Components {
			if ct, ok := want[i]; ok {
				if len(c.FileIDs) != 1 {
					t.Fatalf("component %d (%s): files %v", i, c.Name, c.FileIDs)
				}
				fl, err := e.st.FileByID(t.Context(), c.FileIDs[0])
				if err != nil || fl.ContentType != ct {
					t.Fatalf("component %d: %+v %v", i, fl, err)
				}
			} else if len(c.FileIDs) != 0 {
				t.Fatalf("component %d (%s) must have no file: %v", i, c.Name, c.FileIDs)
			}
		}
		if !strings.HasPrefix(d.Components[0].Name, "Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp") || d.Components[2].FileIDs[0] != kept[0] {
			t.Fatalf("components: %+v", d.Components)
		}

		// My dossiers lists it; the paper downloads from the dossier page's link.
		citWords(t, b.get("/my/dossiers").must(t, 200, "Cấp Phiếu Lý lịch tư pháp", "Chờ tiếp nhận", fmt.Sprintf(`href="/my/dossiers/%d"`, id)))
		link := fmt.Sprintf("/dossiers/%d/files/%s", id, d.Components[0].FileIDs[0])
		if !strings.Contains(p.Body, link) {
			t.Fatalf("the dossier page must link %s", link)
		}
		if dl := b.get(link); dl.Status != 200 || !strings.HasPrefix(dl.Body, "%PDF-1.4") {
			t.Fatalf("download: %d %.40q", dl.Status, dl.Body)
		}
	})
}

// Copies of one form arriving together still make one dossier.
func TestCitizenFilingConcurrentDoubleSubmit(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("citizen")
	key := citFormKey(t, b.get(citFilePath).must(t, 200))
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		urls  []string
		start = make(chan struct{})
	)
	// A scan of a few megabytes keeps the copies in flight together.
	scan := append(citPDF("scan"), bytes.Repeat([]byte("0"), 3<<20)...)
	const copies = 4
	for range copies {
		req := b.citMultipart(citFilePath, citApplicant(key), citFile{"file_0", "to-khai.pdf", scan})
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			resp, err := b.c.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			mu.Lock()
			urls = append(urls, fmt.Sprint(resp.StatusCode, " ", resp.Request.URL.Path))
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	slices.Sort(urls)
	if len(urls) != copies || urls[0] != urls[copies-1] || !strings.HasPrefix(urls[0], "200 /my/dossiers/") {
		t.Fatalf("every copy must end on the same dossier: %v", urls)
	}
	mine, _ := e.svc.List(t.Context(), e.actorNamed("citizen"), service.ListFilter{})
	if len(mine) != 1 {
		t.Fatalf("one dossier expected, have %d", len(mine))
	}
}

// Each wrong field is named at once, beside the field; nothing is filed.
func TestCitizenFilingRefusals(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("citizen")
	key := citFormKey(t, b.get(citFilePath).must(t, 200))

	f := citApplicant(key)
	f.Set("name", "  ")
	f.Set("id_number", "12345")
	f.Set("phone", "12ab")
	f.Set("address", "")
	p := b.citPostFiles(citFilePath, f, citFile{"file_0", "to-khai.pdf", citPDF("a")}).must(t, 422,
		"Cần nhập họ tên người nộp hồ sơ.", "Số định danh không hợp lệ", "Số điện thoại không hợp lệ", "hãy ghi địa chỉ nhận",
		`id="f-name-err"`, `id="f-id-err"`, `id="f-phone-err"`, `id="f-address-err"`, `aria-invalid="true"`,
		`value="12ab"`, "to-khai.pdf", "đã tải lên")
	if strings.Count(p.Body, `href="#f-`) < 4 {
		t.Fatal("the summary at the top must link each wrong field")
	}

	// No paper at all.
	f = citApplicant(key)
	b.citPostFiles(citFilePath, f).must(t, 422, "Hãy đính kèm ít nhất một giấy tờ")

	// A file over the per-file limit is named with its size.
	big := append(citPDF("big"), bytes.Repeat([]byte("0"), service.MaxFileSize)...)
	b.citPostFiles(citFilePath, f, citFile{"file_1", "ban-quet-lon.pdf", big}).must(t, 422, "Tệp “ban-quet-lon.pdf” quá lớn", "tối đa 20 MB")

	// A form from another site's page (wrong token) is refused before anything is stored.
	f.Set("csrf", "00000000000000000000000000000000")
	b.citPostFiles(citFilePath, f, citFile{"file_0", "to-khai.pdf", citPDF("csrf")}).must(t, 403)

	mine, _ := e.svc.List(t.Context(), e.actorNamed("citizen"), service.ListFilter{})
	if len(mine) != 0 {
		t.Fatalf("nothing may be filed: %d", len(mine))
	}

	// English speakers read the refusal in English.
	b.post("/lang", url.Values{"to": {"en"}, "back": {"/"}})
	citWords(t, b.citPostFiles(citFilePath, citApplicant(key), citFile{"file_0", "notes.pdf", []byte("plain text")}).must(t, 422, "The file “notes.pdf” is not a PDF, JPG or PNG", "Full name"))
	p = b.citPostFiles(citFilePath, citApplicant(key), citFile{"file_0", "form.pdf", citPDF("en")}).must(t, 200, "Your dossier was filed.", "Where it stands and what is next")
	citWords(t, p)
	citWords(t, b.get("/my/dossiers").must(t, 200, "My dossiers"))
}

// A procedure without a published time limit cannot be filed; people who
// are not citizens have no filing form.
func TestCitizenFilingNeedsTimeLimitAndCitizen(t *testing.T) {
	e := sqliteEnv(t)
	// Some catalog entries publish no time limit (hộ tịch pages with the unit missing).
	code := "9.000001"
	err := e.st.InTx(t.Context(), func(tx *store.Tx) error {
		_, _, err := tx.SaveProcedure(t.Context(), catalog.Procedure{Code: code, Name: "Thủ tục chưa công bố thời hạn", Sector: "Hộ tịch",
			Level: "province", Components: []catalog.Component{{Name: "Tờ khai", CopiesOriginal: 1}}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	b := e.signedIn("citizen")
	b.get("/procedures/"+code+"/file").must(t, 200, "chưa công bố thời hạn giải quyết").lacks(t, `type="file"`)
	b.citPostFiles("/procedures/"+code+"/file", citApplicant("k-nolimit"), citFile{"file_0", "a.pdf", citPDF("a")}).must(t, 422, "chưa công bố thời hạn giải quyết")

	e.signedIn("counter").get(citFilePath).must(t, 403)
	if p := e.browser().get(citFilePath); p.URL != "/login" {
		t.Fatalf("anonymous visitors are asked to sign in, got %s", p.URL)
	}
	b.get("/procedures/0.000000/file").must(t, 404)
}

// The dossier's life from the citizen's side: asked to supplement, sends
// papers once, the result comes back, rates once; no one else sees it.
func TestCitizenSupplementsAndRates(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("citizen")
	id := citFileOnline(t, b)
	d := e.seedAct(e.citStored(id), "counter", act("receive"))
	due := *d.DueAt

	// The counter officer asks for a clearer ID photo from the staff page.
	staff := e.signedIn("counter")
	staff.get(fmt.Sprintf("/dossiers/%d", id)).must(t, 200)
	reason := "Ảnh thẻ Căn cước bị mờ; hãy chụp lại rõ cả hai mặt."
	staff.post(fmt.Sprintf("/dossiers/%d/act", id), url.Values{"action": {"request_supplement"}, "version": {fmt.Sprint(d.Version)},
		"key": {"k-ask"}, "reason": {reason}}).must(t, 200, "Đã gửi yêu cầu bổ sung")

	// Two days later the citizen comes back.
	e.setNow(time.Date(2026, 12, 3, 9, 0, 0, 0, ict))
	b = e.signedIn("citizen")
	citWords(t, b.get("/my/dossiers").must(t, 200, "Cần bổ sung", fmt.Sprintf(`/my/dossiers/%d#supplement`, id)))
	page := b.get(fmt.Sprintf("/my/dossiers/%d", id)).must(t, 200, "Chờ bổ sung hồ sơ", reason, "Gửi bổ sung", `id="supplement"`)
	key := citFormKey(t, page)
	if !strings.HasSuffix(key, "-supplement") {
		// The first key on the page is the supplement form's.
		t.Fatalf("supplement key: %s", key)
	}
	supp := url.Values{"key": {key}, "version": {fmt.Sprint(e.citStored(id).Version)}, "note": {"Đã chụp lại hai mặt thẻ."}}
	suppPath := fmt.Sprintf("/my/dossiers/%d/supplement", id)

	// A wrong file: named, the note kept, nothing sent.
	b.citPostFiles(suppPath, supp, citFile{"file_2", "the-moi.pdf", []byte("not a pdf")}).must(t, 422,
		"Tệp “the-moi.pdf” không phải PDF, JPG hoặc PNG", "Đã chụp lại hai mặt thẻ.")
	if e.citStored(id).Status != dossier.SupplementRequested {
		t.Fatal("a refused supplement must change nothing")
	}
	newPhoto := citFile{"file_2", "cccd-ro.png", citPNG(t, 200)}
	b.citPostFiles(suppPath, supp, newPhoto).must(t, 200, "Đã gửi giấy tờ bổ sung", "Đã tiếp nhận", "cccd-ro.png")
	// Resent: applied once.
	b.citPostFiles(suppPath, supp, newPhoto).must(t, 200)
	d = e.citStored(id)
	if d.Status != dossier.Received || d.PreviousDueAt == nil || !d.PreviousDueAt.Equal(due) || !d.DueAt.After(due) {
		t.Fatalf("after the supplement: status %s, due %v (was %v, previous %v)", d.Status, d.DueAt, due, d.PreviousDueAt)
	}
	if n := len(d.Components[2].FileIDs); n != 2 {
		t.Fatalf("the new photo joins the ID-card paper: %d files", n)
	}
	evs, _ := e.svc.Events(t.Context(), e.actorNamed("citizen"), id)
	if n := len(evs); n != 4 {
		t.Fatalf("submit, receive, request, supplement: %d events", n)
	}
	b.get(fmt.Sprintf("/my/dossiers/%d", id)).must(t, 200).lacks(t, suppPath, "Cần bổ sung")

	// The agency settles it; the counter returns the result.
	d = e.seedAct(d, "counter", act("transfer"))
	d = e.seedAct(d, "leader", act("approve"))
	b.get(fmt.Sprintf("/my/dossiers/%d", id)).must(t, 200, "Bưu điện sẽ mang kết quả")
	e.seedAct(d, "counter", act("return_result"))

	citWords(t, b.get("/my/dossiers").must(t, 200, "Đánh giá", fmt.Sprintf(`/my/dossiers/%d#rate`, id)))
	page = citWords(t, b.get(fmt.Sprintf("/my/dossiers/%d", id))).must(t, 200, "Bạn có hài lòng", "Rất hài lòng", "Hài lòng", "Không hài lòng", `<legend>`)
	version := fmt.Sprint(e.citStored(id).Version)
	actPath := fmt.Sprintf("/my/dossiers/%d/act", id)
	b.post(actPath, url.Values{"action": {"rate"}, "version": {version}, "key": {"k-rate-0"}, "note": {"Nhanh"}}).must(t, 422, "Hãy chọn một mức đánh giá.", ">Nhanh</textarea>")
	b.post(actPath, url.Values{"action": {"rate"}, "version": {version}, "key": {"k-rate"}, "rating": {"3"}}).
		must(t, 200, "Cảm ơn bạn đã đánh giá.", "Bạn đã đánh giá: Rất hài lòng").lacks(t, `name="rating"`)
	if d := e.citStored(id); d.Rating != dossier.VerySatisfied {
		t.Fatalf("rating: %d", d.Rating)
	}
	b.get("/my/dossiers").must(t, 200).lacks(t, "#rate")
	b.post(actPath, url.Values{"action": {"rate"}, "version": {fmt.Sprint(e.citStored(id).Version)}, "key": {"k-rate-2"}, "rating": {"1"}}).must(t, 422)

	// Another citizen finds nothing: not the page, not the papers, not the actions.
	e.citAddCitizen("citizen2")
	other := e.browser()
	other.login("citizen2")
	fileLink := fmt.Sprintf("/dossiers/%d/files/%s", id, d.Components[0].FileIDs[0])
	other.get(fmt.Sprintf("/my/dossiers/%d", id)).must(t, 404).lacks(t, "Nguyễn Thị Bảy")
	other.get(fileLink).must(t, 404)
	other.get("/my/dossiers").must(t, 200, "Bạn chưa nộp hồ sơ nào").lacks(t, "Lý lịch tư pháp")
	other.post(actPath, url.Values{"action": {"rate"}, "version": {fmt.Sprint(e.citStored(id).Version)}, "key": {"k-x"}, "rating": {"1"}}).must(t, 404)
	other.citPostFiles(suppPath, url.Values{"key": {"k-y"}, "version": {"1"}, "note": {"x"}}).must(t, 404)
	if d := e.citStored(id); d.Rating != dossier.VerySatisfied {
		t.Fatal("another citizen must not change the rating")
	}
	// Nor attach the first citizen's papers by their id.
	f := citApplicant(citFormKey(t, other.get(citFilePath).must(t, 200)))
	f.Set("kept_0", d.Components[0].FileIDs[0])
	other.citPostFiles(citFilePath, f).must(t, 422, "Hãy đính kèm ít nhất một giấy tờ").lacks(t, "to-khai.pdf")
}

// Withdrawing asks for a clear confirmation.
func TestCitizenWithdrawNeedsConfirmation(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("citizen")
	id := citFileOnline(t, b)
	b.get(fmt.Sprintf("/my/dossiers/%d", id)).must(t, 200, "Rút hồ sơ", "Tôi chắc chắn muốn rút hồ sơ này.")
	actPath := fmt.Sprintf("/my/dossiers/%d/act", id)
	form := url.Values{"action": {"withdraw"}, "version": {"1"}, "key": {"k-w"}, "reason": {"Tôi nộp nhầm thủ tục"}}
	b.post(actPath, form).must(t, 422, "Hãy đánh dấu ô", "Tôi nộp nhầm thủ tục")
	if e.citStored(id).Status != dossier.Submitted {
		t.Fatal("an unconfirmed withdrawal must change nothing")
	}
	form.Set("confirm", "yes")
	b.post(actPath, form).must(t, 200, "Đã ghi nhận đề nghị rút hồ sơ.", "Đề nghị rút hồ sơ")
	// Only rating and withdrawal are posted here.
	b.post(actPath, url.Values{"action": {"approve"}, "version": {"2"}, "key": {"k-a"}}).must(t, 422, "không thực hiện được từ trang của công dân")
}

// Too many photos in one sending: what was typed and the files that arrived
// before the limit are kept, and the person is told to send the rest again.
func TestCitizenFilingOverTheTotalLimitKeepsWhatArrived(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("citizen")
	key := citFormKey(t, b.get(citFilePath).must(t, 200))
	huge := append(citPDF("huge"), bytes.Repeat([]byte("0"), 61<<20)...)
	p := b.citPostFiles(citFilePath, citApplicant(key), citFile{"file_0", "to-khai.pdf", citPDF("first")}, citFile{"file_1", "album.pdf", huge})
	p.must(t, 413, "vượt quá 60 MB", `value="Nguyễn Thị Bảy"`, `value="0912 345 678"`, "to-khai.pdf", "đã tải lên")
	if len(citKept(p, 0)) != 1 {
		t.Fatal("the file that arrived before the limit must be kept")
	}
}

// On a 360-px phone, a first-time citizen files with a wrong file, reads
// what went wrong beside the field, fixes it and follows the dossier.
func TestBrowserCitizenFilesOnPhone(t *testing.T) {
	e := sqliteEnv(t)
	c := newChrome(t)
	dir := t.TempDir()
	bad, good := filepath.Join(dir, "to-khai.pdf"), filepath.Join(dir, "to-khai-that.pdf")
	if err := os.WriteFile(bad, []byte("chỉ là chữ, không phải PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, citPDF("that"), 0o644); err != nil {
		t.Fatal(err)
	}
	phone := c.newTab("citizen-file", 360, 740)
	phone.run("sign in", chromedp.Navigate(e.url+"/login?next="+citFilePath),
		chromedp.Click(chromedp.CSS(`form[action="/login/demo-citizen"] button`)), chromedp.WaitVisible(chromedp.CSS(`#f-name`)))
	phone.page("file-form")
	phone.run("send a wrong file", chromedp.SendKeys(chromedp.CSS(`#f-phone`), "0912345678"),
		chromedp.SetUploadFiles(chromedp.CSS(`#file-0`), []string{bad}),
		chromedp.Click(chromedp.CSS(`main button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`#file-0-err`)))
	phone.sees("Tệp “to-khai.pdf” không phải PDF, JPG hoặc PNG")
	phone.page("file-form-error")
	if v := value(phone, "phone kept", chromedp.Value(chromedp.CSS(`#f-phone`))); v != "0912345678" {
		t.Fatalf("the typed phone must be kept: %q", v)
	}
	phone.run("send the right file", chromedp.SetUploadFiles(chromedp.CSS(`#file-0`), []string{good}),
		chromedp.Click(chromedp.CSS(`main button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`#next`)))
	phone.sees("Đã nộp hồ sơ.", "to-khai-that.pdf", "Chờ tiếp nhận")
	phone.page("my-dossier")
	phone.run("my dossiers", chromedp.Navigate(e.url+"/my/dossiers"), chromedp.WaitVisible(chromedp.CSS(`.cards`)))
	phone.sees("Cấp Phiếu Lý lịch tư pháp")
	phone.page("my-dossiers")

	// Asked for a supplement: reads why, sends a photo, later rates.
	mine, _ := e.svc.List(t.Context(), e.actorNamed("citizen"), service.ListFilter{})
	d := e.seedAct(mine[0], "counter", act("receive"), service.ActionInput{Action: "request_supplement", Reason: "Thiếu ảnh thẻ Căn cước."})
	photo := filepath.Join(dir, "cccd.png")
	if err := os.WriteFile(photo, citPNG(t, 9), 0o644); err != nil {
		t.Fatal(err)
	}
	mineURL := fmt.Sprintf("%s/my/dossiers/%d", e.url, d.ID)
	phone.run("asked", chromedp.Navigate(mineURL), chromedp.WaitVisible(chromedp.CSS(`#supplement`)))
	phone.sees("Thiếu ảnh thẻ Căn cước.", "Gửi bổ sung")
	phone.page("my-dossier-supplement")
	phone.run("supplement", chromedp.SetUploadFiles(chromedp.CSS(`#file-2`), []string{photo}),
		chromedp.Click(chromedp.CSS(`#supplement button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	phone.sees("Đã gửi giấy tờ bổ sung", "cccd.png")
	e.seedAct(e.citStored(d.ID), "counter", act("transfer"))
	e.seedAct(e.citStored(d.ID), "leader", act("approve"))
	e.seedAct(e.citStored(d.ID), "counter", act("return_result"))
	phone.run("result", chromedp.Navigate(mineURL), chromedp.WaitVisible(chromedp.CSS(`#rate`)))
	phone.page("my-dossier-rate")
	phone.run("rate", chromedp.Click(chromedp.CSS(`#rate-3`)), chromedp.Click(chromedp.CSS(`#rate button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	phone.sees("Cảm ơn bạn đã đánh giá.", "Bạn đã đánh giá: Rất hài lòng")
}
