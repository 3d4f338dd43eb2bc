package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
)

// Form 01 of an online filing lists only the papers the applicant uploaded,
// as electronic copies (no count of originals or copies): a conditional
// paper never provided is not "received" (issue 21 item 5; Circular
// 01/2018 Form 01, "Thành phần hồ sơ nộp gồm").
func TestReceiptListsOnlyWhatWasProvided_Circular01_2018_Form01(t *testing.T) {
	e := sqliteEnv(t)
	ctx := context.Background()
	citizen := e.actorNamed("citizen")
	f, err := e.svc.Upload(ctx, citizen, "giay-chung-sinh.pdf", strings.NewReader("%PDF-1.4\ngiay chung sinh\n%%EOF\n"))
	if err != nil {
		t.Fatal(err)
	}
	in := service.NewDossier{ProcedureCode: criminalRecord, Channel: dossier.ChannelOnline, ReturnMethod: dossier.ReturnCounter,
		Applicant:  dossier.Applicant{Name: "Lưu Thị Nộp", IDNumber: "001090012345", Phone: "0912345678", Address: "12 Lê Lợi"},
		Components: []dossier.ComponentFiles{{Name: "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", FileIDs: []string{f.ID}}, {Name: "Văn bản ủy quyền"}}}
	res, err := e.svc.Submit(ctx, citizen, in, "k-receipt-papers", "h", func(d *dossier.Dossier) ([]byte, error) { return []byte(fmt.Sprint(d.ID)), nil })
	if err != nil {
		t.Fatal(err)
	}
	d := e.seedAct(res.Dossier, "counter", act("receive"))
	text := e.signedIn("counter").pdfForm(t, d, "01")
	mustSay(t, "01", text, "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp")
	if strings.Contains(text, "Văn bản ủy quyền") {
		t.Fatalf("Form 01 lists a paper never provided:\n%s", text)
	}
}
