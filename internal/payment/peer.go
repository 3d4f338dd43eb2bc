package payment

import (
	"context"
	"crypto/rand"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Peer plays the local gateway's side: a checkout page that shows the amount
// and, on "Pay" or "Cancel", posts the signed result to the merchant's
// notify URL (server to server) and sends the browser back to the return
// URL with the same signed result. Tests run it in an httptest server; the
// demo mounts it on the same server as the pages.
type Peer struct {
	Gateway *Local
	Client  *http.Client // for the server-to-server callback; nil: a 10-second client
	Now     func() time.Time
}

func (p *Peer) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

var peerPage = template.Must(template.New("peer").Parse(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng thanh toán thử nghiệm / Test payment gateway</title></head>
<body><main>
<h1>Cổng thanh toán thử nghiệm / Test payment gateway</h1>
<p>Không có tiền thật được chuyển. / No real money moves.</p>
{{if .Err}}<p role="alert">{{.Err}}</p>{{else}}
<p>Nội dung / Order: {{.Info}}</p>
<p>Số tiền / Amount: <strong>{{.Amount}} VND</strong></p>
<form method="post" action="{{.Action}}">
{{range $k, $v := .Params}}<input type="hidden" name="{{$k}}" value="{{index $v 0}}">{{end}}
<button type="submit" name="decision" value="pay">Thanh toán / Pay</button>
<button type="submit" name="decision" value="cancel">Hủy / Cancel</button>
</form>{{end}}
</main></body></html>`))

// ServeHTTP shows the checkout page (GET) or settles the payment (POST).
func (p *Peer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	params := url.Values{}
	for _, k := range []string{"ref", "amount", "info", "return_url", "notify_url", "expires", "sig"} {
		if v := r.Form.Get(k); v != "" {
			params.Set(k, v)
		}
	}
	fail := func(status int, msg string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		peerPage.Execute(w, map[string]any{"Err": msg})
	}
	// A real gateway checks the merchant's signature before taking money.
	if !p.Gateway.verifySig(params) {
		fail(http.StatusBadRequest, "Yêu cầu thanh toán không có chữ ký hợp lệ. / The payment request is not validly signed.")
		return
	}
	if exp, err := strconv.ParseInt(params.Get("expires"), 10, 64); err != nil || p.now().Unix() > exp {
		fail(http.StatusGone, "Yêu cầu thanh toán đã hết hạn; hãy tạo lại từ trang hồ sơ. / The payment request has expired; start again from the dossier page.")
		return
	}
	if r.Method == http.MethodGet {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		peerPage.Execute(w, map[string]any{"Info": params.Get("info"), "Amount": params.Get("amount"), "Params": params, "Action": r.URL.Path})
		return
	}
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	code := LocalPaid
	if r.Form.Get("decision") != "pay" {
		code = LocalCancelled
	}
	res := p.Gateway.Sign(url.Values{
		"ref": {params.Get("ref")}, "amount": {params.Get("amount")}, "code": {code},
		"txn": {txnNumber()}, "paid_at": {strconv.FormatInt(p.now().Unix(), 10)},
	})
	// The callback goes first, as with real gateways, which notify as soon
	// as the bank answers; the browser's return may come later or never.
	if err := p.notify(r.Context(), params.Get("notify_url"), res); err != nil {
		fail(http.StatusBadGateway, "Không gửi được thông báo thanh toán cho cơ quan: "+err.Error()+" / Could not notify the agency.")
		return
	}
	http.Redirect(w, r, withQuery(params.Get("return_url"), res), http.StatusSeeOther)
}

func (p *Peer) notify(ctx context.Context, to string, res url.Values) error {
	c := p.Client
	if c == nil {
		c = &http.Client{Timeout: 10 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, to, strings.NewReader(res.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("callback answered %d", resp.StatusCode)
	}
	return nil
}

// txnNumber is the gateway's own transaction number: random digits.
func txnNumber() string {
	b := make([]byte, 6)
	rand.Read(b)
	var n uint64
	for _, c := range b {
		n = n<<8 | uint64(c)
	}
	return fmt.Sprintf("%014d", n%1e14)
}
