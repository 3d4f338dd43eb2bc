package core

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/ratelimit"
)

// Per-address limits. They are kept in each process's memory (see package
// ratelimit): with N nodes a client may get N times these rates, which still
// makes guessing slow; the sign-in lockout, which must add up across nodes,
// is in the database.
const (
	// SignInFailBurst wrong passwords from one address, then one more every
	// SignInFailEvery: enough for an office behind one NAT address, far too
	// few to try passwords across many accounts.
	SignInFailBurst = 20
	SignInFailEvery = 15 * time.Second
	// TrackBurst public look-ups from one address, then one every TrackEvery.
	TrackBurst = 20
	TrackEvery = 3 * time.Second
)

// Throttled is a client-safe refusal that also says when to come back; the
// transports turn After into Retry-After.
type Throttled struct {
	Err   *apperr.Error
	After time.Duration
}

func (t *Throttled) Error() string { return t.Err.Error() }
func (t *Throttled) Unwrap() error { return t.Err }

// RetryAfter is how long the client should wait, at least one second.
func (t *Throttled) RetryAfter() time.Duration { return max(t.After, time.Second) }

// Throttle is a Throttled refusal under a client-safe code and message.
func Throttle(code, vi, en string, after time.Duration) *Throttled {
	return &Throttled{Err: apperr.New(apperr.Locked, code, vi, en), After: after}
}

// Limits are the per-address limiters and the tracking key's secret.
type Limits struct {
	once   sync.Once
	Signin *ratelimit.Limiter
	Track  *ratelimit.Limiter

	keyMu  sync.Mutex
	keyKey []byte // the secret behind the tracking keys, once read
}

// Limits are the rate limits, built on first use over the clock.
func (s *Core) Limits() *Limits {
	s.limits.once.Do(func() {
		now := func() time.Time { return s.Now() }
		s.limits.Signin = ratelimit.New(SignInFailBurst, SignInFailEvery, now)
		s.limits.Track = ratelimit.New(TrackBurst, TrackEvery, now)
	})
	return &s.limits
}

// trackSecret is the server secret the tracking keys derive from, created
// once in the database by the first node that needs it.
func (s *Core) trackSecret(ctx context.Context) ([]byte, error) {
	l := s.Limits()
	l.keyMu.Lock()
	defer l.keyMu.Unlock()
	if l.keyKey != nil {
		return l.keyKey, nil
	}
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, err
	}
	secret, err := s.Store.ServerSecret(ctx, "track_key", hex.EncodeToString(fresh), s.Now())
	if err != nil {
		return nil, fmt.Errorf("service: tracking secret: %w", err)
	}
	l.keyKey, err = hex.DecodeString(secret)
	if err != nil {
		return nil, fmt.Errorf("service: tracking secret is not hex: %w", err)
	}
	return l.keyKey, nil
}

// TrackKey is the lookup key printed on Form 01 beside the dossier code (and
// carried by its QR code): eight characters of an HMAC of the code under the
// server secret. Like the DVCQG lookups, which ask for a second factor
// besides the code, it keeps a guessed or sequential code (Circular 01/2018
// Art. 19 codes are dated and counted) from opening more than the bare status.
func (s *Core) TrackKey(ctx context.Context, code string) (string, error) {
	secret, err := s.trackSecret(ctx)
	if err != nil {
		return "", err
	}
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("track\x00" + strings.TrimSpace(code)))
	k := base32.StdEncoding.EncodeToString(m.Sum(nil))[:8]
	return k[:4] + "-" + k[4:], nil
}

// NormalKey reads a key as typed: case, spaces and dashes do not matter.
func NormalKey(k string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '-' || r == ' ':
			return -1
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, strings.TrimSpace(k))
}

// Secs rounds a wait up to whole seconds, for messages.
func Secs(d time.Duration) int { return int((d + time.Second - 1) / time.Second) }
