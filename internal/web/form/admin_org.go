package form

import (
	"net/url"

	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// ParseAgency reads the administration's new-agency form
// (templates/admin_agencies.html); the service checks the rest.
func ParseAgency(f url.Values) (service.AgencyInput, error) {
	in := service.AgencyInput{Code: f.Get("code"), Name: f.Get("name"),
		Level: org.Level(f.Get("level")), Kind: org.Kind(f.Get("kind"))}
	var err error
	if in.ParentID, err = ID(f, "parent"); err == nil {
		in.OneStopID, err = ID(f, "one_stop")
	}
	return in, err
}

// ParseStaff reads the new staff account form (templates/admin_users.html).
func ParseStaff(f url.Values) (service.StaffInput, error) {
	in := service.StaffInput{Username: f.Get("username"), Name: f.Get("name"),
		Role: org.Role(f.Get("role")), Password: f.Get("password")}
	var err error
	in.AgencyID, err = ID(f, "agency")
	return in, err
}
