package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store/storetest"
)

// Issue 16 item 1 on the pages: the dossier page and the payment pages
// follow org.AccessPolicy — the postal operator does not open a dossier
// without a postal leg, supervisors see identifiers masked and reveal them
// with a reason through the page's form, the reveal listed on the page.
func TestDossierPagePersonalData(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedDossier(criminalRecord, "Nguyễn Văn Dân")
	d = e.seedAct(d, "counter", act("receive"), act("transfer"))
	page := fmt.Sprintf("/dossiers/%d", d.ID)
	const id, phone = "001090012345", "0912345678"
	cases := []struct {
		user    string
		status  int
		shown   []string
		hidden  []string
		reveals bool
	}{
		{"counter", 200, []string{id, phone, "12 Lê Lợi"}, nil, false},
		{"leader", 200, []string{id, phone}, nil, false},
		{"director", 200, []string{"0010*****345", "09******78", "Xem dữ liệu cá nhân đã che"}, []string{id, phone, "12 Lê Lợi"}, true},
		{"chair", 200, []string{"0010*****345"}, []string{id, phone}, true},
		{"admin", 200, []string{"0010*****345"}, []string{id, phone}, true},
		{"postal", 403, nil, []string{id, phone, "Nguyễn Văn Dân"}, false},
	}
	for _, c := range cases {
		t.Run(c.user, func(t *testing.T) {
			b := e.signedIn(c.user)
			p := b.get(page).must(t, c.status, c.shown...).lacks(t, c.hidden...)
			if !c.reveals && strings.Contains(p.Body, `action="/dossiers/`+fmt.Sprint(d.ID)+`/reveal"`) {
				t.Errorf("%s is offered the reveal form", c.user)
			}
			if c.user == "postal" {
				b.post(page+"/reveal", url.Values{"fields": {"id_number"}, "reason": {"Kiểm tra hồ sơ chuyển phát"}}).must(t, 403).lacks(t, id)
			}
		})
	}

	b := e.signedIn("director")
	b.get(page)
	// No reason: refused, nothing shown.
	b.post(page+"/reveal", url.Values{"fields": {"id_number"}}).must(t, 422, "lý do").lacks(t, id)
	p := b.post(page+"/reveal", url.Values{"fields": {"id_number", "phone"}, "reason": {"Trả lời phản ánh PAKN số 12"}})
	p.must(t, 200, id, phone, "lần xem này đã được ghi lại", "Trả lời phản ánh PAKN số 12", "director (director)").lacks(t, "12 Lê Lợi")
	// The next load is masked again, and lists the reveal.
	b.get(page).must(t, 200, "0010*****345", "Nhật ký xem dữ liệu cá nhân", "Trả lời phản ánh PAKN số 12", "id_number, phone").lacks(t, id)

	// A dossier whose result goes back by post opens for the postal
	// operator with the delivery fields only.
	cit := e.actorNamed("citizen")
	res, err := e.svc.Submit(t.Context(), cit, service.NewDossier{ProcedureCode: criminalRecord, Applicant: dossier.Applicant{Name: "Lê Thị Bưu",
		IDNumber: "001190054321", Phone: "0987654321", Email: "buu@example.vn", Address: "5 Trần Phú, xã Hòa Bình"},
		Components: []dossier.ComponentFiles{{Name: "Tờ khai"}}, ReturnMethod: dossier.ReturnPostal}, "priv-postal", "h", noBody)
	if err != nil {
		t.Fatal(err)
	}
	e.signedIn("postal").get(fmt.Sprintf("/dossiers/%d", res.Dossier.ID)).must(t, 200, "Lê Thị Bưu", "0987654321", "5 Trần Phú",
		"chỉ thấy họ tên, điện thoại và địa chỉ").lacks(t, "001190054321", "buu@example.vn")
}

// The counter's queue of results to return, which the postal operator's
// desk shares, lists for it only the dossiers that go back by post.
func TestPostalDeskListsOnlyPostalDossiers(t *testing.T) {
	e := sqliteEnv(t)
	done := func(d *dossier.Dossier) {
		d = e.seedAct(d, "counter", act("receive"), act("transfer"))
		e.seedAct(d, "leader", act("approve"))
	}
	done(e.seedDossier(criminalRecord, "Đinh Văn Trực Tuyến"))
	res, err := e.svc.Submit(t.Context(), e.actorNamed("citizen"), service.NewDossier{ProcedureCode: criminalRecord, Applicant: dossier.Applicant{Name: "Lê Thị Bưu",
		IDNumber: "001190054321", Phone: "0987654321", Address: "5 Trần Phú"}, Components: []dossier.ComponentFiles{{Name: "Tờ khai"}},
		ReturnMethod: dossier.ReturnPostal}, "desk-postal", "h", noBody)
	if err != nil {
		t.Fatal(err)
	}
	done(res.Dossier)
	e.signedIn("counter").get("/counter").must(t, 200, "Đinh Văn Trực Tuyến", "Lê Thị Bưu")
	e.signedIn("postal").get("/counter").must(t, 200, "Lê Thị Bưu").lacks(t, "Đinh Văn Trực Tuyến", "001190054321")
}

// The payment receipt of a dossier that never goes by post does not open
// for the postal operator (it did, through the agency-wide scope).
func TestPaymentReceiptNotForPostal(t *testing.T) {
	e := payEnv(t, storetest.SQLite(t), demoGateways(t))
	d := e.awaitingFee(200000)
	b := e.signedIn("citizen")
	checkout := b.post(fmt.Sprintf("/my/dossiers/%d/pay", d.ID), nil).must(t, 200, "200000 VND")
	pressAtGateway(t, b, checkout, "pay").must(t, 200, "Thanh toán thành công")
	list, err := e.st.DossierPayments(t.Context(), d.ID)
	if err != nil || len(list) != 1 || list[0].Status != model.PaymentPaid {
		t.Fatalf("payments %+v %v", list, err)
	}
	receipt := fmt.Sprintf("/payments/%d/receipt", list[0].ID)
	e.signedIn("counter").get(receipt).must(t, 200, list[0].ReceiptNo)
	p := e.signedIn("postal")
	p.get(receipt).must(t, 403).lacks(t, list[0].ReceiptNo)
	p.get(receipt+".pdf").must(t, 403)
}
