package notify_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// clock is a movable time for workers.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func enqueue(t *testing.T, st *store.Store, msgs ...model.OutboxMessage) {
	t.Helper()
	err := st.InTx(ctx, func(tx *store.Tx) error {
		for _, m := range msgs {
			if err := tx.EnqueueOutbox(ctx, m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBackoff(t *testing.T) {
	base, max := 30*time.Second, time.Hour
	for _, c := range []struct {
		attempt int
		jitter  float64
		want    time.Duration
	}{
		{1, 0.5, 30 * time.Second},
		{2, 0.5, time.Minute},
		{3, 0.5, 2 * time.Minute},
		{8, 0.5, time.Hour}, // 64 min, capped
		{1, 0, 24 * time.Second},
		{1, 0.999999, 36 * time.Second},
	} {
		want := c.want
		got := notify.Backoff(c.attempt, base, max, c.jitter)
		if got.Round(time.Second) != want {
			t.Errorf("attempt %d jitter %v: %v, want %v", c.attempt, c.jitter, got, want)
		}
	}
}

func TestWorkerRetriesThenDeadThenRequeue(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		clk := &clock{t: time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)}
		enqueue(t, st, model.OutboxMessage{Key: "k1", Channel: "sms", Recipient: "0912345678", Body: "x", CreatedAt: clk.now()},
			model.OutboxMessage{Key: "k-zalo", Channel: "zalo", Recipient: "0912345678", CreatedAt: clk.now()})
		var calls int
		fail := true
		sms := notify.SenderFunc(func(ctx context.Context, m model.OutboxMessage) error {
			calls++
			if fail {
				return errors.New("gateway 0912345678 busy")
			}
			return nil
		})
		w := notify.NewWorker(st, notify.Config{Senders: map[string]notify.Sender{"sms": sms}, MaxAttempts: 3,
			BaseDelay: 30 * time.Second, MaxDelay: time.Hour, Now: clk.now, Jitter: func() float64 { return 0.5 }, Log: quiet})
		wantNext := []time.Duration{30 * time.Second, time.Minute}
		for i, wait := range wantNext {
			if n, err := w.RunOnce(ctx); n != 1 || err != nil {
				t.Fatalf("round %d: %d %v", i, n, err)
			}
			m, _ := st.OutboxMessageByKey(ctx, "k1")
			if m.Status != model.OutboxPending || m.Attempts != i+1 || !m.NextAt.Equal(clk.now().Add(wait)) {
				t.Fatalf("after failure %d: %+v", i+1, m)
			}
			// The phone never reaches the stored error.
			if m.LastError != "gateway 09******78 busy" {
				t.Fatalf("stored error %q", m.LastError)
			}
			// Not due yet: nothing happens.
			if n, _ := w.RunOnce(ctx); n != 0 {
				t.Fatal("retried before its time")
			}
			clk.add(wait)
		}
		w.RunOnce(ctx)
		m, _ := st.OutboxMessageByKey(ctx, "k1")
		if m.Status != model.OutboxDead || m.Attempts != 3 || calls != 3 {
			t.Fatalf("after the last attempt: %+v, %d calls", m, calls)
		}
		// No sender for Zalo here: it waits, its attempts untouched.
		if z, _ := st.OutboxMessageByKey(ctx, "k-zalo"); z.Status != model.OutboxPending || z.Attempts != 0 {
			t.Fatalf("unserved channel: %+v", z)
		}
		// An administrator sends it again; the gateway is back.
		if err := st.RequeueOutbox(ctx, m.ID, clk.now()); err != nil {
			t.Fatal(err)
		}
		fail = false
		w.RunOnce(ctx)
		if m, _ := st.OutboxMessageByKey(ctx, "k1"); m.Status != model.OutboxSent || m.SentAt == nil {
			t.Fatalf("after requeue: %+v", m)
		}
	})
}

func TestWorkerPermanentFailureGoesStraightToDead(t *testing.T) {
	st := storetest.SQLite(t)
	clk := &clock{t: time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)}
	enqueue(t, st, model.OutboxMessage{Key: "k1", Channel: "email", Recipient: "a@example.vn", CreatedAt: clk.now()})
	peer := newSMTPPeer(t)
	peer.refuse = 550
	s, _ := notify.NewEmailSender(notify.SMTPConfig{Addr: peer.Addr, From: "khongtraloi@h99.gov.vn"})
	w := notify.NewWorker(st, notify.Config{Senders: map[string]notify.Sender{"email": s}, MaxAttempts: 8, Now: clk.now, Log: quiet})
	w.RunOnce(ctx)
	m, _ := st.OutboxMessageByKey(ctx, "k1")
	if m.Status != model.OutboxDead || m.Attempts != 1 {
		t.Fatalf("550 after one attempt: %+v", m)
	}
	if m.LastError == "" || strings.Contains(m.LastError, "a@example.vn") {
		t.Fatalf("stored error must say why without the address: %q", m.LastError)
	}
}

// TestNoDuplicateSendAfterCrash: a worker sends and dies before recording.
// After its lease the message is claimed again and sent again with the same
// key; each peer, de-duplicating by key, delivers it once.
func TestNoDuplicateSendAfterCrash(t *testing.T) {
	st := storetest.SQLite(t)
	clk := &clock{t: time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)}
	smtpPeer := newSMTPPeer(t)
	smsPeer := newHTTPPeer(t, "request_id", func(*http.Request, map[string]any) string { return "" })
	zaloPeer := newHTTPPeer(t, "tracking_id", func(*http.Request, map[string]any) string { return "" })
	zaloPeer.answer = `{"error":0,"message":"Success"}`
	email, _ := notify.NewEmailSender(notify.SMTPConfig{Addr: smtpPeer.Addr, From: "khongtraloi@h99.gov.vn"})
	sms, _ := notify.NewSMSSender(notify.SMSConfig{URL: smsPeer.URL, APIKey: "k"})
	zalo, _ := notify.NewZaloSender(notify.ZaloConfig{URL: zaloPeer.URL, AccessToken: "t", Templates: map[string]string{"received": "1"}})
	senders := map[string]notify.Sender{"email": email, "sms": sms, "zalo": zalo}
	zp, _ := json.Marshal(notify.ZaloPayload{Template: "received", Data: map[string]string{"dossier_code": "X"}})
	enqueue(t, st,
		model.OutboxMessage{Key: "dossier:1:v2:email", Channel: "email", Recipient: "a@example.vn", Subject: "Hồ sơ", Body: "Nội dung", CreatedAt: clk.now()},
		model.OutboxMessage{Key: "dossier:1:v2:sms", Channel: "sms", Recipient: "0912345678", Body: "Ho so", CreatedAt: clk.now()},
		model.OutboxMessage{Key: "dossier:1:v2:zalo", Channel: "zalo", Recipient: "0912345678", Payload: string(zp), CreatedAt: clk.now()})
	lease := 5 * time.Minute
	// The crashing worker: it claims and sends, then stops before recording.
	claimed, err := st.ClaimOutbox(ctx, "crashing", []string{"email", "sms", "zalo"}, clk.now(), lease, 10)
	if err != nil || len(claimed) != 3 {
		t.Fatalf("claim: %d %v", len(claimed), err)
	}
	for _, m := range claimed {
		if err := senders[m.Channel].Send(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	w := notify.NewWorker(st, notify.Config{Senders: senders, Lease: lease, Now: clk.now, Log: quiet})
	// Within the lease nobody else touches them.
	if n, _ := w.RunOnce(ctx); n != 0 {
		t.Fatalf("claimed within the lease: %d", n)
	}
	clk.add(lease + time.Second)
	if n, err := w.RunOnce(ctx); n != 3 || err != nil {
		t.Fatalf("after the lease: %d %v", n, err)
	}
	for _, k := range []string{"dossier:1:v2:email", "dossier:1:v2:sms", "dossier:1:v2:zalo"} {
		if m, _ := st.OutboxMessageByKey(ctx, k); m.Status != model.OutboxSent || m.Attempts != 2 {
			t.Fatalf("%s: %+v", k, m)
		}
	}
	if len(smtpPeer.delivered()) != 1 || len(smsPeer.delivered()) != 1 || len(zaloPeer.delivered()) != 1 {
		t.Fatalf("deliveries: e-mail %d, SMS %d, Zalo %d; want one each", len(smtpPeer.delivered()), len(smsPeer.delivered()), len(zaloPeer.delivered()))
	}
}

// TestTwoWorkersOnPostgres: two processes (two stores on one database) with
// two workers each drain the outbox together; every message is sent once.
func TestTwoWorkersOnPostgres(t *testing.T) {
	url := storetest.PostgresURL(t)
	open := func() *store.Store {
		st, err := store.Open(ctx, store.Config{DatabaseURL: url})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	a, b := open(), open()
	const n = 400
	var msgs []model.OutboxMessage
	for i := range n {
		msgs = append(msgs, model.OutboxMessage{Key: fmt.Sprintf("k%03d", i), Channel: "sms", Recipient: "0912345678", Body: "x"})
	}
	enqueue(t, a, msgs...)
	var mu sync.Mutex
	sends := map[string]int{}
	by := map[string]int{}
	sender := func(name string) notify.Sender {
		return notify.SenderFunc(func(ctx context.Context, m model.OutboxMessage) error {
			mu.Lock()
			sends[m.Key]++
			by[name]++
			mu.Unlock()
			time.Sleep(200 * time.Microsecond) // a little work, so that claims interleave
			return nil
		})
	}
	cctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	for i, st := range []*store.Store{a, b, a, b} {
		name := fmt.Sprintf("p%d-w%d", i%2, i)
		w := notify.NewWorker(st, notify.Config{Name: name, Senders: map[string]notify.Sender{"sms": sender(name)}, Batch: 7, Log: quiet})
		wg.Add(1)
		go func() {
			defer wg.Done()
			for cctx.Err() == nil {
				k, err := w.RunOnce(cctx)
				if err != nil {
					t.Error(err)
					return
				}
				if k == 0 {
					return
				}
			}
		}()
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if len(sends) != n {
		t.Fatalf("%d of %d messages sent", len(sends), n)
	}
	for k, c := range sends {
		if c != 1 {
			t.Fatalf("%s sent %d times", k, c)
		}
	}
	busy := 0
	for _, c := range by {
		if c > 0 {
			busy++
		}
	}
	if busy < 2 {
		t.Fatalf("the work was not shared: %v", by)
	}
	var pending int
	a.QueryRow(ctx, `SELECT COUNT(*) FROM outbox WHERE status <> 'sent'`).Scan(&pending)
	if pending != 0 {
		t.Fatalf("%d messages not recorded as sent", pending)
	}
	t.Logf("deliveries per worker: %v", by)
}

// TestUnservedChannelIsLoggedOnce: a message for a channel this process has
// no sender for stays pending with its attempts untouched, and the gap is
// logged once, not at every poll.
func TestUnservedChannelIsLoggedOnce(t *testing.T) {
	st := storetest.SQLite(t)
	enqueue(t, st, model.OutboxMessage{Key: "k-zalo", Channel: "zalo", Recipient: "0912345678"})
	var buf syncBuffer
	w := notify.NewWorker(st, notify.Config{Senders: map[string]notify.Sender{"sms": notify.SenderFunc(func(context.Context, model.OutboxMessage) error { return nil })},
		Poll: 10 * time.Millisecond, Log: slog.New(slog.NewTextHandler(&buf, nil))})
	for range 3 {
		rctx, cancel := context.WithTimeout(ctx, 60*time.Millisecond)
		w.Run(rctx)
		cancel()
	}
	if n := strings.Count(buf.String(), "no sender configured"); n != 1 || !strings.Contains(buf.String(), "channel=zalo") {
		t.Fatalf("logged %d times:\n%s", n, buf.String())
	}
	if m, _ := st.OutboxMessageByKey(ctx, "k-zalo"); m.Status != model.OutboxPending || m.Attempts != 0 {
		t.Fatalf("unserved message touched: %+v", m)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }
