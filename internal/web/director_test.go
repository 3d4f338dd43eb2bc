package web_test

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// figures are the numbers of the director's table: agency ID ("" for the
// whole-province row) → figure → count, read from the links behind them.
type figures map[string]map[string]int

var figureLinkRe = regexp.MustCompile(`<a href="(/director/dossiers\?[^"]+)"[^>]*>(\d+)</a>`)

func readFigures(t *testing.T, body string) figures {
	t.Helper()
	out := figures{}
	for _, m := range figureLinkRe.FindAllStringSubmatch(body, -1) {
		u, err := url.Parse(html.UnescapeString(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		n, _ := strconv.Atoi(m[2])
		agency, kind := u.Query().Get("agency"), u.Query().Get("kind")
		if out[agency] == nil {
			out[agency] = map[string]int{}
		}
		if old, dup := out[agency][kind]; dup && old != n {
			t.Fatalf("agency %q %s shown twice: %d and %d", agency, kind, old, n)
		}
		out[agency][kind] = n
	}
	return out
}

// want is one row's expected figures: early, on time, late, in time, overdue, at risk.
type want [6]int

var figureKinds = []string{"early", "on_time", "late", "in_time", "overdue", "at_risk"}

func (f figures) check(t *testing.T, agency string, w want) {
	t.Helper()
	row, ok := f[agency]
	if !ok {
		t.Fatalf("no row for agency %q in %v", agency, f)
	}
	for i, k := range figureKinds {
		if row[k] != w[i] {
			t.Errorf("agency %q: %s = %d, want %d (row %v)", agency, k, row[k], w[i], row)
		}
	}
}

var dossierLinkRe = regexp.MustCompile(`<a href="/dossiers/\d+">([^<]+)</a>`)

// listedCodes are the dossier codes a drill-down page links to, sorted.
func listedCodes(body string) []string {
	var out []string
	for _, m := range dossierLinkRe.FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	slices.Sort(out)
	return out
}

func codes(ds ...*dossier.Dossier) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	slices.Sort(out)
	return out
}

func (e *env) agencyID(code string) string {
	e.t.Helper()
	a, err := e.st.AgencyByCode(context.Background(), code)
	if err != nil {
		e.t.Fatal(err)
	}
	return strconv.FormatInt(a.ID, 10)
}

// The director sees, per agency, what was settled early, on time and late
// in the period and what is being processed within time, overdue and at
// risk; every number opens exactly the dossiers it counts.
func TestDirectorOverviewCountsAndLists(t *testing.T) {
	e := sqliteEnv(t)
	ctx := context.Background()
	at := func(month time.Month, day, hour int) time.Time {
		return time.Date(2026, month, day, hour, 0, 0, 0, ict)
	}
	justice, finance := e.agencyID(demo.DeptJustice), e.agencyID(demo.DeptFinance)
	fid, _ := strconv.ParseInt(finance, 10, 64)
	if _, err := e.svc.CreateStaff(ctx, e.actorNamed("admin"), service.StaffInput{Username: "leader_tc", Name: "Lãnh đạo Sở Tài chính",
		Role: org.RoleLeader, AgencyID: fid, Password: "mat-khau-lanh-dao"}); err != nil {
		t.Fatal(err)
	}
	file := func(proc, name string) *dossier.Dossier {
		return e.seedAct(e.seedDossier(proc, name), "counter", act("receive"), act("transfer"))
	}
	due := func(d *dossier.Dossier, want time.Time) {
		t.Helper()
		if !d.DueAt.Equal(want) {
			t.Fatalf("%s due %v, want %v", d.Applicant.Name, d.DueAt.In(ict), want)
		}
	}

	// November: one dossier of Sở Tư pháp settled early.
	e.setNow(at(11, 2, 9))
	n1 := file(criminalRecord, "Tháng Mười Một")
	e.setNow(at(11, 5, 9))
	e.seedAct(n1, "leader", act("approve"))

	// Tuesday 1 December 09:00: 10 calendar days → due Friday 11 December 17:00;
	// 3 working days → due Friday 4 December 17:00.
	e.setNow(at(12, 1, 9))
	j1, j2, j3, j4 := file(criminalRecord, "Sớm Một"), file(criminalRecord, "Đúng Hai"), file(criminalRecord, "Muộn Ba"), file(criminalRecord, "Chưa Xong Bốn")
	j7 := file(criminalRecord, "Chờ Bổ Sung Bảy")
	f1, f2 := file(businessReg, "Tài Chính Muộn"), file(businessReg, "Tài Chính Quá Hạn")
	due(j1, at(12, 11, 17))
	due(f1, at(12, 4, 17))
	e.setNow(at(12, 2, 10))
	e.seedAct(j7, "leader", service.ActionInput{Action: "request_supplement", Reason: "Thiếu bản sao căn cước"})
	// Thursday 3 December: due Sunday 13 → Monday 14 December 17:00.
	e.setNow(at(12, 3, 9))
	j5 := file(criminalRecord, "Sắp Hạn Năm")
	due(j5, at(12, 14, 17))
	e.setNow(at(12, 3, 10))
	e.seedAct(j1, "leader", act("approve")) // early: before 07:00 on 11 December
	e.setNow(at(12, 8, 10))
	e.seedAct(f1, "leader_tc", act("approve")) // late: after 4 December 17:00
	// Thursday 10 December: due Sunday 20 → Monday 21 December 17:00.
	e.setNow(at(12, 10, 9))
	j6 := file(criminalRecord, "Còn Hạn Sáu")
	due(j6, at(12, 21, 17))
	e.setNow(at(12, 11, 8))
	e.seedAct(j2, "leader", act("approve")) // on time: the due day, after its opening
	e.setNow(at(12, 14, 9))
	e.seedAct(j3, "leader", act("approve")) // late

	// Monday 14 December 10:00, the current month.
	e.setNow(at(12, 14, 10))
	b := e.signedIn("director")
	p := b.get("/director").must(t, 200, "Sở Tư pháp", "Sở Tài chính", "Ủy ban nhân dân xã Hòa Bình", "66,6%", "0,0%")
	f := readFigures(t, p.Body)
	f.check(t, justice, want{1, 1, 1, 3, 1, 1})
	f.check(t, finance, want{0, 0, 1, 0, 1, 0})
	f.check(t, e.agencyID(demo.CommuneB), want{})
	f.check(t, "", want{1, 1, 2, 3, 2, 1})

	list := func(query string, want ...*dossier.Dossier) {
		t.Helper()
		p := b.get("/director/dossiers?"+query).must(t, 200, strconv.Itoa(len(want))+" hồ sơ")
		if got := listedCodes(p.Body); !slices.Equal(got, codes(want...)) {
			t.Fatalf("%s lists %v, want %v", query, got, codes(want...))
		}
	}
	dec := "&from=2026-12-01&to=2026-12-31"
	list("agency="+justice+"&kind=early"+dec, j1)
	list("agency="+justice+"&kind=on_time"+dec, j2)
	list("kind=late"+dec, j3, f1)
	list("agency="+justice+"&kind=in_time"+dec, j5, j6, j7)
	list("agency="+justice+"&kind=at_risk"+dec, j5)
	list("kind=overdue"+dec, j4, f2)
	// The links on the page are the ones listed.
	if !regexp.MustCompile(`href="/director/dossiers\?agency=` + justice + `&amp;from=2026-12-01&amp;kind=at_risk&amp;to=2026-12-31"`).MatchString(p.Body) {
		t.Fatal("the at-risk number must link to its list")
	}
	b.get("/director/dossiers?agency="+justice+"&kind=at_risk"+dec).must(t, 200, "Sắp Hạn Năm", `href="/dossiers/`+strconv.FormatInt(j5.ID, 10)+`"`)

	// Filter by agency: only that agency's figures.
	p = b.get("/director?agency="+finance).must(t, 200)
	f = readFigures(t, p.Body)
	if _, ok := f[justice]; ok || len(f) != 1 {
		t.Fatalf("filtered by Sở Tài chính, got rows %v", f)
	}
	f.check(t, finance, want{0, 0, 1, 0, 1, 0})

	// Filter by procedure.
	f = readFigures(t, b.get("/director?procedure="+businessReg).must(t, 200).Body)
	f.check(t, justice, want{})
	f.check(t, "", want{0, 0, 1, 0, 1, 0})

	// November: one settled early; nothing was being processed at its end.
	f = readFigures(t, b.get("/director?from=2026-11-01&to=2026-11-30").must(t, 200, "100,0%").Body)
	f.check(t, justice, want{1, 0, 0, 0, 0, 0})
	f.check(t, "", want{1, 0, 0, 0, 0, 0})
	list("agency="+justice+"&kind=early&from=2026-11-01&to=2026-11-30", n1)

	// 1–10 December, seen at its end (Friday 11 December 00:00): j1 early and
	// f1 late; the rest being processed, f2 overdue; due on the 11th or on
	// Monday 14th is at risk.
	f = readFigures(t, b.get("/director?from=2026-12-01&to=2026-12-10").must(t, 200).Body)
	f.check(t, justice, want{1, 0, 0, 6, 0, 4})
	f.check(t, finance, want{0, 0, 1, 0, 1, 0})
	list("agency="+justice+"&kind=at_risk&from=2026-12-01&to=2026-12-10", j2, j3, j4, j5)

	// A bad period is refused with the form kept.
	b.get("/director?from=2026-12-31&to=2026-12-01&procedure="+businessReg).must(t, 422, "Ngày kết thúc phải sau", `value="`+businessReg+`"`)
	b.get("/director?procedure=9.999999").must(t, 422, "Không có thủ tục mã", `value="9.999999"`)
	b.get("/director/dossiers?kind=nonsense").must(t, 422)

	// Only the director, the chair and administrators see the province.
	e.signedIn("chair").get("/director").must(t, 200)
	e.signedIn("admin").get("/director").must(t, 200)
	counter := e.signedIn("counter")
	counter.get("/director").must(t, 403)
	counter.get("/director/dossiers?kind=late").must(t, 403)
	e.signedIn("leader").get("/director").must(t, 403)
}

// The page also works on PostgreSQL (the counting query is plain SQL).
func TestDirectorOverviewOnBothDatabases(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		d := e.seedAct(e.seedDossier(criminalRecord, "Hai Cơ Sở Dữ Liệu"), "counter", act("receive"), act("transfer"))
		e.setNow(time.Date(2026, 12, 14, 10, 0, 0, 0, ict)) // due Friday 11 December 17:00
		b := e.signedIn("director")
		f := readFigures(t, b.get("/director").must(t, 200).Body)
		f.check(t, e.agencyID(demo.DeptJustice), want{0, 0, 0, 0, 1, 0})
		p := b.get("/director/dossiers?kind=overdue&from=2026-12-01&to=2026-12-31").must(t, 200, "1 hồ sơ")
		if got := listedCodes(p.Body); !slices.Equal(got, codes(d)) {
			t.Fatalf("lists %v", got)
		}
	})
}
