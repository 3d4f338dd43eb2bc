package web_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// Procedures of the demo catalog used by page tests.
const (
	criminalRecord = "3.000333" // 10 days, Sở Tư pháp
	businessReg    = "2.001583" // 3 working days, Sở Tài chính
)

// actorNamed is the acting identity of a demo user.
func (e *env) actorNamed(username string) org.Actor {
	e.t.Helper()
	c, err := e.st.CredentialsByUsername(context.Background(), username)
	if err != nil {
		e.t.Fatalf("user %s: %v", username, err)
	}
	return e.svc.ActorFor(c.User)
}

var seedN int

// seedDossier files a dossier online as the demo citizen, straight through
// the service, and returns it.
func (e *env) seedDossier(proc, name string) *dossier.Dossier {
	e.t.Helper()
	return e.seedDossierReturn(proc, name, "")
}

// seedDossierReturn is seedDossier with the way the result goes back; ""
// is the online default.
func (e *env) seedDossierReturn(proc, name string, ret dossier.ReturnMethod) *dossier.Dossier {
	e.t.Helper()
	seedN++
	in := service.NewDossier{ProcedureCode: proc, Channel: dossier.ChannelOnline, ReturnMethod: ret,
		Applicant:  dossier.Applicant{Name: name, IDNumber: "001090012345", Phone: "0912345678", Address: "12 Lê Lợi"},
		Components: []dossier.ComponentFiles{{Name: "Tờ khai"}}}
	res, err := e.svc.Submit(context.Background(), e.actorNamed("citizen"), in, fmt.Sprintf("seed-%d", seedN), fmt.Sprint(seedN), noBody)
	if err != nil {
		e.t.Fatal(err)
	}
	return res.Dossier
}

func noBody(*dossier.Dossier) ([]byte, error) { return []byte("{}"), nil }

// seedAct applies actions through the service as username.
func (e *env) seedAct(d *dossier.Dossier, username string, in ...service.ActionInput) *dossier.Dossier {
	e.t.Helper()
	for _, a := range in {
		seedN++
		if a.Action == string(dossier.ActApprove) && len(a.ResultFileIDs) == 0 && d.ReturnMethod == dossier.ReturnOnline {
			// An online-return dossier is approved only with its electronic
			// result (dossier.approveResult): the leader signs one.
			f, err := e.svc.Upload(context.Background(), e.actorNamed(username), "ket-qua.pdf",
				strings.NewReader(fmt.Sprintf("%%PDF-1.4\nket qua %d\n%%%%EOF\n", seedN)))
			if err != nil {
				e.t.Fatalf("result file: %v", err)
			}
			a.ResultFileIDs = []string{f.ID}
		}
		res, err := e.svc.Act(context.Background(), e.actorNamed(username), d.ID, d.Version, a, fmt.Sprintf("seed-%d", seedN), fmt.Sprint(seedN), noBody)
		if err != nil {
			e.t.Fatalf("%s %s: %v", username, a.Action, err)
		}
		d = res.Dossier
	}
	return d
}

func act(name string) service.ActionInput { return service.ActionInput{Action: name} }
