package model

// StaffContact is where an officer is told about work waiting for them.
type StaffContact struct {
	UserID int64
	Name   string
	Email  string
}
