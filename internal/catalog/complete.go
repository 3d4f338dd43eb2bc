package catalog

import (
	"fmt"
	"slices"
)

// Fields a Fill may concern.
const (
	FieldTimeLimit = "time_limit" // amount and unit
	FieldTimeUnit  = "time_unit"  // the unit only: the source gave the amount
)

// Fill marks a value that the source (the national procedure database) did
// not give and that was filled in here, so that a reader knows it is not the
// published text and the national catalogue pull can replace it. A procedure
// without a time limit takes no online dossier (the due date cannot be
// computed), so a gap hurts citizens; a fill with its basis is better than
// a gap, and honest about it.
type Fill struct {
	Field string `json:"field"`
	// Basis is where the value was taken from: the article of the legal
	// basis that sets it ("123/2015/NĐ-CP Điều 64"), or the convention used.
	Basis string `json:"basis"`
	Note  string `json:"note,omitempty"`
	// Unknown marks a value searched for and not found: it stays unset, and
	// the gap is known rather than overlooked.
	Unknown bool `json:"unknown,omitempty"`
}

// FilledIn returns the mark of field, if the value was filled in.
func (p Procedure) FilledIn(field string) (Fill, bool) {
	for _, f := range p.Filled {
		if f.Field == field {
			return f, true
		}
	}
	return Fill{}, false
}

// Gap kinds reported by Check.
const (
	GapMissing = "missing" // no value and no mark: someone must look it up
	GapUnknown = "unknown" // looked up, not found: marked, still no value
	GapFilled  = "filled"  // a value filled in, not from the source
)

// Gap is one finding of Check.
type Gap struct {
	Code  string `json:"code"`
	Field string `json:"field"`
	Kind  string `json:"kind"`
	Basis string `json:"basis,omitempty"`
}

func (g Gap) String() string {
	s := fmt.Sprintf("%s %s: %s", g.Code, g.Field, g.Kind)
	if g.Basis != "" {
		s += " (" + g.Basis + ")"
	}
	return s
}

// Check lists what the catalogue lacks or holds from elsewhere than its
// source: procedures without a time limit or a unit, marked or not. Only
// GapMissing is a defect; the others are the list the national pull works
// through.
func Check(procs []Procedure) []Gap {
	var out []Gap
	for _, p := range procs {
		for _, field := range []string{FieldTimeLimit, FieldTimeUnit} {
			f, marked := p.FilledIn(field)
			switch {
			case marked && f.Unknown:
				out = append(out, Gap{p.Code, field, GapUnknown, f.Basis})
			case marked:
				out = append(out, Gap{p.Code, field, GapFilled, f.Basis})
			case field == FieldTimeLimit && !p.TimeLimit.Set():
				out = append(out, Gap{p.Code, field, GapMissing, ""})
			case field == FieldTimeUnit && p.TimeLimit.Amount > 0 && p.TimeLimit.Unit == "":
				out = append(out, Gap{p.Code, field, GapMissing, ""})
			}
		}
	}
	return out
}

// Correct applies a version pulled from the national catalogue to a local
// one: every filled-in value the national version now publishes is replaced
// by the published one and loses its mark; fills the national version still
// lacks stay. Values from the source are not touched here: a changed
// published content is a new version, the importer's business.
func Correct(local, national Procedure) Procedure {
	out := local
	out.Filled = nil
	for _, f := range local.Filled {
		_, natFilled := national.FilledIn(f.Field)
		// Both fields concern the time limit; the national amount is the
		// source's in either case, so the whole limit is taken.
		if (f.Field == FieldTimeLimit || f.Field == FieldTimeUnit) && !natFilled && national.TimeLimit.Set() {
			out.TimeLimit = national.TimeLimit
			continue
		}
		out.Filled = append(out.Filled, f)
	}
	out.Filled = slices.Clip(out.Filled)
	return out
}
