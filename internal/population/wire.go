package population

import (
	"fmt"
	"strings"
)

// The wire of the look-up. The population database's exchange format is
// not public: these names are ours, modelled on the DVCQG adapter
// (Vietnamese camel case, error_code "0" for success, results in "result").
// A province maps them to its platform's version here and nowhere else.
type WireQuery struct {
	IDNumber   string `json:"soDinhDanh"`
	ConsentRef string `json:"maDongY"`
	UnitCode   string `json:"maDonVi"`
	Requester  string `json:"nguoiYeuCau,omitempty"`
}

type WireAnswer struct {
	ErrorCode string       `json:"error_code"`
	Message   string       `json:"error_message,omitempty"`
	Result    *WireCitizen `json:"result,omitempty"`
}

type WireCitizen struct {
	IDNumber         string `json:"soDinhDanh"`
	FullName         string `json:"hoVaTen"`
	DateOfBirth      string `json:"ngaySinh"` // yyyyMMdd, yyyyMM or yyyy
	PermanentAddress string `json:"noiThuongTru"`
}

// Answer codes of the look-up (ours; see above).
const (
	CodeOK       = "0"
	CodeNotFound = "404"
	CodeRefused  = "403"
)

// isoDate turns the register's yyyyMMdd (or shorter, when only the year or
// month is known) into ISO 8601.
func isoDate(s string) (string, error) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", fmt.Errorf("population: date of birth is not digits")
		}
	}
	switch len(s) {
	case 8:
		return s[:4] + "-" + s[4:6] + "-" + s[6:], nil
	case 6:
		return s[:4] + "-" + s[4:], nil
	case 4:
		return s, nil
	}
	return "", fmt.Errorf("population: date of birth has %d digits", len(s))
}

// WireDate is the register's form of an ISO date.
func WireDate(iso string) string { return strings.ReplaceAll(iso, "-", "") }
