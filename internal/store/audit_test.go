package store_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

// chainedDossier files a dossier and takes it through receive and
// transfer the way the service does: load, change, update, append.
func chainedDossier(t *testing.T, s *store.Store, agency int64) *dossier.Dossier {
	t.Helper()
	d := newDossier(t, s, agency)
	for _, step := range []struct {
		act     dossier.Action
		to      dossier.Status
		payload json.RawMessage
	}{
		{"receive", dossier.Received, json.RawMessage(`{"code":"x"}`)},
		{"transfer", dossier.Processing, json.RawMessage(`{"n":3,"to_agency_code":"000.00.01.H99"}`)},
	} {
		err := s.InTx(ctx, func(tx *store.Tx) error {
			cur, err := tx.Dossier(ctx, d.ID)
			if err != nil {
				return err
			}
			from := cur.Status
			cur.Status, cur.Version = step.to, cur.Version+1
			if cur.Code == "" {
				cur.Code = fmt.Sprintf("000.00.01.H99-261203-%04d", cur.ID)
			}
			if ok, err := tx.UpdateDossier(ctx, cur, cur.Version-1); err != nil || !ok {
				return fmt.Errorf("update: %v %v", ok, err)
			}
			*d = *cur
			return tx.AppendEvent(ctx, cur.ID, cur.Version, dossier.Event{Action: step.act, From: from, To: step.to,
				At: time.Now().UTC(), Note: "ghi chú", Payload: step.payload}, model.EventActor{UserID: 2, Role: org.RoleCounter, Name: "Cán bộ B"}, "k-"+string(step.act))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// untrigger takes the append-only triggers out of the way, as a database
// administrator can: dropped on SQLite, disabled on PostgreSQL (the test
// role owns the tables).
func untrigger(t *testing.T, s *store.Store) {
	t.Helper()
	stmts := []string{`DROP TRIGGER IF EXISTS dossier_events_no_update`, `DROP TRIGGER IF EXISTS dossier_events_no_delete`,
		`DROP TRIGGER IF EXISTS audit_checkpoints_no_update`, `DROP TRIGGER IF EXISTS audit_checkpoints_no_delete`}
	if s.Dialect() == store.Postgres {
		stmts = []string{`ALTER TABLE dossier_events DISABLE TRIGGER USER`, `ALTER TABLE audit_checkpoints DISABLE TRIGGER USER`}
	}
	for _, q := range stmts {
		if _, err := s.Exec(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
}

func newKey(t *testing.T) ed25519.PrivateKey {
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func pub(k ed25519.PrivateKey) ed25519.PublicKey { return k.Public().(ed25519.PublicKey) }

// Every kind of edit made behind the application's back breaks the chain
// at the first touched dossier and step, and verification says which.
func TestAuditVerify_NamesTheFirstBrokenLink(t *testing.T) {
	for _, c := range []struct {
		name   string
		tamper string // SQL; ?1 is the second dossier's id
		seq    int
		what   string
	}{
		{"untouched", "", 0, ""},
		{"event payload edited", `UPDATE dossier_events SET payload = '{"code":"y"}' WHERE dossier_id = ?1 AND seq = 2`, 2, "hash does not match the event"},
		{"event actor edited", `UPDATE dossier_events SET actor_name = 'Người khác' WHERE dossier_id = ?1 AND seq = 3`, 3, "hash does not match the event"},
		{"middle event deleted", `DELETE FROM dossier_events WHERE dossier_id = ?1 AND seq = 2`, 2, "event missing"},
		{"last event deleted", `DELETE FROM dossier_events WHERE dossier_id = ?1 AND seq = 3`, 2, "version 3 but the log ends at seq 2"},
		{"applicant name edited on the dossier", `UPDATE dossiers SET applicant_name = 'Trần Thị Giả' WHERE id = ?1`, 1, "filing facts"},
		{"ID number edited on the dossier", `UPDATE dossiers SET applicant_id_number = '001090999999' WHERE id = ?1`, 1, "filing facts"},
		{"status edited on the dossier", `UPDATE dossiers SET status = 'done' WHERE id = ?1`, 3, `status "done"`},
		{"hash removed", `UPDATE dossier_events SET hash = NULL WHERE dossier_id = ?1 AND seq = 2`, 2, "not chained"},
	} {
		t.Run(c.name, func(t *testing.T) {
			storetest.Dialects(t, func(t *testing.T, s *store.Store) {
				agency := seed(t, s)
				chainedDossier(t, s, agency)
				second := chainedDossier(t, s, agency)
				chainedDossier(t, s, agency)
				if c.tamper != "" {
					untrigger(t, s)
					q := strings.ReplaceAll(c.tamper, "?1", fmt.Sprint(second.ID))
					if _, err := s.Exec(ctx, q); err != nil {
						t.Fatal(err)
					}
				}
				rep, err := s.VerifyAudit(ctx, nil, 0)
				if err != nil {
					t.Fatal(err)
				}
				if c.tamper == "" {
					if rep.Break != nil || rep.Dossiers != 3 || rep.Events != 9 {
						t.Fatalf("clean database: break %v, %d dossiers, %d events", rep.Break, rep.Dossiers, rep.Events)
					}
					return
				}
				b := rep.Break
				if b == nil {
					t.Fatal("tampering not detected")
				}
				if b.DossierID != second.ID || b.Code != second.Code || b.Seq != c.seq || !strings.Contains(b.What, c.what) {
					t.Fatalf("break %q (dossier %d seq %d), want dossier %s seq %d: %q", b.Error(), b.DossierID, b.Seq, second.Code, c.seq, c.what)
				}
				if strings.Contains(b.Error(), "Trần") || strings.Contains(b.Error(), "001090") {
					t.Fatalf("the report carries personal data: %s", b)
				}
			})
		})
	}
}

// A checkpoint seals the heads: it verifies with the server's key, not
// with another, not once its signature is forged, and not once the chain
// was rewritten from scratch (hashes recomputed by someone who read the
// code but holds no key).
func TestAuditCheckpoints(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		agency := seed(t, s)
		d := chainedDossier(t, s, agency)
		chainedDossier(t, s, agency)
		key := newKey(t)
		cp, written, err := s.WriteCheckpoint(ctx, key, "2026-12-03T11:00:00Z", time.Now(), 0)
		if err != nil || !written || cp.Dossiers != 2 || cp.Events != 6 {
			t.Fatalf("checkpoint %+v written %v: %v", cp, written, err)
		}
		if again, written, err := s.WriteCheckpoint(ctx, key, "2026-12-03T11:00:00Z", time.Now(), 0); err != nil || written || again.ID != cp.ID {
			t.Fatalf("a second checkpoint of the same period: %+v %v %v", again, written, err)
		}
		// Later events do not disturb an earlier checkpoint.
		chainedDossier(t, s, agency)
		check := func(trusted ed25519.PublicKey) error {
			t.Helper()
			rep, err := s.VerifyAudit(ctx, trusted, 5)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Break != nil {
				t.Fatalf("chain broken: %v", rep.Break)
			}
			return rep.CheckpointErr
		}
		if err := check(pub(key)); err != nil {
			t.Fatalf("untouched: %v", err)
		}
		if err := check(pub(newKey(t))); err == nil || !strings.Contains(err.Error(), "signature") {
			t.Fatalf("another key must not verify: %v", err)
		}

		// The whole chain of d rewritten, hashes recomputed: the chain holds
		// but the checkpoint does not.
		untrigger(t, s)
		if _, err := s.Exec(ctx, `UPDATE dossiers SET applicant_name = 'Trần Thị Giả' WHERE id = ?`, d.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Exec(ctx, `UPDATE dossier_events SET hash = NULL WHERE dossier_id = ?`, d.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Exec(ctx, `UPDATE audit_state SET v = 'pending'`); err != nil {
			t.Fatal(err)
		}
		if n, err := s.ChainLegacyEvents(ctx); err != nil || n != 1 {
			t.Fatalf("rechain: %d %v", n, err)
		}
		if err := check(pub(key)); err == nil || !strings.Contains(err.Error(), "root") {
			t.Fatalf("a rewritten chain must disagree with the checkpoint: %v", err)
		}

		// A forged checkpoint (the root of the rewritten log, signature
		// made up) is caught by its signature.
		if _, err := s.Exec(ctx, `INSERT INTO audit_checkpoints (period, at, cut, dossiers, events, root, public_key, signature)
			SELECT 'forged', at + 1, cut + 100, dossiers, events, root, public_key, ? FROM audit_checkpoints WHERE id = ?`,
			"AAAA"+cp.Signature[4:], cp.ID); err != nil {
			t.Fatal(err)
		}
		if err := check(pub(key)); err == nil || !strings.Contains(err.Error(), "signature") {
			t.Fatalf("a forged signature must be detected: %v", err)
		}
	})
}

// Events stored before the chain existed are chained once, exactly as
// AppendEvent chains new ones.
func TestChainLegacyEvents(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		agency := seed(t, s)
		for range 3 {
			chainedDossier(t, s, agency)
		}
		hashes := func() string {
			var all []string
			rows, err := s.Query(ctx, `SELECT COALESCE(hash, '') FROM dossier_events ORDER BY id`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var h string
				rows.Scan(&h)
				all = append(all, h)
			}
			return strings.Join(all, ",")
		}
		before := hashes()
		untrigger(t, s)
		if _, err := s.Exec(ctx, `UPDATE dossier_events SET hash = NULL`); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Exec(ctx, `UPDATE audit_state SET v = 'pending'`); err != nil {
			t.Fatal(err)
		}
		if n, err := s.ChainLegacyEvents(ctx); err != nil || n != 3 {
			t.Fatalf("chained %d: %v", n, err)
		}
		if after := hashes(); after != before {
			t.Fatalf("legacy chaining differs from AppendEvent:\n%s\n%s", after, before)
		}
		// Once done, it does not run again: hashes removed later stay a break.
		if _, err := s.Exec(ctx, `UPDATE dossier_events SET hash = NULL WHERE seq = 3`); err != nil {
			t.Fatal(err)
		}
		if n, err := s.ChainLegacyEvents(ctx); err != nil || n != 0 {
			t.Fatalf("chained again %d: %v", n, err)
		}
		if rep, err := s.VerifyAudit(ctx, nil, 0); err != nil || rep.Break == nil || rep.Break.Seq != 3 {
			t.Fatalf("removed hashes: %+v %v", rep, err)
		}
	})
}

// The only update the triggers allow on the log is setting a missing hash.
func TestEventLogAppendOnlyButForTheHash(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		d := chainedDossier(t, s, seed(t, s))
		if _, err := s.Exec(ctx, `UPDATE dossier_events SET hash = 'ab' WHERE dossier_id = ?`, d.ID); err == nil {
			t.Fatal("replacing a hash must fail")
		}
		if _, err := s.Exec(ctx, `UPDATE audit_checkpoints SET root = 'x'`); err != nil {
			t.Fatal(err) // no rows: nothing to refuse
		}
		if _, _, err := s.WriteCheckpoint(ctx, newKey(t), "p", time.Now(), 0); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Exec(ctx, `DELETE FROM audit_checkpoints`); err == nil {
			t.Fatal("DELETE on audit_checkpoints must fail")
		}
	})
}

// On PostgreSQL the server runs as a role that owns nothing: migrations
// run as the owner, and the server's role can neither disable the
// append-only triggers nor change the log, yet does its work.
func TestPostgresServerRoleOwnsNothing(t *testing.T) {
	ownerURL := storetest.PostgresURL(t)
	b := make([]byte, 4)
	rand.Read(b)
	role := "motcua_app_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", ownerURL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(`CREATE ROLE ` + role + ` LOGIN`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP OWNED BY ` + role)
		admin.Exec(`DROP ROLE ` + role)
		admin.Close()
	})
	u, _ := url.Parse(ownerURL)
	u.User = url.User(role)
	s, err := store.Open(context.Background(), store.Config{DatabaseURL: u.String(), MigrateDatabaseURL: ownerURL})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := chainedDossier(t, s, seed(t, s)) // the server's ordinary work
	for _, q := range []string{
		`ALTER TABLE dossier_events DISABLE TRIGGER USER`,
		`DROP TRIGGER dossier_events_no_update ON dossier_events`,
		`UPDATE dossier_events SET note = 'x' WHERE dossier_id = ` + fmt.Sprint(d.ID),
		`DELETE FROM dossier_events`,
		`TRUNCATE dossier_events CASCADE`,
		`ALTER TABLE audit_checkpoints DISABLE TRIGGER USER`,
		`DELETE FROM audit_checkpoints`,
		`CREATE TABLE x (a int)`,
	} {
		_, err := s.Exec(ctx, q)
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "42501" { // insufficient_privilege
			t.Errorf("%s as the server's role: %v, want permission denied", q, err)
		}
	}
	if rep, err := s.VerifyAudit(ctx, nil, 0); err != nil || rep.Break != nil || rep.Dossiers != 1 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	// Open again as the server's role migrates nothing and fails nothing.
	s2, err := store.Open(context.Background(), store.Config{DatabaseURL: u.String(), MigrateDatabaseURL: ownerURL})
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
}

// Verifying beside a live server finds nothing wrong: each dossier and its
// log are read in one snapshot.
func TestAuditVerifyWhileWriting(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		agency := seed(t, s)
		chainedDossier(t, s, agency)
		stop := make(chan struct{})
		wait := writeWhile(t, s, agency, stop)
		defer func() { close(stop); wait() }()
		for range 20 {
			rep, err := s.VerifyAudit(ctx, nil, 0)
			if err != nil || rep.Break != nil {
				t.Fatalf("verify under writes: %v %v", rep.Break, err)
			}
		}
	})
}
