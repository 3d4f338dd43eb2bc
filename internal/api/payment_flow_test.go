package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/payment"
)

// gateway is the local payment gateway of a test: its peer runs in its own
// httptest server, as a real gateway runs on its own host.
type gateway struct {
	local *payment.Local
	url   string
}

func (e *env) withLocalGateway(extra ...payment.Provider) *gateway {
	e.t.Helper()
	g := &gateway{local: &payment.Local{Secret: "bi-mat-cong-thanh-toan"}}
	peer := httptest.NewServer(&payment.Peer{Gateway: g.local, Now: e.clock})
	e.t.Cleanup(peer.Close)
	g.url, g.local.CheckoutURL = peer.URL, peer.URL+"/checkout"
	e.svc.Payments = payment.NewRegistry(append([]payment.Provider{g.local}, extra...)...)
	return g
}

// awaitingPayment files a dossier and takes it to payment_requested.
func (e *env) awaitingPayment(amount int64) (id, version int) {
	e.t.Helper()
	r := e.do("POST", "/api/v1/dossiers", "citizen", submitBody(criminalRecord), map[string]string{"Idempotency-Key": newKey()})
	if r.status != 201 {
		e.t.Fatalf("submit: %d %s", r.status, r.raw)
	}
	id, version = r.num("id"), r.num("version")
	e.mustAct("counter", id, &version, map[string]any{"action": "receive"})
	e.mustAct("counter", id, &version, map[string]any{"action": "transfer"})
	e.mustAct("specialist", id, &version, map[string]any{"action": "request_payment", "amount_vnd": amount})
	return id, version
}

// postForm sends a form as a gateway does, without following redirects.
func postForm(t testing.TB, to string, form url.Values) resp {
	t.Helper()
	res, err := noRedirect.Post(to, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := resp{status: res.StatusCode, header: res.Header, raw: raw}
	json.Unmarshal(raw, &out.body)
	return out
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func (e *env) storedDossier(id int) (paidOnline bool, paidVND int64, status string) {
	e.t.Helper()
	d, err := e.st.Dossier(context.Background(), int64(id))
	if err != nil {
		e.t.Fatal(err)
	}
	return d.PaidOnline, d.PaidVND, string(d.Status)
}

func (e *env) payEvents(id int) []map[string]any {
	e.t.Helper()
	r := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/events", id), "leader", nil, nil)
	var out []map[string]any
	var list struct {
		Items []map[string]any `json:"items"`
	}
	json.Unmarshal(r.raw, &list)
	for _, ev := range list.Items {
		if ev["action"] == "pay" {
			out = append(out, ev)
		}
	}
	return out
}

// checkout plays the citizen at the gateway: open the payment page, then
// press Pay (or Cancel). It returns where the gateway sends the browser.
func (g *gateway) checkout(t testing.TB, redirect, decision string) *url.URL {
	t.Helper()
	if !strings.HasPrefix(redirect, g.url+"/checkout?") {
		t.Fatalf("redirect %q is not the gateway's checkout", redirect)
	}
	u, _ := url.Parse(redirect)
	res, err := http.Get(redirect)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(page), u.Query().Get("amount")+" VND") {
		t.Fatalf("checkout page: %d %s", res.StatusCode, page)
	}
	form := u.Query()
	form.Set("decision", decision)
	r := postForm(t, g.url+"/checkout", form)
	if r.status != http.StatusSeeOther {
		t.Fatalf("gateway after %s: %d %s", decision, r.status, r.raw)
	}
	back, err := url.Parse(r.header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	return back
}

// The whole flow of RULES-VN.md §6.2 indicator 3.6 (DuocThanhToanTrucTuyen):
// the citizen pays at the gateway, the gateway's signed callback pays the
// dossier once and marks it paid online; replays and forgeries change nothing.
func TestOnlinePayment_Decision766_Indicator3_6(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		g := e.withLocalGateway()
		id, _ := e.awaitingPayment(200000)
		start := fmt.Sprintf("/api/v1/dossiers/%d/payments", id)

		// Only the applicant pays online.
		if r := e.do("POST", start, "counter", nil, nil); r.status != 403 || r.errCode() != "payment_owner_only" {
			t.Fatalf("counter starts a payment: %d %s", r.status, r.raw)
		}
		e.addCitizen("other")
		if r := e.do("POST", start, "other", nil, nil); r.status != 404 {
			t.Fatalf("another citizen starts a payment: %d %s", r.status, r.raw)
		}

		// A cancelled payment is recorded; the dossier still waits, and the
		// citizen tries again.
		r := e.do("POST", start, "citizen", nil, nil)
		if r.status != 201 || r.num("amount_vnd") != 200000 {
			t.Fatalf("start: %d %s", r.status, r.raw)
		}
		first := r.str("ref")
		back := g.checkout(t, r.str("redirect_url"), "cancel")
		if back.Path != "/pay/return" || back.Query().Get("code") != payment.LocalCancelled {
			t.Fatalf("return after cancel: %s", back)
		}
		if p, _ := e.st.PaymentByRef(context.Background(), first); p.Status != model.PaymentFailed {
			t.Fatalf("cancelled payment recorded as %q", p.Status)
		}
		if online, paid, status := e.storedDossier(id); online || paid != 0 || status != "payment_requested" {
			t.Fatalf("after cancel: online=%v paid=%d status=%s", online, paid, status)
		}

		r = e.do("POST", start, "citizen", nil, nil)
		if r.status != 201 || r.str("ref") == first {
			t.Fatalf("second start: %d %s", r.status, r.raw)
		}
		back = g.checkout(t, r.str("redirect_url"), "pay")
		if online, paid, status := e.storedDossier(id); !online || paid != 200000 || status != "processing" {
			t.Fatalf("after paying: online=%v paid=%d status=%s", online, paid, status)
		}
		evs := e.payEvents(id)
		if len(evs) != 1 || evs[0]["actor"].(map[string]any)["role"] != "system" || evs[0]["payload"].(map[string]any)["payment_ref"] != r.str("ref") {
			t.Fatalf("pay events %v", evs)
		}
		if p, _ := e.st.PaymentByRef(context.Background(), r.str("ref")); p.Status != model.PaymentPaid || !strings.HasPrefix(p.ReceiptNo, "BL-") {
			t.Fatalf("paid payment %+v", p)
		}

		// The gateway repeats its notice: acknowledged, nothing changes.
		callback := e.url + "/api/v1/payments/local/callback"
		replay := postForm(t, callback, back.Query())
		if replay.status != 200 || replay.str("status") != "already_settled" {
			t.Fatalf("replay: %d %s", replay.status, replay.raw)
		}
		// A forged notice: the amount changed after signing.
		forged := back.Query()
		forged.Set("amount", "2000")
		f := postForm(t, callback, forged)
		m, _ := f.body["error"].(map[string]any)
		if f.status != 400 || f.errCode() != "payment_signature_invalid" || m["message"] == "" || m["message_vi"] == "" {
			t.Fatalf("forged: %d %s", f.status, f.raw)
		}
		// Signed, but for a payment we never opened.
		unknown := g.local.Sign(url.Values{"ref": {"MC999X1"}, "amount": {"200000"}, "code": {"00"}, "txn": {"1"}})
		if u := postForm(t, callback, unknown); u.status != 404 || u.errCode() != "payment_unknown" {
			t.Fatalf("unknown ref: %d %s", u.status, u.raw)
		}
		if online, paid, _ := e.storedDossier(id); !online || paid != 200000 || len(e.payEvents(id)) != 1 {
			t.Fatalf("replay or forgery changed the dossier: online=%v paid=%d", online, paid)
		}
		// Nothing more to pay.
		if r := e.do("POST", start, "citizen", nil, nil); r.status != 422 || r.errCode() != "payment_not_requested" {
			t.Fatalf("start when paid: %d %s", r.status, r.raw)
		}

		// Paying at the counter leaves the online flag alone.
		id2, v2 := e.awaitingPayment(50000)
		e.mustAct("counter", id2, &v2, map[string]any{"action": "pay", "amount_vnd": 50000})
		if online, paid, _ := e.storedDossier(id2); online || paid != 50000 {
			t.Fatalf("counter payment: online=%v paid=%d", online, paid)
		}
		// Amounts are whole, positive đồng, refused clearly otherwise.
		id4, v4 := e.awaitingPayment(10000)
		e.mustAct("counter", id4, &v4, map[string]any{"action": "pay"})
		if r := e.act("specialist", id4, v4, map[string]any{"action": "request_payment", "amount_vnd": 1500.5}); r.status != 400 || r.errCode() != "json_type" {
			t.Fatalf("fractional amount: %d %s", r.status, r.raw)
		}
		if r := e.act("specialist", id4, v4, map[string]any{"action": "request_payment", "amount_vnd": -1500}); r.status != 422 || r.errCode() != "amount_required" {
			t.Fatalf("negative amount: %d %s", r.status, r.raw)
		}
		// A client cannot claim an online payment through the action API.
		id3, v3 := e.awaitingPayment(50000)
		if r := e.act("citizen", id3, v3, map[string]any{"action": "pay", "payment_ref": "MC1X1"}); r.status != 400 {
			t.Fatalf("pay with a client-supplied payment_ref: %d %s", r.status, r.raw)
		}
	})
}

// Gateways notify more than once, sometimes at the same moment: one pay
// event, one settled payment, every notice acknowledged.
func TestOnlinePaymentConcurrentCallbacks(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		g := e.withLocalGateway()
		id, _ := e.awaitingPayment(120000)
		r := e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/payments", id), "citizen", nil, nil)
		if r.status != 201 {
			t.Fatalf("start: %d %s", r.status, r.raw)
		}
		notice := g.local.Sign(url.Values{"ref": {r.str("ref")}, "amount": {"120000"}, "code": {payment.LocalPaid}, "txn": {"88"}})
		const n = 8
		answers := make([]resp, n)
		var wg sync.WaitGroup
		began := time.Now()
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				answers[i] = postForm(t, e.url+"/api/v1/payments/local/callback", notice)
			}()
		}
		wg.Wait()
		t.Logf("%d concurrent notices answered in %v", n, time.Since(began))
		ok := 0
		for _, a := range answers {
			if a.status != 200 {
				t.Fatalf("a duplicate notice was refused: %d %s", a.status, a.raw)
			}
			if a.str("status") == "ok" {
				ok++
			}
		}
		if ok != 1 {
			t.Fatalf("%d notices settled the payment, want 1", ok)
		}
		if evs := e.payEvents(id); len(evs) != 1 {
			t.Fatalf("%d pay events, want 1", len(evs))
		}
		if online, paid, _ := e.storedDossier(id); !online || paid != 120000 {
			t.Fatalf("online=%v paid=%d", online, paid)
		}
	})
}

// VNPay's IPN answers (its published codes): 00 confirmed, 01 unknown order,
// 02 already confirmed, 04 invalid amount, 97 invalid signature.
func TestVNPayCallbackCodes(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		vnp := &payment.VNPay{PayURL: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", TmnCode: "MOTCUA01", Secret: "VNPAYSECRET"}
		e.svc.Payments = payment.NewRegistry(vnp)
		id, _ := e.awaitingPayment(150000)
		r := e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/payments", id), "citizen", nil, nil)
		if r.status != 201 {
			t.Fatalf("start: %d %s", r.status, r.raw)
		}
		u, _ := url.Parse(r.str("redirect_url"))
		q := u.Query()
		if q.Get("vnp_Amount") != "15000000" || q.Get("vnp_ReturnUrl") != e.url+"/pay/return" || q.Get("vnp_TxnRef") != r.str("ref") {
			t.Fatalf("payment URL %s", u)
		}
		result := func(ref, hundredths, code string) url.Values {
			return url.Values{"vnp_TmnCode": {"MOTCUA01"}, "vnp_TxnRef": {ref}, "vnp_Amount": {hundredths}, "vnp_ResponseCode": {code},
				"vnp_TransactionStatus": {code}, "vnp_TransactionNo": {"14226112"}, "vnp_PayDate": {"20261201093500"}}
		}
		paid := vnp.SignReturn(result(r.str("ref"), "15000000", "00"))
		tampered := vnp.SignReturn(result(r.str("ref"), "15000000", "00"))
		tampered.Set("vnp_Amount", "100")
		noHash := vnp.SignReturn(result(r.str("ref"), "15000000", "00"))
		noHash.Del("vnp_SecureHash")
		wrongSecret := (&payment.VNPay{TmnCode: "MOTCUA01", Secret: "OTHER"}).SignReturn(result(r.str("ref"), "15000000", "00"))
		steps := []struct {
			name   string
			params url.Values
			want   string
		}{
			{"tampered amount", tampered, "97"},
			{"wrong secret", wrongSecret, "97"},
			{"missing hash", noHash, "97"},
			{"amount mismatch, validly signed", vnp.SignReturn(result(r.str("ref"), "1500000", "00")), "04"},
			{"unknown ref", vnp.SignReturn(result("MC1XDEADBEEF", "15000000", "00")), "01"},
			{"paid", paid, "00"},
			{"replay of a settled ref", paid, "02"},
		}
		for _, s := range steps {
			a := e.do("GET", "/api/v1/payments/vnpay/callback?"+s.params.Encode(), "", nil, nil)
			if a.status != 200 || a.str("RspCode") != s.want {
				t.Fatalf("%s: %d %s, want RspCode %s", s.name, a.status, a.raw, s.want)
			}
		}
		if online, paid, status := e.storedDossier(id); !online || paid != 150000 || status != "processing" || len(e.payEvents(id)) != 1 {
			t.Fatalf("online=%v paid=%d status=%s", online, paid, status)
		}
	})
}

// paymentContract exercises every documented payment response for the
// OpenAPI contract test.
func paymentContract(c *oaCheck) {
	c.t.Helper()
	e := c.e
	saved := e.svc.Payments
	defer func() { e.svc.Payments = saved }()
	g := e.withLocalGateway(&payment.VNPay{PayURL: "https://pay.example/vpcpay.html", TmnCode: "T1", Secret: "S1"})
	id, _ := e.awaitingPayment(300000)
	start := fmt.Sprintf("/api/v1/dossiers/%d/payments", id)
	c.want(401, c.do("POST", start, "", nil, nil))
	c.want(403, c.do("POST", start, "counter", nil, nil))
	c.want(404, c.do("POST", "/api/v1/dossiers/999999/payments", "citizen", nil, nil))
	r := c.want(201, c.do("POST", start, "citizen", nil, nil))
	back := g.checkout(c.t, r.str("redirect_url"), "pay")
	c.want(422, c.do("POST", start, "citizen", nil, nil))

	callback := "/api/v1/payments/local/callback"
	post := func(path string, form url.Values) resp {
		return c.check("POST", path, postForm(c.t, e.url+path, form), nil)
	}
	c.want(200, post(callback, back.Query()))
	c.want(200, c.do("GET", callback+"?"+back.Query().Encode(), "", nil, nil))
	c.want(200, c.do("GET", "/api/v1/payments/vnpay/callback?vnp_TxnRef=X", "", nil, nil))
	forged := back.Query()
	forged.Set("code", "00")
	forged.Set("txn", "forged")
	c.want(400, post(callback, forged))
	c.want(400, c.do("GET", callback+"?"+forged.Encode(), "", nil, nil))
	unknown := g.local.Sign(url.Values{"ref": {"MC1XFFFF"}, "amount": {"300000"}, "code": {"00"}})
	c.want(404, post(callback, unknown))
	c.want(404, c.do("GET", callback+"?"+unknown.Encode(), "", nil, nil))
	c.want(404, post("/api/v1/payments/paypal/callback", unknown))
	mismatch := g.local.Sign(url.Values{"ref": {r.str("ref")}, "amount": {"3000"}, "code": {"00"}})
	c.want(422, post(callback, mismatch))
	c.want(422, c.do("GET", callback+"?"+mismatch.Encode(), "", nil, nil))
}
