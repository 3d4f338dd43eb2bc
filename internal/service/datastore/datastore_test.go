package datastore_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// The citizen's electronic data store, end to end through the service:
// papers digitized on receipt (Circular 01/2023 Art. 24(2)(e)) and the
// electronic result (Art. 24(2)(d)) land in the applicant's store; they are
// reused in a later dossier (Decree 45/2020 Art. 16) by their owner only,
// and only while valid.
func TestDataStore_Circular01_2023_Art24(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		ict := time.FixedZone("ICT", 7*3600)
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, ict)
		svc, who := servicetest.DemoAt(t, st, &now)
		body := func(*dossier.Dossier) ([]byte, error) { return nil, nil }
		citizen, counter, leader := who("citizen"), who("counter"), who("leader")
		upload := func(a org.Actor, name, content string) model.File {
			t.Helper()
			f, err := svc.Upload(ctx, a, name, strings.NewReader("%PDF-1.4\n"+content+"\n%%EOF\n"))
			if err != nil {
				t.Fatal(err)
			}
			return f
		}
		n := 0
		act := func(a org.Actor, d *dossier.Dossier, in service.ActionInput) (*dossier.Dossier, error) {
			n++
			res, err := svc.Act(ctx, a, d.ID, d.Version, in, fmt.Sprint("act", n), fmt.Sprint(n), body)
			if err != nil {
				return d, err
			}
			return res.Dossier, nil
		}
		submit := func(a org.Actor, comps []dossier.ComponentFiles) (*dossier.Dossier, error) {
			n++
			res, err := svc.Submit(ctx, a, service.NewDossier{ProcedureCode: "3.000333", Applicant: dossier.Applicant{Name: a.Name, IDNumber: "001090012345"},
				Components: comps}, fmt.Sprint("sub", n), fmt.Sprint(n), body)
			if err != nil {
				return nil, err
			}
			return res.Dossier, nil
		}
		mustDocs := func(a org.Actor, want int) []model.Document {
			t.Helper()
			docs, err := svc.Documents(ctx, a)
			if err != nil || len(docs) != want {
				t.Fatalf("%s has %d documents (%v), want %d: %+v", a.Name, len(docs), err, want, docs)
			}
			return docs
		}

		// Filed online: the form is attached; the certificate is brought on paper.
		form := upload(citizen, "to-khai.pdf", "to khai")
		d, err := submit(citizen, []dossier.ComponentFiles{{Name: "Tờ khai", FileIDs: []string{form.ID}, Digitized: true, Reused: true},
			{Name: "Giấy xác nhận"}})
		if err != nil {
			t.Fatal(err)
		}
		if d.Components[0].Digitized || d.Components[0].Reused {
			t.Fatalf("the client set the digitization flags itself: %+v", d.Components[0])
		}

		// Receipt with digitization marks: refusals change nothing.
		scan := upload(counter, "giay-xac-nhan.pdf", "ban quet")
		for _, c := range []struct {
			name  string
			comps []dossier.ComponentFiles
			code  string
		}{
			{"Circular 03/2025 Art. 5(2): electronic files need no digitization", []dossier.ComponentFiles{{Name: "Tờ khai", Digitized: true, FileIDs: []string{scan.ID}}}, "digitized_electronic"},
			{"a paper without a scan is not digitized", []dossier.ComponentFiles{{Name: "Giấy xác nhận", Digitized: true}}, "digitized_needs_scan"},
			{"a component the dossier lacks", []dossier.ComponentFiles{{Name: "Sổ hộ khẩu", Digitized: true, FileIDs: []string{scan.ID}}}, "digitized_component_unknown"},
			{"a listed component must be marked", []dossier.ComponentFiles{{Name: "Giấy xác nhận", FileIDs: []string{scan.ID}}}, "receive_components_digitized"},
			{"the officer attaches their own scans only", []dossier.ComponentFiles{{Name: "Giấy xác nhận", Digitized: true, FileIDs: []string{form.ID}}}, "file_unknown"},
		} {
			t.Run(c.name, func(t *testing.T) {
				got, err := act(counter, d, service.ActionInput{Action: "receive", Components: c.comps})
				if servicetest.ErrCode(err) != c.code || got.Version != 1 {
					t.Fatalf("error %q (version %d), want %q", servicetest.ErrCode(err), got.Version, c.code)
				}
			})
		}
		mustDocs(citizen, 0)
		d, err = act(counter, d, service.ActionInput{Action: "receive", Components: []dossier.ComponentFiles{{Name: "giay xac nhan", Digitized: true, FileIDs: []string{scan.ID}}}})
		if err != nil {
			t.Fatal(err)
		}
		if c := d.Components[1]; !c.Digitized || len(c.FileIDs) != 1 || c.FileIDs[0] != scan.ID || d.Components[0].Digitized {
			t.Fatalf("after receipt: %+v", d.Components)
		}
		stored, _ := st.Dossier(ctx, d.ID)
		if !stored.Components[1].Digitized {
			t.Fatal("the digitized flag was not stored")
		}
		docs := mustDocs(citizen, 1)
		if docs[0].Kind != model.DocDigitized || docs[0].FileID != scan.ID || docs[0].Name != "Giấy xác nhận" || docs[0].DossierCode != d.Code || docs[0].DossierID != d.ID {
			t.Fatalf("digitized document: %+v", docs[0])
		}

		// Settled with an electronic result.
		if d, err = act(counter, d, service.ActionInput{Action: "transfer"}); err != nil {
			t.Fatal(err)
		}
		result := upload(leader, "giay-phep.pdf", "ket qua")
		if d, err = act(leader, d, service.ActionInput{Action: "approve", ResultFileIDs: []string{result.ID}}); err != nil {
			t.Fatal(err)
		}
		docs = mustDocs(citizen, 2)
		res := docs[0]
		if res.Kind != model.DocResult || res.FileID != result.ID || res.SHA256 != result.SHA256 || res.DossierCode != d.Code || res.Name == "" || res.ValidUntil != nil {
			t.Fatalf("result document: %+v", res)
		}
		_, rc, err := svc.DocumentFile(ctx, citizen, res.ID)
		if err != nil {
			t.Fatal(err)
		}
		content, _ := io.ReadAll(rc)
		rc.Close()
		if !strings.Contains(string(content), "ket qua") {
			t.Fatalf("document content %q", content)
		}

		// Another citizen neither sees nor reuses it.
		other, err := svc.CitizenFromOIDC(ctx, service.OIDCIdentity{Issuer: "https://vneid.example", Subject: "s-2", Name: "Trần Thị Khác"})
		if err != nil {
			t.Fatal(err)
		}
		stranger := svc.ActorFor(other)
		mustDocs(stranger, 0)
		if _, _, err := svc.DocumentFile(ctx, stranger, res.ID); servicetest.ErrCode(err) != "not_found" {
			t.Fatalf("another's document: %q, want not_found", servicetest.ErrCode(err))
		}
		if _, _, err := svc.DocumentFile(ctx, counter, res.ID); servicetest.ErrCode(err) != "not_found" {
			t.Fatalf("staff reading a citizen's store: %q, want not_found", servicetest.ErrCode(err))
		}
		before, _ := svc.List(ctx, stranger, service.ListFilter{})
		if _, err := submit(stranger, []dossier.ComponentFiles{{Name: "Giấy phép cũ", DocumentIDs: []int64{res.ID}}}); servicetest.ErrCode(err) != "document_unknown" {
			t.Fatalf("reusing another's document: %q, want document_unknown", servicetest.ErrCode(err))
		}
		if after, _ := svc.List(ctx, stranger, service.ListFilter{}); len(after) != len(before) {
			t.Fatal("a refused filing created a dossier")
		}
		if _, err := submit(citizen, []dossier.ComponentFiles{{Name: "Giấy phép cũ", DocumentIDs: []int64{987654}}}); servicetest.ErrCode(err) != "document_unknown" {
			t.Fatalf("an unknown document: %q, want document_unknown", servicetest.ErrCode(err))
		}

		// The owner reuses it: the component carries the file, marked reused.
		again, err := submit(citizen, []dossier.ComponentFiles{{Name: "Giấy phép cũ", DocumentIDs: []int64{res.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		c := again.Components[0]
		if !c.Reused || len(c.FileIDs) != 1 || c.FileIDs[0] != result.ID || c.DocumentIDs != nil {
			t.Fatalf("reused component: %+v", c)
		}
		if _, rc, err := svc.DossierFile(ctx, citizen, again.ID, result.ID); err != nil {
			t.Fatalf("the reused file is readable from the new dossier: %v", err)
		} else {
			rc.Close()
		}
		if _, err := act(counter, again, service.ActionInput{Action: "receive", Components: []dossier.ComponentFiles{{Name: "Giấy phép cũ", Digitized: true, FileIDs: []string{scan.ID}}}}); servicetest.ErrCode(err) != "digitized_electronic" {
			t.Fatalf("digitizing a reused document: %q, want digitized_electronic", servicetest.ErrCode(err))
		}

		// Past its validity, a result is neither offered nor accepted.
		if _, err := st.Exec(ctx, `UPDATE documents SET valid_until = ? WHERE id = ?`, now.Add(-time.Hour).UnixMilli(), res.ID); err != nil {
			t.Fatal(err)
		}
		offered, err := svc.ReusableDocuments(ctx, citizen)
		if err != nil || len(offered) != 1 || offered[0].ID == res.ID {
			t.Fatalf("offered after expiry: %+v %v, want only the digitized paper", offered, err)
		}
		if _, err := submit(citizen, []dossier.ComponentFiles{{Name: "Giấy phép cũ", DocumentIDs: []int64{res.ID}}}); servicetest.ErrCode(err) != "document_expired" {
			t.Fatalf("reusing an expired result: %q, want document_expired", servicetest.ErrCode(err))
		}
		if _, err := svc.Documents(ctx, counter); servicetest.ErrCode(err) != "datastore_citizens_only" {
			t.Fatalf("staff have no store: %q", servicetest.ErrCode(err))
		}
	})
}

// A dossier filed at the counter for someone without an account has no
// store to file into: digitization is recorded on the dossier only.
func TestDataStoreNeedsAnAccount(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	svc, who := servicetest.DemoAt(t, st, &now)
	counter := who("counter")
	scan, err := svc.Upload(ctx, counter, "to-khai.pdf", strings.NewReader("%PDF-1.4\nquet\n%%EOF\n"))
	if err != nil {
		t.Fatal(err)
	}
	body := func(*dossier.Dossier) ([]byte, error) { return nil, nil }
	res, err := svc.Submit(ctx, counter, service.NewDossier{ProcedureCode: "3.000333", Applicant: dossier.Applicant{Name: "Lê Văn Quầy", IDNumber: "001090099999"},
		Components: []dossier.ComponentFiles{{Name: "Tờ khai", FileIDs: []string{scan.ID}, Originals: 1}}}, "k1", "h1", body)
	if err != nil {
		t.Fatal(err)
	}
	r, err := svc.Act(ctx, counter, res.Dossier.ID, 1, service.ActionInput{Action: "receive", Components: []dossier.ComponentFiles{{Name: "Tờ khai", Digitized: true}}}, "k2", "h2", body)
	if err != nil {
		t.Fatal(err)
	}
	if c := r.Dossier.Components[0]; !c.Digitized || len(c.FileIDs) != 1 {
		t.Fatalf("a paper scanned when entered at the counter is digitized on receipt: %+v", c)
	}
	var docs int
	if err := st.QueryRow(ctx, `SELECT COUNT(*) FROM documents`).Scan(&docs); err != nil || docs != 0 {
		t.Fatalf("%d documents filed (%v) for a dossier without an account", docs, err)
	}
}
