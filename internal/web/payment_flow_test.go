package web_test

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/payment"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
	"github.com/motcua/motcua/internal/web"
)

// payEnv is the server as `motcua serve --demo` composes it with online
// payment: the gateways are set before the pages are built, so the demo's
// local gateway is mounted on the same server.
func payEnv(t testing.TB, st *store.Store, reg *payment.Registry) *env {
	t.Helper()
	return newEnvWith(t, st, web.Options{Demo: true}, func(svc *service.Service) { svc.Payments = reg })
}

func demoGateways(t testing.TB) *payment.Registry {
	reg, err := payment.Configure(func(string) string { return "" }, true)
	if err != nil || reg == nil {
		t.Fatalf("demo gateways: %v", err)
	}
	return reg
}

var hiddenRe = regexp.MustCompile(`<input type="hidden" name="([a-z_]+)" value="([^"]*)">`)

// pressAtGateway submits the gateway's checkout form with Pay or Cancel.
func pressAtGateway(t *testing.T, b *browser, checkout page, decision string) page {
	t.Helper()
	form := url.Values{"decision": {decision}}
	for _, m := range hiddenRe.FindAllStringSubmatch(checkout.Body, -1) {
		form.Set(m[1], html.UnescapeString(m[2]))
	}
	if form.Get("sig") == "" {
		t.Fatalf("no signed request on the checkout page:\n%s", checkout.Body)
	}
	return b.post(payment.DemoCheckoutPath, form)
}

func (e *env) awaitingFee(amount int64) *dossier.Dossier {
	e.t.Helper()
	d := e.seedDossier(criminalRecord, "Nguyễn Văn Dân")
	d = e.seedAct(d, "counter", act("receive"), act("transfer"))
	return e.seedAct(d, "specialist", service.ActionInput{Action: "request_payment", AmountVND: amount})
}

// The citizen pays a fee online end to end (RULES-VN.md §6.2 indicator 3.6):
// button on the dossier page, the gateway's page, back to the return page,
// the dossier paid online, a receipt with the amount in words.
func TestCitizenPaysOnline_Decision766_Indicator3_6(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		e := payEnv(t, st, demoGateways(t))
		d := e.awaitingFee(200000)
		b := e.signedIn("citizen")
		dossierPage := fmt.Sprintf("/my/dossiers/%d", d.ID)
		b.get(dossierPage).must(t, 200, "Thanh toán trực tuyến", `action="/my/dossiers/`+fmt.Sprint(d.ID)+`/pay"`)

		// Cancel first: nothing changes, the citizen may try again.
		checkout := b.post(dossierPage+"/pay", nil).must(t, 200, "200000 VND", "Thanh toán / Pay")
		if checkout.URL != payment.DemoCheckoutPath {
			t.Fatalf("pay online led to %s", checkout.URL)
		}
		pressAtGateway(t, b, checkout, "cancel").must(t, 200, "Thanh toán không thành công", "Thanh toán lại")
		if got := e.citStored(d.ID); got.Status != dossier.PaymentRequested || got.PaidOnline {
			t.Fatalf("after cancel: %s online=%v", got.Status, got.PaidOnline)
		}
		b.get(dossierPage+"/payments").must(t, 200, "Không thành công hoặc đã hủy", "Thanh toán trực tuyến")

		checkout = b.post(dossierPage+"/pay", nil).must(t, 200, "200000 VND")
		back := pressAtGateway(t, b, checkout, "pay").must(t, 200, "Thanh toán thành công")
		if back.URL != "/pay/return" {
			t.Fatalf("the gateway sent the browser to %s", back.URL)
		}
		got := e.citStored(d.ID)
		if got.Status != dossier.Processing || !got.PaidOnline || got.PaidVND != 200000 {
			t.Fatalf("after paying: %s online=%v paid=%d", got.Status, got.PaidOnline, got.PaidVND)
		}
		list, err := e.st.DossierPayments(context.Background(), d.ID)
		if err != nil || len(list) != 2 || list[1].Status != model.PaymentPaid {
			t.Fatalf("payments %+v %v", list, err)
		}
		paid := list[1]
		receipt := fmt.Sprintf("/payments/%d/receipt", paid.ID)
		b.get(receipt).must(t, 200, paid.ReceiptNo, "Hai trăm nghìn đồng", "200.000")
		pdf := b.get(receipt + ".pdf")
		if pdf.Status != 200 || !strings.HasPrefix(pdf.Body, "%PDF-") {
			t.Fatalf("receipt PDF: %d %.40q", pdf.Status, pdf.Body)
		}
		// Nothing left to pay: the button is gone, the receipt is listed.
		b.get(dossierPage).must(t, 200, "Thanh toán và biên lai").lacks(t, `/pay"`)
		b.get(dossierPage+"/payments").must(t, 200, paid.ReceiptNo, "Hồ sơ không có khoản phí nào đang chờ nộp.")

		// Staff of the agency see the receipt; another citizen does not.
		e.signedIn("specialist").get(receipt).must(t, 200, paid.ReceiptNo)
		e.citAddCitizen("other")
		o := e.browser()
		o.login("other")
		o.get(receipt).must(t, 404)
		o.get(fmt.Sprintf("/payments/%d/receipt", list[0].ID)).must(t, 404)
		b.get(fmt.Sprintf("/payments/%d/receipt", list[0].ID)).must(t, 404, "chưa được thanh toán")

		// A return address not signed by the gateway shows an error and changes nothing.
		b.get("/pay/return?ref="+url.QueryEscape(paid.Ref)+"&amount=200000&code=00&sig=00ff").
			must(t, 422, "không có chữ ký hợp lệ")
	})
}

// Online payment off: the page says to pay at the counter, and the post
// explains it in the citizen's language rather than failing.
func TestPayOnlineWithoutGateway(t *testing.T) {
	e := payEnv(t, storetest.SQLite(t), nil)
	d := e.awaitingFee(50000)
	b := e.signedIn("citizen")
	b.get(fmt.Sprintf("/my/dossiers/%d/payments", d.ID)).must(t, 200, "hãy nộp phí tại Bộ phận Một cửa").lacks(t, `id="pay-online"`)
	b.post(fmt.Sprintf("/my/dossiers/%d/pay", d.ID), nil).must(t, 404, "hãy nộp phí tại Bộ phận Một cửa")
	if got := e.citStored(d.ID); got.Status != dossier.PaymentRequested {
		t.Fatalf("status %s", got.Status)
	}
}

// The browser follows the redirect after "Pay online" to an external
// gateway only if the page's form-action allows that gateway.
func TestGatewayAllowedAsFormTarget(t *testing.T) {
	vnp := &payment.VNPay{PayURL: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", TmnCode: "T", Secret: "S"}
	e := payEnv(t, storetest.SQLite(t), payment.NewRegistry(vnp))
	res, err := e.browser().c.Get(e.url + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "form-action 'self' https://sandbox.vnpayment.vn;") {
		t.Fatalf("CSP %q", csp)
	}
}
