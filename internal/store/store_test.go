package store_test

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

var ctx = context.Background()

func seed(t *testing.T, s *store.Store) (agencyID int64) {
	t.Helper()
	err := s.InTx(ctx, func(tx *store.Tx) error {
		var err error
		agencyID, err = tx.CreateAgency(ctx, org.Agency{Code: "000.00.01.H99", Name: "Trung tâm", Level: org.LevelProvince, Kind: org.KindServiceCenter})
		if err != nil {
			return err
		}
		_, _, err = tx.SaveProcedure(ctx, catalog.Procedure{Code: "1.000001", Name: "Thủ tục A", TimeLimit: catalog.TimeLimit{Amount: 3, Unit: catalog.UnitWorkingDays}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return agencyID
}

func newDossier(t *testing.T, s *store.Store, agencyID int64) *dossier.Dossier {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Millisecond)
	d := &dossier.Dossier{ProcedureCode: "1.000001", ProcedureVersion: 1, Status: dossier.Submitted, Channel: dossier.ChannelOnline,
		ReturnMethod: dossier.ReturnOnline, Applicant: dossier.Applicant{Name: "Nguyễn Văn A", IDNumber: "001090000001"},
		Components: []dossier.ComponentFiles{}, ReceivingAgencyID: agencyID, ProcessingAgencyID: agencyID, Version: 1,
		SubmittedAt: now, UpdatedAt: now}
	err := s.InTx(ctx, func(tx *store.Tx) error {
		id, err := tx.InsertDossier(ctx, d)
		d.ID = id
		if err != nil {
			return err
		}
		return tx.AppendEvent(ctx, id, 1, dossier.Event{Action: dossier.ActSubmit, To: dossier.Submitted, At: now}, model.EventActor{UserID: 1, Role: org.RoleCitizen, Name: "A"}, "k1")
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAgenciesAndCounters(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		center := seed(t, s)
		add := func(name string) error {
			return s.InTx(ctx, func(tx *store.Tx) error {
				_, err := tx.CreateCounter(ctx, model.Counter{AgencyID: center, Code: "Q01", Name: name})
				return err
			})
		}
		if err := add("Quầy 1"); err != nil {
			t.Fatal(err)
		}
		if err := add("Quầy trùng"); !store.IsUniqueViolation(err) {
			t.Errorf("a counter code is unique within its agency, got %v", err)
		}
		cs, err := s.Counters(ctx, center)
		if err != nil || len(cs) != 1 || cs[0].Name != "Quầy 1" {
			t.Fatalf("counters %v %v", cs, err)
		}
		// District level is kept for dossiers filed before 1/7/2025 (Decree 118/2025).
		err = s.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CreateAgency(ctx, org.Agency{Code: "000.05.20.H99", Name: "UBND huyện cũ", Level: org.LevelDistrict, Kind: org.KindPeoplesCommittee})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CreateAgency(ctx, org.Agency{Code: "X", Name: "?", Level: "galaxy", Kind: org.KindOther})
			return err
		})
		if err == nil {
			t.Fatal("an unknown level must be refused by the schema")
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CreateAgency(ctx, org.Agency{Code: "h99-sở", Name: "?", Level: org.LevelProvince, Kind: org.KindOther})
			return err
		})
		if err == nil {
			t.Fatal("a code outside Decision 20/2020 Art. 4(1) must be refused")
		}
	})
}

func TestMigrateTwiceIsNoop(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil || v < 1 {
			t.Fatalf("schema version %d, %v", v, err)
		}
	})
}

// The event log is the legal record: the schema itself refuses UPDATE and DELETE.
func TestEventLogIsAppendOnly(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		d := newDossier(t, s, seed(t, s))
		if _, err := s.Exec(ctx, `UPDATE dossier_events SET note = 'x' WHERE dossier_id = ?`, d.ID); err == nil {
			t.Fatal("UPDATE on dossier_events must fail")
		}
		if _, err := s.Exec(ctx, `DELETE FROM dossier_events WHERE dossier_id = ?`, d.ID); err == nil {
			t.Fatal("DELETE on dossier_events must fail")
		}
		evs, err := s.Events(ctx, d.ID)
		if err != nil || len(evs) != 1 || evs[0].Note != "" {
			t.Fatalf("events changed: %+v %v", evs, err)
		}
		// The same step cannot be appended twice.
		err = s.InTx(ctx, func(tx *store.Tx) error {
			return tx.AppendEvent(ctx, d.ID, 1, dossier.Event{Action: dossier.ActReceive, At: time.Now()}, model.EventActor{UserID: 1}, "")
		})
		if !store.IsUniqueViolation(err) {
			t.Fatalf("duplicate seq must violate uniqueness, got %v", err)
		}
	})
}

// Circular 01/2018 Art. 19: the sequence restarts each day per agency and
// never repeats or skips, even under concurrent receipts; a peek tells the
// number the next take will get.
func TestCodeSequence_Circular01_2018_Art19(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		next := func(agency, day string) (peeked, taken int) {
			t.Helper()
			err := s.InTx(ctx, func(tx *store.Tx) (err error) {
				if peeked, err = tx.PeekCodeSeq(ctx, agency, day); err != nil {
					return err
				}
				taken, err = tx.NextCodeSeq(ctx, agency, day)
				return err
			})
			if err != nil {
				t.Error(err)
			}
			return peeked, taken
		}
		var (
			mu   sync.Mutex
			seen = map[int]int{}
			wg   sync.WaitGroup
		)
		for range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, n := next("H99", "261126")
				mu.Lock()
				seen[n]++
				mu.Unlock()
			}()
		}
		wg.Wait()
		for i := 1; i <= 20; i++ {
			if seen[i] != 1 {
				t.Fatalf("sequence %d taken %d times: %v", i, seen[i], seen)
			}
		}
		for _, c := range []struct {
			agency, day string
			want        int
		}{{"H99", "261127", 1}, {"H98", "261126", 1}, {"H99", "261126", 21}} {
			if p, n := next(c.agency, c.day); p != c.want || n != c.want {
				t.Fatalf("%s %s: peeked %d, took %d, want %d (a new day or agency starts at 1)", c.agency, c.day, p, n, c.want)
			}
		}
	})
}

func TestUpdateDossierChecksVersion(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		d := newDossier(t, s, seed(t, s))
		d.Status, d.Version = dossier.Refused, 2
		var ok1, ok2 bool
		s.InTx(ctx, func(tx *store.Tx) (err error) { ok1, err = tx.UpdateDossier(ctx, d, 1); return })
		s.InTx(ctx, func(tx *store.Tx) (err error) { ok2, err = tx.UpdateDossier(ctx, d, 1); return })
		if !ok1 || ok2 {
			t.Fatalf("first update must win, second must see a stale version: %v %v", ok1, ok2)
		}
		got, err := s.Dossier(ctx, d.ID)
		if err != nil || got.Status != dossier.Refused || got.Version != 2 || got.Applicant.Name != "Nguyễn Văn A" {
			t.Fatalf("reloaded %+v %v", got, err)
		}
	})
}

func TestProcedureVersions(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		seed(t, s)
		p := catalog.Procedure{Code: "1.000001", Name: "Thủ tục A", TimeLimit: catalog.TimeLimit{Amount: 3, Unit: catalog.UnitWorkingDays}}
		var out model.SaveOutcome
		var v int
		s.InTx(ctx, func(tx *store.Tx) (err error) { out, v, err = tx.SaveProcedure(ctx, p); return })
		if out != model.ProcedureUnchanged || v != 1 {
			t.Fatalf("re-import of same content: %s v%d", out, v)
		}
		p.TimeLimit.Amount = 5
		s.InTx(ctx, func(tx *store.Tx) (err error) { out, v, err = tx.SaveProcedure(ctx, p); return })
		if out != model.ProcedureVersioned || v != 2 {
			t.Fatalf("changed time limit: %s v%d", out, v)
		}
		old, err := s.Procedure(ctx, "1.000001", 1)
		if err != nil || old.TimeLimit.Amount != 3 {
			t.Fatalf("version 1 must keep 3 days: %+v %v", old, err)
		}
		cur, _ := s.Procedure(ctx, "1.000001", 0)
		if cur.TimeLimit.Amount != 5 || cur.Version != 2 {
			t.Fatalf("current: %+v", cur)
		}
		found, err := s.SearchProcedures(ctx, model.ProcedureFilter{Q: "thu tuc a"})
		if err != nil || len(found) != 1 {
			t.Fatalf("diacritic-insensitive search: %v %v", found, err)
		}
	})
}

func TestIdempotencyKey(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		var r *model.Replay
		err := s.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if r, err = tx.ClaimIdempotencyKey(ctx, "u1", "k", "h1"); err != nil {
				return err
			}
			body, _ := json.Marshal(map[string]int{"id": 7})
			return tx.CompleteIdempotencyKey(ctx, "u1", "k", 201, body)
		})
		if err != nil || r != nil {
			t.Fatalf("first claim: %v %v", r, err)
		}
		s.InTx(ctx, func(tx *store.Tx) (err error) { r, err = tx.ClaimIdempotencyKey(ctx, "u1", "k", "h1"); return })
		if r == nil || r.StatusCode != 201 || string(r.Response) != `{"id":7}` {
			t.Fatalf("replay: %+v", r)
		}
	})
}
