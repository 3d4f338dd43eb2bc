package main

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/config"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/store"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// serveConfig is serve's configuration for args and env, as serveMain reads it.
func serveConfig(t testing.TB, env func(string) string, args ...string) *config.Config {
	t.Helper()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c, err := config.Parse(fs, args, env)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNotifyFromEnv(t *testing.T) {
	senders, cfg, err := notifyFromEnv(envOf(map[string]string{
		"MOTCUA_SMTP_ADDR": "127.0.0.1:2525", "MOTCUA_SMTP_FROM": "Trung tâm <khongtraloi@h99.gov.vn>",
		"MOTCUA_SMS_URL": "http://127.0.0.1:9/sms", "MOTCUA_SMS_KEY": "k",
		"MOTCUA_ZALO_URL": "http://127.0.0.1:9/zns", "MOTCUA_ZALO_TOKEN": "t", "MOTCUA_ZALO_TEMPLATE_RECEIVED": "301245",
		"MOTCUA_ZALO_PERMANENT_CODES": "-108, -118",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(senders) != 3 || senders["email"] == nil || senders["sms"] == nil || senders["zalo"] == nil {
		t.Fatalf("senders %v, config %+v", senders, cfg)
	}
	if s, _, _ := notifyFromEnv(envOf(nil)); len(s) != 0 {
		t.Fatalf("nothing configured, no senders: %v", s)
	}
	for _, bad := range []map[string]string{
		{"MOTCUA_SMTP_ADDR": "127.0.0.1:2525"}, // no sender address
		{"MOTCUA_SMTP_ADDR": "no-port", "MOTCUA_SMTP_FROM": "a@b.vn"},
		{"MOTCUA_SMS_URL": "http://x/sms"},  // no key
		{"MOTCUA_ZALO_URL": "http://x/zns"}, // no token
		{"MOTCUA_ZALO_URL": "http://x/zns", "MOTCUA_ZALO_TOKEN": "t", "MOTCUA_ZALO_PERMANENT_CODES": "abc"},
	} {
		if _, _, err := notifyFromEnv(envOf(bad)); err == nil {
			t.Errorf("%v: accepted", bad)
		}
	}
}

// TestBackgroundDeliversAndStops: the workers serve starts deliver what is
// in the outbox through the configured gateway and the extra senders, and
// stop with the serve context.
func TestBackgroundDeliversAndStops(t *testing.T) {
	var mu sync.Mutex
	var got []map[string]string
	gw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b map[string]string
		json.NewDecoder(r.Body).Decode(&b)
		if r.Header.Get("X-API-Key") != "sms-key" {
			http.Error(w, "key", 401)
			return
		}
		mu.Lock()
		got = append(got, b)
		mu.Unlock()
	}))
	defer gw.Close()
	t.Setenv("MOTCUA_SMS_URL", gw.URL)
	t.Setenv("MOTCUA_SMS_KEY", "sms-key")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc, st, err := openService(context.Background(), filepath.Join(t.TempDir(), "data"), log)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	posted := make(chan string, 1)
	postal := notify.SenderFunc(func(ctx context.Context, m model.OutboxMessage) error { posted <- m.Key; return nil })
	ctx, cancel := context.WithCancel(context.Background())
	if err := startBackground(ctx, svc, st, log, serveConfig(t, os.Getenv, "--base-url", "https://dichvucong.h99.gov.vn/"), map[string]notify.Sender{"postal": postal}); err != nil {
		t.Fatal(err)
	}
	if svc.Notify.BaseURL != "https://dichvucong.h99.gov.vn" {
		t.Fatalf("base URL for links: %q", svc.Notify.BaseURL)
	}
	err = st.InTx(context.Background(), func(tx *store.Tx) error {
		if err := tx.EnqueueOutbox(context.Background(), model.OutboxMessage{Key: "k-sms", Channel: "sms", Recipient: "0912345678", Body: "Ho so da duoc tiep nhan"}); err != nil {
			return err
		}
		return tx.EnqueueOutbox(context.Background(), model.OutboxMessage{Key: "k-post", Channel: "postal", Recipient: "https://post.example.vn/hook"})
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case k := <-posted:
		if k != "k-post" {
			t.Fatalf("postal sender got %q", k)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the extra sender was not used")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		m, _ := st.OutboxMessageByKey(context.Background(), "k-sms")
		if m.Status == model.OutboxSent {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("SMS not delivered: %+v", m)
		}
		time.Sleep(20 * time.Millisecond)
	}
	mu.Lock()
	if len(got) != 1 || got[0]["request_id"] != "k-sms" || !strings.Contains(got[0]["message"], "tiep nhan") {
		t.Fatalf("gateway received %v", got)
	}
	mu.Unlock()
	cancel()
	// Stopped: a message enqueued now stays pending.
	time.Sleep(100 * time.Millisecond)
	st.InTx(context.Background(), func(tx *store.Tx) error {
		return tx.EnqueueOutbox(context.Background(), model.OutboxMessage{Key: "k-late", Channel: "sms", Recipient: "0912345678", Body: "x"})
	})
	time.Sleep(2500 * time.Millisecond)
	if m, _ := st.OutboxMessageByKey(context.Background(), "k-late"); m.Status != model.OutboxPending || m.Attempts != 0 {
		t.Fatalf("a stopped worker delivered: %+v", m)
	}
}
