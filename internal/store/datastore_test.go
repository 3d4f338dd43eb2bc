package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

func createCitizen(t *testing.T, s *store.Store, username string) int64 {
	t.Helper()
	var id int64
	err := s.InTx(ctx, func(tx *store.Tx) error {
		var err error
		id, err = tx.CreateUser(ctx, org.User{Username: username, Name: username, Role: org.RoleCitizen}, "")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func insertFile(t *testing.T, s *store.Store, id, name string, owner int64) model.File {
	t.Helper()
	f := model.File{ID: id, SHA256: "ab" + id, Size: 1234, ContentType: "application/pdf", Name: name, OwnerUserID: owner, CreatedAt: time.Now().UTC()}
	if err := s.InsertFile(ctx, f); err != nil {
		t.Fatal(err)
	}
	return f
}

func fileDocument(t *testing.T, s *store.Store, d model.Document) bool {
	t.Helper()
	var made bool
	if err := s.InTx(ctx, func(tx *store.Tx) error {
		var err error
		made, err = tx.FileDocument(ctx, d)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return made
}

// The citizen's data store (Circular 01/2023 Art. 24(2)(d), (e)): each
// account sees its own documents, newest first, the file's metadata joined;
// filing the same upload twice keeps one entry; expired results can be left
// out for reuse (Decree 45/2020 Art. 16: reuse while valid).
func TestDocuments_Circular01_2023_Art24(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		agency := seed(t, s)
		dos := newDossier(t, s, agency)
		alice, bob := createCitizen(t, s, "alice"), createCitizen(t, s, "bob")
		officer := createCitizen(t, s, "officer") // the uploader of results and scans, not the owner
		insertFile(t, s, "f-result", "giay-phep.pdf", officer)
		insertFile(t, s, "f-scan", "to-khai.pdf", officer)
		insertFile(t, s, "f-old", "giay-cu.pdf", officer)
		insertFile(t, s, "f-bob", "cua-bob.pdf", officer)
		day := func(d int) time.Time { return time.Date(2026, 11, d, 3, 0, 0, 0, time.UTC) }
		expiry := day(20)
		docs := []model.Document{
			{OwnerUserID: alice, Kind: model.DocDigitized, Name: "Tờ khai", FileID: "f-scan", SHA256: "abf-scan", DossierID: dos.ID, DossierCode: "H99-261110-0001", ProcedureCode: "1.000001", IssuedAt: day(10), CreatedAt: day(10)},
			{OwnerUserID: alice, Kind: model.DocResult, Name: "Giấy phép", FileID: "f-result", SHA256: "abf-result", DossierID: dos.ID, DossierCode: "H99-261110-0001", ProcedureCode: "1.000001", IssuedAt: day(12), CreatedAt: day(12)},
			{OwnerUserID: alice, Kind: model.DocResult, Name: "Giấy cũ", FileID: "f-old", SHA256: "abf-old", IssuedAt: day(1), ValidUntil: &expiry, CreatedAt: day(1)},
			{OwnerUserID: bob, Kind: model.DocResult, Name: "Của Bob", FileID: "f-bob", SHA256: "abf-bob", IssuedAt: day(5), CreatedAt: day(5)},
		}
		for _, d := range docs {
			if !fileDocument(t, s, d) {
				t.Fatalf("%s: not filed", d.Name)
			}
		}
		if fileDocument(t, s, docs[0]) {
			t.Fatal("the same upload filed twice made a second entry")
		}

		list, err := s.Documents(ctx, alice, model.DocumentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, d := range list {
			names = append(names, d.Name)
		}
		if len(list) != 3 || names[0] != "Giấy phép" || names[1] != "Tờ khai" || names[2] != "Giấy cũ" {
			t.Fatalf("alice's documents: %v, want [Giấy phép Tờ khai Giấy cũ]", names)
		}
		got := list[0]
		if got.OwnerUserID != alice || got.Kind != model.DocResult || got.FileID != "f-result" || got.SHA256 != "abf-result" ||
			got.DossierID != dos.ID || got.DossierCode != "H99-261110-0001" || got.ProcedureCode != "1.000001" ||
			!got.IssuedAt.Equal(day(12)) || got.ValidUntil != nil || got.FileName != "giay-phep.pdf" ||
			got.ContentType != "application/pdf" || got.Size != 1234 {
			t.Fatalf("result document: %+v", got)
		}
		if old := list[2]; old.DossierID != 0 || old.ValidUntil == nil || !old.ValidUntil.Equal(expiry) {
			t.Fatalf("document without dossier: %+v", old)
		}

		results, err := s.Documents(ctx, alice, model.DocumentFilter{Kind: model.DocResult})
		if err != nil || len(results) != 2 {
			t.Fatalf("alice's results: %d %v, want 2", len(results), err)
		}
		at := day(25)
		valid, err := s.Documents(ctx, alice, model.DocumentFilter{ValidAt: &at})
		if err != nil || len(valid) != 2 {
			t.Fatalf("valid on the 25th: %d %v, want 2 (the expired one left out)", len(valid), err)
		}
		for _, d := range valid {
			if d.FileID == "f-old" || !d.ValidAt(at) {
				t.Fatalf("expired document offered: %+v", d)
			}
		}
		if at := day(20); !list[2].ValidAt(at) {
			t.Fatal("a document is valid through its last instant")
		}

		bobs, err := s.Documents(ctx, bob, model.DocumentFilter{})
		if err != nil || len(bobs) != 1 || bobs[0].FileID != "f-bob" {
			t.Fatalf("bob's documents: %+v %v", bobs, err)
		}
		one, err := s.Document(ctx, bobs[0].ID)
		if err != nil || one.OwnerUserID != bob || one.Name != "Của Bob" {
			t.Fatalf("Document(%d): %+v %v", bobs[0].ID, one, err)
		}
		if _, err := s.Document(ctx, 999999); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("unknown document: %v, want ErrNotFound", err)
		}
		// The kind is one of two; anything else is refused by the database.
		bad := docs[3]
		bad.FileID, bad.Kind = "f-scan", "other"
		err = s.InTx(ctx, func(tx *store.Tx) error { _, err := tx.FileDocument(ctx, bad); return err })
		if err == nil {
			t.Fatal("a document of an unknown kind was filed")
		}
	})
}
