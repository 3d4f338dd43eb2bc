package model

import "time"

// IndexInput is one administrator-entered input of the 766 index.
type IndexInput struct {
	AgencyID    int64
	Month       int32 // YYYYMM
	Indicator   string
	Numerator   int64
	Denominator int64
	Note        string
	EnteredBy   int64
	EnteredAt   time.Time
}
