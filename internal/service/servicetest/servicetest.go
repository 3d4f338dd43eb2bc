// Package servicetest builds services over the demo province for the tests
// of the service and its sub-services. The store stays with the caller: the
// service does not hand it out.
//
// Test aid only: deadcode lists it, and that is intended.
package servicetest

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/process"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
)

// AdminPassword is the demo accounts' password in these tests.
const AdminPassword = "mat-khau-quan-tri"

// Demo is a service over st holding the demo province.
func Demo(t testing.TB, st *store.Store) *service.Service {
	t.Helper()
	ctx := context.Background()
	svc, err := service.New(ctx, st, &service.Blobs{Dir: t.TempDir()}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, svc, AdminPassword); err != nil {
		t.Fatal(err)
	}
	return svc
}

// DemoAt is Demo with a clock that reads *now (tests move it by assigning)
// and a way to act as a demo user.
func DemoAt(t testing.TB, st *store.Store, now *time.Time) (*service.Service, func(username string) org.Actor) {
	t.Helper()
	svc := Demo(t, st)
	svc.Now = func() time.Time { return *now }
	return svc, func(username string) org.Actor { return ActorOf(t, svc, st, username) }
}

// ActorOf is the acting identity of a stored account.
func ActorOf(t testing.TB, svc *service.Service, st *store.Store, username string) org.Actor {
	t.Helper()
	c, err := st.CredentialsByUsername(context.Background(), username)
	if err != nil {
		t.Fatal(err)
	}
	return svc.ActorFor(c.User)
}

// ErrCode is the client-safe code of err, or "internal: …" for any other
// error, or "" for none: what tables of refusals compare.
func ErrCode(err error) string {
	if e, ok := apperr.As(err); ok {
		return e.Code
	}
	if err != nil {
		return "internal: " + err.Error()
	}
	return ""
}

// OutboxKeys are the messages queued for a dossier, by key.
func OutboxKeys(t testing.TB, st *store.Store, dossierID int64) map[string]model.OutboxMessage {
	t.Helper()
	msgs, err := st.OutboxByDossier(context.Background(), dossierID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]model.OutboxMessage{}
	for _, m := range msgs {
		out[m.Key] = m
	}
	return out
}

// AgencyID is the id of the stored agency coded code.
func AgencyID(t testing.TB, st *store.Store, code string) int64 {
	t.Helper()
	a, err := st.AgencyByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// FiveSteps is a five-step internal process for the judicial record
// certificate (3.000333, 6 working days): the one-stop receives, the
// division leader assigns, the specialist appraises, the agency leader
// signs, the one-stop returns. Tests save it as the administrator.
func FiveSteps(decision string) process.Process {
	return process.Process{ProcedureCode: "3.000333", Decision: decision, Steps: []process.Step{
		{Name: "Tiếp nhận, số hoá", Role: process.RoleOneStop, Holder: process.Holder{Kind: process.HolderCenter}, Budget: process.Days(1),
			Output: process.Output{Kind: process.OutputForm, Form: "01", Circular: process.Circular012018}},
		{Name: "Phân công", Role: process.RoleDivisionLeader, Holder: process.Holder{Kind: process.HolderProcessing}, Budget: process.Days(1),
			Output: process.Output{Kind: process.OutputAssignment}},
		{Name: "Thẩm định", Role: process.RoleSpecialist, Holder: process.Holder{Kind: process.HolderProcessing}, Budget: process.Days(2),
			Output: process.Output{Kind: process.OutputDocument}},
		{Name: "Lãnh đạo Sở ký", Role: process.RoleAgencyLeader, Holder: process.Holder{Kind: process.HolderProcessing}, Budget: process.Days(1),
			Output: process.Output{Kind: process.OutputDecision}},
		{Name: "Trả kết quả", Role: process.RoleOneStop, Holder: process.Holder{Kind: process.HolderCenter}, Budget: process.Days(1),
			Output: process.Output{Kind: process.OutputResult}},
	}}
}
