// Package catalog holds administrative procedures (thủ tục hành chính) as
// published in the national procedure database: time limits, fees,
// components. Procedures are versioned: a dossier keeps the version it was
// filed under, so a later change of time limit or fee never rewrites history.
package catalog

import (
	"github.com/motcua/motcua/internal/eform"
	"github.com/motcua/motcua/internal/textfold"
)

// Time-limit units, matching calendar.Unit values.
const (
	UnitWorkingDays = "working_days"
	UnitDays        = "days"
	UnitSameDay     = "same_day"
)

// TimeLimit is the statutory processing time of a procedure. Amount 0 with an
// empty unit means the source publishes none: dossiers cannot be received until
// an administrator sets it.
type TimeLimit struct {
	Amount int    `json:"amount"`
	Unit   string `json:"unit"`
}

// Set reports whether the time limit is known.
func (t TimeLimit) Set() bool { return t.Unit != "" && (t.Amount > 0 || t.Unit == UnitSameDay) }

// Component is one paper of the dossier (thành phần hồ sơ).
type Component struct {
	Name           string `json:"name"`
	CopiesOriginal int    `json:"copies_original"`
	CopiesCopy     int    `json:"copies_copy"`
	// Requirement, Condition and Channels are read from the name by
	// Classify on import and may be corrected by an administrator; a stored
	// version without them gets them derived on load (UnmarshalJSON).
	Requirement Requirement `json:"requirement"`
	Condition   string      `json:"condition,omitempty"`
	Channels    ChannelSet  `json:"channels,omitempty"`
}

// Procedure is one version of a procedure.
type Procedure struct {
	Code        string      `json:"code"`
	Version     int         `json:"version"`
	Name        string      `json:"name"`
	Sector      string      `json:"sector"`
	Level       string      `json:"level"` // province, commune, province,commune, ministry, district, other
	Agency      string      `json:"agency"`
	TimeLimit   TimeLimit   `json:"time_limit"`
	FeeVND      int64       `json:"fee_vnd"`
	FeeNote     string      `json:"fee_note,omitempty"`
	Components  []Component `json:"components"`
	Result      string      `json:"result,omitempty"`
	Subjects    string      `json:"subjects,omitempty"` // đối tượng thực hiện, as published
	OnlineLevel string      `json:"online_level"`       // full, partial, none or unknown (Decree 42/2022 Art. 11)
	Channels    []string    `json:"channels"`
	LegalBasis  []string    `json:"legal_basis"`
	Decision    string      `json:"decision,omitempty"`
	Source      string      `json:"source,omitempty"`
	// Filled lists the values that did not come from the source but were
	// filled in here, each with where it was taken from; every other value
	// is the source's. The national catalogue pull replaces them (Correct).
	Filled []Fill `json:"filled,omitempty"`
	// Form is the procedure's e-form (tờ khai điện tử), if it has one; it
	// belongs to the version, so a dossier is read with the form it was
	// filed with.
	Form *eform.Form `json:"form,omitempty"`
}

// Folded is the diacritic-free search key of the procedure.
func (p Procedure) Folded() string { return textfold.Fold(p.Code + " " + p.Name + " " + p.Sector) }

// SameContent reports whether two versions carry the same published content,
// so that a re-import of an unchanged catalog creates no new version.
func SameContent(a, b Procedure) bool {
	a.Version, b.Version = 0, 0
	return fingerprint(a) == fingerprint(b)
}
