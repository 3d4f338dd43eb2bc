package payment

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The local gateway behaves as the real ones do: it refuses a request not
// signed by the merchant or past its expiry, and on "Pay" it notifies the
// merchant's server before sending the browser back, both signed.
func TestPeer(t *testing.T) {
	now := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	l := &Local{Secret: "s3cret"}
	var notices []url.Values
	merchant := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		notices = append(notices, r.PostForm)
	}))
	defer merchant.Close()
	peer := httptest.NewServer(&Peer{Gateway: l, Now: func() time.Time { return now }})
	defer peer.Close()
	l.CheckoutURL = peer.URL + "/checkout"
	req := Request{Ref: "MC7XAB", AmountVND: 75000, OrderInfo: "Nop phi", ReturnURL: "https://dvc.example/pay/return",
		NotifyURL: merchant.URL + "/cb", CreatedAt: now, ExpiresAt: now.Add(15 * time.Minute)}
	u, err := l.PaymentURL(req)
	if err != nil {
		t.Fatal(err)
	}
	get := func(u string) (int, string) {
		res, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if st, body := get(u); st != 200 || !strings.Contains(body, "75000 VND") {
		t.Fatalf("checkout: %d %s", st, body)
	}
	if st, _ := get(strings.Replace(u, "amount=75000", "amount=75", 1)); st != http.StatusBadRequest {
		t.Fatalf("tampered request: %d", st)
	}
	late := req
	late.ExpiresAt = now.Add(-time.Second)
	lu, _ := l.PaymentURL(late)
	if st, _ := get(lu); st != http.StatusGone {
		t.Fatalf("expired request: %d", st)
	}

	parsed, _ := url.Parse(u)
	form := parsed.Query()
	form.Set("decision", "pay")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.PostForm(peer.URL+"/checkout", form)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || len(notices) != 1 {
		t.Fatalf("pay: %d, %d notices", res.StatusCode, len(notices))
	}
	loc, _ := url.Parse(res.Header.Get("Location"))
	if loc.Host != "dvc.example" || loc.Path != "/pay/return" {
		t.Fatalf("browser sent to %s", loc)
	}
	for _, p := range []url.Values{notices[0], loc.Query()} {
		r, err := l.Verify(p)
		if err != nil || !r.Success || r.Ref != "MC7XAB" || r.AmountVND != 75000 || r.TxnNo == "" || !r.PaidAt.Equal(now) {
			t.Fatalf("signed result %+v %v", r, err)
		}
	}
}
