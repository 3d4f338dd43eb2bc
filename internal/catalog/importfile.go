package catalog

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/textfold"
)

// rawProcedure is the shape of reference/procedures.json, a crawl of the
// national procedure database (dichvucong.gov.vn).
type rawProcedure struct {
	Code           *string         `json:"code"`
	NameVi         *string         `json:"name_vi"`
	SectorVi       *string         `json:"sector_vi"`
	AgencyVi       *string         `json:"agency_vi"`
	Level          *string         `json:"level"`
	ProcessingDays *int            `json:"processing_days"`
	DayKind        *string         `json:"day_kind"`
	TimeRaw        *string         `json:"processing_time_raw"`
	Fee            json.RawMessage `json:"fee_vnd"`
	Components     []struct {
		Name           string `json:"name_vi"`
		CopiesOriginal int    `json:"copies_original"`
		CopiesCopy     int    `json:"copies_copy"`
	} `json:"components"`
	Result      *string  `json:"result_vi"`
	Target      *string  `json:"target_vi"`
	OnlineLevel *string  `json:"online_level"`
	Channels    []string `json:"submission_channels"`
	LegalBasis  []string `json:"legal_basis"`
	Decision    *string  `json:"decision_no"`
	Source      *string  `json:"source"`
	// Filled are values this copy of the crawl adds where the source has
	// none, each with its basis (see Fill).
	Filled []rawFill `json:"filled"`
}

type rawFill struct {
	Field   string `json:"field"`
	Amount  int    `json:"amount"`
	Unit    string `json:"unit"`
	Basis   string `json:"basis"`
	Note    string `json:"note"`
	Unknown bool   `json:"unknown"`
}

// defaultUnitBasis is the convention behind a unit the crawl lost.
const defaultUnitBasis = "RULES-VN §3.1: thời hạn ghi “N ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ” trừ khi văn bản nói khác"

// Issue is a note about one record of an import file: skipped records carry
// the reason; imported ones may carry a warning.
type Issue struct {
	Index   int    `json:"index"`
	Code    string `json:"code,omitempty"`
	Skipped bool   `json:"skipped"`
	Reason  string `json:"reason"`
}

// procedureCode is the national procedure code (1.001193), optionally with a
// province suffix for procedures specific to one province (1.014199.H05).
var procedureCode = regexp.MustCompile(`^[0-9]{1,3}\.[0-9]{6}(\.[0-9A-Z]{1,8})?$`)

// ParseFile reads a procedures.json-shaped file. It never fails on one bad
// record: the record is skipped and reported. It fails only when the file is
// not a JSON array.
func ParseFile(r io.Reader) ([]Procedure, []Issue, error) {
	var raws []json.RawMessage
	if err := json.NewDecoder(r).Decode(&raws); err != nil {
		return nil, nil, fmt.Errorf("catalog: file is not a JSON array of procedures: %w", err)
	}
	var (
		out    []Procedure
		issues []Issue
		seen   = map[string]int{}
	)
	for i, msg := range raws {
		var raw rawProcedure
		if err := json.Unmarshal(msg, &raw); err != nil {
			issues = append(issues, Issue{Index: i, Skipped: true, Reason: "malformed record: " + err.Error()})
			continue
		}
		p, warns, err := convert(raw)
		if err != nil {
			issues = append(issues, Issue{Index: i, Code: p.Code, Skipped: true, Reason: err.Error()})
			continue
		}
		if j, dup := seen[p.Code]; dup {
			issues = append(issues, Issue{Index: i, Code: p.Code, Skipped: true, Reason: fmt.Sprintf("duplicate code, first seen at record %d", j)})
			continue
		}
		seen[p.Code] = i
		for _, w := range warns {
			issues = append(issues, Issue{Index: i, Code: p.Code, Reason: w})
		}
		out = append(out, p)
	}
	return out, issues, nil
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return textfold.NFC(*p)
}

func convert(raw rawProcedure) (Procedure, []string, error) {
	p := Procedure{
		Code:        str(raw.Code),
		Name:        str(raw.NameVi),
		Sector:      str(raw.SectorVi),
		Agency:      str(raw.AgencyVi),
		Level:       str(raw.Level),
		Result:      str(raw.Result),
		Subjects:    str(raw.Target),
		OnlineLevel: str(raw.OnlineLevel),
		Decision:    str(raw.Decision),
		Source:      str(raw.Source),
		Channels:    raw.Channels,
		LegalBasis:  raw.LegalBasis,
	}
	var warns []string
	fills := map[string]rawFill{}
	for _, f := range raw.Filled {
		fills[f.Field] = f
	}
	if p.Code == "" {
		return p, nil, fmt.Errorf("no procedure code")
	}
	if !procedureCode.MatchString(p.Code) {
		return p, nil, fmt.Errorf("procedure code %q is not of the national form N.NNNNNN[.PROVINCE]", p.Code)
	}
	if p.Name == "" {
		return p, nil, fmt.Errorf("no procedure name")
	}
	if p.OnlineLevel == "" {
		p.OnlineLevel = "unknown"
	}
	fill, filled := fills[FieldTimeLimit]
	switch {
	case (raw.ProcessingDays == nil || *raw.ProcessingDays <= 0) && filled:
		if err := p.fillTimeLimit(fill); err != nil {
			return p, nil, err
		}
	case raw.ProcessingDays == nil || *raw.ProcessingDays <= 0:
		warns = append(warns, "no statutory time limit in the source ("+str(raw.TimeRaw)+"): imported, but dossiers cannot be received until an administrator sets one")
	default:
		p.TimeLimit.Amount = *raw.ProcessingDays
		switch str(raw.DayKind) {
		case "working":
			p.TimeLimit.Unit = UnitWorkingDays
		case "calendar":
			p.TimeLimit.Unit = UnitDays
		default:
			unit, ok := fills[FieldTimeUnit]
			if !ok {
				// Procedure records state "N ngày làm việc kể từ ngày nhận
				// đủ hồ sơ hợp lệ" by default (RULES-VN §3.1); the crawl
				// lost the unit. The assumption is marked, not hidden.
				unit = rawFill{Field: FieldTimeUnit, Unit: UnitWorkingDays, Basis: defaultUnitBasis, Note: "unit missing in the source"}
				warns = append(warns, "time unit missing in the source: assumed working days")
			}
			if unit.Unit != UnitWorkingDays && unit.Unit != UnitDays {
				return p, nil, fmt.Errorf("filled time unit %q is not working_days or days", unit.Unit)
			}
			if textfold.NFC(unit.Basis) == "" {
				return p, nil, fmt.Errorf("filled time unit without a basis")
			}
			p.TimeLimit.Unit = unit.Unit
			p.Filled = append(p.Filled, Fill{Field: FieldTimeUnit, Basis: textfold.NFC(unit.Basis), Note: textfold.NFC(unit.Note)})
		}
	}
	p.FeeVND, p.FeeNote = parseFee(raw.Fee)
	for _, c := range raw.Components {
		name := textfold.NFC(strings.TrimLeft(strings.TrimSpace(c.Name), "-+• "))
		if name == "" {
			continue
		}
		comp := Component{Name: name, CopiesOriginal: c.CopiesOriginal, CopiesCopy: c.CopiesCopy}
		comp.classify()
		p.Components = append(p.Components, comp)
	}
	if p.Channels == nil {
		p.Channels = []string{}
	}
	if p.LegalBasis == nil {
		p.LegalBasis = []string{}
	}
	if p.Components == nil {
		p.Components = []Component{}
	}
	return p, warns, nil
}

// fillTimeLimit applies a filled-in time limit. A fill without a basis is
// refused: a value nobody can trace is worse than a known gap.
func (p *Procedure) fillTimeLimit(f rawFill) error {
	f.Basis, f.Note = textfold.NFC(f.Basis), textfold.NFC(f.Note)
	if f.Basis == "" {
		return fmt.Errorf("filled time limit without a basis")
	}
	if !f.Unknown {
		t := TimeLimit{Amount: f.Amount, Unit: f.Unit}
		valid := t.Unit == UnitWorkingDays || t.Unit == UnitDays || t.Unit == UnitSameDay
		if !valid || !t.Set() || (t.Unit == UnitSameDay && t.Amount != 0) {
			return fmt.Errorf("filled time limit %d %q is not a time limit", f.Amount, f.Unit)
		}
		p.TimeLimit = t
	}
	p.Filled = append(p.Filled, Fill{Field: FieldTimeLimit, Basis: f.Basis, Note: f.Note, Unknown: f.Unknown})
	return nil
}

// parseFee reads the fee: an integer amount in VND, or a text referring to
// another legal document (then the amount is 0 and the text is kept).
func parseFee(raw json.RawMessage) (int64, string) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return 0, ""
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 {
		return n, ""
	}
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return 0, textfold.NFC(text)
	}
	return 0, ""
}

func fingerprint(p Procedure) [32]byte {
	// A component built without a requirement (an older caller) reads as
	// the same content as one whose requirement was derived on load.
	comps := make([]Component, len(p.Components))
	for i, c := range p.Components {
		if c.Requirement == "" {
			c.classify()
		}
		comps[i] = c
	}
	p.Components = comps
	b, _ := json.Marshal(p)
	return sha256.Sum256(b)
}
