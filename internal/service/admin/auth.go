package admin

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/auth"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/internal/core"
)

// Sign-in policy: after MaxFailedLogins wrong passwords in a row from one
// client address, that address is locked out of that account for
// LockDuration. The lock is per address and account, not per account, so
// that five anonymous guesses cannot lock the director out of her own desk
// (issue 16 item 8); guessing across accounts from one address is slowed by
// the per-address limit (SignInFailBurst), answered with 429 and Retry-After.
const (
	MaxFailedLogins = 5
	LockDuration    = 15 * time.Minute
	TokenLifetime   = 12 * time.Hour
)

var errBadLogin = apperr.New(apperr.Unauthorized, "bad_credentials",
	"Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong username or password.")

// Login is LoginFrom for callers without a client address (tools, tests):
// they share one address, "local".
func (s *Admin) Login(ctx context.Context, username, password string) (string, org.User, error) {
	return s.LoginFrom(ctx, "", username, password)
}

// LoginFrom checks a username and password given from the client address
// from (clientip.Key: an IPv4 address or an IPv6 /64) and issues a bearer
// token. The API's token endpoint and the web sign-in both come here.
func (s *Admin) LoginFrom(ctx context.Context, from, username, password string) (string, org.User, error) {
	if username == "" || password == "" {
		return "", org.User{}, apperr.New(apperr.BadInput, "credentials_required",
			"Cần nhập tên đăng nhập và mật khẩu.", "Username and password are required.")
	}
	if from == "" {
		from = "local"
	}
	l := s.Limits()
	if wait, out := l.Signin.Wait(from); out {
		return "", org.User{}, core.Throttle("too_many_sign_ins",
			fmt.Sprintf("Nhập sai mật khẩu quá nhiều lần từ địa chỉ này; thử lại sau %d giây.", core.Secs(wait)),
			fmt.Sprintf("Too many wrong passwords from this address; try again in %d seconds.", core.Secs(wait)), wait)
	}
	c, err := s.Store.CredentialsByUsername(ctx, username)
	if errors.Is(err, model.ErrNotFound) {
		auth.CheckDummy(password)
		l.Signin.Take(from)
		return "", org.User{}, errBadLogin
	} else if err != nil {
		return "", org.User{}, err
	}
	now := s.Now()
	failures, lockedUntil, err := s.Store.LoginFailures(ctx, c.User.ID, from)
	if err != nil {
		return "", org.User{}, err
	}
	// users.locked_until is an account-wide lock an administrator may set;
	// the automatic one is per address (login_failures).
	if c.LockedUntil.After(lockedUntil) {
		lockedUntil = c.LockedUntil
	}
	if now.Before(lockedUntil) {
		wait := lockedUntil.Sub(now)
		return "", org.User{}, &core.Throttled{Err: apperr.Newf(apperr.Locked, "account_locked",
			"Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần; thử lại sau %d phút.",
			"The account is locked after repeated wrong passwords; try again in %d minutes.",
			int(wait.Minutes())+1), After: wait}
	}
	ok, err := auth.CheckPassword(c.PasswordHash, password)
	if err != nil && c.PasswordHash != "" {
		return "", org.User{}, err
	}
	if !ok {
		l.Signin.Take(from)
		n, err := s.Store.AddLoginFailure(ctx, c.User.ID, from, now)
		if err != nil {
			return "", org.User{}, err
		}
		if n >= MaxFailedLogins {
			if err := s.Store.LockLogin(ctx, c.User.ID, from, now.Add(LockDuration)); err != nil {
				return "", org.User{}, err
			}
			s.Log.Warn("sign-in locked for one address after repeated failures", "user_id", c.User.ID)
		}
		return "", org.User{}, errBadLogin
	}
	if failures != 0 {
		if err := s.Store.ClearLoginFailures(ctx, c.User.ID, from); err != nil {
			return "", org.User{}, err
		}
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
func (s *Admin) Authenticate(ctx context.Context, token string) (org.Actor, error) {
	if token == "" {
		return org.Actor{}, apperr.ErrUnauthorized
	}
	u, err := s.Store.UserByToken(ctx, auth.HashToken(token), s.Now())
	if errors.Is(err, model.ErrNotFound) {
		return org.Actor{}, apperr.ErrUnauthorized
	} else if err != nil {
		return org.Actor{}, err
	}
	return s.ActorFor(u), nil
}

// Logout revokes a session or bearer token.
func (s *Admin) Logout(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	return s.Store.DeleteToken(ctx, auth.HashToken(token))
}

// IssueToken starts a session for a user who proved who they are another
// way (OpenID Connect, the demo citizen).
func (s *Admin) IssueToken(ctx context.Context, userID int64) (string, error) {
	token, hash, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	if err := s.Store.SaveToken(ctx, hash, userID, s.Now().Add(TokenLifetime)); err != nil {
		return "", err
	}
	return token, nil
}

var errNoDemoCitizen = apperr.New(apperr.NotFound, "demo_citizen_missing", "Không có công dân mẫu.", "There is no demo citizen.")

// DemoCitizenToken signs in the demo citizen without a password. Only the
// --demo portal calls it, so that people can try it without an e-ID
// provider; an account named "citizen" that is not a citizen's is refused.
func (s *Admin) DemoCitizenToken(ctx context.Context) (string, error) {
	c, err := s.Store.CredentialsByUsername(ctx, "citizen")
	if errors.Is(err, model.ErrNotFound) || (err == nil && c.User.Role != org.RoleCitizen) {
		return "", errNoDemoCitizen
	} else if err != nil {
		return "", fmt.Errorf("service: demo citizen: %w", err)
	}
	return s.IssueToken(ctx, c.User.ID)
}
