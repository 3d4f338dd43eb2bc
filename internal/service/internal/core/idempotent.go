package core

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
)

// Render turns a dossier into the response body stored for idempotent
// replays; the transport supplies it so that a replay is byte-identical.
type Render func(*dossier.Dossier) ([]byte, error)

// Result is the outcome of a write: the status code and body to send.
type Result struct {
	Status  int
	Body    []byte
	Replay  bool
	Dossier *dossier.Dossier
}

// RequestHash fingerprints a request body for idempotency checks.
func RequestHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

var (
	ErrKeyRequired = apperr.New(apperr.BadInput, "idempotency_key_required",
		"Thiếu tiêu đề Idempotency-Key (một chuỗi ngẫu nhiên cho mỗi thao tác, gửi lại nguyên chuỗi khi thử lại).",
		"The Idempotency-Key header is required (a random string per operation, sent again unchanged on retry).")
	ErrKeyReused = apperr.New(apperr.Invalid, "idempotency_key_reused",
		"Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy tạo khóa mới.",
		"This Idempotency-Key was already used for a different request; generate a new key.")
)

// CheckKey refuses a missing or oversized idempotency key.
func CheckKey(key string) error {
	if key == "" {
		return ErrKeyRequired
	}
	if len(key) > 200 {
		return apperr.New(apperr.BadInput, "idempotency_key_too_long", "Idempotency-Key dài tối đa 200 ký tự.", "Idempotency-Key is at most 200 characters.")
	}
	return nil
}

// IdemScope is the namespace of an actor's idempotency keys.
func IdemScope(actor org.Actor) string { return fmt.Sprintf("user:%d", actor.UserID) }

// Idempotent runs write inside a transaction guarded by the key: a repeat
// of the same request returns the stored response and changes nothing.
func (s *Core) Idempotent(ctx context.Context, actor org.Actor, key, hash string, write func(tx *store.Tx) (*Result, error)) (*Result, error) {
	if err := CheckKey(key); err != nil {
		return nil, err
	}
	scope := IdemScope(actor)
	var res *Result
	err := s.Store.InTx(ctx, func(tx *store.Tx) error {
		replay, err := tx.ClaimIdempotencyKey(ctx, scope, key, hash)
		if err != nil {
			return err
		}
		if replay != nil {
			if replay.RequestHash != hash {
				return ErrKeyReused
			}
			res = &Result{Status: replay.StatusCode, Body: replay.Response, Replay: true}
			return nil
		}
		if res, err = write(tx); err != nil {
			return err
		}
		return tx.CompleteIdempotencyKey(ctx, scope, key, res.Status, res.Body)
	})
	if store.IsUniqueViolation(err) {
		// A concurrent request with the same key won the race (PostgreSQL):
		// answer with its response.
		replay, rerr := s.Store.IdempotentReplay(ctx, scope, key)
		if rerr != nil {
			return nil, errors.Join(err, rerr)
		}
		if replay.RequestHash != hash {
			return nil, ErrKeyReused
		}
		return &Result{Status: replay.StatusCode, Body: replay.Response, Replay: true}, nil
	}
	return res, err
}
