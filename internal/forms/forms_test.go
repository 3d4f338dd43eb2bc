package forms

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// Fixture data: realistic, long and full of diacritics. Times are UTC so
// that the tests prove the conversion to Vietnam time.
var (
	agency = Agency{Parent: "UBND tỉnh H99", Name: "Trung tâm Phục vụ hành chính công"}
	hang   = Applicant{
		Name:     "Nguyễn Thị Hằng",
		IDNumber: "001190012345",
		Address:  "Số 18 ngõ 42 phố Trần Quốc Hoàn, phường Nghĩa Đô, thành phố Hà Nội",
		Phone:    "0912 345 678",
		Email:    "hang.nguyen@example.vn",
	}
	procedure  = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam"
	code       = "000.00.12.H99-261203-0042"
	trackURL   = "https://dichvucong.h99.gov.vn/tra-cuu?ma=000.00.12.H99-261203-0042"
	receivedAt = time.Date(2026, 12, 3, 8, 30, 0, 0, time.UTC)  // 15:30 ICT
	dueAt      = time.Date(2026, 12, 8, 1, 0, 0, 0, time.UTC)   // 08:00 ICT
	newDueAt   = time.Date(2026, 12, 15, 9, 15, 0, 0, time.UTC) // 16:15 ICT
	reason     = "Hồ sơ cần xác minh thêm thông tin về nơi thường trú trước đây của người yêu cầu tại tỉnh Đắk Lắk; " +
		"cơ quan phối hợp chưa có văn bản trả lời, nên chưa đủ căn cứ để cấp Phiếu lý lịch tư pháp đúng hạn."
)

func receipt() Receipt {
	return Receipt{
		Agency:    agency,
		Place:     "Hà Nội",
		Code:      code,
		Applicant: hang,
		Procedure: procedure,
		Components: []Component{
			{Name: "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)", Originals: 1},
			{Name: "Bản chụp Căn cước công dân hoặc Hộ chiếu của người được cấp Phiếu lý lịch tư pháp", Copies: 1},
			{Name: "Bản chụp Sổ hộ khẩu hoặc giấy tờ chứng minh nơi thường trú, tạm trú", Copies: 1},
			{Name: "Văn bản ủy quyền (trường hợp ủy quyền cho người khác làm thủ tục)"},
		},
		Sets:       1,
		TimeLimit:  "10 ngày làm việc",
		ReceivedAt: receivedAt,
		DueAt:      dueAt,
		ReturnAt:   "Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh",
		FeeVND:     200000,
		Receiver:   "Trần Văn Đức",
		TrackURL:   trackURL,
		Copy:       "Liên 1: Giao người nộp hồ sơ",
	}
}

func supplement() SupplementRequest {
	return SupplementRequest{
		Agency:    agency,
		Place:     "Hà Nội",
		Code:      code,
		At:        receivedAt,
		Applicant: hang,
		Procedure: procedure,
		Items: []SupplementItem{
			{Component{Name: "Bản sao có chứng thực giấy khai sinh của người được cấp Phiếu lý lịch tư pháp", Copies: 1}, "Còn thiếu"},
			{Component{Name: "Giấy xác nhận thông tin về cư trú do Công an xã cấp", Originals: 1}, "Không hợp lệ: đã hết hạn"},
		},
		Reason:       reason,
		Officer:      "Trần Văn Đức",
		OfficerPhone: "0243 123 4567",
		LookupURL:    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html",
	}
}

func refusal() Refusal {
	return Refusal{
		Agency:     agency,
		Place:      "Hà Nội",
		At:         receivedAt,
		Applicant:  hang,
		Procedure:  procedure,
		LegalBasis: "khoản 1 Điều 45 Luật Lý lịch tư pháp năm 2009",
		Reason:     reason,
		Officer:    "Trần Văn Đức",
	}
}

func apology() Apology {
	return Apology{
		Agency:        Agency{Parent: "UBND tỉnh H99", Name: "Sở Tư pháp"},
		Place:         "Hà Nội",
		At:            dueAt.Add(-2 * time.Hour),
		Code:          code,
		Applicant:     hang,
		Procedure:     procedure,
		ReceivedAt:    receivedAt,
		OriginalDueAt: dueAt,
		NewDueAt:      newDueAt,
		Reason:        reason,
		Signer:        "Lê Thị Phương Thảo",
		SignerTitle:   "Giám đốc",
	}
}

func slip(n int) ControlSlip {
	results := []string{ResultEarly, ResultOnTime, ResultOverdue, ""}
	hs := make([]Handover, n)
	for i := range hs {
		hs[i] = Handover{
			From:   fmt.Sprintf("Phòng Hành chính tư pháp, Sở Tư pháp (bước %d)", i+1),
			To:     "Trung tâm Lý lịch tư pháp quốc gia, Bộ Tư pháp",
			At:     receivedAt.Add(time.Duration(i) * 3 * time.Hour),
			Result: results[i%len(results)],
		}
	}
	if n > 0 {
		hs[0].From = "Bộ phận Một cửa"
		hs[0].Note = "Chuyển qua dịch vụ bưu chính công ích"
	}
	return ControlSlip{
		Agency:       agency,
		Code:         code,
		Applicant:    hang,
		Procedure:    procedure,
		ReceivedAt:   receivedAt,
		DueAt:        dueAt,
		Processing:   "Sở Tư pháp tỉnh H99",
		Coordinating: "Công an tỉnh H99; Trung tâm Lý lịch tư pháp quốc gia",
		Handovers:    hs,
	}
}

func TestRender(t *testing.T) {
	common := []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc",
		"UBND TỈNH H99",
		"Nguyễn Thị Hằng",
		procedure,
	}
	tests := []struct {
		name   string
		render func(io.Writer) error
		pages  int // exact count; -1 means "more than one"
		want   []string
	}{
		{
			name:   "receipt",
			render: func(w io.Writer) error { return RenderReceipt(w, receipt()) },
			pages:  1,
			want: []string{
				"TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
				"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
				"Mã hồ sơ: " + code,
				"Số: …………/TNHS",
				"Hà Nội, ngày 03 tháng 12 năm 2026",
				"4. Thời gian nhận hồ sơ: 15 giờ 30 phút, ngày 03 tháng 12 năm 2026",
				"5. Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 00 phút, ngày 08 tháng 12 năm 2026",
				"3. Thời gian giải quyết hồ sơ theo quy định là: 10 ngày làm việc",
				"Phí, lệ phí: 200.000 đồng",
				"Vào Sổ theo dõi hồ sơ, Quyển số:",
				"NGƯỜI NỘP HỒ SƠ",
				"NGƯỜI TIẾP NHẬN HỒ SƠ",
				"Trần Văn Đức",
				"Liên 1: Giao người nộp hồ sơ",
				"Bản chụp Căn cước công dân",
				trackURL,
			},
		},
		{
			name: "receipt, 25 components",
			render: func(w io.Writer) error {
				f := receipt()
				for i := len(f.Components); i < 25; i++ {
					f.Components = append(f.Components, Component{
						Name: fmt.Sprintf("Giấy tờ chứng minh quá trình cư trú số %d (bản dịch có chứng thực nếu bằng tiếng nước ngoài)", i+1), Copies: 1,
					})
				}
				return RenderReceipt(w, f)
			},
			pages: -1,
			want:  []string{"Giấy tờ chứng minh quá trình cư trú số 25", "Trang 1/", "NGƯỜI TIẾP NHẬN HỒ SƠ"},
		},
		{
			name:   "supplement request",
			render: func(w io.Writer) error { return RenderSupplementRequest(w, supplement()) },
			pages:  1,
			want: []string{
				"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
				"Số: …………/HDHS",
				"Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung sau:",
				"Giấy xác nhận thông tin về cư trú",
				"Lý do: " + reason,
				"NGƯỜI HƯỚNG DẪN",
				"0243 123 4567",
			},
		},
		{
			name:   "refusal",
			render: func(w io.Writer) error { return RenderRefusal(w, refusal()) },
			pages:  1,
			want: []string{
				"PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
				"Số: …………/TCHS",
				"Căn cứ quy định tại khoản 1 Điều 45 Luật Lý lịch tư pháp năm 2009",
				reason,
				"NGƯỜI TIẾP NHẬN HỒ SƠ",
			},
		},
		{
			name:   "apology",
			render: func(w io.Writer) error { return RenderApology(w, apology()) },
			pages:  1,
			want: []string{
				"SỞ TƯ PHÁP",
				"PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
				"Số: …………/PXL",
				"Kính gửi: Ông/Bà Nguyễn Thị Hằng",
				"Ngày 03 tháng 12 năm 2026, Sở Tư pháp tiếp nhận hồ sơ",
				"08 giờ 00 phút, ngày 08 tháng 12 năm 2026",
				"16 giờ 15 phút, ngày 15 tháng 12 năm 2026",
				"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại, công sức",
				"GIÁM ĐỐC",
				"Lê Thị Phương Thảo",
			},
		},
		{
			name:   "control slip, 3 hand-overs",
			render: func(w io.Writer) error { return RenderControlSlip(w, slip(3)) },
			pages:  1,
			want: []string{
				"PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
				"Kèm theo hồ sơ của: Nguyễn Thị Hằng",
				"TÊN CƠ QUAN",
				"THỜI GIAN GIAO, NHẬN HỒ SƠ",
				"1. Giao: Bộ phận Một cửa",
				"2. Nhận: Trung tâm Lý lịch tư pháp quốc gia",
				"15 giờ 30 phút, ngày 03 tháng 12 năm 2026",
				"18 giờ 30 phút, ngày 03 tháng 12 năm 2026",
				"Trước hạn",
				"Đúng hạn",
				"Quá hạn",
				"dịch vụ bưu chính",
			},
		},
		{
			name:   "control slip, 40 hand-overs",
			render: func(w io.Writer) error { return RenderControlSlip(w, slip(40)) },
			pages:  -1,
			want: []string{
				"PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
				"(bước 40)",
				"Trang 1/",
				"Mã hồ sơ: " + code + " – Trang 2/",
			},
		},
		{
			name:   "control slip, blank hand-over rows",
			render: func(w io.Writer) error { return RenderControlSlip(w, slip(0)) },
			pages:  1,
			want:   []string{"1. Giao: " + dots, "2. Nhận: " + dots, "…… giờ …… phút, ngày …… tháng …… năm ……"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.render(&buf); err != nil {
				t.Fatalf("render: %v", err)
			}
			out := buf.Bytes()
			if !bytes.HasPrefix(out, []byte("%PDF-")) {
				t.Fatalf("output does not start with %%PDF-: %q", out[:min(len(out), 16)])
			}
			n := pageCount(out)
			switch {
			case tt.pages > 0 && n != tt.pages:
				t.Errorf("pages = %d, want %d", n, tt.pages)
			case tt.pages < 0 && n < 2:
				t.Errorf("pages = %d, want more than one", n)
			}
			saveSample(t, tt.name, out)
			text, ok := pdfText(t, out)
			if !ok {
				return
			}
			for _, s := range append(common, tt.want...) {
				s = norm.NFC.String(s)
				if !strings.Contains(text, s) {
					t.Errorf("extracted text lacks %q", s)
				}
			}
			if tt.pages < 0 && !strings.Contains(text, fmt.Sprintf("Trang %d/%d", n, n)) {
				t.Errorf("last page is not numbered \"Trang %d/%d\"", n, n)
			}
		})
	}
}

// TestRenderNormalises feeds decomposed (NFD) text, as some keyboards and
// copy-pastes produce, and an emoji outside the font's range: the PDF must
// carry the composed letters and rendering must not panic.
func TestRenderNormalises(t *testing.T) {
	f := receipt()
	f.Applicant.Name = norm.NFD.String("Nguyễn Thị Hằng") + " 🙂"
	f.Procedure = norm.NFD.String(procedure)
	var buf bytes.Buffer
	if err := RenderReceipt(&buf, f); err != nil {
		t.Fatalf("render: %v", err)
	}
	text, ok := pdfText(t, buf.Bytes())
	if !ok {
		return
	}
	for _, s := range []string{"Nguyễn Thị Hằng ?", procedure} {
		if !strings.Contains(text, s) {
			t.Errorf("extracted text lacks NFC %q", s)
		}
	}
}

// TestRenderDeterministic checks that the same input gives the same bytes,
// so that a reprinted slip can be compared with an archived one.
func TestRenderDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := RenderControlSlip(&a, slip(12)); err != nil {
		t.Fatal(err)
	}
	if err := RenderControlSlip(&b, slip(12)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders of the same slip differ")
	}
}

// TestControlSlipHugeRow gives one hand-over a note longer than a page: the
// row must be split across pages, not overflow the page or loop.
func TestControlSlipHugeRow(t *testing.T) {
	f := slip(2)
	f.Handovers[1].Note = strings.Repeat("Hồ sơ bị ướt một phần khi vận chuyển, đã sao lại. ", 60)
	var buf bytes.Buffer
	if err := RenderControlSlip(&buf, f); err != nil {
		t.Fatalf("render: %v", err)
	}
	if n := pageCount(buf.Bytes()); n < 2 {
		t.Errorf("pages = %d, want the long row to continue on a second page", n)
	}
	saveSample(t, "control slip, huge row", buf.Bytes())
}

func TestValidation(t *testing.T) {
	tests := []struct {
		name   string
		render func(io.Writer) error
		want   []string // substrings of the error
	}{
		{"receipt without code and due time", func(w io.Writer) error {
			f := receipt()
			f.Code, f.DueAt = " ", time.Time{}
			return RenderReceipt(w, f)
		}, []string{"receipt (form 01)", "Code is required", "DueAt is required"}},
		{"receipt without track URL", func(w io.Writer) error {
			f := receipt()
			f.TrackURL = ""
			return RenderReceipt(w, f)
		}, []string{"TrackURL is required"}},
		{"receipt due before receipt", func(w io.Writer) error {
			f := receipt()
			f.DueAt = f.ReceivedAt.Add(-time.Hour)
			return RenderReceipt(w, f)
		}, []string{"DueAt must be after ReceivedAt"}},
		{"receipt negative fee and nameless component", func(w io.Writer) error {
			f := receipt()
			f.FeeVND = -1
			f.Components = append(f.Components, Component{Copies: 2})
			return RenderReceipt(w, f)
		}, []string{"FeeVND must not be negative", "Components[4].Name is required"}},
		{"supplement without reason or items", func(w io.Writer) error {
			f := supplement()
			f.Reason, f.Items = "", nil
			return RenderSupplementRequest(w, f)
		}, []string{"supplement request (form 02)", "Reason is required", "Items must list"}},
		{"refusal without reason or legal basis", func(w io.Writer) error {
			f := refusal()
			f.Reason, f.LegalBasis = "", ""
			return RenderRefusal(w, f)
		}, []string{"refusal (form 03)", "Reason is required", "LegalBasis is required"}},
		{"apology without reason, new due before old", func(w io.Writer) error {
			f := apology()
			f.Reason = ""
			f.NewDueAt = f.OriginalDueAt.Add(-time.Hour)
			return RenderApology(w, f)
		}, []string{"apology (form 04)", "Reason is required", "NewDueAt must be after OriginalDueAt"}},
		{"slip without applicant, bad result", func(w io.Writer) error {
			f := slip(2)
			f.Applicant.Name = ""
			f.Handovers[1].Result = "Xong"
			return RenderControlSlip(w, f)
		}, []string{"control slip", "Applicant.Name is required", `Handovers[1].Result "Xong"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := tt.render(&buf)
			if err == nil {
				t.Fatal("render succeeded, want a validation error")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			for _, s := range tt.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q lacks %q", err, s)
				}
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes despite invalid input", buf.Len())
			}
		})
	}
}

func TestQRPNG(t *testing.T) {
	if _, err := qrPNG(""); err == nil {
		t.Error("qrPNG(\"\") succeeded, want an error")
	}
	png, err := qrPNG(trackURL)
	if err != nil {
		t.Fatalf("qrPNG: %v", err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("qrPNG output is not a PNG: % x", png[:min(len(png), 8)])
	}
	if _, err := qrPNG(strings.Repeat("x", 5000)); err == nil {
		t.Error("qrPNG of 5000 bytes succeeded, want a capacity error")
	}
}

func TestFormatting(t *testing.T) {
	tests := []struct{ got, want string }{
		{vnd(0), "Không"},
		{vnd(999), "999 đồng"},
		{vnd(50000), "50.000 đồng"},
		{vnd(1234567), "1.234.567 đồng"},
		{clockText(receivedAt), "15 giờ 30 phút, ngày 03 tháng 12 năm 2026"},
		// 17:05 UTC on 31/12 is already the next day, and year, in Vietnam.
		{clockText(time.Date(2026, 12, 31, 17, 5, 0, 0, time.UTC)), "00 giờ 05 phút, ngày 01 tháng 01 năm 2027"},
		{dateLine("Hà Nội", time.Date(2026, 3, 5, 3, 0, 0, 0, time.UTC)), "Hà Nội, ngày 05 tháng 3 năm 2026"},
		{dateLine("", time.Time{}), "…………, ngày …… tháng …… năm ……"},
		{clean(" Nguye\u0302\u0303n\tA\x07 "), "Nguyễn A"},
		{upper("đăng ký khai sinh"), "ĐĂNG KÝ KHAI SINH"},
		{count(0), ""},
		{count(2), "02"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

var pageRE = regexp.MustCompile(`/Type\s*/Page[^s]`)

// pageCount counts page objects; fpdf writes object dictionaries
// uncompressed even with compression on, so no PDF parser is needed.
func pageCount(pdf []byte) int { return len(pageRE.FindAll(pdf, -1)) }

// pdfText extracts the text with poppler's pdftotext, with white space
// collapsed so that wrapped lines read as one. Without pdftotext the check
// is skipped locally but fails in CI, which must install poppler-utils.
func pdfText(t *testing.T, pdf []byte) (string, bool) {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext not found; CI must install poppler-utils")
		}
		t.Log("pdftotext not found: skipping the text extraction checks")
		return "", false
	}
	cmd := exec.Command(bin, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.String())
	}
	return strings.Join(strings.Fields(string(out)), " "), true
}

// saveSample writes a rendering to $FORMS_OUT (an absolute directory) or
// /tmp/forms-out when FORMS_OUT is set, for looking at the layout by eye.
func saveSample(t *testing.T, name string, pdf []byte) {
	t.Helper()
	dir := os.Getenv("FORMS_OUT")
	if dir == "" {
		return
	}
	if !filepath.IsAbs(dir) {
		dir = "/tmp/forms-out"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := strings.NewReplacer(" ", "-", ",", "").Replace(name) + ".pdf"
	if err := os.WriteFile(filepath.Join(dir, file), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkRenderReceipt measures one receipt, most of which is parsing and
// subsetting the three embedded fonts.
func BenchmarkRenderReceipt(b *testing.B) {
	f := receipt()
	for b.Loop() {
		if err := RenderReceipt(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
}
