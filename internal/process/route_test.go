package process

import (
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/org"
)

// The agencies of the tests' 1.009645 dossier: received at the provincial
// center, competent Sở Tài chính, decided by the provincial PPC.
var bn = Agencies{Center: "TTPVHCC", Processing: "STC", PPC: "UBND"}

// Officers of the tests. 31 and 32 are specialists of STC.
var (
	oneStop   = Mover{UserID: 10, Agency: "TTPVHCC", Role: org.RoleCounter}
	stcLeader = Mover{UserID: 20, Agency: "STC", Role: org.RoleLeader}
	spec31    = Mover{UserID: 31, Agency: "STC", Role: org.RoleSpecialist}
	spec32    = Mover{UserID: 32, Agency: "STC", Role: org.RoleSpecialist}
	ppcLeader = Mover{UserID: 40, Agency: "UBND", Role: org.RoleLeader}
	sxd       = Mover{UserID: 51, Agency: "SXD", Role: org.RoleSpecialist}
	snnmt     = Mover{UserID: 52, Agency: "SNNMT", Role: org.RoleSpecialist}
	skhcn     = Mover{UserID: 53, Agency: "SKHCN", Role: org.RoleLeader}
)

type stepMove struct {
	who  Mover
	kind MoveKind
	at   string
	to   int
	asg  int64
	why  string
}

// walk moves a dossier received at start through moves, failing on the
// first refusal, and returns every position and record.
func walk(t *testing.T, p Process, start string, moves []stepMove) ([]Position, []Moved) {
	t.Helper()
	pos, err := Begin(p, bn, at(t, start))
	if err != nil {
		t.Fatal(err)
	}
	positions, recs := []Position{pos}, []Moved{}
	for i, m := range moves {
		np, rec, err := Advance(p, bn, pos, m.who, Move{Kind: m.kind, To: m.to, Assignee: m.asg, Reason: m.why, At: at(t, m.at)})
		if err != nil {
			t.Fatalf("move %d (%s by %s at step %d): %v", i+1, m.kind, m.who.Agency, pos.Step, err)
		}
		pos = np
		positions, recs = append(positions, pos), append(recs, rec)
	}
	return positions, recs
}

// bacNinhRun is the 1.009645 dossier of TestAttribute_BacNinh1582_Step6…
// moved hand-over by hand-over: every step keeps its budget but the
// consultation (step 6, 7 days, due Monday 2/3 09:00), whose last opinion,
// SNNMT's, arrives on Wednesday 4/3 at 09:00.
var bacNinhRun = []stepMove{
	{oneStop, MoveForward, "2026-02-10 15:00", 0, 0, ""},      // 1 → 2: to the division leader of STC
	{stcLeader, MoveAssign, "2026-02-10 17:00", 0, 31, ""},    // 2 → 3: phân công to specialist 31
	{spec31, MoveForward, "2026-02-11 11:00", 0, 0, ""},       // 3 → 4
	{stcLeader, MoveForward, "2026-02-11 15:00", 0, 0, ""},    // 4 → 5
	{stcLeader, MoveConsult, "2026-02-12 09:00", 0, 0, ""},    // 5 → 6: the director signs the letters asking for opinions
	{sxd, MoveAnswer, "2026-02-27 10:00", 0, 0, "Thống nhất"}, // in time
	{skhcn, MoveAnswer, "2026-03-03 09:00", 0, 0, ""},         // a day late
	{snnmt, MoveAnswer, "2026-03-04 09:00", 0, 0, ""},         // two days late; the last: step 6 ends, 7 begins
	{spec31, MoveForward, "2026-03-06 09:00", 0, 0, ""},       // 7 → 8
	{stcLeader, MoveForward, "2026-03-09 09:00", 0, 0, ""},    // 8 → 9
	{stcLeader, MoveForward, "2026-03-10 09:00", 0, 0, ""},    // 9 → 10: the clerk
	{spec32, MoveSubmit, "2026-03-10 15:00", 0, 0, ""},        // 10 → 11: trình UBND tỉnh
	{ppcLeader, MoveDecide, "2026-03-13 15:00", 0, 0, ""},     // 11 → 12: the decision, back to the center
}

// Source: issue 13 items 2–3 and "Done when": Bắc Ninh's 12 steps
// (1582/QĐ-UBND, 17 days) moved by the roles the decision names, with a
// parallel consultation that ends with its last opinion; replayed, the
// dossier is attributed to the consulted agency that answered last (SNNMT,
// two working days over), as the attribution of the recorded history says.
func TestRoute_BacNinh1582_TwelveStepsToTheDecision(t *testing.T) {
	p := bacNinh1582(t).Process
	positions, moves := walk(t, p, "2026-02-10 09:00", bacNinhRun)
	wantSteps := []int{1, 2, 3, 4, 5, 6, 6, 6, 7, 8, 9, 10, 11, 12}
	for i, pos := range positions {
		if pos.Step != wantSteps[i] {
			t.Fatalf("after move %d: step %d, want %d", i, pos.Step, wantSteps[i])
		}
	}
	if got := positions[2]; got.Agency != "STC" || got.Assignee != 31 {
		t.Fatalf("step 3 held by %q, officer %d; want STC, 31 (assigned)", got.Agency, got.Assignee)
	}
	if got := positions[6]; !slices.Equal(got.Pending, []string{"SNNMT", "SKHCN"}) || got.Step != 6 {
		t.Fatalf("after SXD's opinion: pending %v", got.Pending)
	}
	if got := positions[8]; got.Agency != "STC" || got.Step != 7 || !got.Since.Equal(at(t, "2026-03-04 09:00")) || got.Pending != nil {
		t.Fatalf("the last opinion must start step 7 at once: %+v", got)
	}
	if got := positions[12]; got.Agency != "UBND" {
		t.Fatalf("step 11 held by %q, want the PPC", got.Agency)
	}
	if got := positions[13]; got.Agency != "TTPVHCC" {
		t.Fatalf("step 12 held by %q, want the center", got.Agency)
	}

	recs := Records(p, bn, at(t, "2026-02-10 09:00"), moves, nil, at(t, "2026-03-16 09:00"))
	want := history(t, []Answer{
		{Agency: "SXD", At: at(t, "2026-02-27 10:00")},
		{Agency: "SNNMT", At: at(t, "2026-03-04 09:00")},
		{Agency: "SKHCN", At: at(t, "2026-03-03 09:00")},
	}, "2026-03-04 09:00", []string{
		"2026-03-06 09:00", "2026-03-09 09:00", "2026-03-10 09:00", "2026-03-10 15:00", "2026-03-13 15:00", "2026-03-16 09:00",
	})
	want[5].Agency = "STC" // the agency that consults
	want[5].Answers = []Answer{{"SXD", at(t, "2026-02-27 10:00")}, {"SNNMT", at(t, "2026-03-04 09:00")}, {"SKHCN", at(t, "2026-03-03 09:00")}}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d", len(recs), len(want))
	}
	for i := range want {
		g, w := recs[i], want[i]
		if g.Step != w.Step || g.Agency != w.Agency || !g.Started.Equal(w.Started) || !g.Finished.Equal(w.Finished) || g.Budget != w.Budget {
			t.Fatalf("record %d: %+v, want %+v", i+1, g, w)
		}
		if !slices.EqualFunc(g.Answers, w.Answers, func(a, b Answer) bool { return a.Agency == b.Agency && a.At.Equal(b.At) }) {
			t.Fatalf("step %d answers %v, want %v", g.Step, g.Answers, w.Answers)
		}
	}
	a, err := NewClock(calendar.Default()).Attribute(recs)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Late, []int{6}) || a.Responsible() != "SNNMT" || a.Agencies[0].Over != 16*time.Hour {
		t.Fatalf("late %v, responsible %q %v; want step 6, SNNMT 16 h", a.Late, a.Responsible(), a.Agencies)
	}
}

// Source: issue 13 item 2, "return to an earlier step with a reason (trả
// lại)": the division leader sends the report back to the specialist who
// drafted it; the step is visited twice, each visit measured on its own.
func TestRoute_ReturnToAnEarlierStep(t *testing.T) {
	p := bacNinh1582(t).Process
	moves := append(slices.Clone(bacNinhRun[:9]), // at step 8, the division leader's review
		stepMove{stcLeader, MoveReturn, "2026-03-06 15:00", 7, 31, "Báo cáo thiếu ý kiến của Sở Xây dựng"},
		stepMove{spec31, MoveForward, "2026-03-09 09:00", 0, 0, ""})
	positions, recs := walk(t, p, "2026-02-10 09:00", moves)
	back := positions[len(positions)-2]
	if back.Step != 7 || back.Assignee != 31 || back.Agency != "STC" {
		t.Fatalf("returned to %+v, want step 7 with specialist 31", back)
	}
	if r := recs[len(recs)-2]; r.Kind != MoveReturn || r.From != 8 || r.To != 7 || r.Reason == "" {
		t.Fatalf("return recorded as %+v", r)
	}
	steps := []int{}
	for _, r := range Records(p, bn, at(t, "2026-02-10 09:00"), recs, nil, time.Time{}) {
		steps = append(steps, r.Step)
	}
	if !slices.Equal(steps, []int{1, 2, 3, 4, 5, 6, 7, 8, 7, 8}) {
		t.Fatalf("visits %v, want step 7 and 8 visited twice", steps)
	}
}

// Source: issue 13 item 2, "supplementation … pause the current step's
// clock as [it does] the dossier's" (Decree 118/2025 Art. 11(2); RULES-VN.md
// §3.1(4)): a supplementation asked during the specialist's appraisal
// belongs to step 3 alone and moves only its due instant.
func TestRecords_SupplementationPausesTheCurrentStep(t *testing.T) {
	p := bacNinh1582(t).Process
	_, moves := walk(t, p, "2026-02-10 09:00", bacNinhRun[:3])
	pause := Pause{From: at(t, "2026-02-11 08:00"), To: at(t, "2026-02-11 10:00")}
	recs := Records(p, bn, at(t, "2026-02-10 09:00"), moves, []Pause{pause}, time.Time{})
	if len(recs) != 4 || len(recs[2].Pauses) != 1 || len(recs[1].Pauses)+len(recs[3].Pauses) != 0 {
		t.Fatalf("the pause must belong to step 3 only: %+v", recs)
	}
	c := NewClock(calendar.Default())
	due, err := c.Due(recs[2].Started, recs[2].Budget, recs[2].Pauses)
	if err != nil {
		t.Fatal(err)
	}
	// Step 3 (0.5 day, 4 working hours) from Tue 10/2 17:00 is due Wed 11/2
	// 11:00; the two working hours paused that morning move it across the
	// lunch break (11:30–13:30) to 15:00.
	if want := at(t, "2026-02-11 15:00"); !due.Equal(want) {
		t.Fatalf("step 3 due %s, want %s", due, want)
	}
	if cur, ok := Current(recs); !ok || cur.Step != 4 {
		t.Fatalf("current %+v, want step 4 open", cur)
	}
}

// Each movement is refused, with its own code, when the mover does not hold
// the step, names the wrong movement, or leaves out what it needs.
func TestAdvance_Refused(t *testing.T) {
	p := bacNinh1582(t).Process
	positions, _ := walk(t, p, "2026-02-10 09:00", bacNinhRun)
	atStep := func(n int) Position { // the first position at step n
		for _, pos := range positions {
			if pos.Step == n {
				return pos
			}
		}
		t.Fatalf("no position at step %d", n)
		return Position{}
	}
	last := positions[len(positions)-1]
	for _, c := range []struct {
		name string
		pos  Position
		who  Mover
		m    Move
		code string
	}{
		{"a specialist cannot assign (step 2 is the division leader's)", atStep(2), spec31, Move{Kind: MoveAssign, Assignee: 31}, "step_role"},
		{"assignment names the specialist", atStep(2), stcLeader, Move{Kind: MoveAssign}, "assignee_required"},
		{"step 2 → 3 is an assignment, not a plain forward", atStep(2), stcLeader, Move{Kind: MoveForward}, "move_wrong_kind"},
		{"another agency's leader", atStep(2), Mover{UserID: 99, Agency: "SXD", Role: org.RoleLeader}, Move{Kind: MoveAssign, Assignee: 31}, "step_agency"},
		{"step 3 is assigned to specialist 31", atStep(3), spec32, Move{Kind: MoveForward}, "step_assignee"},
		{"step 10 → 11 is a submission to the PPC (trình)", atStep(10), spec32, Move{Kind: MoveForward}, "move_wrong_kind"},
		{"only the PPC's leader decides", atStep(11), stcLeader, Move{Kind: MoveDecide}, "step_agency"},
		{"a consultation waits for every opinion", atStep(6), stcLeader, Move{Kind: MoveForward}, "consultation_open"},
		{"an agency not consulted has no opinion to give", atStep(6), Mover{UserID: 60, Agency: "SYT", Role: org.RoleSpecialist}, Move{Kind: MoveAnswer}, "not_consulted"},
		{"an opinion is given once", positions[6], sxd, Move{Kind: MoveAnswer}, "not_consulted"},
		{"a counter officer is not consulted", atStep(6), Mover{UserID: 61, Agency: "SXD", Role: org.RoleCounter}, Move{Kind: MoveAnswer}, "step_role"},
		{"return needs a reason", atStep(8), stcLeader, Move{Kind: MoveReturn, To: 7}, "reason_required"},
		{"return goes back, not forward", atStep(8), stcLeader, Move{Kind: MoveReturn, To: 9, Reason: "x"}, "return_step"},
		{"no return into a consultation", atStep(8), stcLeader, Move{Kind: MoveReturn, To: 6, Reason: "x"}, "return_to_consultation"},
		{"after the last step comes the return of the result", last, oneStop, Move{Kind: MoveForward}, "process_last_step"},
		{"an unknown movement", atStep(3), spec31, Move{Kind: "jump"}, "move_unknown"},
		{"a dossier not in its process", Position{}, spec31, Move{Kind: MoveForward}, "process_not_started"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, _, err := Advance(p, bn, c.pos, c.who, c.m)
			e, ok := apperr.As(err)
			if !ok || e.Code != c.code {
				t.Fatalf("err %v, want %s", err, c.code)
			}
			if got.Step != c.pos.Step || got.Agency != c.pos.Agency {
				t.Fatalf("a refused movement moved the dossier: %+v", got)
			}
		})
	}
}

// The movement's name follows from the two steps (issue 13 item 2: assign,
// forward, consult, submit to the PPC, the PPC's decision).
func TestForwardKind_BacNinh1582(t *testing.T) {
	p := bacNinh1582(t).Process
	want := []MoveKind{MoveForward, MoveAssign, MoveForward, MoveForward, MoveConsult, MoveForward, MoveForward, MoveForward, MoveForward, MoveSubmit, MoveDecide}
	for from := 1; from < len(p.Steps); from++ {
		if got := ForwardKind(p, from); got != want[from-1] {
			t.Errorf("leaving step %d (%s): %s, want %s", from, p.Steps[from-1].Name, got, want[from-1])
		}
	}
}

// The movement form is offered to who may move the dossier: the holder of
// the step, or an agency owing its opinion; not another officer.
func TestCanMove(t *testing.T) {
	p := bacNinh1582(t).Process
	positions, _ := walk(t, p, "2026-02-10 09:00", bacNinhRun)
	for _, c := range []struct {
		name string
		pos  Position
		who  Mover
		want bool
	}{
		{"the division leader at the assignment", positions[1], stcLeader, true},
		{"a specialist at the assignment", positions[1], spec31, false},
		{"the assigned specialist at the appraisal", positions[2], spec31, true},
		{"another specialist at the appraisal", positions[2], spec32, false},
		{"a consulted department owing its opinion", positions[5], sxd, true},
		{"a consulted department that has answered", positions[6], sxd, false},
		{"the consulting department while opinions are owed", positions[5], stcLeader, false},
		{"the People's Committee's leader at its step", positions[12], ppcLeader, true},
		{"another agency's leader", positions[12], stcLeader, false},
	} {
		if got := CanMove(p, c.pos, c.who); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
