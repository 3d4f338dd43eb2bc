package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/model"
)

// ErrNoZaloToken says no refresh token was ever seeded.
var ErrNoZaloToken = errors.New("store: no Zalo token seeded")

func seedHash(seed string) string {
	h := sha256.Sum256([]byte(seed))
	return hex.EncodeToString(h[:])
}

// SeedZaloToken installs the operator's refresh token (MOTCUA_ZALO_REFRESH_TOKEN)
// unless the stored pair already grew from this same seed: the seed is spent
// by the first refresh, so restarting with it must not overwrite the rotated
// pair, while a new seed (the operator authorised the app again) replaces it.
func (s *Store) SeedZaloToken(ctx context.Context, refresh string, now time.Time) error {
	h := seedHash(refresh)
	_, err := s.Exec(ctx, `INSERT INTO zalo_token (id, refresh_token, seed_sha256, updated_at) VALUES (1, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET refresh_token = excluded.refresh_token, access_token = '', expires_at = 0,
			version = zalo_token.version + 1, lease_holder = '', lease_until = 0,
			seed_sha256 = excluded.seed_sha256, updated_at = excluded.updated_at
		WHERE zalo_token.seed_sha256 <> excluded.seed_sha256`, refresh, h, ms(now))
	if err != nil {
		return fmt.Errorf("store: seed Zalo token: %w", err)
	}
	return nil
}

// GetZaloToken reads the stored pair.
func (s *Store) GetZaloToken(ctx context.Context) (model.ZaloToken, error) {
	var (
		t                   model.ZaloToken
		expires, leaseUntil int64
	)
	err := s.QueryRow(ctx, `SELECT access_token, refresh_token, expires_at, version, lease_holder, lease_until
		FROM zalo_token WHERE id = 1`).Scan(&t.Access, &t.Refresh, &expires, &t.Version, &t.LeaseHolder, &leaseUntil)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNoZaloToken
	}
	if err != nil {
		return t, fmt.Errorf("store: read Zalo token: %w", err)
	}
	t.ExpiresAt, t.LeaseUntil = time.UnixMilli(expires), time.UnixMilli(leaseUntil)
	return t, nil
}

// LeaseZaloRefresh takes the right to spend the refresh token of version,
// until the given time: a compare-and-swap that only one node wins while the
// pair is unchanged and no other lease runs. The refresh token is single use,
// so a second node spending it would get an error from Zalo and, worse, could
// overwrite the good pair with nothing.
func (s *Store) LeaseZaloRefresh(ctx context.Context, version int64, holder string, now, until time.Time) (bool, error) {
	res, err := s.Exec(ctx, `UPDATE zalo_token SET lease_holder = ?, lease_until = ?
		WHERE id = 1 AND version = ? AND lease_until <= ?`, holder, ms(until), version, ms(now))
	if err != nil {
		return false, fmt.Errorf("store: lease Zalo refresh: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// StoreZaloToken writes the pair Zalo answered, under the holder's lease, and
// ends the lease. false means the lease was lost (the pair changed meanwhile).
func (s *Store) StoreZaloToken(ctx context.Context, holder string, version int64, access, refresh string, expires, now time.Time) (bool, error) {
	res, err := s.Exec(ctx, `UPDATE zalo_token SET access_token = ?, refresh_token = ?, expires_at = ?, version = version + 1,
		lease_holder = '', lease_until = 0, updated_at = ?
		WHERE id = 1 AND version = ? AND lease_holder = ?`, access, refresh, ms(expires), ms(now), version, holder)
	if err != nil {
		return false, fmt.Errorf("store: store Zalo token: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// ReleaseZaloLease gives the lease back after a refresh that failed before
// Zalo answered with a new pair, so another attempt need not wait it out.
func (s *Store) ReleaseZaloLease(ctx context.Context, holder string) error {
	if _, err := s.Exec(ctx, `UPDATE zalo_token SET lease_holder = '', lease_until = 0 WHERE id = 1 AND lease_holder = ?`, holder); err != nil {
		return fmt.Errorf("store: release Zalo lease: %w", err)
	}
	return nil
}
