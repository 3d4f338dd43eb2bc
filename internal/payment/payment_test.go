package payment

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"
)

var at = time.Date(2026, 12, 1, 9, 30, 0, 0, gmt7)

func vnpayReturn(v *VNPay, amountHundredths, code string) url.Values {
	return v.SignReturn(url.Values{
		"vnp_TmnCode": {v.TmnCode}, "vnp_Amount": {amountHundredths}, "vnp_TxnRef": {"MC1A2B3C"},
		"vnp_TransactionNo": {"14226112"}, "vnp_ResponseCode": {code}, "vnp_TransactionStatus": {code},
		"vnp_OrderInfo": {"Nop phi ho so H99-261201-0001"}, "vnp_BankCode": {"NCB"}, "vnp_PayDate": {"20261201093500"},
	})
}

// The signed text is VNPay's: vnp_ parameters sorted by name, form-encoded
// with '+' for spaces and upper-case %XX, joined by '&', HMAC-SHA512 in hex.
func TestVNPaySignedTextIsSortedFormEncodedQuery(t *testing.T) {
	v := &VNPay{PayURL: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", TmnCode: "MOTCUA01", Secret: "SECRETKEY"}
	u, err := v.PaymentURL(Request{Ref: "MC42X", AmountVND: 150000, OrderInfo: "Nop phi ~ ho so", ReturnURL: "https://dvc.example.vn/pay/return",
		CreatedAt: at, ExpiresAt: at.Add(15 * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	text := "vnp_Amount=15000000&vnp_Command=pay&vnp_CreateDate=20261201093000&vnp_CurrCode=VND&vnp_ExpireDate=20261201094500" +
		"&vnp_Locale=vn&vnp_OrderInfo=Nop+phi+%7E+ho+so&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdvc.example.vn%2Fpay%2Freturn" +
		"&vnp_TmnCode=MOTCUA01&vnp_TxnRef=MC42X&vnp_Version=2.1.0"
	m := hmac.New(sha512.New, []byte("SECRETKEY"))
	m.Write([]byte(text))
	want := v.PayURL + "?" + text + "&vnp_SecureHash=" + hex.EncodeToString(m.Sum(nil))
	if u != want {
		t.Fatalf("payment URL\n got %s\nwant %s", u, want)
	}
}

func TestVNPayVerify(t *testing.T) {
	v := &VNPay{PayURL: "https://pay.example/vpcpay.html", TmnCode: "MOTCUA01", Secret: "SECRETKEY"}
	ok := vnpayReturn(v, "15000000", "00")
	tests := []struct {
		name    string
		params  func() url.Values
		wantErr error
		success bool
	}{
		{"paid", func() url.Values { return ok }, nil, true},
		{"cancelled by the customer (code 24) is verified but not paid", func() url.Values { return vnpayReturn(v, "15000000", "24") }, nil, false},
		{"upper-case hash accepted", func() url.Values {
			p := cloneValues(ok)
			p.Set("vnp_SecureHash", strings.ToUpper(p.Get("vnp_SecureHash")))
			return p
		}, nil, true},
		{"SecureHashType is not signed", func() url.Values { p := cloneValues(ok); p.Set("vnp_SecureHashType", "HmacSHA512"); return p }, nil, true},
		{"tampered amount", func() url.Values { p := cloneValues(ok); p.Set("vnp_Amount", "1500000"); return p }, ErrBadSignature, false},
		{"tampered result code", func() url.Values {
			p := cloneValues(vnpayReturn(v, "15000000", "24"))
			p.Set("vnp_ResponseCode", "00")
			return p
		}, ErrBadSignature, false},
		{"wrong secret", func() url.Values {
			return (&VNPay{TmnCode: v.TmnCode, Secret: "OTHER"}).SignReturn(cloneValues(ok))
		}, ErrBadSignature, false},
		{"missing hash", func() url.Values { p := cloneValues(ok); p.Del("vnp_SecureHash"); return p }, ErrBadSignature, false},
		{"garbage hash", func() url.Values { p := cloneValues(ok); p.Set("vnp_SecureHash", "zz"); return p }, ErrBadSignature, false},
		{"another merchant's terminal", func() url.Values {
			p := cloneValues(ok)
			p.Set("vnp_TmnCode", "OTHER01")
			return v.SignReturn(p)
		}, ErrMalformed, false},
		{"amount not whole đồng", func() url.Values { p := cloneValues(ok); p.Set("vnp_Amount", "15000050"); return v.SignReturn(p) }, ErrMalformed, false},
		{"negative amount", func() url.Values { p := cloneValues(ok); p.Set("vnp_Amount", "-100"); return v.SignReturn(p) }, ErrMalformed, false},
		{"missing reference", func() url.Values { p := cloneValues(ok); p.Del("vnp_TxnRef"); return v.SignReturn(p) }, ErrMalformed, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := v.Verify(tc.params())
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			if res.Success != tc.success || res.AmountVND != 150000 || res.Ref != "MC1A2B3C" || res.TxnNo != "14226112" {
				t.Fatalf("result %+v", res)
			}
			if !res.PaidAt.Equal(time.Date(2026, 12, 1, 2, 35, 0, 0, time.UTC)) {
				t.Fatalf("paid at %v", res.PaidAt)
			}
		})
	}
}

func TestVNPayAnswersInItsFormat(t *testing.T) {
	v := &VNPay{}
	for ack, want := range map[Ack]string{
		AckOK: `{"Message":"Confirm Success","RspCode":"00"}`, AckNotFound: `{"Message":"Order not found","RspCode":"01"}`,
		AckAlreadySettled: `{"Message":"Order already confirmed","RspCode":"02"}`, AckAmountMismatch: `{"Message":"Invalid amount","RspCode":"04"}`,
		AckBadSignature: `{"Message":"Invalid signature","RspCode":"97"}`, AckError: `{"Message":"Unknown error","RspCode":"99"}`,
	} {
		status, ct, body := v.Answer(ack)
		if status != 200 || ct != "application/json" || string(body) != want {
			t.Errorf("ack %d: %d %s %s, want %s", ack, status, ct, body, want)
		}
	}
}

func TestLocalVerify(t *testing.T) {
	l := &Local{CheckoutURL: "/pay/local/checkout", Secret: "s3cret"}
	ok := l.Sign(url.Values{"ref": {"MC9"}, "amount": {"50000"}, "code": {LocalPaid}, "txn": {"123"}, "paid_at": {"1796000000"}})
	tests := []struct {
		name    string
		params  url.Values
		wantErr error
		success bool
	}{
		{"paid", ok, nil, true},
		{"cancelled", l.Sign(url.Values{"ref": {"MC9"}, "amount": {"50000"}, "code": {LocalCancelled}}), nil, false},
		{"tampered amount", func() url.Values { p := cloneValues(ok); p.Set("amount", "5000"); return p }(), ErrBadSignature, false},
		{"extra parameter", func() url.Values { p := cloneValues(ok); p.Set("note", "x"); return p }(), ErrBadSignature, false},
		{"wrong secret", (&Local{Secret: "other"}).Sign(ok), ErrBadSignature, false},
		{"missing signature", func() url.Values { p := cloneValues(ok); p.Del("sig"); return p }(), ErrBadSignature, false},
		{"fractional amount", l.Sign(url.Values{"ref": {"MC9"}, "amount": {"500.5"}, "code": {"00"}}), ErrMalformed, false},
		{"zero amount", l.Sign(url.Values{"ref": {"MC9"}, "amount": {"0"}, "code": {"00"}}), ErrMalformed, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := l.Verify(tc.params)
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if err == nil && (res.Success != tc.success || res.AmountVND != 50000 || res.Ref != "MC9") {
				t.Fatalf("result %+v", res)
			}
		})
	}
}

func TestRequestsRefuseWhatNoGatewayTakes(t *testing.T) {
	base := Request{Ref: "MC1", AmountVND: 1000, ReturnURL: "https://x/pay/return", NotifyURL: "https://x/cb", CreatedAt: at, ExpiresAt: at}
	for name, mut := range map[string]func(*Request){
		"zero amount":         func(r *Request) { r.AmountVND = 0 },
		"negative amount":     func(r *Request) { r.AmountVND = -5 },
		"reference with dash": func(r *Request) { r.Ref = "MC-1" },
		"empty reference":     func(r *Request) { r.Ref = "" },
		"no return URL":       func(r *Request) { r.ReturnURL = "" },
	} {
		r := base
		mut(&r)
		if _, err := (&VNPay{}).PaymentURL(r); err == nil {
			t.Errorf("vnpay %s: accepted", name)
		}
		if _, err := (&Local{}).PaymentURL(r); err == nil {
			t.Errorf("local %s: accepted", name)
		}
	}
	if _, err := (&VNPay{}).PaymentURL(Request{Ref: "MC1", AmountVND: 1 << 62, ReturnURL: "x"}); err == nil {
		t.Error("vnpay: an amount that overflows hundredths was accepted")
	}
}

func TestFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if p, err := FromEnv(env(nil)); p != nil || err != nil {
		t.Fatalf("nothing set: %v %v", p, err)
	}
	_, err := FromEnv(env(map[string]string{"MOTCUA_PAY_URL": "https://pay.example/v"}))
	if err == nil || !strings.Contains(err.Error(), "MOTCUA_PAY_TMN_CODE, MOTCUA_PAY_SECRET") {
		t.Fatalf("half configured: %v", err)
	}
	if _, err := FromEnv(env(map[string]string{"MOTCUA_PAY_URL": "pay.example", "MOTCUA_PAY_TMN_CODE": "A", "MOTCUA_PAY_SECRET": "B"})); err == nil {
		t.Fatal("relative URL accepted")
	}
	p, err := FromEnv(env(map[string]string{"MOTCUA_PAY_URL": "https://pay.example/v", "MOTCUA_PAY_TMN_CODE": "A", "MOTCUA_PAY_SECRET": "B"}))
	if err != nil || p.Name() != "vnpay" {
		t.Fatalf("configured: %v %v", p, err)
	}
}

func cloneValues(p url.Values) url.Values {
	out := url.Values{}
	for k, v := range p {
		out[k] = append([]string(nil), v...)
	}
	return out
}

func BenchmarkVNPayVerify(b *testing.B) {
	v := &VNPay{TmnCode: "MOTCUA01", Secret: "SECRETKEY"}
	p := vnpayReturn(v, "15000000", "00")
	for b.Loop() {
		if _, err := v.Verify(p); err != nil {
			b.Fatal(err)
		}
	}
}
