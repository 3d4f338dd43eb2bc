package model

import "time"

// ZaloToken is the Zalo Official Account's OAuth pair, one row shared by
// every node (migration 0021). The tokens are secrets: never logged.
type ZaloToken struct {
	Access    string
	Refresh   string
	ExpiresAt time.Time
	// Version changes with every stored pair: a node that saw an older one
	// knows another node has refreshed since.
	Version     int64
	LeaseHolder string
	LeaseUntil  time.Time
}
