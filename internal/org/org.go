// Package org holds who works where: agencies with their electronic codes and
// levels (Decision 20/2020/QĐ-TTg), counters, users and their roles.
package org

import (
	"regexp"
	"slices"
)

// Role is what a user does in the one-stop system (DESIGN.md "Who uses it";
// RULES-VN.md §11).
type Role string

const (
	RoleCitizen    Role = "citizen"    // công dân, doanh nghiệp
	RoleCounter    Role = "counter"    // công chức một cửa
	RoleSpecialist Role = "specialist" // chuyên viên thụ lý
	RoleLeader     Role = "leader"     // lãnh đạo phòng / lãnh đạo cơ quan
	RoleDirector   Role = "director"   // giám đốc trung tâm
	RoleChair      Role = "chair"      // chủ tịch UBND
	RolePostal     Role = "postal"     // nhân viên bưu chính
	RoleAdmin      Role = "admin"      // quản trị
)

// RoleSystem acts for an external system whose request was verified by its
// signature (the payment provider's callback). No account has it: it is not
// in Roles, so administrators cannot grant it.
const RoleSystem Role = "system"

// Roles lists every role, in the order shown to administrators.
var Roles = []Role{RoleCitizen, RoleCounter, RoleSpecialist, RoleLeader, RoleDirector, RoleChair, RolePostal, RoleAdmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Staff reports whether the role belongs to a civil servant, who must be
// attached to an agency.
func (r Role) Staff() bool { return r != RoleCitizen && r != "" }

// Level of an agency. District is kept for dossiers filed before 1/7/2025,
// when Decree 118/2025 abolished the district level.
type Level string

const (
	LevelProvince Level = "province"
	LevelDistrict Level = "district"
	LevelCommune  Level = "commune"
)

// Valid reports whether l is a known level.
func (l Level) Valid() bool { return l == LevelProvince || l == LevelDistrict || l == LevelCommune }

// Kind tells what an agency is; one-stop reception happens at service centers
// and at commune People's Committees.
type Kind string

const (
	KindPeoplesCommittee Kind = "people_committee"
	KindServiceCenter    Kind = "service_center"
	KindDepartment       Kind = "department"
	KindOther            Kind = "other"
)

// Agency is a unit of the province.
type Agency struct {
	ID       int64  `json:"id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Level    Level  `json:"level"`
	Kind     Kind   `json:"kind"`
	ParentID *int64 `json:"parent_id,omitempty"`
	// OneStopID is the agency whose one-stop counter receives dossiers for this
	// agency (the provincial center for departments; the commune itself).
	OneStopID *int64 `json:"one_stop_id,omitempty"`
	Active    bool   `json:"active"`
	// Address and Phone: the agency's contact, printed on the forms it issues.
	Address string `json:"address,omitempty"`
	Phone   string `json:"phone,omitempty"`
}

// agencyCode: at most 35 characters, groups of digits and upper-case letters
// separated by dots (Decision 20/2020/QĐ-TTg Art. 4(1)).
var agencyCode = regexp.MustCompile(`^[0-9A-Z]+(\.[0-9A-Z]+)*$`)

// ValidCode reports whether code is a well-formed electronic agency code.
func ValidCode(code string) bool { return len(code) <= 35 && agencyCode.MatchString(code) }

// User is a person who signs in.
type User struct {
	ID       int64  `json:"id"`
	Username string `json:"username"`
	Name     string `json:"name"`
	Role     Role   `json:"role"`
	AgencyID *int64 `json:"agency_id,omitempty"`
	Email    string `json:"email,omitempty"`
	Phone    string `json:"-"`
	IDNumber string `json:"-"`
	// Verified: the person signed in through the national e-ID (VNeID), so
	// their identity comes from the population database (766 indicator 4.5).
	Verified bool `json:"-"`
}

// Actor is the authenticated user acting on a request, with the agencies
// their role covers (their agency and every agency below it).
type Actor struct {
	UserID   int64
	Username string
	Name     string
	Role     Role
	AgencyID int64   // 0 for citizens
	Scope    []int64 // agency IDs the actor may see; nil means the whole province
	AllScope bool
	Verified bool // identity verified by the national e-ID (see User.Verified)
}

// Covers reports whether agencyID is within the actor's scope.
func (a Actor) Covers(agencyID int64) bool {
	if a.AllScope {
		return true
	}
	return slices.Contains(a.Scope, agencyID)
}
