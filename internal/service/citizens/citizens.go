package citizens

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
)

// OIDCIdentity is what an OpenID Connect provider (the national e-ID, VNeID)
// vouched for in a verified ID token. Issuer and Subject identify the person;
// the rest is their profile as the provider knows it today.
type OIDCIdentity struct {
	Issuer  string
	Subject string
	Name    string
	Email   string // empty when the provider did not give a verified one
	Phone   string
	// IDNumber is the personal identification number the e-ID asserted;
	// empty when the provider did not send it.
	IDNumber string
}

// Profile field bounds: the provider is trusted about who someone is, not
// about how much text it sends.
const (
	oidcMaxName    = 200
	oidcMaxContact = 254
)

var errCitizenInactive = apperr.New(apperr.Forbidden, "account_disabled",
	"Tài khoản của bạn đã bị khóa. Hãy liên hệ Trung tâm Phục vụ hành chính công.",
	"Your account has been disabled. Please contact the public administrative service center.")

// oidcUsername derives a stable username from the identity, without
// revealing it: a short hash of issuer and subject.
func oidcUsername(issuer, subject string) string {
	sum := sha256.Sum256([]byte(issuer + "\x00" + subject))
	return "oidc:" + hex.EncodeToString(sum[:10])
}

func clipClaim(s string, n int) string {
	s = strings.TrimSpace(strings.ToValidUTF8(s, ""))
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// CitizenFromOIDC finds the citizen holding an OpenID Connect identity, or
// creates one on the first sign-in, and brings the name, email and phone up
// to date with the provider. Two first sign-ins racing each other end with
// one user: the loser of the insertion reads the winner's row.
func (s *Citizens) CitizenFromOIDC(ctx context.Context, id OIDCIdentity) (org.User, error) {
	if id.Issuer == "" || id.Subject == "" {
		return org.User{}, errors.New("service: oidc identity without issuer or subject")
	}
	id.Name = clipClaim(id.Name, oidcMaxName)
	id.Email = clipClaim(id.Email, oidcMaxContact)
	id.Phone = clipClaim(id.Phone, oidcMaxContact)
	if !personalIDNumber(id.IDNumber) {
		id.IDNumber = "" // not a 9- or 12-digit number: not one to tie filings to
	}
	if id.Name == "" {
		id.Name = "Công dân"
	}

	acc, err := s.Store.UserByOIDC(ctx, id.Issuer, id.Subject)
	if errors.Is(err, model.ErrNotFound) {
		oidcLookupMissed()
		acc, err = s.createOIDCCitizen(ctx, id)
		if err != nil {
			return org.User{}, err
		}
	} else if err != nil {
		return org.User{}, err
	}
	if !acc.Active {
		return org.User{}, errCitizenInactive
	}
	u := acc.User
	if u.Role != org.RoleCitizen {
		// An identity bound to a staff account (by an administrator) must
		// not sign staff in through the citizen door.
		s.Log.Warn("oidc identity bound to a non-citizen user refused", "user_id", u.ID)
		return org.User{}, apperr.ErrForbidden
	}
	// Keep what the provider no longer sends: an empty claim is "not
	// shared this time", not "deleted".
	name, email, phone, idNumber := id.Name, u.Email, u.Phone, u.IDNumber
	if id.Email != "" {
		email = id.Email
	}
	if id.Phone != "" {
		phone = id.Phone
	}
	if id.IDNumber != "" {
		idNumber = id.IDNumber
	}
	if name != u.Name || email != u.Email || phone != u.Phone || idNumber != u.IDNumber {
		if err := s.Store.UpdateUserProfile(ctx, u.ID, name, email, phone, idNumber); err != nil {
			return org.User{}, err
		}
		u.Name, u.Email, u.Phone, u.IDNumber = name, email, phone, idNumber
	}
	return u, nil
}

// oidcLookupMissed runs between a lookup that found nobody and the
// insertion; tests use it to make two first sign-ins meet there.
var oidcLookupMissed = func() {}

func (s *Citizens) createOIDCCitizen(ctx context.Context, id OIDCIdentity) (model.OIDCAccount, error) {
	u := org.User{
		Username: oidcUsername(id.Issuer, id.Subject),
		Name:     id.Name,
		Role:     org.RoleCitizen,
		Email:    id.Email,
		Phone:    id.Phone,
		IDNumber: id.IDNumber,
	}
	err := s.Store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		u.ID, err = tx.CreateOIDCUser(ctx, u, id.Issuer, id.Subject, s.Now())
		return err
	})
	if err == nil {
		s.Log.Info("citizen created from oidc sign-in", "user_id", u.ID)
		return model.OIDCAccount{User: u, Active: true}, nil
	}
	if !store.IsUniqueViolation(err) {
		return model.OIDCAccount{}, err
	}
	// Someone else (the same person in another tab, another node) created
	// the user between our read and our insertion: use theirs.
	acc, rerr := s.Store.UserByOIDC(ctx, id.Issuer, id.Subject)
	if rerr != nil {
		return model.OIDCAccount{}, fmt.Errorf("service: oidc citizen after concurrent creation: %w", errors.Join(err, rerr))
	}
	return acc, nil
}

// personalIDNumber: the 12-digit personal identification number (Law
// 26/2023/QH15 on identification) or an old 9-digit identity card number.
func personalIDNumber(v string) bool {
	if len(v) != 9 && len(v) != 12 {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Profile is the actor's own account, to fill a form with what the account
// already knows about its holder.
func (s *Citizens) Profile(ctx context.Context, actor org.Actor) (org.User, error) {
	if actor.UserID == 0 {
		return org.User{}, apperr.ErrNotFound
	}
	u, err := s.Store.UserByID(ctx, actor.UserID)
	if errors.Is(err, model.ErrNotFound) {
		return org.User{}, apperr.ErrNotFound
	} else if err != nil {
		return org.User{}, fmt.Errorf("service: profile of user %d: %w", actor.UserID, err)
	}
	return u, nil
}
