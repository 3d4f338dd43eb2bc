package process

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/calendar"
)

// account walks bacNinhRun-like moves into a settled dossier's account.
func account(t *testing.T, id int64, moves []stepMove, end string, late bool) Account {
	t.Helper()
	p := bacNinh1582(t).Process
	_, recs := walk(t, p, "2026-02-10 09:00", moves)
	rs := Records(p, bn, at(t, "2026-02-10 09:00"), recs, nil, at(t, end))
	a, err := NewClock(calendar.Default()).Attribute(rs)
	if err != nil {
		t.Fatal(err)
	}
	return Account{DossierID: id, Code: "H05-" + string(rune('A'+id)), Late: late, Records: rs, Attribution: a}
}

// Source: issue 13 item 3, the delay report: per agency, per step kind and
// per officer, how many steps ran over budget and by how many working
// hours, and which agency made each late dossier late (Circular 01/2018
// index 2; RULES-VN.md §4). The 1582/QĐ-UBND dossier whose consultation ran
// two days over is SNNMT's; SKHCN answered a day late; nobody else ran over.
func TestDelays_BacNinh1582_ConsultationOverrun(t *testing.T) {
	lateOne := account(t, 1, bacNinhRun, "2026-03-16 09:00", true)
	r := Delays([]Account{lateOne})
	row := func(rows []DelayRow, key string) DelayRow {
		for _, x := range rows {
			if x.Key == key {
				return x
			}
		}
		t.Fatalf("no row %q in %+v", key, rows)
		return DelayRow{}
	}
	if got := r.Agencies[0]; got.Key != "SNNMT" || got.Over != 1 || got.OverHours() != 16 || got.LateDossiers != 1 {
		t.Fatalf("first agency %+v, want SNNMT: 1 step 16 h over, 1 late dossier", got)
	}
	if got := row(r.Agencies, "SKHCN"); got.Over != 1 || got.OverHours() != 8 || got.LateDossiers != 0 {
		t.Fatalf("SKHCN %+v, want 1 step 8 h over", got)
	}
	if got := row(r.Agencies, "SXD"); got.Steps != 1 || got.Over != 0 {
		t.Fatalf("SXD answered in time: %+v", got)
	}
	if got := row(r.Agencies, "STC"); got.Steps != 8 || got.Over != 0 {
		t.Fatalf("STC did steps 2–5 and 7–10 in time: %+v", got)
	}
	if got := row(r.Roles, string(RoleConsulted)); got.Steps != 1 || got.Over != 1 || got.OverHours() != 16 {
		t.Fatalf("consultation role %+v", got)
	}
	if got := row(r.Officers, "31"); got.Steps != 2 || got.Agency != "STC" || got.Over != 0 {
		t.Fatalf("specialist 31 did steps 3 and 7: %+v", got)
	}
	if got := row(r.Officers, "40"); got.Steps != 1 || got.Agency != "UBND" {
		t.Fatalf("the PPC leader decided step 11: %+v", got)
	}
	if len(r.Late) != 1 || r.Late[0].Responsible != "SNNMT" || len(r.Late[0].Steps) != 1 || r.Late[0].Steps[0].Step != 6 {
		t.Fatalf("late dossiers %+v, want one, SNNMT's, step 6", r.Late)
	}
}

// An officer who sat on a step is named: the division leader who reviewed
// step 8 (1 day) for 26 working hours, 18 over; the clerk's step 10 ran 2 h
// over as well, so STC made the dossier late by 20 working hours.
func TestDelays_OfficerOverrun(t *testing.T) {
	moves := make([]stepMove, len(bacNinhRun))
	copy(moves, bacNinhRun)
	// Every opinion in time (by Fri 27/2), then step 8 held to Wed 4/3 11:00.
	moves[6].at, moves[7].at = "2026-02-27 10:30", "2026-02-27 11:00"
	moves[8].at = "2026-03-03 11:00"  // 7 (2 days): from Fri 27/2 11:00, due Wed 3/3 11:00 — on time
	moves[9].at = "2026-03-06 15:00"  // 8 (1 day): due Wed 4/3 11:00 — 18 h over
	moves[10].at = "2026-03-09 15:00" // 9 (1 day)
	moves[11].at = "2026-03-10 11:00" // 10 (0.5 day): 6 h used, 2 h over
	moves[12].at = "2026-03-13 11:00" // 11 (3 days)
	a := account(t, 2, moves, "2026-03-13 15:00", true)
	r := Delays([]Account{a, account(t, 1, bacNinhRun, "2026-03-16 09:00", true)})
	if r.Officers[0].Key != "20" || r.Officers[0].Agency != "STC" || r.Officers[0].Over != 1 || r.Officers[0].OverHours() != 18 {
		t.Fatalf("first officer %+v, want the STC division leader 20 with one step over", r.Officers[0])
	}
	if len(r.Late) != 2 || r.Late[0].Responsible != "STC" || r.Late[1].Responsible != "SNNMT" {
		t.Fatalf("late %+v", r.Late)
	}
	if got := r.Agencies[0]; got.Key != "STC" || got.LateDossiers != 1 {
		t.Fatalf("first agency %+v, want STC (one late dossier)", got)
	}
	if d := r.Agencies[0].OverTime; d != 20*time.Hour {
		t.Fatalf("STC over %s, want 20h (18 h at step 8, 2 h at step 10)", d)
	}
}
