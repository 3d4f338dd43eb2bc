package model

import "time"

// Reveal is one deliberate unmasking of an applicant's personal data
// (migration 0020).
type Reveal struct {
	ID        int64
	DossierID int64
	UserID    int64
	Username  string
	Role      string
	Fields    []string
	Reason    string
	At        time.Time
}
