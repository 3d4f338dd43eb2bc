package model

import (
	"time"

	"github.com/motcua/motcua/internal/org"
)

// UserAccount is a user as administrators see it.
type UserAccount struct {
	org.User
	Active      bool
	LockedUntil time.Time
	CreatedAt   time.Time
}

// UserFilter narrows the list of accounts.
type UserFilter struct {
	Q     string // part of the username or of the name (without diacritics)
	Staff bool   // only staff (no citizens)
	Limit int
}
