package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// seedDashboard files, in December 2026, five dossiers of Sở Tư pháp
// (3.000333, 10 calendar days: filed Tuesday 1 December 09:00, due Friday
// 11 December 17:00) and one of Sở Tài chính (2.001583, 3 working days: due
// Friday 4 December 17:00), with known outcomes, and moves the clock to
// Tuesday 5 January 2027:
//
//	J1 approved 3/12 10:00: early      F1 approved 3/12 10:00: early
//	J2 approved 11/12 16:00: on time
//	J3 approved 14/12, result returned, rated "không hài lòng": late
//	J4 filed 2/12 (due 14/12 → Monday 14/12): open and overdue on 31/12
//	J5 filed 28/12 (due 7/1/2027): open within time on 31/12
func seedDashboard(t *testing.T, e *env) {
	t.Helper()
	ctx := context.Background()
	fid := e.agencyID(demo.DeptFinance)
	agency, _ := e.svc.Agency(mustID(t, fid))
	if _, err := e.svc.CreateStaff(ctx, e.actorNamed("admin"), service.StaffInput{Username: "leader_tc", Name: "Lãnh đạo Sở Tài chính",
		Role: org.RoleLeader, AgencyID: agency.ID, Password: "mat-khau-lanh-dao"}); err != nil {
		t.Fatal(err)
	}
	dec := func(day, hour int) time.Time { return time.Date(2026, 12, day, hour, 0, 0, 0, ict) }
	file := func(proc, name string, at time.Time) *dossier.Dossier {
		e.setNow(at)
		// Paper results: the figures below count no electronic result (4.1).
		return e.seedAct(e.seedDossierReturn(proc, name, dossier.ReturnCounter), "counter", act("receive"), act("transfer"))
	}
	j1, j2, j3 := file(criminalRecord, "Sớm Một", dec(1, 9)), file(criminalRecord, "Đúng Hai", dec(1, 9)), file(criminalRecord, "Muộn Ba", dec(1, 9))
	f1 := file(businessReg, "Tài Chính Sớm", dec(1, 9))
	file(criminalRecord, "Quá Hạn Bốn", dec(2, 9))
	e.setNow(dec(3, 10))
	e.seedAct(j1, "leader", act("approve"))
	e.seedAct(f1, "leader_tc", act("approve"))
	e.setNow(dec(11, 16))
	e.seedAct(j2, "leader", act("approve"))
	e.setNow(dec(14, 10))
	j3 = e.seedAct(j3, "leader", act("approve"))
	e.setNow(dec(14, 11))
	j3 = e.seedAct(j3, "counter", act("return_result"))
	e.setNow(dec(14, 12))
	e.seedAct(j3, "citizen", service.ActionInput{Action: "rate", Rating: int(dossier.Dissatisfied)})
	file(criminalRecord, "Trong Hạn Năm", dec(28, 9))
	e.setNow(time.Date(2027, 1, 5, 9, 0, 0, 0, ict))
}

// The December figures, by hand (index766's rules, RULES-VN.md §6.2):
//
//	Province: early 2, on time 1, late 1, open within 1, overdue 1.
//	  2.1 = (2 + 1 + 1) / (4 + 1 + 1) = 4/6 = 66.67 % → 20 × 66.67 / 100 = 13.334 → 13.33
//	  5.4 = (4 − 1 late − 1 dissatisfied) / 4 = 50 % < 90 → 6 × 50 / 90 = 3.33
//	  Nothing else earns points (no digitized files, e-results, payments),
//	  so the total is 13.33 + 3.33 = 16.66, "Yếu". Group 1 (18), 3.0 (12),
//	  3.5b (2), 4.x (2), 5.2 and 5.3 (12) are not entered, and 4.5a (2)
//	  waits for the catalogue's missing subjects: 48 unmeasured.
//	Sở Tư pháp: 2.1 = 3/5 = 60 % → 12; 5.4 = 1/3 = 33.33 % → 2.22; total 14.22.
//	Sở Tài chính: 2.1 = 1/1 → 20; 5.4 = 1/1 → 6; total 26.00: first.
func TestDashboardDecember(t *testing.T) {
	e := sqliteEnv(t)
	seedDashboard(t, e)
	justice, finance := e.agencyID(demo.DeptJustice), e.agencyID(demo.DeptFinance)
	b := e.signedIn("director")
	dec := "from=2026-12-01&to=2026-12-31"
	p := b.get("/director/index?"+dec).must(t, 200,
		"16,66 điểm — Yếu",
		"đo được 52/100 điểm; 48 điểm cần nhập số liệu ngoài hệ thống", `href="/admin/index-inputs"`,
		// 2.1 in the indicators table.
		"4 / 6", "66,67%", "13,33 / 20",
		// 5.4.
		"2 / 4", "50,00%", "3,33 / 6", "≥ 90%",
		// Not measured, never invented.
		"chưa đo", "cần quản trị viên nhập số liệu",
		// The three charts, named for screen readers.
		`<svg xmlns="http://www.w3.org/2000/svg" id="chart-groups"`, `<title id="chart-groups-title">Biểu đồ điểm theo 6 nhóm chỉ số</title>`,
		`id="chart-trend"`, `<title id="chart-trend-title">Biểu đồ tổng điểm và chỉ số 2.1 theo tuần</title>`,
		`id="chart-ranking"`, `<title id="chart-ranking-title">Biểu đồ tổng điểm của các cơ quan</title>`,
		`role="img" aria-labelledby="chart-groups-title chart-groups-desc"`,
		// The descriptions say the numbers in words.
		"Tiến độ, kết quả giải quyết: 13,33 trên 20 điểm.",
		"Hạng 1: Sở Tài chính, 26,00 điểm, Yếu. Hạng 2: Sở Tư pháp, 14,22 điểm, Yếu.",
		// The trend ends with the week of 31 December; weeks before December are gaps.
		// 28/12–03/01: nothing settled, J4 overdue and J5 within: 2.1 = 1/2 = 50 % → 10.
		"Tuần 28/12–03/01/2027: tổng 10,00 điểm, chỉ số 2.1 đạt 50,00%.", "Tuần 19/10–25/10/2026: không có số liệu.",
		// 21/12–27/12: J4 alone, overdue: a real 0, drawn, not a gap.
		"Tuần 21/12–27/12/2026: tổng 0,00 điểm, chỉ số 2.1 đạt 0,00%.",
	)
	// Every number with a list links to it: the dossiers that cost points first.
	for _, kind := range []string{"late", "overdue", "early", "on_time", "in_time"} {
		link := `href="/director/dossiers?from=2026-12-01&amp;kind=` + kind + `&amp;to=2026-12-31"`
		if !strings.Contains(p.Body, link) {
			t.Errorf("no link %s", link)
		}
	}
	p.must(t, 200, `aria-label="1 — Hồ sơ giải quyết quá hạn — Toàn tỉnh">1 giải quyết quá hạn</a>`,
		`aria-label="1 — Hồ sơ đang giải quyết đã quá hạn — Toàn tỉnh">1 đang giải quyết đã quá hạn</a>`)
	// The lists behind them hold the dossiers counted.
	b.get("/director/dossiers?kind=late&"+dec).must(t, 200, "1 hồ sơ", "Muộn Ba")
	b.get("/director/dossiers?kind=overdue&"+dec).must(t, 200, "1 hồ sơ", "Quá Hạn Bốn")
	// The ranking links each agency's own dashboard.
	p.must(t, 200, `href="/director/index?agency=`+finance+`&amp;from=2026-12-01&amp;to=2026-12-31"`)

	// One agency: its own figures, its rank, and links scoped to it.
	p = b.get("/director/index?agency="+justice+"&"+dec).must(t, 200,
		"Bộ chỉ số 766 — Sở Tư pháp", "14,22 điểm — Yếu", "3 / 5", "60,00%", "12,00 / 20", "1 / 3", "33,33%", "2,22 / 6",
		"2/2", "trong 2 cơ quan có hồ sơ trong kỳ", "Sở Tư pháp (đang xem)",
		`<a href="/director/index?from=2026-12-01&amp;to=2026-12-31">Xem chỉ số toàn tỉnh</a>`,
		`href="/director/dossiers?agency=`+justice+`&amp;from=2026-12-01&amp;kind=late&amp;to=2026-12-31"`)
	// An agency without dossiers is not ranked, rather than ranked 0.
	b.get("/director/index?agency="+e.agencyID(demo.DeptHome)+"&"+dec).must(t, 200, "không xếp hạng: không có hồ sơ trong kỳ")
	// Presets resolve to their dates around Tuesday 5 January 2027, shown in
	// the form; December's dates are "last month".
	preset := func(name, from, to string) {
		t.Helper()
		b.get("/director/index?period="+name).must(t, 200, `value="`+from+`"`, `value="`+to+`"`,
			`value="`+name+`" class="small" aria-pressed="true"`)
	}
	preset("last_month", "2026-12-01", "2026-12-31")
	preset("this_week", "2027-01-04", "2027-01-10")
	preset("last_week", "2026-12-28", "2027-01-03")
	preset("this_month", "2027-01-01", "2027-01-31")
	preset("this_quarter", "2027-01-01", "2027-03-31")
	preset("this_year", "2027-01-01", "2027-12-31")
	b.get("/director/index?"+dec).must(t, 200, `value="last_month" class="small" aria-pressed="true"`)
	// The English page writes numbers the English way.
	b.post("/lang", url.Values{"to": {"en"}, "back": {"/"}})
	b.get("/director/index?"+dec).must(t, 200, "16.66 points — Weak", "66.67%")
}

func TestDashboardRefusalsAndBadInput(t *testing.T) {
	e := sqliteEnv(t)
	e.signedIn("counter").get("/director/index").must(t, 403)
	e.signedIn("leader").get("/director/index").must(t, 403)
	b := e.signedIn("chair")
	// Bad dates: the page with the message in the reader's language and the form as typed.
	b.get("/director/index?from=2026-13-01&to=2026-12-31").must(t, 422,
		`Ngày bắt đầu &#34;2026-13-01&#34; không hợp lệ`, `value="2026-13-01"`, `value="2026-12-31"`, `id="dash-agency"`).
		lacks(t, `id="chart-groups"`)
	b.get("/director/index?from=2026-12-31&to=2026-12-01").must(t, 422, "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu")
	b.get("/director/index?period=someday").must(t, 422, "Kỳ số liệu đã chọn không hợp lệ.")
	b.get("/director/index?agency=abc&from=2026-12-01").must(t, 422, "Cơ quan đã chọn không hợp lệ.", `value="2026-12-01"`)
	b.get("/director/index?agency=999999").must(t, 422, "Không có cơ quan này.")
	// An empty province: no data, said so, never drawn as 0.
	b.get("/director/index?period=this_week").must(t, 200, "0,00 điểm — Yếu", "Không có số liệu trong kỳ.")
}

// The chair reads the dashboard on a desktop and on a 360-px phone.
func TestBrowserDashboard(t *testing.T) {
	e := sqliteEnv(t)
	seedDashboard(t, e)
	c := newChrome(t)
	for _, size := range []struct {
		who  string
		w, h int64
	}{{"chair-desktop", 1280, 900}, {"chair-phone", 360, 740}} {
		tab := c.newTab(size.who, size.w, size.h)
		signInStaff(tab, e.url, "chair")
		tab.run("open the dashboard", chromedp.Navigate(e.url+"/director/index?from=2026-12-01&to=2026-12-31"),
			chromedp.WaitVisible(chromedp.ID("chart-groups")))
		tab.sees("16,66 điểm — Yếu", "Hồ sơ làm mất điểm chỉ số 2.1", "Xếp hạng các cơ quan")
		tab.page("dashboard")
		scrollW := value(tab, "measure", chromedp.Evaluate[int64](`document.documentElement.scrollWidth`))
		if scrollW > size.w {
			t.Fatalf("%s: the dashboard is %d px wide", size.who, scrollW)
		}
		// Open the tables behind the charts.
		tab.run("open the tables", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("details").forEach(d => d.open = true)`))
		tab.page("dashboard-tables")
		// A bar of the ranking opens that agency's dashboard.
		tab.run("open an agency", chromedp.Click(chromedp.CSS(`#chart-ranking a`)), chromedp.WaitVisible(chromedp.ID("chart-groups")))
		tab.sees("Bộ chỉ số 766 — Sở Tài chính", "26,00 điểm — Yếu", "Xếp hạng", "1/2")
		tab.page("agency-dashboard")
	}
}
