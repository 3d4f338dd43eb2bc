package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
)

// The citizen's data store page (Circular 01/2023 Art. 24(2)(d), (e)): the
// digitized paper and the electronic result are listed with download links
// for their owner; another citizen sees none of them, and downloading
// another person's document is 404.
func TestMyDocumentsPage_Circular01_2023_Art24(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.citAddCitizen("hang_xom")
		upload := func(user, name, content string) string {
			f, err := e.svc.Upload(ctx, e.actorNamed(user), name, strings.NewReader("%PDF-1.4\n"+content+"\n%%EOF\n"))
			if err != nil {
				t.Fatal(err)
			}
			return f.ID
		}
		d := e.seedDossier(criminalRecord, "Nguyễn Văn Dân")
		scan := upload("counter", "giay-xac-nhan-quet.pdf", "ban quet")
		d = e.seedAct(d, "counter", service.ActionInput{Action: "receive", Components: []dossier.ComponentFiles{{Name: "Tờ khai", Digitized: true, FileIDs: []string{scan}}}}, act("transfer"))
		result := upload("leader", "phieu-ly-lich-tu-phap.pdf", "ket qua")
		d = e.seedAct(d, "leader", service.ActionInput{Action: "approve", ResultFileIDs: []string{result}})

		docs, err := e.svc.Documents(ctx, e.actorNamed("citizen"))
		if err != nil || len(docs) != 2 {
			t.Fatalf("documents: %+v %v", docs, err)
		}
		cit := e.signedIn("citizen")
		cit.get("/me/documents").must(t, 200, "Kho dữ liệu điện tử của tôi", "Kết quả giải quyết", "Giấy tờ đã số hóa",
			"phieu-ly-lich-tu-phap.pdf", "giay-xac-nhan-quet.pdf", d.Code, "Không ghi thời hạn",
			fmt.Sprintf("/me/documents/%d/file", docs[0].ID), fmt.Sprintf("/me/documents/%d/file", docs[1].ID)).
			lacks(t, "001090012345", "0912345678")
		f := cit.get(fmt.Sprintf("/me/documents/%d/file", docs[0].ID))
		if f.Status != 200 || !strings.Contains(f.Body, "ket qua") {
			t.Fatalf("the owner downloads the result: %d %.80q", f.Status, f.Body)
		}

		other := e.signedIn("hang_xom")
		other.get("/me/documents").must(t, 200, "Kho chưa có giấy tờ nào").lacks(t, "phieu-ly-lich-tu-phap.pdf", d.Code)
		for _, doc := range docs {
			if p := other.get(fmt.Sprintf("/me/documents/%d/file", doc.ID)); p.Status != 404 || strings.Contains(p.Body, "ket qua") || strings.Contains(p.Body, "ban quet") {
				t.Fatalf("another citizen downloads document %d: %d", doc.ID, p.Status)
			}
		}
		if p := other.get("/me/documents/abc/file"); p.Status != 404 {
			t.Fatalf("a malformed id: %d, want 404", p.Status)
		}
		// Staff have no store page.
		if p := e.signedIn("counter").get("/me/documents"); p.Status != 403 {
			t.Fatalf("counter officer on /me/documents: %d, want 403", p.Status)
		}
	})
}
