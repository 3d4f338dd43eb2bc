package model

import (
	"errors"
	"time"

	"github.com/motcua/motcua/internal/org"
)

// ErrNotFound is returned when a row does not exist.
var ErrNotFound = errors.New("store: not found")

// Credentials is what sign-in needs to know about a user.
type Credentials struct {
	User         org.User
	PasswordHash string
	FailedLogins int
	LockedUntil  time.Time
}

// Counter is a reception desk of a one-stop agency.
type Counter struct {
	ID       int64  `json:"id"`
	AgencyID int64  `json:"agency_id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
}
