package process

import (
	"cmp"
	"slices"
	"strconv"
	"time"
)

// Account is one settled dossier as the delay report reads it: its steps
// and the attribution of their overruns ([Clock.Attribute]).
type Account struct {
	DossierID   int64
	Code        string
	Late        bool // the dossier itself was settled after its due instant
	Records     []StepRecord
	Attribution Attribution
}

// DelayRow is one line of the delay report: an agency, a step role or an
// officer, with the steps it did, how many ran over their budgets and by
// how much working time.
type DelayRow struct {
	Key      string        `json:"key"`              // agency code, role, or officer ID
	Agency   string        `json:"agency,omitempty"` // an officer's agency
	Steps    int           `json:"steps"`
	Over     int           `json:"over"`
	OverTime time.Duration `json:"over_ns"`
	// LateDossiers counts, on an agency's line, the late dossiers whose
	// delay the agency caused most ([Attribution.Responsible]).
	LateDossiers int `json:"late_dossiers,omitempty"`
}

// OverHours is the working time over budget in hours, a begun minute
// counting (the unit of Circular 01/2018 index 2's scoring of each
// participating agency).
func (r DelayRow) OverHours() float64 { return float64(ceilMinutes(r.OverTime)) / 60 }

// LateDossier is a late dossier with the agency that made it late and the
// steps that ran over.
type LateDossier struct {
	DossierID   int64        `json:"dossier_id"`
	Code        string       `json:"code"`
	Responsible string       `json:"responsible"` // "" when no step ran over its budget
	Steps       []StepResult `json:"steps"`
}

// DelayReport is issue 13's delay report: per agency, per step role and per
// officer, how many steps ran over budget and by how many working hours, and
// which agency's steps made each late dossier late (RULES-VN.md §4: the
// apology and the delay are the responsible agency's; Circular 01/2018 index
// 2 scores each participating agency on its own allotted time).
type DelayReport struct {
	Agencies []DelayRow    `json:"agencies"`
	Roles    []DelayRow    `json:"roles"`
	Officers []DelayRow    `json:"officers"`
	Late     []LateDossier `json:"late"`
}

// Delays sums the accounts of settled dossiers. A consultation counts as
// one step for each consulted agency (its own opinion), over when the
// attribution names it; the consulting agency is counted only when it sat
// on opinions that came in time.
func Delays(accounts []Account) DelayReport {
	agencies, roles, officers := tally{}, tally{}, tally{}
	var late []LateDossier
	for _, a := range accounts {
		for i, res := range a.Attribution.Steps {
			if i >= len(a.Records) {
				break
			}
			rec := a.Records[i]
			over := func(agency string) (time.Duration, bool) {
				for _, d := range res.Responsible {
					if d.Agency == agency {
						return d.Over, true
					}
				}
				return 0, false
			}
			role := roles.row(string(rec.Role), "")
			role.add(res.Measure.Timeliness == Late, res.Over)
			if len(rec.Answers) > 0 {
				for _, ans := range rec.Answers {
					d, ok := over(ans.Agency)
					agencies.row(ans.Agency, "").add(ok, d)
				}
				if d, ok := over(rec.Agency); ok && rec.Agency != "" {
					agencies.row(rec.Agency, "").add(true, d)
				}
				continue
			}
			d, ok := over(rec.Agency)
			agencies.row(rec.Agency, "").add(ok, d)
			if rec.Officer != 0 {
				officers.row(strconv.FormatInt(rec.Officer, 10), rec.Agency).add(ok, d)
			}
		}
		if a.Late {
			who := a.Attribution.Responsible()
			if who != "" {
				agencies.row(who, "").LateDossiers++
			}
			ld := LateDossier{DossierID: a.DossierID, Code: a.Code, Responsible: who, Steps: []StepResult{}}
			for _, s := range a.Attribution.Steps {
				if s.Measure.Timeliness == Late {
					ld.Steps = append(ld.Steps, s)
				}
			}
			late = append(late, ld)
		}
	}
	if late == nil {
		late = []LateDossier{}
	}
	return DelayReport{Agencies: agencies.sorted(), Roles: roles.sorted(), Officers: officers.sorted(), Late: late}
}

// tally keeps rows by key in order of first appearance.
type tally struct {
	rows  []*DelayRow
	index map[string]int
}

func (t *tally) row(key, agency string) *DelayRow {
	if t.index == nil {
		t.index = map[string]int{}
	}
	if i, ok := t.index[key]; ok {
		return t.rows[i]
	}
	t.index[key] = len(t.rows)
	t.rows = append(t.rows, &DelayRow{Key: key, Agency: agency})
	return t.rows[len(t.rows)-1]
}

func (r *DelayRow) add(over bool, d time.Duration) {
	r.Steps++
	if over {
		r.Over++
		r.OverTime += d
	}
}

// sorted is the rows with the most working time over first; ties keep the
// order of first appearance.
func (t *tally) sorted() []DelayRow {
	out := make([]DelayRow, len(t.rows))
	for i, r := range t.rows {
		out[i] = *r
	}
	slices.SortStableFunc(out, func(a, b DelayRow) int { return cmp.Compare(b.OverTime, a.OverTime) })
	return out
}
