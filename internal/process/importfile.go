package process

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/textfold"
)

// Imported is a process read from a catalogue file, with the statutory time
// limit of its procedure as the same file states it.
type Imported struct {
	Process Process
	Limit   catalog.TimeLimit
}

// Issue is a note about one imported process: what could not be read, or
// what an administrator must complete before it can be saved.
type Issue struct {
	Code   string `json:"code"` // the variant's code, e.g. 1.009645.H05
	Step   int    `json:"step,omitempty"`
	Reason string `json:"reason"`
}

// rawVariant is the "province_variant" of a record of reference/
// procedures.json: a province's approved internal process, its steps as the
// decision words them ("Bước 2 Phân công (Lãnh đạo Phòng chuyên môn)") with
// a budget in days.
type rawVariant struct {
	Code    string `json:"code"`
	Variant *struct {
		Province string `json:"province"`
		Code     string `json:"code"`
		Total    string `json:"total"`
		Steps    []struct {
			Step string      `json:"step"`
			Days json.Number `json:"days"`
		} `json:"internal_steps"`
		Source string `json:"source_note"`
	} `json:"province_variant"`
}

// ParseFile reads the internal processes carried by a procedures.json-shaped
// catalogue (records with a "province_variant"). The role, holder and output
// of each step are read from its wording; a step whose actor cannot be told
// is kept with no role and reported. Consulted agencies are never named in
// that file ("Các Sở, ban, ngành cho ý kiến"): they are reported, and the
// process does not validate until an administrator names them. Every process
// is then validated against the procedure's time limit and the failure, if
// any, reported. It fails only when the file is not a catalogue.
func ParseFile(r io.Reader) ([]Imported, []Issue, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("process: read catalogue: %w", err)
	}
	procs, _, err := catalog.ParseFile(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("process: %w", err)
	}
	limits := make(map[string]catalog.TimeLimit, len(procs))
	for _, p := range procs {
		limits[p.Code] = p.TimeLimit
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, nil, fmt.Errorf("process: catalogue is not a JSON array: %w", err)
	}
	var (
		out    []Imported
		issues []Issue
	)
	for _, msg := range raws {
		dec := json.NewDecoder(bytes.NewReader(msg))
		dec.UseNumber()
		var raw rawVariant
		if dec.Decode(&raw) != nil || raw.Variant == nil || len(raw.Variant.Steps) == 0 {
			continue // not a record with a process; the catalogue import reports bad records
		}
		v := raw.Variant
		p := Process{
			ProcedureCode: textfold.NFC(raw.Code),
			Province:      textfold.NFC(v.Province),
			VariantCode:   textfold.NFC(v.Code),
			Decision:      decisionNumber.FindString(textfold.NFC(v.Source)),
			Source:        textfold.NFC(v.Source),
		}
		code := p.VariantCode
		if code == "" {
			code = p.ProcedureCode
		}
		for i, rs := range v.Steps {
			st, why := parseStep(rs.Step)
			b, err := ParseDays(rs.Days.String())
			if err != nil {
				issues = append(issues, Issue{Code: code, Step: i + 1, Reason: err.Error()})
			}
			st.Budget = b
			if why != "" {
				issues = append(issues, Issue{Code: code, Step: i + 1, Reason: why})
			}
			if st.Holder.Kind == HolderConsulted {
				issues = append(issues, Issue{Code: code, Step: i + 1, Reason: "the source does not name the consulted agencies: name them before the process can be saved"})
			}
			p.Steps = append(p.Steps, st)
		}
		limit := limits[p.ProcedureCode]
		if err := p.Validate(limit); err != nil {
			issues = append(issues, Issue{Code: code, Reason: "does not validate yet: " + err.Error()})
		}
		out = append(out, Imported{Process: p, Limit: limit})
	}
	return out, issues, nil
}

var (
	stepPrefix     = regexp.MustCompile(`^\s*(?i:bước)\s*[0-9]+\s*[:.\-–]?\s*`)
	decisionNumber = regexp.MustCompile(`[0-9]+/QĐ-[\p{Lu}0-9]+`)
)

// actors are the words that name who acts in a decision's wording of a
// step, folded (no diacritics, lower case). The earliest in the text wins,
// the longer on a tie: "Lãnh đạo phòng trình Lãnh đạo Sở" is the division
// leader's step, "Văn thư Sở … chuyển VP UBND tỉnh" the clerk's.
var actors = []struct {
	word string
	role Role
}{
	{"cong chuc", RoleOneStop},
	{"mot cua", RoleOneStop},
	{"tt pvhcc", RoleOneStop},
	{"tiep nhan", RoleOneStop},
	{"tra ket qua", RoleOneStop},
	{"lanh dao phong", RoleDivisionLeader},
	{"truong phong", RoleDivisionLeader},
	{"chuyen vien", RoleSpecialist},
	{"lanh dao so", RoleAgencyLeader},
	{"giam doc so", RoleAgencyLeader},
	{"van thu", RoleClerk},
	{"van phong ubnd", RolePPCOffice},
	{"vp ubnd", RolePPCOffice},
	{"ubnd tinh", RolePPCLeader},
	{"chu tich ubnd", RolePPCLeader},
	{"cho y kien", RoleConsulted},
}

// parseStep reads one step's wording. The actor named in parentheses wins
// over one named in the text ("Tiếp nhận, số hoá (Công chức Sở Tài chính tại
// TT PVHCC)"). why is non-empty when no actor is recognised.
func parseStep(text string) (Step, string) {
	name := textfold.NFC(stepPrefix.ReplaceAllString(textfold.NFC(text), ""))
	st := Step{Name: name}
	folded := textfold.Fold(name)
	role, ok := Role(""), false
	if open := strings.IndexByte(folded, '('); open >= 0 {
		if close := strings.IndexByte(folded[open:], ')'); close > 0 {
			role, ok = firstActor(folded[open+1 : open+close])
		}
	}
	if !ok {
		role, ok = firstActor(folded)
	}
	if !ok {
		return st, fmt.Sprintf("cannot tell who acts in %q: set the role by hand", name)
	}
	st.Role = role
	st.Holder = Holder{Kind: holderOf(role)}
	st.Output = outputOf(role, folded)
	return st, ""
}

func firstActor(folded string) (Role, bool) {
	best, bestLen, role := -1, 0, Role("")
	for _, a := range actors {
		i := strings.Index(folded, a.word)
		if i < 0 {
			continue
		}
		if best < 0 || i < best || (i == best && len(a.word) > bestLen) {
			best, bestLen, role = i, len(a.word), a.role
		}
	}
	return role, best >= 0
}

func holderOf(r Role) HolderKind {
	switch r {
	case RoleOneStop:
		return HolderCenter
	case RolePPCOffice, RolePPCLeader:
		return HolderPPC
	case RoleConsulted:
		return HolderConsulted
	}
	return HolderProcessing
}

func outputOf(r Role, folded string) Output {
	switch {
	case r == RoleOneStop && strings.Contains(folded, "tiep nhan"):
		return Output{Kind: OutputForm, Form: "01", Circular: Circular012018, Name: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"}
	case strings.Contains(folded, "tra ket qua"):
		return Output{Kind: OutputResult}
	case strings.Contains(folded, "phan cong"):
		return Output{Kind: OutputAssignment}
	case r == RoleConsulted:
		return Output{Kind: OutputOpinion}
	case strings.Contains(folded, "quyet dinh"):
		return Output{Kind: OutputDecision}
	}
	return Output{Kind: OutputDocument}
}
