package payment

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Local is a gateway of our own for the demo and the tests: it speaks the
// same redirect-and-signed-callback protocol as the real gateways, with
// HMAC-SHA256, so that the whole flow runs without a merchant contract. Its
// peer (Peer) plays the gateway's side.
type Local struct {
	// CheckoutURL is the peer's checkout page: absolute, or a path on this
	// server when the demo mounts the peer beside the pages.
	CheckoutURL string
	Secret      string
}

// Result codes of the local gateway, borrowed from VNPay's so that people
// who know one read the other.
const (
	LocalPaid      = "00"
	LocalCancelled = "24"
)

// Name implements Provider.
func (l *Local) Name() string { return "local" }

func allButSig(k string) bool { return k != "sig" }

// PaymentURL implements Provider.
func (l *Local) PaymentURL(r Request) (string, error) {
	if err := CheckRequest(r); err != nil {
		return "", err
	}
	if r.NotifyURL == "" {
		return "", fmt.Errorf("payment: local gateway: notify URL required")
	}
	p := url.Values{
		"ref":        {r.Ref},
		"amount":     {strconv.FormatInt(r.AmountVND, 10)},
		"info":       {r.OrderInfo},
		"return_url": {r.ReturnURL},
		"notify_url": {r.NotifyURL},
		"expires":    {strconv.FormatInt(r.ExpiresAt.Unix(), 10)},
	}
	q := canonical(p, allButSig)
	return l.CheckoutURL + "?" + q + "&sig=" + sign(sha256.New, l.Secret, q), nil
}

// Sign adds the signature to parameters; the peer signs its results with it
// and tests play the gateway with it.
func (l *Local) Sign(p url.Values) url.Values {
	out := url.Values{}
	for k, vs := range p {
		if k != "sig" {
			out[k] = vs
		}
	}
	out.Set("sig", sign(sha256.New, l.Secret, canonical(out, allButSig)))
	return out
}

// verifySig checks parameters signed by Sign (requests and results alike).
func (l *Local) verifySig(p url.Values) bool {
	got := p.Get("sig")
	return got != "" && signatureOK(sha256.New, l.Secret, canonical(p, allButSig), got)
}

// Verify implements Provider.
func (l *Local) Verify(p url.Values) (Result, error) {
	if !l.verifySig(p) {
		return Result{}, ErrBadSignature
	}
	res := Result{Provider: l.Name(), Ref: p.Get("ref"), TxnNo: p.Get("txn"), Code: p.Get("code")}
	if res.Ref == "" || res.Code == "" {
		return Result{}, fmt.Errorf("%w: ref and code are required", ErrMalformed)
	}
	amount, err := strconv.ParseInt(p.Get("amount"), 10, 64)
	if err != nil || amount <= 0 {
		return Result{}, fmt.Errorf("%w: amount %q is not a positive whole number of đồng", ErrMalformed, p.Get("amount"))
	}
	res.AmountVND, res.Success = amount, res.Code == LocalPaid
	if sec, err := strconv.ParseInt(p.Get("paid_at"), 10, 64); err == nil && res.Success {
		res.PaidAt = time.Unix(sec, 0).UTC()
	}
	return res, nil
}

// Answer implements Provider in Một Cửa's own API format: a refusal is an
// error with Vietnamese and English messages.
func (l *Local) Answer(a Ack) (int, string, []byte) {
	type detail struct {
		Code      string `json:"code"`
		Message   string `json:"message"`
		MessageVi string `json:"message_vi"`
	}
	var status int
	var d detail
	switch a {
	case AckOK:
		return 200, "application/json", []byte(`{"status":"ok"}` + "\n")
	case AckAlreadySettled:
		return 200, "application/json", []byte(`{"status":"already_settled"}` + "\n")
	case AckNotFound:
		status, d = 404, detail{"payment_unknown", "No payment has this reference.", "Không có giao dịch thanh toán với mã tham chiếu này."}
	case AckAmountMismatch:
		status, d = 422, detail{"payment_amount_mismatch", "The amount differs from the amount of the payment.", "Số tiền khác với số tiền của giao dịch thanh toán."}
	case AckBadSignature:
		status, d = 400, detail{"payment_signature_invalid", "The payment notice is not signed by the gateway, or was changed; it was refused.", "Thông báo thanh toán không có chữ ký hợp lệ của cổng thanh toán hoặc đã bị sửa đổi; đã từ chối."}
	default:
		status, d = 500, detail{"internal", "Something went wrong on our side; nothing was changed. Please send the notice again.", "Hệ thống gặp lỗi; chưa có thay đổi nào được lưu. Vui lòng gửi lại thông báo."}
	}
	body, _ := json.Marshal(map[string]detail{"error": d})
	return status, "application/json", append(body, '\n')
}

// withQuery appends parameters to an address that may already have a query.
func withQuery(u string, p url.Values) string {
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	return u + sep + p.Encode()
}
