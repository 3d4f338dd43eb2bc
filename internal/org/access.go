package org

// Who may see which dossiers and how much of the applicant's personal data
// (Law 91/2025/QH15 on personal data protection and Decree 13/2023/NĐ-CP
// Art. 3: process only what the purpose needs; RULES-VN.md §11). This table
// is the one definition: ActorFor, the dossier scoping, the masking of API
// views and pages, the reveal action and README "Roles and what each may
// see" all follow it.

// Scope is which dossiers a role reaches.
type Scope string

const (
	ScopeOwn      Scope = "own"      // the citizen's own dossiers
	ScopeAgency   Scope = "agency"   // received or processed by the actor's agency or one below it
	ScopeProvince Scope = "province" // every agency of the province
	// ScopePostal: within the actor's agencies, only dossiers with a postal
	// leg (filed by post or returned by post, Decision 45/2016/QĐ-TTg).
	ScopePostal Scope = "postal"
)

// Shown is how much of the applicant's personal data a role sees by default.
type Shown string

const (
	// ShownFull: name, ID number, phone, e-mail and address — the people who
	// receive and process the dossier need them (Decree 61/2018 Art. 19).
	ShownFull Shown = "full"
	// ShownMasked: the name; ID number, phone, e-mail and address masked
	// (0012*****890, 09******12); a reveal with a reason shows them, logged.
	ShownMasked Shown = "masked"
	// ShownDelivery: what a parcel needs — name, phone and address; never the
	// ID number or the e-mail.
	ShownDelivery Shown = "delivery"
)

// Access is what one role may see.
type Access struct {
	Scope Scope
	Shown Shown
	// SearchByID: may find dossiers by the applicant's ID number.
	SearchByID bool
	// Reveal: may unmask the personal data of a dossier in scope, giving a
	// reason, each reveal logged.
	Reveal bool
	// ReadReveals: may read the log of reveals.
	ReadReveals bool
}

// AccessPolicy is the policy, one row per role. Supervisors (director, chair,
// administrator) watch figures and deadlines province-wide and do not
// process dossiers: they see names, masked identifiers, and reveal on
// purpose. The postal operator carries papers: delivery fields only.
var AccessPolicy = map[Role]Access{
	RoleCitizen:    {Scope: ScopeOwn, Shown: ShownFull},
	RoleCounter:    {Scope: ScopeAgency, Shown: ShownFull, SearchByID: true},
	RoleSpecialist: {Scope: ScopeAgency, Shown: ShownFull, SearchByID: true},
	RoleLeader:     {Scope: ScopeAgency, Shown: ShownFull, SearchByID: true},
	RoleDirector:   {Scope: ScopeProvince, Shown: ShownMasked, Reveal: true},
	RoleChair:      {Scope: ScopeProvince, Shown: ShownMasked, Reveal: true},
	RoleAdmin:      {Scope: ScopeProvince, Shown: ShownMasked, Reveal: true, ReadReveals: true},
	RolePostal:     {Scope: ScopePostal, Shown: ShownDelivery},
	// The payment and postal callbacks, verified by signature, act on one
	// dossier they name; they never render a dossier to a person.
	RoleSystem: {Scope: ScopeProvince, Shown: ShownFull},
}

// AccessOf returns the role's row of AccessPolicy; an unknown role sees
// nothing (own scope, delivery fields, as if it owned no dossier).
func AccessOf(r Role) Access {
	if a, ok := AccessPolicy[r]; ok {
		return a
	}
	return Access{Scope: ScopeOwn, Shown: ShownDelivery}
}
