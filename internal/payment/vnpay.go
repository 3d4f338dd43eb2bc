package payment

import (
	"crypto/sha512"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// VNPay is the VNPay payment gateway (API version 2.1.0): vnp_ parameters,
// signed with HMAC-SHA512 over the sorted, form-encoded query; amounts in
// hundredths of a đồng; times as yyyyMMddHHmmss in Vietnam's time.
type VNPay struct {
	PayURL  string // e.g. https://sandbox.vnpayment.vn/paymentv2/vpcpay.html
	TmnCode string // merchant (terminal) code
	Secret  string // hash secret
}

// vnpTime is VNPay's time format, always in GMT+7.
const vnpTime = "20060102150405"

var gmt7 = time.FixedZone("GMT+7", 7*3600)

// Name implements Provider.
func (v *VNPay) Name() string { return "vnpay" }

func vnpParam(k string) bool {
	return strings.HasPrefix(k, "vnp_") && k != "vnp_SecureHash" && k != "vnp_SecureHashType"
}

// PaymentURL implements Provider.
func (v *VNPay) PaymentURL(r Request) (string, error) {
	if err := CheckRequest(r); err != nil {
		return "", err
	}
	if r.AmountVND > math.MaxInt64/100 {
		return "", fmt.Errorf("payment: amount %d VND too large", r.AmountVND)
	}
	locale := "vn"
	if r.Locale == "en" {
		locale = "en"
	}
	p := url.Values{
		"vnp_Version":    {"2.1.0"},
		"vnp_Command":    {"pay"},
		"vnp_TmnCode":    {v.TmnCode},
		"vnp_Amount":     {strconv.FormatInt(r.AmountVND*100, 10)},
		"vnp_CurrCode":   {"VND"},
		"vnp_TxnRef":     {r.Ref},
		"vnp_OrderInfo":  {r.OrderInfo},
		"vnp_OrderType":  {"other"},
		"vnp_Locale":     {locale},
		"vnp_ReturnUrl":  {r.ReturnURL},
		"vnp_IpAddr":     {r.ClientIP},
		"vnp_CreateDate": {r.CreatedAt.In(gmt7).Format(vnpTime)},
		"vnp_ExpireDate": {r.ExpiresAt.In(gmt7).Format(vnpTime)},
	}
	if r.ClientIP == "" {
		p.Del("vnp_IpAddr")
	}
	q := canonical(p, vnpParam)
	return v.PayURL + "?" + q + "&vnp_SecureHash=" + sign(sha512.New, v.Secret, q), nil
}

// Verify implements Provider for the return URL and the IPN, which carry the
// same signed parameters.
func (v *VNPay) Verify(p url.Values) (Result, error) {
	got := p.Get("vnp_SecureHash")
	if got == "" || !signatureOK(sha512.New, v.Secret, canonical(p, vnpParam), got) {
		return Result{}, ErrBadSignature
	}
	if p.Get("vnp_TmnCode") != v.TmnCode {
		return Result{}, fmt.Errorf("%w: vnp_TmnCode is not ours", ErrMalformed)
	}
	res := Result{Provider: v.Name(), Ref: p.Get("vnp_TxnRef"), TxnNo: p.Get("vnp_TransactionNo"), Code: p.Get("vnp_ResponseCode")}
	if res.Ref == "" {
		return Result{}, fmt.Errorf("%w: vnp_TxnRef missing", ErrMalformed)
	}
	hundredths, err := strconv.ParseInt(p.Get("vnp_Amount"), 10, 64)
	if err != nil || hundredths <= 0 || hundredths%100 != 0 {
		return Result{}, fmt.Errorf("%w: vnp_Amount %q is not a positive whole number of đồng", ErrMalformed, p.Get("vnp_Amount"))
	}
	res.AmountVND = hundredths / 100
	// Paid only when the bank said so (vnp_ResponseCode) and VNPay settled
	// it (vnp_TransactionStatus, absent from some older returns).
	status := p.Get("vnp_TransactionStatus")
	res.Success = res.Code == "00" && (status == "" || status == "00")
	if t, err := time.ParseInLocation(vnpTime, p.Get("vnp_PayDate"), gmt7); err == nil {
		res.PaidAt = t.UTC()
	}
	return res, nil
}

// Answer implements Provider: VNPay reads RspCode from a JSON body, always
// with status 200.
func (v *VNPay) Answer(a Ack) (int, string, []byte) {
	code, msg := "99", "Unknown error"
	switch a {
	case AckOK:
		code, msg = "00", "Confirm Success"
	case AckNotFound:
		code, msg = "01", "Order not found"
	case AckAlreadySettled:
		code, msg = "02", "Order already confirmed"
	case AckAmountMismatch:
		code, msg = "04", "Invalid amount"
	case AckBadSignature:
		code, msg = "97", "Invalid signature"
	}
	body, _ := json.Marshal(map[string]string{"RspCode": code, "Message": msg})
	return 200, "application/json", body
}

// SignReturn signs result parameters as VNPay does; the tests use it to
// play the gateway.
func (v *VNPay) SignReturn(p url.Values) url.Values {
	out := url.Values{}
	for k, vs := range p {
		out[k] = vs
	}
	out.Del("vnp_SecureHash")
	out.Set("vnp_SecureHash", sign(sha512.New, v.Secret, canonical(out, vnpParam)))
	return out
}
