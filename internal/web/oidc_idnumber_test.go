package web_test

import (
	"context"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// The e-ID's ID number claim is kept on the account, and a filing is marked
// as e-ID verified (766 indicator 4.5b) only when its applicant holds that
// number: the e-ID authenticates its holder and no one else (Decree
// 69/2024/NĐ-CP). Typing one's own name with another person's number is
// therefore not marked (issue 16 item 13).
func TestVNeIDIDNumberClaimTiesTheMark(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		p := newProvider(t)
		e := vneidEnv(t, st, p)
		p.m.QueueUser(&vneidUser{sub: "sub-0042", name: "Trần Thị Bình", idNumber: "079190000123"})
		b := e.browser()
		signInVNeID(t, b, "")
		signedInAs(t, b, "Trần Thị Bình")
		users := citizensWithIdentity(t, e)
		u := users[len(users)-1]
		if u.IDNumber != "079190000123" {
			t.Fatalf("the claim was not kept: %q", u.IDNumber)
		}
		actor := e.svc.ActorFor(u)
		file := func(key, name, id string) bool {
			t.Helper()
			in := service.NewDossier{ProcedureCode: criminalRecord, Channel: dossier.ChannelOnline,
				Applicant:  dossier.Applicant{Name: name, IDNumber: id, Phone: "0912345678", Address: "12 Lê Lợi"},
				Components: []dossier.ComponentFiles{{Name: "Tờ khai"}}}
			res, err := e.svc.Submit(context.Background(), actor, in, key, key, noBody)
			if err != nil {
				t.Fatal(err)
			}
			return res.Dossier.VNeIDVerified
		}
		if !file("own", "Trần Thị Bình", "079190000123") {
			t.Error("her own filing must be marked")
		}
		if file("other", "Trần Thị Bình", "001090012345") {
			t.Error("her name with another person's number must not be marked")
		}
	})
}
