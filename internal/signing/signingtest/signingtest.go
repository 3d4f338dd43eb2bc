// Package signingtest makes the documents the signing tests sign: our own
// Form 01 as the counter prints it, and a result PDF made with fpdf like
// everything the project prints. Tests only.
//
// Test aid only: deadcode lists it, and that is intended.
package signingtest

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/motcua/motcua/internal/forms"
)

// Form01 is the receipt and appointment slip (Form 01) of one dossier.
func Form01(t testing.TB) []byte {
	t.Helper()
	at := time.Date(2026, 12, 3, 15, 30, 0, 0, time.FixedZone("ICT", 7*3600))
	var buf bytes.Buffer
	err := forms.RenderReceipt(&buf, forms.Receipt{
		Agency:     forms.Agency{Parent: "UBND TỈNH BẮC GIANG", Name: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"},
		Place:      "Bắc Giang",
		Code:       "000.00.01.H12-261203-0001",
		Applicant:  forms.Applicant{Name: "Phạm Thị Hằng", IDNumber: "024190000001", Address: "Bắc Giang", Phone: "0912000001"},
		Procedure:  "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
		Components: []forms.Component{{Name: "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", Originals: 1}},
		TimeLimit:  "10 ngày làm việc",
		ReceivedAt: at,
		DueAt:      at.AddDate(0, 0, 14),
		ReturnAt:   "Bộ phận Một cửa",
		FeeVND:     200000,
		Receiver:   "Trần Văn Đức",
		TrackURL:   "https://motcua.example/tra-cuu/000.00.01.H12-261203-0001",
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ResultPDF stands for a result an agency issues: two pages, so that the
// signature goes on the last one.
func ResultPDF(t testing.TB) []byte {
	t.Helper()
	b, err := Result()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Result is ResultPDF for callers without a testing.TB (examples).
func Result() ([]byte, error) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetFont("Helvetica", "", 12)
	for i := 1; i <= 2; i++ {
		p.AddPage()
		p.Cell(0, 10, fmt.Sprintf("Phieu ly lich tu phap so 1 - trang %d", i))
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
