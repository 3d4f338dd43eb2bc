package ratelimit

import (
	"fmt"
	"testing"
	"time"
)

func TestBurstThenRefill(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	l := New(3, 10*time.Second, func() time.Time { return now })
	for i := range 3 {
		if ok, _ := l.Allow("a"); !ok {
			t.Fatalf("event %d of the burst refused", i+1)
		}
	}
	ok, wait := l.Allow("a")
	if ok || wait != 10*time.Second {
		t.Fatalf("fourth event: ok=%v wait=%v, want refused for 10s", ok, wait)
	}
	if ok, _ := l.Allow("b"); !ok {
		t.Fatal("another key shares the first one's bucket")
	}
	now = now.Add(4 * time.Second)
	if _, wait := l.Allow("a"); wait != 6*time.Second {
		t.Fatalf("after 4 s the wait is %v, want 6s", wait)
	}
	now = now.Add(6 * time.Second)
	if ok, _ := l.Allow("a"); !ok {
		t.Fatal("a token is back after 10 s")
	}
}

func TestWaitAndTake(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	l := New(2, time.Minute, func() time.Time { return now })
	if _, out := l.Wait("a"); out {
		t.Fatal("a fresh key is out")
	}
	l.Take("a")
	l.Take("a")
	l.Take("a") // never below empty
	if wait, out := l.Wait("a"); !out || wait != time.Minute {
		t.Fatalf("after two takes: out=%v wait=%v", out, wait)
	}
}

func TestMemoryIsBounded(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	l := New(1, time.Hour, func() time.Time { return now })
	for i := range maxKeys + 10 {
		l.Allow(fmt.Sprint(i))
	}
	if len(l.buckets) > maxKeys {
		t.Fatalf("%d buckets kept, at most %d", len(l.buckets), maxKeys)
	}
}
