package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

func TestPostalLegs(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		agency := seed(t, s)
		d1, d2 := newDossier(t, s, agency), newDossier(t, s, agency)
		at := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
		in := model.PostalLeg{DossierID: d1.ID, Direction: model.PostalInbound, TrackingNumber: "EB123456789VN", Status: model.LegPickedUp,
			OperatorKeyID: "vnpost", PickupPlace: "address", FeesCollectedVND: 150000, FeeReceipt: "BL-01", PickedUpAt: &at, CreatedAt: at, UpdatedAt: at}
		insert := func(l model.PostalLeg) (int64, error) {
			var id int64
			err := s.InTx(ctx, func(tx *store.Tx) error {
				var err error
				id, err = tx.InsertPostalLeg(ctx, l)
				return err
			})
			return id, err
		}
		id, err := insert(in)
		if err != nil {
			t.Fatal(err)
		}
		// One leg per dossier and direction; one leg per tracking number and direction.
		if _, err := insert(in); !store.IsUniqueViolation(err) {
			t.Fatalf("a second inbound leg: %v", err)
		}
		other := in
		other.DossierID = d2.ID
		if _, err := insert(other); !store.IsUniqueViolation(err) {
			t.Fatalf("a tracking number names one inbound leg: %v", err)
		}
		// Outbound legs may start without a tracking number, several of them.
		for _, d := range []int64{d1.ID, d2.ID} {
			if _, err := insert(model.PostalLeg{DossierID: d, Direction: model.PostalOutbound, Status: model.LegDispatched, DispatchedAt: &at, CreatedAt: at, UpdatedAt: at}); err != nil {
				t.Fatalf("outbound leg without tracking number: %v", err)
			}
		}
		later := at.Add(26 * time.Hour)
		err = s.InTx(ctx, func(tx *store.Tx) error {
			l, err := tx.PostalLegByTracking(ctx, model.PostalInbound, "EB123456789VN")
			if err != nil {
				return err
			}
			if l.ID != id || l.FeesCollectedVND != 150000 || !l.PickedUpAt.Equal(at) || l.HandedOverAt != nil {
				t.Fatalf("read back %+v", l)
			}
			l.Status, l.HandoverRecord, l.HandedOverAt, l.UpdatedAt = model.LegHandedOver, "BB-2026-17", &later, later
			return tx.UpdatePostalLeg(ctx, l)
		})
		if err != nil {
			t.Fatal(err)
		}
		legs, err := s.PostalLegs(ctx, d1.ID)
		if err != nil || len(legs) != 2 {
			t.Fatalf("legs %v %v", legs, err)
		}
		if l := legs[0]; l.Direction != model.PostalInbound || l.Status != model.LegHandedOver || l.HandoverRecord != "BB-2026-17" || !l.HandedOverAt.Equal(later) {
			t.Fatalf("inbound leg after hand-over %+v", l)
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			if _, err := tx.PostalLegByTracking(ctx, model.PostalOutbound, "EB123456789VN"); !errors.Is(err, model.ErrNotFound) {
				t.Fatalf("tracking numbers are per direction: %v", err)
			}
			if _, err := tx.PostalLegByTracking(ctx, model.PostalOutbound, ""); !errors.Is(err, model.ErrNotFound) {
				t.Fatalf("an empty tracking number finds nothing: %v", err)
			}
			l, err := tx.PostalLegOf(ctx, d2.ID, model.PostalOutbound)
			if err != nil || l.Status != model.LegDispatched {
				t.Fatalf("outbound leg %+v %v", l, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// Replay protection holds across server processes because the nonce is
// claimed in the shared database: two stores on one PostgreSQL database
// stand for two processes.
func TestPostalNonces(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		at := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
		claim := func(key, nonce string, when time.Time) bool {
			t.Helper()
			fresh, err := s.ClaimPostalNonce(ctx, key, nonce, when)
			if err != nil {
				t.Fatal(err)
			}
			return fresh
		}
		if !claim("vnpost", "nonce-0000000001", at) {
			t.Fatal("first use")
		}
		if claim("vnpost", "nonce-0000000001", at.Add(time.Minute)) {
			t.Fatal("a nonce seen before is a replay")
		}
		if !claim("other", "nonce-0000000001", at) {
			t.Fatal("nonces are per key id")
		}
		// Old nonces are purged once no timestamp that old can pass the
		// 5-minute window; a purged nonce is claimable but useless.
		if claim("vnpost", "nonce-0000000001", at.Add(10*time.Minute)) {
			t.Fatal("kept through twice the skew window")
		}
		if !claim("vnpost", "nonce-0000000001", at.Add(12*time.Minute)) {
			t.Fatal("purged after the time-to-live")
		}
	})
	t.Run("postgres_two_processes", func(t *testing.T) {
		url := storetest.PostgresURL(t)
		a, err := store.Open(ctx, store.Config{DatabaseURL: url})
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		b, err := store.Open(ctx, store.Config{DatabaseURL: url})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		at := time.Now()
		if fresh, err := a.ClaimPostalNonce(ctx, "vnpost", "shared-nonce-000001", at); err != nil || !fresh {
			t.Fatalf("process A: %v %v", fresh, err)
		}
		if fresh, err := b.ClaimPostalNonce(ctx, "vnpost", "shared-nonce-000001", at); err != nil || fresh {
			t.Fatalf("process B must see A's nonce: %v %v", fresh, err)
		}
	})
}

func TestOutboxByKey(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		d := newDossier(t, s, seed(t, s))
		at := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
		m := model.OutboxMessage{Key: "postal:result_dispatch:1", Channel: "postal", Recipient: "https://post.example/hook",
			Payload: `{"type":"result_dispatch"}`, DossierID: d.ID, CreatedAt: at}
		for range 2 {
			if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.EnqueueOutbox(ctx, m) }); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.OutboxByKey(ctx, m.Key)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID == 0 || got.Channel != "postal" || got.Recipient != m.Recipient || got.Payload != m.Payload || got.DossierID != d.ID ||
			got.Status != "pending" || !got.CreatedAt.Equal(at) || got.SentAt != nil {
			t.Fatalf("read back %+v", got)
		}
		if _, err := s.OutboxByKey(ctx, "none"); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("unknown key: %v", err)
		}
	})
}
