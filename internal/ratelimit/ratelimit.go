// Package ratelimit keeps token buckets by key (a client address) in memory.
//
// The buckets belong to one process. With several `motcua serve` nodes behind
// a load balancer each node counts on its own, so a client may get up to N
// times the rate; that is accepted because the limits only have to make
// guessing and enumeration slow, and a shared counter would put a database
// write on every public request. What must hold across nodes (the sign-in
// lockout per address and account) is kept in the database instead.
package ratelimit

import (
	"math"
	"sync"
	"time"
)

// maxKeys bounds the memory a flood of distinct addresses can take: when the
// table is full, buckets that have refilled are dropped first; if none has,
// the oldest half goes (a client then starts again with a full bucket, which
// is the lesser harm than refusing everyone new).
const maxKeys = 100_000

// Limiter allows Burst events at once per key, refilling one every Every.
type Limiter struct {
	Burst int
	Every time.Duration
	Now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

// New builds a limiter reading time from now.
func New(burst int, every time.Duration, now func() time.Time) *Limiter {
	return &Limiter{Burst: burst, Every: every, Now: now, buckets: map[string]*bucket{}}
}

// Allow takes one token for key. When none is left it answers false and how
// long until one is back (for Retry-After).
func (l *Limiter) Allow(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.Now()
	b := l.refill(key, now)
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration(math.Ceil((1 - b.tokens) * float64(l.Every)))
}

// Wait tells, without taking a token, whether key is out of tokens and for
// how long; Take then charges one (a sign-in is charged only when it fails).
func (l *Limiter) Wait(key string) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.refill(key, l.Now())
	if b.tokens >= 1 {
		return 0, false
	}
	return time.Duration(math.Ceil((1 - b.tokens) * float64(l.Every))), true
}

// Take charges one token to key, going no lower than empty.
func (l *Limiter) Take(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.refill(key, l.Now())
	b.tokens = max(b.tokens-1, 0)
}

func (l *Limiter) refill(key string, now time.Time) *bucket {
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= maxKeys {
			l.sweep(now)
		}
		b = &bucket{tokens: float64(l.Burst), at: now}
		l.buckets[key] = b
		return b
	}
	if el := now.Sub(b.at); el > 0 {
		b.tokens = min(float64(l.Burst), b.tokens+float64(el)/float64(l.Every))
		b.at = now
	}
	return b
}

func (l *Limiter) sweep(now time.Time) {
	full := time.Duration(l.Burst) * l.Every
	for k, b := range l.buckets {
		if now.Sub(b.at) >= full {
			delete(l.buckets, k)
		}
	}
	if len(l.buckets) < maxKeys {
		return
	}
	n := 0
	for k := range l.buckets {
		if n >= maxKeys/2 {
			break
		}
		delete(l.buckets, k)
		n++
	}
}
