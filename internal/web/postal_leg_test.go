package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/postal"
	"github.com/motcua/motcua/internal/service"
)

func (e *env) postalActor(username string) org.Actor {
	e.t.Helper()
	ctx := context.Background()
	tok, _, err := e.svc.Login(ctx, username, demoPassword)
	if err != nil {
		e.t.Fatal(err)
	}
	a, err := e.svc.Authenticate(ctx, tok)
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}

func (e *env) postalReport(ev postal.Event) {
	e.t.Helper()
	if _, err := e.svc.PostalReport(context.Background(), "vnpost", ev, service.RequestHash(ev.EventID)); err != nil {
		e.t.Fatalf("%s: %v", ev.Type, err)
	}
}

func (e *env) postalAct(username string, d *dossier.Dossier, in service.ActionInput) *dossier.Dossier {
	e.t.Helper()
	res, err := e.svc.Act(context.Background(), e.postalActor(username), d.ID, d.Version, in, fmt.Sprint(time.Now().UnixNano()), in.Action,
		func(*dossier.Dossier) ([]byte, error) { return []byte("{}"), nil })
	if err != nil {
		e.t.Fatalf("%s: %v", in.Action, err)
	}
	return res.Dossier
}

// The journey by post is shown on the staff dossier page, the counter's
// check page and the applicant's own page (Decision 45/2016/QĐ-TTg), from the dossier's log.
func TestPostalLegOnDossierPages_Decision45_2016(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		pickedAt := e.clock().Add(-2 * time.Hour)
		e.postalReport(postal.Event{Type: postal.PickedUp, EventID: "pu-1", At: pickedAt, TrackingNumber: "EB123456789VN",
			ProcedureCode: "3.000333", Applicant: &dossier.Applicant{Name: "Trần Thị Bưu", IDNumber: "079190054321", Address: "45 Nguyễn Huệ"},
			Components: []postal.Component{{Name: "Tờ khai", Originals: 1}}, PickupPlace: postal.PlacePostOffice, FeesCollectedVND: 200000})
		list, err := e.svc.List(ctx, e.postalActor("director"), service.ListFilter{Status: "submitted"})
		if err != nil || len(list) != 1 || list[0].Channel != dossier.ChannelPostal {
			t.Fatalf("postal dossier: %v %v", list, err)
		}
		id := list[0].ID
		staff := e.signedIn("counter")
		staff.get(fmt.Sprintf("/dossiers/%d", id)).must(t, 200, "Dịch vụ bưu chính công ích", "Bưu chính nhận hồ sơ", "tại điểm phục vụ bưu chính",
			"EB123456789VN", "200.000 đ", "đang được bưu chính chuyển đến").lacks(t, "!action.", "!postal.")
		// The counter's check page, where the dossier is received, says the papers are still on the road.
		staff.get(fmt.Sprintf("/counter/dossiers/%d", id)).must(t, 200, "Dịch vụ bưu chính công ích", "EB123456789VN", "đang được bưu chính chuyển đến")
		e.postalReport(postal.Event{Type: postal.HandedOver, EventID: "ho-1", At: e.clock().Add(-time.Minute), TrackingNumber: "EB123456789VN", HandoverRecord: "BB-2026-0042"})
		staff.get(fmt.Sprintf("/dossiers/%d", id)).must(t, 200, "Bưu chính bàn giao hồ sơ", "Biên bản giao nhận số <strong>BB-2026-0042</strong>",
			pickedAt.In(ict).Format("15:04, 02/01/2006")).lacks(t, "!action.", "đang được bưu chính chuyển đến")

		// An online filing whose result goes by post: the applicant follows it.
		cit := e.postalActor("citizen")
		res, err := e.svc.Submit(ctx, cit, service.NewDossier{ProcedureCode: "3.000333", Applicant: dossier.Applicant{Name: "Nguyễn Văn Dân",
			IDNumber: "001090012345", Phone: "0912345678", Address: "12 Lê Lợi"}, Components: []dossier.ComponentFiles{{Name: "Tờ khai"}},
			ReturnMethod: dossier.ReturnPostal}, "sub-1", "h", func(*dossier.Dossier) ([]byte, error) { return []byte("{}"), nil })
		if err != nil {
			t.Fatal(err)
		}
		d := res.Dossier
		d = e.postalAct("counter", d, service.ActionInput{Action: "receive"})
		d = e.postalAct("counter", d, service.ActionInput{Action: "transfer"})
		d = e.postalAct("leader", d, service.ActionInput{Action: "approve"})
		d = e.postalAct("counter", d, service.ActionInput{Action: "return_result", Note: "EMS EE987654321VN"})
		e.postalReport(postal.Event{Type: postal.Delivered, EventID: "dl-1", At: e.clock(), DossierCode: d.Code})
		b := e.signedIn("citizen")
		b.get(fmt.Sprintf("/my/dossiers/%d", d.ID)).must(t, 200, "Dịch vụ bưu chính công ích", "Bàn giao kết quả cho bưu chính", "EE987654321VN",
			"Bưu chính phát kết quả").lacks(t, "!action.", "!postal.", "Bưu chính nhận hồ sơ")
		// A dossier with nothing by post shows no postal section.
		other, err := e.svc.Submit(ctx, cit, service.NewDossier{ProcedureCode: "3.000333", Applicant: dossier.Applicant{Name: "Nguyễn Văn Dân",
			IDNumber: "001090012345"}, Components: []dossier.ComponentFiles{{Name: "Tờ khai"}}}, "sub-2", "h2", func(*dossier.Dossier) ([]byte, error) { return []byte("{}"), nil })
		if err != nil {
			t.Fatal(err)
		}
		b.get(fmt.Sprintf("/my/dossiers/%d", other.Dossier.ID)).must(t, 200).lacks(t, "Dịch vụ bưu chính công ích")
	})
}
