package forms

import (
	"io"
	"strings"
	"time"
)

// PaymentReceipt is the receipt (biên lai) of a fee paid online: its number,
// the dossier, the payer and the amount in figures and in words, as on the
// fee receipts of Decree 11/2020/NĐ-CP.
type PaymentReceipt struct {
	Agency      Agency
	Place       string
	Number      string // receipt number, e.g. BL-261201-000042
	Code        string // dossier code
	Procedure   string
	Payer       string
	AmountVND   int64
	Gateway     string // the payment gateway
	ProviderTxn string // the gateway's transaction number
	PaidAt      time.Time
}

// RenderPaymentReceipt writes the receipt as a one-page PDF.
func RenderPaymentReceipt(w io.Writer, f PaymentReceipt) error {
	const form = "payment receipt"
	c := newChecker(form)
	c.text("Number", f.Number)
	c.text("Payer", f.Payer)
	c.time("PaidAt", f.PaidAt)
	c.require(f.AmountVND > 0, "AmountVND must be positive")
	if err := c.err(); err != nil {
		return err
	}
	code := clean(f.Code)
	m := meta{form: form, title: "Biên lai thu phí, lệ phí " + clean(f.Number), at: f.PaidAt, code: code}
	return render(w, m, func(d *doc) {
		p := d.pdf
		d.header(header{agency: f.Agency, place: f.Place, at: f.PaidAt, dated: true})
		d.title("Biên lai thu phí, lệ phí")
		d.font("B", bodySize+1)
		p.MultiCell(textW, 6.5, "Số: "+clean(f.Number), "", "C", false)
		d.font("I", smallSize)
		p.MultiCell(textW, smallH, "(Thanh toán trực tuyến)", "", "C", false)
		p.Ln(3)
		d.field("Người nộp", clean(f.Payer))
		d.field("Mã hồ sơ", orDots(code))
		d.field("Nội dung thu", "Phí, lệ phí giải quyết thủ tục hành chính: "+orDots(clean(f.Procedure)))
		d.runs(run{"Số tiền: ", ""}, run{vnd(f.AmountVND), "B"})
		d.runs(run{"Bằng chữ: ", ""}, run{AmountInWords(f.AmountVND), "I"})
		d.field("Hình thức thanh toán", "Trực tuyến qua cổng thanh toán "+orDots(clean(f.Gateway)))
		d.field("Mã giao dịch", orDots(clean(f.ProviderTxn)))
		d.field("Thời điểm thanh toán", clockText(f.PaidAt))
		d.space(4 * smallH)
		d.note("Biên lai điện tử do hệ thống một cửa lập khi cổng thanh toán xác nhận giao dịch; " +
			"có giá trị để đối chiếu tại Bộ phận Một cửa.")
	})
}

var (
	digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}
	// Group names from the right: units, thousands, millions, billions;
	// beyond that Vietnamese repeats "tỷ" (nghìn tỷ, triệu tỷ, tỷ tỷ).
	groupWords = []string{"", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ", "tỷ tỷ"}
)

// AmountInWords reads an amount of đồng the way receipts write it, "Một
// trăm năm mươi nghìn đồng": "mốt", "tư" and "lăm" after tens, "lẻ" for a
// missing ten, and "không trăm" inside a number (1.005.000: một triệu không
// trăm lẻ năm nghìn).
func AmountInWords(amount int64) string {
	if amount == 0 {
		return "Không đồng"
	}
	neg := amount < 0
	u := uint64(amount)
	if neg {
		u = uint64(-amount)
	}
	var groups []int
	for u > 0 {
		groups = append(groups, int(u%1000))
		u /= 1000
	}
	var parts []string
	for i := len(groups) - 1; i >= 0; i-- {
		g := groups[i]
		if g == 0 {
			continue
		}
		words := readGroup(g, i < len(groups)-1)
		if groupWords[i] != "" {
			words += " " + groupWords[i]
		}
		parts = append(parts, words)
	}
	s := strings.Join(parts, " ") + " đồng"
	if neg {
		s = "âm " + s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// readGroup reads three digits; inner groups always say their hundreds.
func readGroup(g int, inner bool) string {
	h, t, u := g/100, g/10%10, g%10
	var w []string
	if h > 0 || inner {
		w = append(w, digitWords[h], "trăm")
	}
	switch {
	case t == 0 && u > 0 && len(w) > 0:
		w = append(w, "lẻ")
	case t == 1:
		w = append(w, "mười")
	case t > 1:
		w = append(w, digitWords[t], "mươi")
	}
	switch {
	case u == 0:
	case u == 1 && t > 1:
		w = append(w, "mốt")
	case u == 4 && t > 1:
		w = append(w, "tư")
	case u == 5 && t > 0:
		w = append(w, "lăm")
	default:
		w = append(w, digitWords[u])
	}
	return strings.Join(w, " ")
}
