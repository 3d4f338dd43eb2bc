package model

// SaveOutcome tells what SaveProcedure did.
type SaveOutcome string

const (
	ProcedureCreated   SaveOutcome = "created"
	ProcedureVersioned SaveOutcome = "new_version"
	ProcedureUnchanged SaveOutcome = "unchanged"
)

// ProcedureFilter narrows a procedure search.
type ProcedureFilter struct {
	Q      string // diacritic-insensitive words, all must match
	Level  string
	Sector string
	Limit  int
	Offset int
}
