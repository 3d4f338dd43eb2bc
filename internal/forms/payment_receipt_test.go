package forms

import (
	"bytes"
	"testing"
	"time"
)

// Amounts in words as Vietnamese receipts write them (the "Bằng chữ" line of
// the fee receipts of Decree 11/2020/NĐ-CP).
func TestAmountInWords_Decree11_2020(t *testing.T) {
	for amount, want := range map[int64]string{
		0:             "Không đồng",
		5:             "Năm đồng",
		15:            "Mười lăm đồng",
		21:            "Hai mươi mốt đồng",
		24:            "Hai mươi tư đồng",
		105:           "Một trăm lẻ năm đồng",
		110:           "Một trăm mười đồng",
		115:           "Một trăm mười lăm đồng",
		1000:          "Một nghìn đồng",
		15000:         "Mười lăm nghìn đồng",
		150000:        "Một trăm năm mươi nghìn đồng",
		200000:        "Hai trăm nghìn đồng",
		1000500:       "Một triệu năm trăm đồng",
		1005000:       "Một triệu không trăm lẻ năm nghìn đồng",
		1000050:       "Một triệu không trăm năm mươi đồng",
		2500000000:    "Hai tỷ năm trăm triệu đồng",
		1000000000000: "Một nghìn tỷ đồng",
		-30000:        "Âm ba mươi nghìn đồng",
	} {
		if got := AmountInWords(amount); got != want {
			t.Errorf("%d: %q, want %q", amount, got, want)
		}
	}
}

func TestRenderPaymentReceipt(t *testing.T) {
	var buf bytes.Buffer
	f := PaymentReceipt{Agency: Agency{Parent: "UBND TỈNH H99", Name: "Sở Tư pháp"}, Place: "H99", Number: "BL-261201-000042",
		Code: "000.00.01.H99-261201-0001", Procedure: "Cấp Phiếu lý lịch tư pháp", Payer: "Nguyễn Văn Dân", AmountVND: 200000,
		Gateway: "local", ProviderTxn: "00001234", PaidAt: time.Date(2026, 12, 1, 2, 35, 0, 0, time.UTC)}
	if err := RenderPaymentReceipt(&buf, f); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || buf.Len() < 5000 {
		t.Fatalf("not a PDF (%d bytes)", buf.Len())
	}
	f.AmountVND = 0
	if err := RenderPaymentReceipt(&buf, f); err == nil {
		t.Fatal("a receipt for nothing was rendered")
	}
	f.AmountVND, f.Number = 1, ""
	if err := RenderPaymentReceipt(&buf, f); err == nil {
		t.Fatal("a receipt without a number was rendered")
	}
}
