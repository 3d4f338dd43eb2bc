package service_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// The ownership and scope checks the pages used to make themselves, now in
// the service: whoever is not the owner, or works in another agency, gets
// not found (or forbidden for an administrator's page), never the record.
func TestOwnershipChecks(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
		svc, who := servicetest.DemoAt(t, st, &now)
		citizen, counter, communeCounter, admin := who("citizen"), who("counter"), who("counter_xa"), who("admin")
		u, err := svc.CitizenFromOIDC(ctx, service.OIDCIdentity{Issuer: "https://vneid.example", Subject: "s-other", Name: "Trần Thị Khác"})
		if err != nil {
			t.Fatal(err)
		}
		other := svc.ActorFor(u)
		upload := func(a org.Actor, name string) model.File {
			t.Helper()
			f, err := svc.Upload(ctx, a, name, strings.NewReader("%PDF-1.4\n"+name+"\n%%EOF\n"))
			if err != nil {
				t.Fatal(err)
			}
			return f
		}
		notFound := func(t *testing.T, err error) {
			t.Helper()
			if e, ok := apperr.As(err); !ok || e.Kind != apperr.NotFound {
				t.Fatalf("error %v, want not found", err)
			}
		}

		t.Run("OwnFile: a kept upload is the sender's own", func(t *testing.T) {
			form, scan := upload(citizen, "to-khai.pdf"), upload(counter, "ban-quet.pdf")
			if f, err := svc.OwnFile(ctx, citizen, form.ID); err != nil || f.ID != form.ID {
				t.Fatalf("the owner's own file: %+v, %v", f, err)
			}
			if f, err := svc.OwnFile(ctx, counter, scan.ID); err != nil || f.ID != scan.ID {
				t.Fatalf("the officer's own scan: %+v, %v", f, err)
			}
			for name, c := range map[string]struct {
				a  org.Actor
				id string
			}{
				"another citizen's upload":               {other, form.ID},
				"an officer of another agency's scan":    {communeCounter, scan.ID},
				"an officer naming the applicant's file": {counter, form.ID},
				"no such file":                           {citizen, "f-none"},
				"nobody signed in":                       {org.Actor{}, form.ID},
			} {
				t.Run(name, func(t *testing.T) {
					f, err := svc.OwnFile(ctx, c.a, c.id)
					notFound(t, err)
					if f.ID != "" {
						t.Fatalf("the refusal carried the file %+v", f)
					}
				})
			}
		})

		t.Run("OwnDocument: another citizen's data store is not found", func(t *testing.T) {
			paper := upload(citizen, "giay-khai-sinh.pdf")
			past := now.AddDate(0, -1, 0)
			err := st.InTx(ctx, func(tx *store.Tx) error {
				_, err := tx.FileDocument(ctx, model.Document{OwnerUserID: citizen.UserID, Kind: model.DocDigitized, Name: "Giấy khai sinh",
					FileID: paper.ID, SHA256: paper.SHA256, IssuedAt: past, ValidUntil: &past, CreatedAt: past})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			docs, err := svc.Documents(ctx, citizen)
			if err != nil || len(docs) != 1 {
				t.Fatalf("documents %+v, %v", docs, err)
			}
			// Expired, and still the owner's: the form says so by name.
			if doc, err := svc.OwnDocument(ctx, citizen, docs[0].ID); err != nil || doc.ValidAt(now) || doc.Name != "Giấy khai sinh" {
				t.Fatalf("the owner's expired document: %+v, %v", doc, err)
			}
			for name, a := range map[string]org.Actor{"another citizen": other, "a counter officer": counter, "nobody": {}} {
				t.Run(name, func(t *testing.T) {
					doc, err := svc.OwnDocument(ctx, a, docs[0].ID)
					notFound(t, err)
					if doc.Name != "" {
						t.Fatalf("the refusal named the document %q", doc.Name)
					}
				})
			}
		})

		t.Run("DossierFiles: only those who may see the dossier", func(t *testing.T) {
			form := upload(citizen, "don.pdf")
			res, err := svc.Submit(ctx, citizen, service.NewDossier{ProcedureCode: "3.000333",
				Applicant:  dossier.Applicant{Name: citizen.Name, IDNumber: "001090012345"},
				Components: []dossier.ComponentFiles{{Name: "Tờ khai", FileIDs: []string{form.ID}}}}, "own-1", "1",
				func(*dossier.Dossier) ([]byte, error) { return nil, nil })
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range []org.Actor{citizen, counter} {
				if files, err := svc.DossierFiles(ctx, a, res.Dossier.ID); err != nil || files[form.ID].ID != form.ID {
					t.Fatalf("%s: files %+v, %v", a.Name, files, err)
				}
			}
			// The same answers as the dossier page itself: another person's
			// dossier does not exist for a citizen; an officer is told it
			// belongs to another agency.
			for name, c := range map[string]struct {
				a    org.Actor
				code string
			}{"another citizen": {other, "not_found"}, "an officer of another agency": {communeCounter, "agency_scope"}} {
				t.Run(name, func(t *testing.T) {
					files, err := svc.DossierFiles(ctx, c.a, res.Dossier.ID)
					if servicetest.ErrCode(err) != c.code {
						t.Fatalf("error %v, want %s", err, c.code)
					}
					if len(files) != 0 {
						t.Fatalf("the refusal listed %+v", files)
					}
				})
			}
		})

		t.Run("administration listings: administrators only", func(t *testing.T) {
			center := servicetest.AgencyID(t, st, demo.Center)
			if _, err := svc.Counters(ctx, admin, center); err != nil {
				t.Fatal(err)
			}
			if list, err := svc.StaffAccounts(ctx, admin, ""); err != nil || len(list) == 0 {
				t.Fatalf("staff %d, %v", len(list), err)
			}
			if _, err := svc.ManagedAccount(ctx, admin, admin.UserID); err != nil {
				t.Fatalf("the administrator's own page: %v", err)
			}
			notFound(t, func() error { _, err := svc.ManagedAccount(ctx, admin, citizen.UserID); return err }())
			for _, a := range []org.Actor{counter, citizen} {
				for name, call := range map[string]func() error{
					"Counters":          func() error { _, err := svc.Counters(ctx, a, center); return err },
					"StaffAccounts":     func() error { _, err := svc.StaffAccounts(ctx, a, ""); return err },
					"ManagedAccount":    func() error { _, err := svc.ManagedAccount(ctx, a, counter.UserID); return err },
					"RecentIndexInputs": func() error { _, err := svc.RecentIndexInputs(ctx, a); return err },
				} {
					if e, ok := apperr.As(call()); !ok || e.Kind != apperr.Forbidden {
						t.Errorf("%s as %s: %v, want forbidden", name, a.Name, e)
					}
				}
			}
		})
	})
}
