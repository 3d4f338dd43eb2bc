package dossier_test

import (
	"testing"
	"time"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/process"

	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
)

// calDeadlines is the real calendar behind the state machine, as the
// service wires it, so that receive and supplement cost what they cost on
// the server's path (due date with its explanation).
type calDeadlines struct{ cal *calendar.Calendar }

func (c calDeadlines) Due(received time.Time, amount int, unit string) (time.Time, string, error) {
	u, err := calendar.ParseUnit(unit)
	if err != nil {
		return time.Time{}, "", err
	}
	d, err := c.cal.Due(received, calendar.Rule{Amount: amount, Unit: u})
	return d.At, d.Explain, err
}

func (c calDeadlines) Resume(due, s, r time.Time) (time.Time, string, error) {
	d, err := c.cal.Resume(due, s, r)
	return d.At, d.Explain, err
}

func (c calDeadlines) Extend(cur, at, nd time.Time) (string, error) {
	d, err := c.cal.Extend(cur, at, nd)
	return d.Explain, err
}

func (c calDeadlines) DayStart(t time.Time) time.Time { return c.cal.DayStart(calendar.DateOf(t)) }

var (
	benchEnv     = dossier.Env{Deadlines: calDeadlines{calendar.Default()}, TimeLimit: dossier.TimeLimit{Amount: 10, Unit: "working_days"}}
	benchCounter = org.Actor{UserID: 2, Role: org.RoleCounter, AgencyID: 1}
	benchLeader  = org.Actor{UserID: 4, Role: org.RoleLeader, AgencyID: 1}
	benchStart   = time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC) // Tuesday 09:00 in Vietnam
)

func submitted() *dossier.Dossier {
	return &dossier.Dossier{ID: 1, Status: dossier.Submitted, Version: 1, SubmittedAt: benchStart, Channel: dossier.ChannelCounter,
		Components: []dossier.ComponentFiles{{Name: "Tờ khai", FileIDs: []string{"f1"}}}}
}

// BenchmarkApply_Receive: the rules, the code and the due date with its
// explanation from the real calendar.
func BenchmarkApply_Receive(b *testing.B) {
	cmd := dossier.Command{Action: dossier.ActReceive, Actor: benchCounter, At: benchStart, Code: "000.00.01.H99-261201-0001"}
	for b.Loop() {
		d := submitted()
		if _, err := dossier.Apply(d, cmd, benchEnv); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApply_Transfer: a transition with no calendar arithmetic.
func BenchmarkApply_Transfer(b *testing.B) {
	d0 := submitted()
	if _, err := dossier.Apply(d0, dossier.Command{Action: dossier.ActReceive, Actor: benchCounter, At: benchStart, Code: "c"}, benchEnv); err != nil {
		b.Fatal(err)
	}
	cmd := dossier.Command{Action: dossier.ActTransfer, Actor: benchCounter, At: benchStart.Add(time.Hour)}
	for b.Loop() {
		d := *d0
		if _, err := dossier.Apply(&d, cmd, benchEnv); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApply_Lifecycle: receive → transfer → request supplement →
// supplement (the due date moves by the suspended working time) → approve
// → return → rate, the seven transitions of a full dossier.
func BenchmarkApply_Lifecycle(b *testing.B) {
	h := time.Hour
	cmds := []dossier.Command{
		{Action: dossier.ActReceive, Actor: benchCounter, At: benchStart, Code: "c"},
		{Action: dossier.ActTransfer, Actor: benchCounter, At: benchStart.Add(h)},
		{Action: dossier.ActRequestSupplement, Actor: benchLeader, At: benchStart.Add(25 * h), Reason: "Thiếu bản sao"},
		{Action: dossier.ActSupplement, Actor: benchCounter, At: benchStart.Add(73 * h), Note: "Đã bổ sung"},
		{Action: dossier.ActApprove, Actor: benchLeader, At: benchStart.Add(150 * h)},
		{Action: dossier.ActReturnResult, Actor: benchCounter, At: benchStart.Add(170 * h)},
		{Action: dossier.ActRate, Actor: benchCounter, At: benchStart.Add(171 * h), Rating: dossier.VerySatisfied},
	}
	for b.Loop() {
		d := submitted()
		for _, c := range cmds {
			if _, err := dossier.Apply(d, c, benchEnv); err != nil {
				b.Fatal(c.Action, err)
			}
		}
	}
}

// BenchmarkAllowed: the actions offered on a dossier page or in an inbox row.
func BenchmarkAllowed(b *testing.B) {
	d := submitted()
	for b.Loop() {
		if len(dossier.Allowed(d, benchCounter)) == 0 {
			b.Fatal("a counter officer may act on a submitted dossier")
		}
	}
}

// BenchmarkApply_Step: a step hand-over under an internal process (the
// division leader assigns a specialist, issue 13), to set beside
// BenchmarkApply_Transfer: a hand-over must cost no more than a transfer
// did, in the same run.
func BenchmarkApply_Step(b *testing.B) {
	p, err := process.Derive("1.001193", 1, catalog.TimeLimit{Amount: 5, Unit: "working_days"})
	if err != nil {
		b.Fatal(err)
	}
	env := benchEnv
	env.Process, env.Agencies, env.ActorAgency = &p, process.Agencies{Center: "TT", Processing: "STP", PPC: "UBND"}, "TT"
	d0 := submitted()
	if _, err := dossier.Apply(d0, dossier.Command{Action: dossier.ActReceive, Actor: benchCounter, At: benchStart, Code: "c"}, env); err != nil {
		b.Fatal(err)
	}
	if _, err := dossier.Apply(d0, dossier.Command{Action: dossier.ActTransfer, Actor: benchCounter, At: benchStart.Add(time.Hour)}, env); err != nil {
		b.Fatal(err)
	}
	env.ActorAgency = "STP"
	cmd := dossier.Command{Action: dossier.ActStep, Actor: benchLeader, At: benchStart.Add(2 * time.Hour), Move: process.Move{Kind: process.MoveAssign, Assignee: 3}}
	for b.Loop() {
		d := *d0
		if _, err := dossier.Apply(&d, cmd, env); err != nil {
			b.Fatal(err)
		}
	}
}
