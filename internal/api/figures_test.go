package api_test

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/index766"
	"github.com/motcua/motcua/internal/report"
	"github.com/motcua/motcua/internal/service"
)

// counts is PeriodCounts as the API sends it.
type counts struct {
	ReceivedOnline   int64 `json:"received_online"`
	ReceivedCounter  int64 `json:"received_counter"`
	ReceivedPostal   int64 `json:"received_postal"`
	CarriedOver      int64 `json:"carried_over"`
	SettledEarly     int64 `json:"settled_early"`
	SettledOnTime    int64 `json:"settled_on_time"`
	SettledLate      int64 `json:"settled_late"`
	OpenWithin       int64 `json:"open_within"`
	OpenOverdue      int64 `json:"open_overdue"`
	Digitized        int64 `json:"digitized"`
	Rated            int64 `json:"rated"`
	Dislikes         int64 `json:"dislikes"`
	VNeID            int64 `json:"vneid"`
	EResult          int64 `json:"eresult"`
	OnlineEResult    int64 `json:"online_eresult"`
	DigitizedEResult int64 `json:"digitized_eresult"`
	FeeDue           int64 `json:"fee_due"`
	PaidOnline       int64 `json:"paid_online"`
	Reused           int64 `json:"reused"`
	Shared           int64 `json:"shared"`
	Complained       int64 `json:"complained"`
}

// add sums with the service's own Add: the test checks the API's figures,
// not the arithmetic.
func (c counts) add(o counts) counts {
	return counts(service.PeriodCounts(c).Add(service.PeriodCounts(o)))
}

// columns are the eleven figures of a printed report row, in its order.
func (c counts) columns() [11]int64 {
	direct := c.ReceivedCounter + c.ReceivedPostal
	settled := c.SettledEarly + c.SettledOnTime + c.SettledLate
	return [11]int64{c.ReceivedOnline + direct + c.CarriedOver, c.ReceivedOnline, direct, c.CarriedOver,
		settled, c.SettledEarly, c.SettledOnTime, c.SettledLate, c.OpenWithin + c.OpenOverdue, c.OpenWithin, c.OpenOverdue}
}

type scopeJSON struct {
	Kind       string  `json:"kind"`
	AgencyCode *string `json:"agency_code"`
	Name       string  `json:"name"`
}

type periodJSON struct{ From, To string }

type indexJSON struct {
	Scope      scopeJSON  `json:"scope"`
	Period     periodJSON `json:"period"`
	AsOf       string     `json:"as_of"`
	Total      float64    `json:"total"`
	Measured   float64    `json:"measured"`
	Unmeasured float64    `json:"unmeasured"`
	Band       struct {
		Code, Name string
		NameVI     string `json:"name_vi"`
	} `json:"band"`
	Groups []struct {
		Key        string  `json:"key"`
		Points     float64 `json:"points"`
		Max        float64 `json:"max"`
		Unmeasured float64 `json:"unmeasured"`
	} `json:"groups"`
	Indicators []indicatorJSON `json:"indicators"`
	Counts     counts          `json:"counts"`
	Entered    []struct {
		Indicator   string `json:"indicator"`
		Numerator   int64  `json:"numerator"`
		Denominator int64  `json:"denominator"`
	} `json:"entered"`
}

type indicatorJSON struct {
	ID          string   `json:"id"`
	Group       string   `json:"group"`
	NameVI      string   `json:"name_vi"`
	Numerator   int64    `json:"numerator"`
	Denominator int64    `json:"denominator"`
	Ratio       *float64 `json:"ratio"`
	Points      float64  `json:"points"`
	Max         float64  `json:"max"`
	Scored      bool     `json:"scored"`
	Available   bool     `json:"available"`
}

func (x indexJSON) indicator(t *testing.T, id string) indicatorJSON {
	t.Helper()
	for _, ind := range x.Indicators {
		if ind.ID == id {
			return ind
		}
	}
	t.Fatalf("indicator %s missing", id)
	return indicatorJSON{}
}

type settlementJSON struct {
	Title  string     `json:"title"`
	Unit   string     `json:"unit"`
	Scope  scopeJSON  `json:"scope"`
	Period periodJSON `json:"period"`
	AsOf   string     `json:"as_of"`
	Rows   []rowJSON  `json:"rows"`
	Total  counts     `json:"total"`
}

type rowJSON struct {
	Kind          string  `json:"kind"`
	AgencyCode    string  `json:"agency_code"`
	AgencyName    string  `json:"agency_name"`
	ProcedureCode *string `json:"procedure_code"`
	ProcedureName *string `json:"procedure_name"`
	Counts        counts  `json:"counts"`
}

// key is a row's identity for comparisons.
func (r rowJSON) key() string {
	if r.ProcedureCode == nil {
		return r.Kind + " " + r.AgencyCode
	}
	return r.Kind + " " + r.AgencyCode + " " + *r.ProcedureCode
}

// figuresProvince lives a small province through December 2026 over the
// API and returns when the clock is 15 December, 09:00:
//
//	D0 3.000333 (10 days) online, received 25/11 (due 7/12 17:00), approved 7/12 10:00: carried over, on time
//	D1 3.000333 online, received 1/12 (due 11/12 17:00), approved 3/12: early
//	D2 3.000333 at the counter, received 1/12, approved 11/12 10:00: on time
//	D3 3.000333 online, received 1/12, approved 14/12: late
//	D4 3.000333 online, received 1/12, still open on 15/12: overdue
//	D5 2.001583 (3 working days) by post, Sở Tài chính, received 1/12 (due 4/12), open: overdue
//	D6 3.000333 online, received 14/12 (due 24/12), open: within time
//	D7 2.001583 online, sent to Sở Tư pháp, received 1/12 (due 4/12 17:00), approved 4/12 10:00: on time
//
// and an administrator enters indicator 1.1 for Sở Tư pháp, December: 9 of 10.
func figuresProvince(t *testing.T, e *env) {
	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	type dos struct{ id, v int }
	file := func(user, proc, channel, agency string) dos {
		b := submitBody(proc)
		b["channel"] = channel
		// Paper results: these figures are about timeliness; 4.1 has its own tests.
		b["return_method"] = "counter"
		if agency != "" {
			b["agency_code"] = agency
		}
		r := e.do("POST", "/api/v1/dossiers", user, b, map[string]string{"Idempotency-Key": newKey()})
		if r.status != 201 {
			t.Fatalf("submit %s: %d %s", proc, r.status, r.raw)
		}
		d := dos{r.num("id"), r.num("version")}
		e.mustAct("counter", d.id, &d.v, map[string]any{"action": "receive"})
		e.mustAct("counter", d.id, &d.v, map[string]any{"action": "transfer"})
		return d
	}
	approve := func(d *dos) { e.mustAct("leader", d.id, &d.v, map[string]any{"action": "approve"}) }

	e.setNow(at("2026-11-25T09:00:00+07:00"))
	d0 := file("citizen", criminalRecord, "online", "")
	if due := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", d0.id), "leader", nil, nil).str("due_at"); due != "2026-12-07T17:00:00+07:00" {
		t.Fatalf("D0 due %s, want Monday 7 December 17:00 (25/11 + 10 days is a Saturday)", due)
	}
	e.setNow(at("2026-12-01T09:00:00+07:00"))
	d1 := file("citizen", criminalRecord, "online", "")
	d2 := file("counter", criminalRecord, "counter", "")
	d3 := file("citizen", criminalRecord, "online", "")
	file("citizen", criminalRecord, "online", "") // D4
	d5 := file("counter", businessReg, "postal", "")
	d7 := file("citizen", businessReg, "online", demo.DeptJustice)
	if got := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", d5.id), "director", nil, nil); got.str("processing_agency_code") != demo.DeptFinance ||
		got.str("due_at") != "2026-12-04T17:00:00+07:00" {
		t.Fatalf("D5: %s", got.raw)
	}
	e.setNow(at("2026-12-03T10:00:00+07:00"))
	approve(&d1)
	e.setNow(at("2026-12-04T10:00:00+07:00"))
	approve(&d7)
	e.setNow(at("2026-12-07T10:00:00+07:00"))
	approve(&d0)
	e.setNow(at("2026-12-11T10:00:00+07:00"))
	approve(&d2)
	e.setNow(at("2026-12-14T09:00:00+07:00"))
	approve(&d3)
	file("citizen", criminalRecord, "online", "") // D6
	e.setNow(at("2026-12-15T09:00:00+07:00"))

	ctx := context.Background()
	cred, err := e.st.CredentialsByUsername(ctx, "admin")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.svc.EnterIndexInput(ctx, e.svc.ActorFor(cred.User), demo.DeptJustice, 202612,
		service.EnteredInput{Indicator: "1.1", Numerator: 9, Denominator: 10}, "Công bố đúng hạn"); err != nil {
		t.Fatal(err)
	}
}

// The hand-computed figures of figuresProvince for December, seen on 15/12.
var (
	wantJustice3 = counts{ReceivedOnline: 4, ReceivedCounter: 1, CarriedOver: 1, SettledEarly: 1, SettledOnTime: 2, SettledLate: 1, OpenWithin: 1, OpenOverdue: 1}
	wantJustice2 = counts{ReceivedOnline: 1, SettledOnTime: 1, FeeDue: 1}
	wantJustice  = counts{ReceivedOnline: 5, ReceivedCounter: 1, CarriedOver: 1, SettledEarly: 1, SettledOnTime: 3, SettledLate: 1, OpenWithin: 1, OpenOverdue: 1, FeeDue: 1}
	wantFinance  = counts{ReceivedPostal: 1, OpenOverdue: 1, FeeDue: 1}
	wantProvince = counts{ReceivedOnline: 5, ReceivedCounter: 1, ReceivedPostal: 1, CarriedOver: 1, SettledEarly: 1, SettledOnTime: 3, SettledLate: 1, OpenWithin: 1, OpenOverdue: 2, FeeDue: 2}
)

const december = "from=2026-12-01&to=2026-12-31"

func getIndex(t *testing.T, e *env, user, query string) indexJSON {
	t.Helper()
	r := e.do("GET", "/api/v1/index766?"+query, user, nil, nil)
	if r.status != 200 {
		t.Fatalf("index766?%s as %s: %d %s", query, user, r.status, r.raw)
	}
	var x indexJSON
	jsonUnmarshal(r.raw, &x)
	return x
}

func getSettlement(t *testing.T, e *env, user, query string) settlementJSON {
	t.Helper()
	r := e.do("GET", "/api/v1/reports/settlement?"+query, user, nil, nil)
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Fatalf("settlement?%s as %s: %d %s %s", query, user, r.status, r.header.Get("Content-Type"), r.raw)
	}
	var x settlementJSON
	jsonUnmarshal(r.raw, &x)
	return x
}

func ptr(f float64) *float64 { return &f }

func checkIndicator(t *testing.T, x indexJSON, id string, num, den int64, ratio *float64, points float64) {
	t.Helper()
	ind := x.indicator(t, id)
	if ind.Numerator != num || ind.Denominator != den || !ind.Available || fmt.Sprint(ind.Ratio != nil) != fmt.Sprint(ratio != nil) ||
		(ratio != nil && *ind.Ratio != *ratio) || ind.Points != points {
		got := "null"
		if ind.Ratio != nil {
			got = fmt.Sprint(*ind.Ratio)
		}
		t.Errorf("%s %s: %d/%d ratio %s points %v; want %d/%d ratio %v points %v", x.Scope.Name, id, ind.Numerator, ind.Denominator, got, ind.Points,
			num, den, ratio, points)
	}
}

// consistent checks what holds for any index: groups sum to the total,
// measured + unmeasured = 100, and the band is the total's.
func consistent(t *testing.T, x indexJSON) {
	t.Helper()
	var sum, unmeasured int64
	for _, g := range x.Groups {
		sum += int64(g.Points*100 + 0.5)
		unmeasured += int64(g.Unmeasured*100 + 0.5)
	}
	if len(x.Groups) != 6 || sum != int64(x.Total*100+0.5) || unmeasured != int64(x.Unmeasured*100+0.5) ||
		int64(x.Measured*100+0.5)+unmeasured != 100*100 {
		t.Errorf("groups %+v do not add up to total %v, unmeasured %v, measured %v", x.Groups, x.Total, x.Unmeasured, x.Measured)
	}
	b := index766.Weak // the first band whose floor the total reaches, best first
	for _, c := range index766.Bands() {
		if x.Total >= c.Min {
			b = c
			break
		}
	}
	if x.Band.Code != b.Code || x.Band.NameVI != b.NameVI || x.Band.Name != b.NameEN {
		t.Errorf("band %+v for total %v, want %+v", x.Band, x.Total, b)
	}
	// Everything the counters hold is measured; the unmeasured points are
	// the administrator inputs not entered.
	if got := index766.Compute(service.InputsFrom(service.PeriodCounts(x.Counts))); len(x.Entered) == 0 && got.Total != x.Total {
		t.Errorf("total %v, the counters alone give %v", x.Total, got.Total)
	}
}

func TestIndex766(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		figuresProvince(t, e)

		// The province, by the director: 2.1 = (early + on time + open within) /
		// (settled + open) = (1 + 3 + 1) / (5 + 1 + 2) = 62.50 %, × 20 points.
		x := getIndex(t, e, "director", december)
		if x.Scope.Kind != "province" || x.Scope.AgencyCode != nil || x.Scope.Name != "Ủy ban nhân dân tỉnh Mẫu" {
			t.Errorf("scope %+v", x.Scope)
		}
		if x.Period != (periodJSON{"2026-12-01", "2026-12-31"}) || x.AsOf != "2026-12-15T09:00:00+07:00" {
			t.Errorf("period %+v as of %s", x.Period, x.AsOf)
		}
		if x.Counts != wantProvince {
			t.Errorf("counts\n got %+v\nwant %+v", x.Counts, wantProvince)
		}
		checkIndicator(t, x, "2.1", 5, 8, ptr(62.5), 12.5)
		// 1.1 as entered for Sở Tư pháp: 9/10 = 90 % of 6 points.
		checkIndicator(t, x, "1.1", 9, 10, ptr(90), 5.4)
		if i := x.indicator(t, "1.2"); i.Available || i.Ratio != nil || i.Points != 0 {
			t.Errorf("1.2 was never entered: %+v", i)
		}
		if len(x.Entered) != 1 || x.Entered[0].Indicator != "1.1" || x.Entered[0].Numerator != 9 || x.Entered[0].Denominator != 10 {
			t.Errorf("entered %+v", x.Entered)
		}
		for _, g := range x.Groups {
			switch g.Key {
			case "TDGQ":
				if g.Points != 12.5 || g.Max != 20 || g.Unmeasured != 0 {
					t.Errorf("TDGQ %+v", g)
				}
			case "CKMB":
				// 1.2 (4), 1.3 (2) and 1.4 (6) not entered.
				if g.Points != 5.4 || g.Max != 18 || g.Unmeasured != 12 {
					t.Errorf("CKMB %+v", g)
				}
			}
		}
		consistent(t, x)
		// The current month is the default period.
		if d := getIndex(t, e, "director", ""); d.Period != x.Period || d.Total != x.Total || d.Counts != x.Counts {
			t.Errorf("default period: %+v total %v", d.Period, d.Total)
		}
		// One procedure: D5 and D7.
		if b := getIndex(t, e, "director", december+"&procedure="+businessReg); b.Counts != wantJustice2.add(wantFinance) {
			t.Errorf("2.001583 counts %+v", b.Counts)
		}
		// The chair and administrators see the province too.
		for _, u := range []string{"chair", "admin"} {
			if got := getIndex(t, e, u, december); got.Total != x.Total {
				t.Errorf("%s: total %v, want %v", u, got.Total, x.Total)
			}
		}

		// Sở Tư pháp, by its leader: (1 + 3 + 1) / (5 + 1 + 1) = 71.43 %
		// → 14.29 points (71.43 × 20 / 100 = 14.286).
		j := getIndex(t, e, "leader", december+"&agency="+demo.DeptJustice)
		if j.Scope.Kind != "agency" || j.Scope.AgencyCode == nil || *j.Scope.AgencyCode != demo.DeptJustice || j.Scope.Name != "Sở Tư pháp" {
			t.Errorf("scope %+v", j.Scope)
		}
		if j.Counts != wantJustice {
			t.Errorf("justice counts\n got %+v\nwant %+v", j.Counts, wantJustice)
		}
		checkIndicator(t, j, "2.1", 5, 7, ptr(71.43), 14.29)
		checkIndicator(t, j, "1.1", 9, 10, ptr(90), 5.4)
		consistent(t, j)

		// Sở Tài chính: one dossier, overdue: 0 of 1; nothing entered.
		f := getIndex(t, e, "director", december+"&agency="+demo.DeptFinance)
		if f.Counts != wantFinance || len(f.Entered) != 0 {
			t.Errorf("finance counts %+v entered %+v", f.Counts, f.Entered)
		}
		checkIndicator(t, f, "2.1", 0, 1, ptr(0), 0)
		if i := f.indicator(t, "1.1"); i.Available {
			t.Errorf("1.1 was entered for Sở Tư pháp only: %+v", i)
		}
		consistent(t, f)

		// A period that has ended: November, seen as of 1 December 00:00.
		// D0 was received on 25/11 and was still open, within time.
		n := getIndex(t, e, "director", "from=2026-11-01&to=2026-11-30")
		if n.AsOf != "2026-12-01T00:00:00+07:00" || n.Counts != (counts{ReceivedOnline: 1, OpenWithin: 1}) {
			t.Errorf("November as of %s: %+v", n.AsOf, n.Counts)
		}
		checkIndicator(t, n, "2.1", 1, 1, ptr(100), 20)
		// A quiet period: every ratio is N/A.
		q := getIndex(t, e, "director", "from=2026-10-01&to=2026-10-31")
		checkIndicator(t, q, "2.1", 0, 0, nil, 0)
		consistent(t, q)

		// Scope and input errors.
		for _, c := range []struct {
			user, query string
			status      int
			code        string
		}{
			{"leader", december, 403, "figures_scope"},
			{"leader", december + "&agency=" + demo.DeptFinance, 403, "figures_scope"},
			{"specialist_tc", december + "&agency=" + demo.DeptJustice, 403, "figures_scope"},
			{"citizen", december, 403, "figures_scope"},
			{"citizen", december + "&agency=" + demo.DeptJustice, 403, "figures_scope"},
			{"", december, 401, "unauthorized"},
			{"director", "from=2026-13-01", 422, "period_from_invalid"},
			{"director", "from=2026-12-01&to=31/12/2026", 422, "period_to_invalid"},
			{"director", "from=2026-12-10&to=2026-12-01", 422, "period_reversed"},
			{"director", "from=2020-01-01&to=2026-12-31", 422, "period_too_long"},
			{"director", december + "&agency=999.99.99.H99", 422, "agency_unknown"},
		} {
			r := e.do("GET", "/api/v1/index766?"+c.query, c.user, nil, nil)
			m, _ := r.body["error"].(map[string]any)
			if r.status != c.status || r.errCode() != c.code || m["message"] == "" || m["message_vi"] == "" || m["message"] == m["message_vi"] {
				t.Errorf("%s ?%s: %d %s, want %d %s with both messages", c.user, c.query, r.status, r.raw, c.status, c.code)
			}
		}
	})
}

func TestSettlementReport(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		figuresProvince(t, e)
		crName := e.do("GET", "/api/v1/procedures/"+criminalRecord, "", nil, nil).str("name")
		brName := e.do("GET", "/api/v1/procedures/"+businessReg, "", nil, nil).str("name")
		if crName == "" || brName == "" {
			t.Fatal("procedure names missing")
		}
		s := func(v string) *string { return &v }
		row := func(kind, agency, agencyName string, proc, procName *string, c counts) rowJSON {
			return rowJSON{kind, agency, agencyName, proc, procName, c}
		}
		justice := []rowJSON{
			row("agency", demo.DeptJustice, "Sở Tư pháp", nil, nil, wantJustice),
			row("procedure", demo.DeptJustice, "Sở Tư pháp", s(businessReg), &brName, wantJustice2),
			row("procedure", demo.DeptJustice, "Sở Tư pháp", s(criminalRecord), &crName, wantJustice3),
		}
		finance := []rowJSON{
			row("agency", demo.DeptFinance, "Sở Tài chính", nil, nil, wantFinance),
			row("procedure", demo.DeptFinance, "Sở Tài chính", s(businessReg), &brName, wantFinance),
		}
		sameRows := func(name string, got, want []rowJSON) {
			t.Helper()
			if !reflect.DeepEqual(got, want) {
				var g, w []string
				for _, r := range got {
					g = append(g, fmt.Sprintf("%s %+v", r.key(), r.Counts))
				}
				for _, r := range want {
					w = append(w, fmt.Sprintf("%s %+v", r.key(), r.Counts))
				}
				t.Errorf("%s rows\n got %s\nwant %s", name, strings.Join(g, "\n     "), strings.Join(w, "\n     "))
			}
		}

		// The province, by the director.
		p := getSettlement(t, e, "director", december)
		if p.Title != "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" || p.Unit != "Ủy ban nhân dân tỉnh Mẫu" ||
			p.Scope.Kind != "province" || p.Period != (periodJSON{"2026-12-01", "2026-12-31"}) || p.AsOf != "2026-12-15T09:00:00+07:00" {
			t.Errorf("heading %q %q %+v %+v %s", p.Title, p.Unit, p.Scope, p.Period, p.AsOf)
		}
		sameRows("province", p.Rows, append(slices.Clone(justice), finance...))
		if p.Total != wantProvince {
			t.Errorf("total %+v, want %+v", p.Total, wantProvince)
		}
		// Subtotals are the sums of their procedures; the total the sum of the subtotals.
		var subtotals counts
		for i, r := range p.Rows {
			if r.Kind != "agency" {
				continue
			}
			subtotals = subtotals.add(r.Counts)
			var sum counts
			for _, pr := range p.Rows[i+1:] {
				if pr.Kind == "agency" {
					break
				}
				sum = sum.add(pr.Counts)
			}
			if sum != r.Counts {
				t.Errorf("%s subtotal %+v, its procedures sum to %+v", r.AgencyCode, r.Counts, sum)
			}
		}
		if subtotals != p.Total {
			t.Errorf("subtotals sum to %+v, total %+v", subtotals, p.Total)
		}
		// The index and the report agree.
		if x := getIndex(t, e, "director", december); x.Counts != p.Total {
			t.Errorf("index counts %+v, report total %+v", x.Counts, p.Total)
		}

		// One procedure.
		one := getSettlement(t, e, "director", december+"&procedure="+businessReg)
		sameRows("2.001583", one.Rows, []rowJSON{
			row("agency", demo.DeptJustice, "Sở Tư pháp", nil, nil, wantJustice2), justice[1],
			row("agency", demo.DeptFinance, "Sở Tài chính", nil, nil, wantFinance), finance[1]})
		if one.Total != wantJustice2.add(wantFinance) {
			t.Errorf("2.001583 total %+v", one.Total)
		}

		// A department leader sees their own department, not the province.
		j := getSettlement(t, e, "leader", december+"&agency="+demo.DeptJustice)
		sameRows("justice", j.Rows, justice)
		if j.Unit != "Sở Tư pháp" || j.Scope.Kind != "agency" || *j.Scope.AgencyCode != demo.DeptJustice || j.Total != wantJustice {
			t.Errorf("justice: unit %q scope %+v total %+v", j.Unit, j.Scope, j.Total)
		}
		// Nothing in the period: no rows, zero totals.
		if q := getSettlement(t, e, "director", "from=2026-10-01&to=2026-10-31"); len(q.Rows) != 0 || q.Total != (counts{}) {
			t.Errorf("October: %+v", q)
		}

		// The workbook holds the numbers of the JSON, as numbers.
		x := e.do("GET", "/api/v1/reports/settlement?"+december+"&format=xlsx", "director", nil, nil)
		if x.status != 200 || x.header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ||
			x.header.Get("Content-Disposition") != `attachment; filename="bao-cao-giai-quyet-tthc-2026-12-01-2026-12-31.xlsx"` {
			t.Fatalf("xlsx: %d %v %.200s", x.status, x.header, x.raw)
		}
		f, err := excelize.OpenReader(bytes.NewReader(x.raw))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cell := func(ref string) string {
			t.Helper()
			v, err := f.GetCellValue(report.SheetName, ref, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		if cell("A1") != p.Title || cell("A2") != "Đơn vị báo cáo: Ủy ban nhân dân tỉnh Mẫu" || cell("A3") != "Phạm vi báo cáo: Toàn tỉnh" ||
			cell("A4") != "Kỳ báo cáo: từ ngày 01/12/2026 đến ngày 31/12/2026" || cell("A5") != "Số liệu tính đến 09:00 ngày 15/12/2026" {
			t.Errorf("xlsx heading: %q %q %q %q %q", cell("A1"), cell("A2"), cell("A3"), cell("A4"), cell("A5"))
		}
		// Rows 1–5 heading, 6 blank, 7–8 table heading, then the body and the total.
		wantLines := []struct {
			stt, label string
			nums       [11]int64
		}{
			{"1", "Sở Tư pháp", wantJustice.columns()},
			{"1.1", brName, wantJustice2.columns()},
			{"1.2", crName, wantJustice3.columns()},
			{"2", "Sở Tài chính", wantFinance.columns()},
			{"2.1", brName, wantFinance.columns()},
			{"Tổng cộng", "", p.Total.columns()},
		}
		for i, w := range wantLines {
			r := 9 + i
			if got := cell(fmt.Sprintf("A%d", r)); got != w.stt {
				t.Errorf("A%d = %q, want %q", r, got, w.stt)
			}
			if got := cell(fmt.Sprintf("B%d", r)); w.label != "" && got != w.label {
				t.Errorf("B%d = %q, want %q", r, got, w.label)
			}
			for c := range 11 {
				ref, _ := excelize.CoordinatesToCellName(3+c, r)
				typ, _ := f.GetCellType(report.SheetName, ref)
				n, err := strconv.ParseInt(cell(ref), 10, 64)
				if err != nil || n != w.nums[c] || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
					t.Errorf("%s = %q (type %v), want the number %d", ref, cell(ref), typ, w.nums[c])
				}
			}
		}
		// The JSON rows give the same columns, in the same order.
		for i, r := range p.Rows {
			if r.Counts.columns() != wantLines[i].nums {
				t.Errorf("row %d: JSON %v, workbook %v", i, r.Counts.columns(), wantLines[i].nums)
			}
		}

		pdf := e.do("GET", "/api/v1/reports/settlement?"+december+"&format=pdf&agency="+demo.DeptJustice, "leader", nil, nil)
		if pdf.status != 200 || pdf.header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf.raw, []byte("%PDF-")) ||
			pdf.header.Get("Content-Disposition") != `attachment; filename="bao-cao-giai-quyet-tthc-2026-12-01-2026-12-31.pdf"` {
			t.Fatalf("pdf: %d %v %.20q", pdf.status, pdf.header, pdf.raw)
		}
		// An empty period still prints.
		if r := e.do("GET", "/api/v1/reports/settlement?from=2026-10-01&to=2026-10-31&format=XLSX", "director", nil, nil); r.status != 200 || len(r.raw) == 0 {
			t.Errorf("empty xlsx: %d", r.status)
		}

		for _, c := range []struct {
			user, query string
			status      int
			code        string
		}{
			{"leader", december, 403, "figures_scope"},
			{"leader", december + "&format=xlsx", 403, "figures_scope"},
			{"leader", december + "&agency=" + demo.DeptFinance, 403, "figures_scope"},
			{"citizen", december + "&agency=" + demo.DeptJustice, 403, "figures_scope"},
			{"", december, 401, "unauthorized"},
			{"director", december + "&format=docx", 400, "format_invalid"},
			{"director", "from=2026-12-32", 422, "period_from_invalid"},
			{"director", "from=2026-12-10&to=2026-12-01&format=pdf", 422, "period_reversed"},
			{"director", december + "&agency=" + url.QueryEscape("KHÔNG.CÓ"), 422, "agency_unknown"},
			{"director", december + "&procedure=0.000000", 422, "procedure_unknown"},
		} {
			r := e.do("GET", "/api/v1/reports/settlement?"+c.query, c.user, nil, nil)
			m, _ := r.body["error"].(map[string]any)
			if r.status != c.status || r.errCode() != c.code || m["message"] == "" || m["message_vi"] == "" || m["message"] == m["message_vi"] {
				t.Errorf("%s ?%s: %d %s, want %d %s with both messages", c.user, c.query, r.status, r.raw, c.status, c.code)
			}
		}
	})
}

// figuresContract exercises every documented response of the figures
// (TestOpenAPIResponses calls it on its server, after its dossiers).
func figuresContract(c *oaCheck) {
	c.t.Helper()
	for _, path := range []string{"/api/v1/index766", "/api/v1/reports/settlement"} {
		c.want(200, c.do("GET", path, "director", nil, nil))
		c.want(200, c.do("GET", path+"?from=2026-11-01&to=2026-12-31", "chair", nil, nil))
		c.want(200, c.do("GET", path+"?agency="+demo.DeptJustice, "leader", nil, nil))
		c.want(200, c.do("GET", path+"?from=2026-10-01&to=2026-10-31", "admin", nil, nil))
		c.want(401, c.do("GET", path, "", nil, nil))
		c.want(403, c.do("GET", path, "leader", nil, nil))
		c.want(403, c.do("GET", path, "citizen", nil, nil))
		c.want(422, c.do("GET", path+"?from=2026-02-30", "director", nil, nil))
		c.want(422, c.do("GET", path+"?agency=999.99.99.H99", "director", nil, nil))
	}
	const report = "/api/v1/reports/settlement"
	c.want(200, c.do("GET", report+"?format=json&agency="+demo.DeptJustice, "leader", nil, nil))
	c.want(200, c.do("GET", report+"?format=xlsx", "director", nil, nil))
	c.want(200, c.do("GET", report+"?format=pdf&procedure="+criminalRecord, "director", nil, nil))
	c.want(400, c.do("GET", report+"?format=csv", "director", nil, nil))
	c.want(422, c.do("GET", report+"?procedure=0.000000", "director", nil, nil))
}

// The document's figures schemas name exactly the fields the Go types send,
// all required, the pointers nullable.
func TestOpenAPIFiguresSchemas(t *testing.T) {
	doc := openAPIDoc(t)
	schemas := doc["components"].(jsonObj)["schemas"].(jsonObj)
	for name, v := range map[string]any{
		"Index766": api.IndexView{}, "FiguresScope": api.ScopeView{}, "FiguresPeriod": api.PeriodView{},
		"IndexBand": api.BandView{}, "IndexGroup": api.IndexGroupView{}, "IndexIndicator": api.IndicatorView{},
		"EnteredInput": service.EnteredInput{}, "PeriodCounts": service.PeriodCounts{},
		"Settlement": api.SettlementView{}, "SettlementRow": api.SettlementRowView{},
	} {
		s, ok := schemas[name].(jsonObj)
		if !ok {
			t.Errorf("schema %s missing", name)
			continue
		}
		fields := jsonFields(reflect.TypeOf(v))
		props, _ := s["properties"].(jsonObj)
		var goNames, docNames, required []string
		for n := range fields {
			goNames = append(goNames, n)
		}
		for n := range props {
			docNames = append(docNames, n)
		}
		for _, r := range asList(s["required"]) {
			required = append(required, r.(string))
		}
		sort.Strings(goNames)
		sort.Strings(docNames)
		sort.Strings(required)
		if !slices.Equal(goNames, docNames) || !slices.Equal(goNames, required) {
			t.Errorf("%s: document properties %v (required %v), Go fields %v", name, docNames, required, goNames)
		}
		if s["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties must be false", name)
		}
		for n, f := range fields {
			if p, ok := props[n].(jsonObj); ok {
				if nullable := deref(doc, p)["nullable"] == true; nullable != (f.Type.Kind() == reflect.Pointer) {
					t.Errorf("%s.%s: nullable=%v, Go type %s", name, n, nullable, f.Type)
				}
			}
		}
	}
}
