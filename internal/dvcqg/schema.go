package dvcqg

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed schema/dvcqg.schema.json
var schemaJSON []byte

const schemaURL = "https://motcua.invalid/dvcqg.schema.json"

// Schema parts a message can be checked against besides the services.
const (
	PartLogin = "login"
	PartPush  = "push"
)

// Validator checks messages against the embedded schema. Compiled once:
// the schema is part of the binary, so a compile error is a bug, not input.
type Validator struct {
	parts map[string]*jsonschema.Schema
}

var (
	defaultValidator     *Validator
	defaultValidatorErr  error
	defaultValidatorOnce sync.Once
)

// SchemaValidator is the validator of the embedded schema.
func SchemaValidator() (*Validator, error) {
	defaultValidatorOnce.Do(func() {
		defaultValidator, defaultValidatorErr = newValidator(schemaJSON)
	})
	return defaultValidator, defaultValidatorErr
}

// SchemaJSON is the embedded schema, for a province to read and diff against
// its platform's documentation.
func SchemaJSON() []byte { return bytes.Clone(schemaJSON) }

func newValidator(raw []byte) (*Validator, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("dvcqg: schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaURL, doc); err != nil {
		return nil, fmt.Errorf("dvcqg: schema: %w", err)
	}
	v := &Validator{parts: map[string]*jsonschema.Schema{}}
	for _, p := range []string{PartLogin, PartPush, ServiceSyncDossier, ServiceProgress, ServiceGetProcedure,
		ServiceListProcedures, ServiceLookupDossier, ServicePullDossiers} {
		s, err := c.Compile(schemaURL + "#/$defs/" + p)
		if err != nil {
			return nil, fmt.Errorf("dvcqg: schema part %s: %w", p, err)
		}
		v.parts[p] = s
	}
	return v, nil
}

// Problem is one way a message breaks the schema: where (a JSON pointer)
// and what.
type Problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// SchemaError lists every problem of a refused message, so the sender fixes
// them in one go rather than one per round trip.
type SchemaError struct {
	Part     string
	Problems []Problem
}

func (e *SchemaError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "dvcqg: %s message breaks the schema:", e.Part)
	for i, p := range e.Problems {
		if i == 5 {
			fmt.Fprintf(&b, " (and %d more)", len(e.Problems)-5)
			break
		}
		fmt.Fprintf(&b, " %s: %s;", p.Path, p.Message)
	}
	return strings.TrimSuffix(b.String(), ";")
}

// ServiceOf reads the service name of an integration-endpoint message.
func ServiceOf(body []byte) (string, error) {
	var env struct {
		Service string `json:"service"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return "", &SchemaError{Part: "request", Problems: []Problem{{Path: "", Message: "not JSON: " + err.Error()}}}
	}
	return env.Service, nil
}

// ValidateRequest checks a message to the integration endpoint against the
// part of its service.
func (v *Validator) ValidateRequest(body []byte) error {
	svc, err := ServiceOf(body)
	if err != nil {
		return err
	}
	if _, ok := v.parts[svc]; !ok || svc == PartLogin || svc == PartPush {
		return &SchemaError{Part: "request", Problems: []Problem{{Path: "/service", Message: fmt.Sprintf("unknown service %q", svc)}}}
	}
	return v.Validate(svc, body)
}

// Validate checks body against one part of the schema.
func (v *Validator) Validate(part string, body []byte) error {
	s, ok := v.parts[part]
	if !ok {
		return fmt.Errorf("dvcqg: no schema part %q", part)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return &SchemaError{Part: part, Problems: []Problem{{Path: "", Message: "not JSON: " + err.Error()}}}
	}
	err = s.Validate(inst)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("dvcqg: validate %s: %w", part, err)
	}
	return &SchemaError{Part: part, Problems: leaves(ve)}
}

// leaves flattens the library's error tree to its leaves: the inner nodes
// only say "doesn't validate with #/$defs/…", which tells the sender nothing.
func leaves(ve *jsonschema.ValidationError) []Problem {
	out := ve.BasicOutput()
	var ps []Problem
	seen := map[Problem]bool{}
	var walk func(u []jsonschema.OutputUnit)
	walk = func(us []jsonschema.OutputUnit) {
		for _, u := range us {
			if len(u.Errors) > 0 {
				walk(u.Errors)
				continue
			}
			if u.Error == nil {
				continue
			}
			p := Problem{Path: u.InstanceLocation, Message: u.Error.String()}
			if strings.HasPrefix(p.Message, "doesn't validate with") || seen[p] {
				continue
			}
			seen[p] = true
			ps = append(ps, p)
		}
	}
	walk(out.Errors)
	if len(ps) == 0 {
		ps = append(ps, Problem{Path: "", Message: ve.Error()})
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Path < ps[j].Path })
	return ps
}
