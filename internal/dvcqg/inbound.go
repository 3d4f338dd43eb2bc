package dvcqg

import (
	"encoding/json"
	"fmt"
)

// WirePush is what the integration platform posts to the province's inbound
// endpoint: the dossiers of a DongBoHoSoMC without the session (the endpoint
// authenticates the platform itself). The shape is ours; the evidence shows
// only the province's outbound side.
type WirePush struct {
	UnitCode string        `json:"madonvi"`
	Data     []WireDossier `json:"data"`
}

// ParsePushed validates a pushed body against the schema and reads its
// dossiers. A malformed body is refused whole, with every problem named
// (a *SchemaError inside ErrMalformed's code), so nothing half-read enters.
func ParsePushed(body []byte, unitCode string) ([]Inbound, error) {
	v, err := SchemaValidator()
	if err != nil {
		return nil, err
	}
	if err := v.Validate(PartPush, body); err != nil {
		return nil, &MalformedError{Err: err}
	}
	var p WirePush
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, &MalformedError{Err: err}
	}
	if unitCode != "" && p.UnitCode != unitCode {
		return nil, &MalformedError{Err: fmt.Errorf("dvcqg: push for unit %q, this province is %q", p.UnitCode, unitCode)}
	}
	out := make([]Inbound, 0, len(p.Data))
	for _, w := range p.Data {
		in, err := FromWire(w)
		if err != nil {
			return nil, &MalformedError{Err: err}
		}
		out = append(out, in)
	}
	return out, nil
}

// MalformedError is a refused inbound message: the cause for the log and
// the administrator, ErrMalformed for the peer's answer.
type MalformedError struct{ Err error }

func (e *MalformedError) Error() string { return "dvcqg: malformed message: " + e.Err.Error() }

// Unwrap gives both the cause (errors.As finds a *SchemaError) and the
// client-safe error.
func (e *MalformedError) Unwrap() []error { return []error{e.Err, ErrMalformed} }
