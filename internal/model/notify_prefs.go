package model

import "time"

// NotifyPrefs are the channels a citizen wants news of their dossiers on.
// Set is false when the citizen never chose: the caller applies the default.
type NotifyPrefs struct {
	Email, SMS, Zalo bool
	Set              bool
	UpdatedAt        time.Time
}
