package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The book refuses to be made without its unit and period, and writes one
// row per dossier in the official column order (Form 07, Circular 03/2025).
func TestBook_Circular03_2025_Form07(t *testing.T) {
	from := time.Date(2026, 12, 1, 0, 0, 0, 0, ict)
	b := Book{Parent: "UBND tỉnh H99", Unit: "Trung tâm Phục vụ hành chính công", From: from, To: from.AddDate(0, 1, 0)}
	for i := range 40 {
		b.Rows = append(b.Rows, BookRow{Code: fmt.Sprintf("000.00.01.H99-261201-%04d", i+1), Procedure: strings.Repeat("Cấp Phiếu lý lịch tư pháp ", 3),
			Sets: 1, Applicant: "Nguyễn Thị Hằng", Contact: "Số 18 ngõ 42 phố Trần Quốc Hoàn; 0912 345 678", Agency: "Sở Tư pháp",
			Received: from.Add(9 * time.Hour), Due: from.AddDate(0, 0, 10)})
	}
	var pdf, xlsx bytes.Buffer
	if err := WriteBookPDF(&pdf, b); err != nil {
		t.Fatal(err)
	}
	if err := WriteBookXLSX(&xlsx, b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) || bytes.Count(pdf.Bytes(), []byte("/Type /Page\n")) < 2 {
		t.Fatalf("forty rows must run to several pages")
	}
	if dir := os.Getenv("FORMS_OUT"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "tracking-book.pdf"), pdf.Bytes(), 0o644)
	}
	if err := WriteBookPDF(&bytes.Buffer{}, Book{}); err == nil {
		t.Fatal("a book without unit or period must be refused")
	}
}
