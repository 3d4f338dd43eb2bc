package web_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The chair downloads the period's settlement report from the dashboard.
func TestDashboardOffersTheSettlementReport(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedAct(e.seedDossier(criminalRecord, "Nguyễn Văn Dân"), "counter", act("receive"), act("transfer"))
	e.setNow(time.Date(2026, 12, 3, 9, 0, 0, 0, ict))
	e.seedAct(d, "leader", act("approve"))
	e.setNow(time.Date(2027, 1, 5, 9, 0, 0, 0, ict))
	b := e.signedIn("chair")
	b.get("/director/index?from=2026-12-01&to=2026-12-31").must(t, 200, "/director/report?from=2026-12-01&amp;to=2026-12-31&amp;format=xlsx")
	x := b.get("/director/report?from=2026-12-01&to=2026-12-31&format=xlsx")
	if x.Status != 200 {
		t.Fatalf("xlsx: %d %s", x.Status, x.Body)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(x.Body)))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Bao cao")
	found := false
	for _, r := range rows {
		found = found || strings.Contains(strings.Join(r, "|"), "Sở Tư pháp")
	}
	if !found {
		t.Fatalf("the report must list Sở Tư pháp: %v", rows)
	}
	if pdf := b.get("/director/report?from=2026-12-01&to=2026-12-31&format=pdf"); pdf.Status != 200 || !strings.HasPrefix(pdf.Body, "%PDF-") {
		t.Fatalf("pdf: %d", pdf.Status)
	}
	b.get("/director/report?from=2026-12-01&to=2026-12-31&format=doc").must(t, 400, "xlsx hoặc pdf")
	e.signedIn("counter").get("/director/report?from=2026-12-01&to=2026-12-31&format=pdf").must(t, 403)
}
