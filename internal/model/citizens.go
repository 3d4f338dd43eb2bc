package model

import "github.com/motcua/motcua/internal/org"

// OIDCAccount is a user known by an OpenID Connect identity: the pair
// (issuer, subject), never the ID number, identifies a citizen.
type OIDCAccount struct {
	User   org.User
	Active bool
}
