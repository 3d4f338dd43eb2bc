package store_test

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

func TestPaymentsSettleOnce(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		d := newDossier(t, s, seed(t, s))
		now := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
		p := &model.Payment{Ref: "MC1AAA", DossierID: d.ID, Provider: "local", AmountVND: 150000, PayerUserID: 7, PayerName: "Nguyễn Văn A",
			CreatedAt: now, ExpiresAt: now.Add(15 * time.Minute)}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.CreatePayment(ctx, p) }); err != nil {
			t.Fatal(err)
		}
		if p.ID == 0 || p.Status != model.PaymentPending {
			t.Fatalf("created %+v", p)
		}
		// The reference is unique: a second payment cannot reuse it.
		dup := *p
		err := s.InTx(ctx, func(tx *store.Tx) error { return tx.CreatePayment(ctx, &dup) })
		if !store.IsUniqueViolation(err) {
			t.Fatalf("duplicate ref: %v", err)
		}
		// Amounts are positive whole đồng; the database refuses others too.
		err = s.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.Exec(ctx, `INSERT INTO payments (ref, dossier_id, provider, amount_vnd, payer_user_id, payer_name, created_at, expires_at)
				VALUES ('MCNEG', ?, 'local', -1, 7, 'x', 0, 0)`, d.ID)
			return err
		})
		if err == nil {
			t.Fatal("a negative amount was stored")
		}

		// Concurrent notices of the same payment: exactly one settles it.
		var settled atomic.Int32
		var wg sync.WaitGroup
		for range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := s.InTx(ctx, func(tx *store.Tx) error {
					if _, err := tx.LockPayment(ctx, p.Ref); err != nil {
						return err
					}
					ok, err := tx.SettlePayment(ctx, p.Ref, model.Settlement{Status: model.PaymentPaid, ProviderTxn: "T1", ResultCode: "00",
						ReceiptNo: "BL-261201-000001", At: now.Add(time.Minute)})
					if ok {
						settled.Add(1)
					}
					return err
				})
				if err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if settled.Load() != 1 {
			t.Fatalf("settled %d times", settled.Load())
		}
		got, err := s.PaymentByRef(ctx, p.Ref)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != model.PaymentPaid || got.ReceiptNo != "BL-261201-000001" || got.ProviderTxn != "T1" || got.SettledAt == nil ||
			!got.SettledAt.Equal(now.Add(time.Minute)) || got.AmountVND != 150000 || got.PayerName != "Nguyễn Văn A" {
			t.Fatalf("after settling %+v", got)
		}
		// A late failure notice for a paid payment changes nothing.
		err = s.InTx(ctx, func(tx *store.Tx) error {
			ok, err := tx.SettlePayment(ctx, p.Ref, model.Settlement{Status: model.PaymentFailed, ResultCode: "24", At: now})
			if ok {
				t.Error("a settled payment was settled again")
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		// A failed attempt, then a new one: the list keeps both, oldest first.
		p2 := &model.Payment{Ref: "MC1BBB", DossierID: d.ID, Provider: "local", AmountVND: 150000, PayerUserID: 7, PayerName: "A", CreatedAt: now, ExpiresAt: now}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.CreatePayment(ctx, p2); err != nil {
				return err
			}
			_, err := tx.SettlePayment(ctx, p2.Ref, model.Settlement{Status: model.PaymentFailed, ResultCode: "24", At: now})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		list, err := s.DossierPayments(ctx, d.ID)
		if err != nil || len(list) != 2 || list[0].Ref != p.Ref || list[1].Status != model.PaymentFailed || list[1].ReceiptNo != "" {
			t.Fatalf("list %+v %v", list, err)
		}
		if byID, err := s.Payment(ctx, p2.ID); err != nil || byID.Ref != p2.Ref {
			t.Fatalf("by id %+v %v", byID, err)
		}
		if _, err := s.PaymentByRef(ctx, "MCNONE"); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("unknown ref: %v", err)
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.SettlePayment(ctx, p2.Ref, model.Settlement{Status: "refunded"})
			return err
		}); err == nil {
			t.Fatal("an unknown outcome was accepted")
		}
	})
}
