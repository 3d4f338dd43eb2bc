package model

// ProcedureFact is what the 766 index reads of one current procedure.
type ProcedureFact struct {
	Code        string
	AgencyID    int64 // the default processing agency; 0 when several agencies handle it
	OnlineLevel string
	Audience    string
}
