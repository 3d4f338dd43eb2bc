package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
)

var (
	dashOverdueRe = regexp.MustCompile(`(\d+) đang giải quyết đã quá hạn`)
	dashInTimeRe  = regexp.MustCompile(`(\d+) đang giải quyết trong hạn`)
)

func firstInt(t *testing.T, re *regexp.Regexp, body string) int {
	t.Helper()
	m := re.FindStringSubmatch(body)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// Figures of a period that has not ended describe now (RULES-VN.md §6: a
// dossier is overdue when it is unfinished past its due instant — not when it
// would be at the period's end). The same question gets the same answer on
// the director's table, its drill-down, the 766 dashboard and the settlement
// report, for every kind of period, with a clock that moves as a real one
// does: the director's page once asked the clock twice and, the two instants
// differing, judged the open dossiers at the end of the month ("Đã quá hạn 1"
// for a dossier due 18/12 while the drill-down listed none).
func TestRunningPeriodFiguresAreAsOfNowOnEveryPage(t *testing.T) {
	e := sqliteEnv(t)
	at := func(month time.Month, day, hour int) time.Time {
		return time.Date(2026, month, day, hour, 0, 0, 0, ict)
	}
	file := func(name string) *dossier.Dossier {
		return e.seedAct(e.seedDossier(criminalRecord, name), "counter", act("receive"), act("transfer"))
	}
	// Received Tuesday 1 December: 10 days → due Friday 11 December 17:00,
	// overdue on Monday the 14th. Received Tuesday the 8th → due Friday 18th.
	e.setNow(at(12, 1, 9))
	file("Đã Quá Hạn")
	e.setNow(at(12, 8, 9))
	open := file("Còn Trong Hạn")
	if want := at(12, 18, 17); !open.DueAt.Equal(want) {
		t.Fatalf("due %v, want %v", open.DueAt.In(ict), want)
	}
	e.setNow(at(12, 14, 10))
	e.ticking()
	b := e.signedIn("director")
	apiToken, _, err := e.svc.Login(context.Background(), "director", demoPassword)
	if err != nil {
		t.Fatal(err)
	}

	type counts struct{ inTime, overdue int }
	nowCounts := counts{inTime: 1, overdue: 1}
	for _, c := range []struct {
		name     string
		query    string // "" is the page's default: the current month
		from, to string
		want     counts
	}{
		{"the default period (this month, running)", "", "2026-12-01", "2026-12-31", nowCounts},
		{"this month asked for by its dates", "from=2026-12-01&to=2026-12-31", "2026-12-01", "2026-12-31", nowCounts},
		{"a range ending today", "from=2026-12-01&to=2026-12-14", "2026-12-01", "2026-12-14", nowCounts},
		{"a range reaching into next year", "from=2026-12-01&to=2027-01-31", "2026-12-01", "2027-01-31", nowCounts},
		// Ended at midnight after 10 December: both were within time then.
		{"a range that ended: as of its end", "from=2026-12-01&to=2026-12-10", "2026-12-01", "2026-12-10", counts{inTime: 2}},
		{"the month before: nothing yet", "from=2026-11-01&to=2026-11-30", "2026-11-01", "2026-11-30", counts{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			q := c.query
			if q != "" {
				q = "?" + q
			}
			f := readFigures(t, b.get("/director"+q).must(t, 200).Body)
			row := f[""]
			if got := (counts{row["in_time"], row["overdue"]}); got != c.want {
				t.Errorf("/director: in time %d, overdue %d; want %+v", got.inTime, got.overdue, c.want)
			}
			period := "&from=" + c.from + "&to=" + c.to
			for kind, n := range map[string]int{"overdue": c.want.overdue, "in_time": c.want.inTime} {
				p := b.get("/director/dossiers?kind="+kind+period).must(t, 200)
				if got := len(listedCodes(p.Body)); got != n {
					t.Errorf("drill-down %s lists %d dossiers, the table says %d", kind, got, n)
				}
			}
			dash := b.get("/director/index?"+period[1:]).must(t, 200).Body
			if got := (counts{firstInt(t, dashInTimeRe, dash), firstInt(t, dashOverdueRe, dash)}); got != c.want {
				t.Errorf("/director/index: in time %d, overdue %d; want %+v", got.inTime, got.overdue, c.want)
			}
			var rep struct {
				Total struct {
					OpenWithin  int `json:"open_within"`
					OpenOverdue int `json:"open_overdue"`
				} `json:"total"`
			}
			req, _ := http.NewRequest("GET", e.url+"/api/v1/reports/settlement?"+period[1:], nil)
			req.Header.Set("Authorization", "Bearer "+apiToken)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			if err := json.NewDecoder(res.Body).Decode(&rep); err != nil || res.StatusCode != 200 {
				t.Fatalf("settlement report: %d %v", res.StatusCode, err)
			}
			if got := (counts{rep.Total.OpenWithin, rep.Total.OpenOverdue}); got != c.want {
				t.Errorf("settlement report: in time %d, overdue %d; want %+v", got.inTime, got.overdue, c.want)
			}
		})
	}
}
