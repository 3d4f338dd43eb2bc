package service

import (
	"context"
	"errors"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/auth"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
)

// Sign-in policy: after MaxFailedLogins wrong passwords in a row the account
// is locked for LockDuration, which stops password guessing without locking
// people out for long.
const (
	MaxFailedLogins = 5
	LockDuration    = 15 * time.Minute
	TokenLifetime   = 12 * time.Hour
)

var errBadLogin = apperr.New(apperr.Unauthorized, "bad_credentials",
	"Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong username or password.")

// Login checks a username and password and issues a bearer token.
func (s *Service) Login(ctx context.Context, username, password string) (string, org.User, error) {
	if username == "" || password == "" {
		return "", org.User{}, apperr.New(apperr.BadInput, "credentials_required",
			"Cần nhập tên đăng nhập và mật khẩu.", "Username and password are required.")
	}
	c, err := s.Store.CredentialsByUsername(ctx, username)
	if errors.Is(err, store.ErrNotFound) {
		auth.CheckDummy(password)
		return "", org.User{}, errBadLogin
	} else if err != nil {
		return "", org.User{}, err
	}
	now := s.Now()
	if now.Before(c.LockedUntil) {
		return "", org.User{}, apperr.Newf(apperr.Locked, "account_locked",
			"Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần; thử lại sau %d phút.",
			"The account is locked after repeated wrong passwords; try again in %d minutes.",
			int(c.LockedUntil.Sub(now).Minutes())+1)
	}
	ok, err := auth.CheckPassword(c.PasswordHash, password)
	if err != nil && c.PasswordHash != "" {
		return "", org.User{}, err
	}
	if !ok {
		failed, until := c.FailedLogins+1, time.Time{}
		if failed >= MaxFailedLogins {
			failed, until = 0, now.Add(LockDuration)
			s.Log.Warn("account locked after repeated failures", "user_id", c.User.ID)
		}
		if err := s.Store.RecordLogin(ctx, c.User.ID, failed, until); err != nil {
			return "", org.User{}, err
		}
		return "", org.User{}, errBadLogin
	}
	if c.FailedLogins != 0 {
		if err := s.Store.RecordLogin(ctx, c.User.ID, 0, time.Time{}); err != nil {
			return "", org.User{}, err
		}
	}
	token, hash, err := auth.NewToken()
	if err != nil {
		return "", org.User{}, err
	}
	if err := s.Store.SaveToken(ctx, hash, c.User.ID, now.Add(TokenLifetime)); err != nil {
		return "", org.User{}, err
	}
	return token, c.User, nil
}

// Authenticate resolves a bearer token to an actor.
func (s *Service) Authenticate(ctx context.Context, token string) (org.Actor, error) {
	if token == "" {
		return org.Actor{}, apperr.ErrUnauthorized
	}
	u, err := s.Store.UserByToken(ctx, auth.HashToken(token), s.Now())
	if errors.Is(err, store.ErrNotFound) {
		return org.Actor{}, apperr.ErrUnauthorized
	} else if err != nil {
		return org.Actor{}, err
	}
	return s.ActorFor(u), nil
}

// Logout revokes a session or bearer token.
func (s *Service) Logout(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	return s.Store.DeleteToken(ctx, auth.HashToken(token))
}

// IssueToken starts a session for a user who proved who they are another
// way (OpenID Connect, the demo citizen).
func (s *Service) IssueToken(ctx context.Context, userID int64) (string, error) {
	token, hash, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	if err := s.Store.SaveToken(ctx, hash, userID, s.Now().Add(TokenLifetime)); err != nil {
		return "", err
	}
	return token, nil
}
