package process

// Role is who acts in a step (RULES-VN.md §1.4 "Handling", §11 roles).
type Role string

// Roles of the steps of an internal process.
const (
	RoleOneStop        Role = "one_stop_officer"   // công chức một cửa: receives, digitizes, returns
	RoleDivisionLeader Role = "division_leader"    // lãnh đạo phòng: assigns, reviews, submits
	RoleSpecialist     Role = "specialist"         // chuyên viên: appraises, drafts
	RoleAgencyLeader   Role = "agency_leader"      // lãnh đạo cơ quan (Sở): signs
	RoleClerk          Role = "clerk"              // văn thư: numbers, seals, dispatches
	RolePPCOffice      Role = "ppc_office"         // Văn phòng UBND: checks what is submitted to the PPC
	RolePPCLeader      Role = "ppc_leader"         // lãnh đạo UBND: decides
	RoleConsulted      Role = "consulted_agencies" // cơ quan được lấy ý kiến, in parallel
)

func (r Role) valid() bool {
	switch r {
	case RoleOneStop, RoleDivisionLeader, RoleSpecialist, RoleAgencyLeader, RoleClerk, RolePPCOffice, RolePPCLeader, RoleConsulted:
		return true
	}
	return false
}

// HolderKind says which agency holds a step.
type HolderKind string

// Holders of a step.
const (
	HolderCenter     HolderKind = "center"            // the receiving Public Administrative Service Center (or commune center)
	HolderProcessing HolderKind = "processing_agency" // the agency competent for the procedure
	HolderAgency     HolderKind = "agency"            // one named agency (Holder.Agency)
	HolderPPC        HolderKind = "ppc"               // the People's Committee (its office and leaders)
	HolderConsulted  HolderKind = "consulted"         // several agencies in parallel (Holder.Agencies)
)

// Holder is the agency, or the set of agencies, that holds a step.
type Holder struct {
	Kind     HolderKind `json:"kind"`
	Agency   string     `json:"agency,omitempty"`   // agency code, for HolderAgency
	Agencies []string   `json:"agencies,omitempty"` // agency codes consulted in parallel, for HolderConsulted
}

// OutputKind is what a step produces.
type OutputKind string

// Outputs of a step.
const (
	OutputForm       OutputKind = "form"       // a one-stop form (Form field: its number)
	OutputAssignment OutputKind = "assignment" // phân công: the dossier given to a specialist
	OutputDocument   OutputKind = "document"   // a draft, a report, a signed or numbered letter
	OutputOpinion    OutputKind = "opinion"    // ý kiến of a consulted agency
	OutputDecision   OutputKind = "decision"   // the competent authority's decision
	OutputResult     OutputKind = "result"     // the result handed back, digitized (kết quả)
)

func (k OutputKind) valid() bool {
	switch k {
	case OutputForm, OutputAssignment, OutputDocument, OutputOpinion, OutputDecision, OutputResult:
		return true
	}
	return false
}

// Circular012018 is the circular whose one-stop forms (Mẫu 01–06) a step
// may produce: 01 receipt and appointment, 02 supplementation request, 03
// refusal, 04 apology and re-appointment, 05 control slip, 06 tracking book.
const Circular012018 = "01/2018/TT-VPCP"

// Output is what a step produces.
type Output struct {
	Kind     OutputKind `json:"kind"`
	Form     string     `json:"form,omitempty"`     // form number ("01") when Kind is OutputForm
	Circular string     `json:"circular,omitempty"` // the circular of the form, e.g. Circular012018
	Name     string     `json:"name,omitempty"`     // what the decision calls it, Vietnamese
}

// Step is one step of an internal process.
type Step struct {
	Name   string `json:"name"`              // Vietnamese, as the approving decision words it
	NameEn string `json:"name_en,omitempty"` // optional
	Role   Role   `json:"role"`
	Holder Holder `json:"holder"`
	Budget Budget `json:"budget_quarters"` // quarter working days
	Output Output `json:"output"`
}

// Process is one version of the internal process of a procedure. A dossier
// keeps the version it was received under; a change is a new Version.
type Process struct {
	ProcedureCode    string `json:"procedure_code"`    // national code, e.g. 1.009645
	ProcedureVersion int    `json:"procedure_version"` // the catalog version whose time limit it adds up to (0: not yet bound)
	Version          int    `json:"version"`           // revision of this process (0: not yet stored)
	// Province is set for a province's own variant of a national
	// procedure's process (VariantCode e.g. 1.009645.H05).
	Province    string `json:"province,omitempty"`
	VariantCode string `json:"variant_code,omitempty"`
	Decision    string `json:"decision,omitempty"` // the decision approving it, e.g. 1582/QĐ-UBND
	Source      string `json:"source,omitempty"`
	// Derived marks a default process computed from the time limit, for a
	// procedure without an approved one: shown as such, never as approved.
	Derived bool   `json:"derived"`
	Steps   []Step `json:"steps"`
}

// Variant reports whether the process is a province's own variant.
func (p Process) Variant() bool { return p.Province != "" }

// Total is the sum of the step budgets.
func (p Process) Total() Budget {
	var t Budget
	for _, s := range p.Steps {
		t += s.Budget
	}
	return t
}
