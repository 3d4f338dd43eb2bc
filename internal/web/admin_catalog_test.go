package web_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/motcua/motcua/internal/model"
)

// The administrator completes what the 766 index reads of the catalogue:
// the online service level (Decree 42/2022 Art. 11; indicators 3.1, 3.2)
// and the subjects (4.5a).
func TestAdminProcedureOnlineLevelAndSubjects_766(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("admin")
	b.get("/admin/procedures/"+businessReg).must(t, 200, "Mức độ dịch vụ công trực tuyến", "Đối tượng thực hiện")
	p, err := e.st.Procedure(context.Background(), businessReg, 0)
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"version": {"1"}, "amount": {"3"}, "unit": {"working_days"}, "fee": {"50000"}, "components": {"Giấy đề nghị | 1 | 0"},
		"online_level": {"level4"}, "subjects": {"Công dân Việt Nam, Doanh nghiệp"}}
	b.post("/admin/procedures/"+businessReg, form).must(t, 422, "Mức độ dịch vụ công trực tuyến là", "Công dân Việt Nam, Doanh nghiệp")
	form.Set("online_level", "partial")
	b.post("/admin/procedures/"+businessReg, form).must(t, 200, "Đã lưu phiên bản mới")
	facts, err := e.st.ProcedureFacts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got model.ProcedureFact
	for _, f := range facts {
		if f.Code == businessReg {
			got = f
		}
	}
	if got.OnlineLevel != "partial" || got.Audience != "citizens" {
		t.Fatalf("facts after saving %+v (before: level %q, subjects %q)", got, p.OnlineLevel, p.Subjects)
	}
}
