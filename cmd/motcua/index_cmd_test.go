package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
)

func TestIndexCheckAndRebuild(t *testing.T) {
	t.Setenv("MOTCUA_DATABASE_URL", "")
	data := t.TempDir()
	ctx := context.Background()
	svc, st, err := openService(ctx, data, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, svc, "mat-khau-demo"); err != nil {
		t.Fatal(err)
	}
	citizen, _ := st.CredentialsByUsername(ctx, "citizen")
	counter, _ := st.CredentialsByUsername(ctx, "counter")
	body := func(*dossier.Dossier) ([]byte, error) { return nil, nil }
	res, err := svc.Submit(ctx, svc.ActorFor(citizen.User), service.NewDossier{ProcedureCode: "3.000333",
		Applicant: dossier.Applicant{Name: "Nguyễn Văn Dân", IDNumber: "001090012345"}}, "k1", "h1", body)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Act(ctx, svc.ActorFor(counter.User), res.Dossier.ID, 1, service.ActionInput{Action: "receive"}, "k2", "h2", body); err != nil {
		t.Fatal(err)
	}
	// The counters drift (a bad restore, a hand edit): check says so and fails.
	if _, err := st.Exec(ctx, `UPDATE stats SET recv_online = recv_online + 5`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var out, errb bytes.Buffer
	if code := run([]string{"index", "check", "--data", data}, &out, &errb); code != 1 || !strings.Contains(out.String(), "counter rows differ from the event log") {
		t.Fatalf("check on drifted counters: exit %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"index", "rebuild", "--data", data}, &out, &errb); code != 0 || !strings.Contains(out.String(), "event log of 1 dossiers") {
		t.Fatalf("rebuild: exit %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"index", "check", "--data", data}, &out, &errb); code != 0 || !strings.Contains(out.String(), "agree") {
		t.Fatalf("check after rebuild: exit %d\n%s%s", code, out.String(), errb.String())
	}
	if code := run([]string{"index", "frobnicate"}, &out, &errb); code != 2 {
		t.Fatal("an unknown index command is a usage error")
	}
}
