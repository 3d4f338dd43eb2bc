package store_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

func enqueue(t *testing.T, s *store.Store, m model.OutboxMessage) {
	t.Helper()
	if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.EnqueueOutbox(ctx, m) }); err != nil {
		t.Fatal(err)
	}
}

func TestOutboxClaimRetryDeadRequeue(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		agency := seed(t, s)
		d := newDossier(t, s, agency)
		t0 := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
		enqueue(t, s, model.OutboxMessage{Key: "k-email", Channel: "email", Recipient: "a@example.vn", Subject: "Hồ sơ", Body: "Nội dung", DossierID: d.ID, CreatedAt: t0})
		enqueue(t, s, model.OutboxMessage{Key: "k-sms", Channel: "sms", Recipient: "0912345678", Body: "Ho so", DossierID: d.ID, CreatedAt: t0})
		// The same key again keeps the first message (a replayed request).
		enqueue(t, s, model.OutboxMessage{Key: "k-email", Channel: "email", Recipient: "other@example.vn", CreatedAt: t0})
		if m, err := s.OutboxMessageByKey(ctx, "k-email"); err != nil || m.Recipient != "a@example.vn" || m.Subject != "Hồ sơ" {
			t.Fatalf("first message must stay: %+v %v", m, err)
		}
		// Only the channels asked for are claimed.
		got, err := s.ClaimOutbox(ctx, "w1", []string{"email"}, t0, time.Minute, 10)
		if err != nil || len(got) != 1 || got[0].Key != "k-email" || got[0].Attempts != 1 {
			t.Fatalf("claim: %+v %v", got, err)
		}
		// Held: a second worker gets nothing until the lease expires.
		if again, _ := s.ClaimOutbox(ctx, "w2", []string{"email"}, t0.Add(30*time.Second), time.Minute, 10); len(again) != 0 {
			t.Fatalf("a held message was claimed twice: %+v", again)
		}
		// A failure schedules the next attempt; not due before it.
		if err := s.MarkOutboxFailed(ctx, got[0], "smtp: 451 try later", t0.Add(2*time.Minute), false); err != nil {
			t.Fatal(err)
		}
		if early, _ := s.ClaimOutbox(ctx, "w2", []string{"email"}, t0.Add(time.Minute), time.Minute, 10); len(early) != 0 {
			t.Fatal("claimed before its next attempt")
		}
		second, err := s.ClaimOutbox(ctx, "w2", []string{"email"}, t0.Add(2*time.Minute), time.Minute, 10)
		if err != nil || len(second) != 1 || second[0].Attempts != 2 {
			t.Fatalf("retry claim: %+v %v", second, err)
		}
		// The first worker's claim is stale now: its record is refused.
		if err := s.MarkOutboxFailed(ctx, got[0], "late", t0, true); !errors.Is(err, model.ErrClaimLost) {
			t.Fatalf("stale claim recorded: %v", err)
		}
		if err := s.MarkOutboxFailed(ctx, second[0], "smtp: 550 mailbox unavailable", t0.Add(2*time.Minute), true); err != nil {
			t.Fatal(err)
		}
		// The other message fails once and stays pending: both are listed.
		sms, _ := s.ClaimOutbox(ctx, "w1", []string{"sms"}, t0, time.Minute, 10)
		if len(sms) != 1 {
			t.Fatalf("sms claim: %+v", sms)
		}
		if err := s.MarkOutboxFailed(ctx, sms[0], "http 503", t0.Add(time.Hour), false); err != nil {
			t.Fatal(err)
		}
		problems, err := s.OutboxProblems(ctx, 50)
		if err != nil || len(problems) != 2 {
			t.Fatalf("problems: %+v %v", problems, err)
		}
		byKey := map[string]model.OutboxMessage{}
		for _, p := range problems {
			byKey[p.Key] = p
		}
		if p := byKey["k-email"]; p.Status != model.OutboxDead || p.Attempts != 2 || p.LastError != "smtp: 550 mailbox unavailable" || p.DossierCode != d.Code {
			t.Fatalf("dead message: %+v", p)
		}
		if p := byKey["k-sms"]; p.Status != model.OutboxPending || p.LastError != "http 503" {
			t.Fatalf("failing message: %+v", p)
		}
		// Send again: a fresh round from now.
		if err := s.RequeueOutbox(ctx, byKey["k-email"].ID, t0.Add(3*time.Minute)); err != nil {
			t.Fatal(err)
		}
		third, _ := s.ClaimOutbox(ctx, "w1", []string{"email"}, t0.Add(3*time.Minute), time.Minute, 10)
		if len(third) != 1 || third[0].Attempts != 1 || third[0].Status != model.OutboxPending {
			t.Fatalf("requeued claim: %+v", third)
		}
		if err := s.MarkOutboxSent(ctx, third[0], t0.Add(3*time.Minute)); err != nil {
			t.Fatal(err)
		}
		m, _ := s.OutboxMessageByKey(ctx, "k-email")
		if m.Status != model.OutboxSent || m.SentAt == nil || !m.SentAt.Equal(t0.Add(3*time.Minute)) {
			t.Fatalf("sent: %+v", m)
		}
		// A delivered message cannot be requeued.
		if err := s.RequeueOutbox(ctx, m.ID, t0); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("requeue of a sent message: %v", err)
		}
		if ch, _ := s.PendingOutboxChannels(ctx); len(ch) != 1 || ch[0] != "sms" {
			t.Fatalf("pending channels: %v", ch)
		}
	})
}

func TestOutboxLeaseExpiryAndBurial(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		t0 := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
		for i := range 3 {
			enqueue(t, s, model.OutboxMessage{Key: fmt.Sprintf("k%d", i), Channel: "sms", Recipient: "0912345678", CreatedAt: t0.Add(time.Duration(i) * time.Second)})
		}
		// Oldest first, limit respected.
		first, _ := s.ClaimOutbox(ctx, "crashed", []string{"sms"}, t0.Add(time.Minute), time.Minute, 2)
		if len(first) != 2 {
			t.Fatalf("limit: %d", len(first))
		}
		// The worker died: after the lease its messages are claimed again.
		retaken, _ := s.ClaimOutbox(ctx, "w2", []string{"sms"}, t0.Add(2*time.Minute+time.Millisecond), time.Minute, 10)
		if len(retaken) != 3 {
			t.Fatalf("after lease expiry: %d claimed, want 3", len(retaken))
		}
		// With a limit of 2 attempts the retaken ones that die again are buried.
		n, err := s.BuryExpiredOutbox(ctx, 2, t0.Add(4*time.Minute))
		if err != nil || n != 2 {
			t.Fatalf("buried %d, want 2 (%v)", n, err)
		}
		m, _ := s.OutboxMessageByKey(ctx, "k0")
		if m.Status != model.OutboxDead || m.LastError == "" {
			t.Fatalf("buried message: %+v", m)
		}
		if m, _ := s.OutboxMessageByKey(ctx, "k2"); m.Status != model.OutboxPending {
			t.Fatalf("a message with attempts left was buried: %+v", m)
		}
	})
}

func TestNotifyPrefs(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, s *store.Store) {
		var uid int64
		if err := s.InTx(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `INSERT INTO users (username, name, role, created_at) VALUES ('dan', 'Dân', 'citizen', 0) RETURNING id`).Scan(&uid)
		}); err != nil {
			t.Fatal(err)
		}
		if p, err := s.NotifyPrefs(ctx, uid); err != nil || p.Set {
			t.Fatalf("no choice yet: %+v %v", p, err)
		}
		now := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
		if err := s.SetNotifyPrefs(ctx, uid, model.NotifyPrefs{Email: true, Zalo: true}, now); err != nil {
			t.Fatal(err)
		}
		if err := s.SetNotifyPrefs(ctx, uid, model.NotifyPrefs{SMS: true, Zalo: true}, now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		var p model.NotifyPrefs
		err := s.InTx(ctx, func(tx *store.Tx) error { var err error; p, err = tx.NotifyPrefs(ctx, uid); return err })
		if err != nil || !p.Set || p.Email || !p.SMS || !p.Zalo || !p.UpdatedAt.Equal(now.Add(time.Hour)) {
			t.Fatalf("saved choice: %+v %v", p, err)
		}
	})
}
