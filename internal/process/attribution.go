package process

import (
	"cmp"
	"slices"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
)

// Answer is one consulted agency's opinion and when it arrived.
type Answer struct {
	Agency string    `json:"agency"`
	At     time.Time `json:"at"` // zero: never answered; counted as answering when the step ended
}

// StepRecord is what a finished dossier's history says about one step.
type StepRecord struct {
	Step     int       `json:"step"` // number in the process, from 1
	Name     string    `json:"name"`
	Budget   Budget    `json:"budget_quarters"`
	Agency   string    `json:"agency,omitempty"`  // the agency that held it; for a consultation, the one that consults
	Role     Role      `json:"role,omitempty"`    // who acts in the step
	Officer  int64     `json:"officer,omitempty"` // the officer who did it (moved it on, or holds it by assignment); 0 for a consultation
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
	Pauses   []Pause   `json:"pauses,omitempty"`
	// Answers is set for a parallel consultation: one per consulted agency.
	// The step ends when the last has answered.
	Answers []Answer `json:"answers,omitempty"`
}

// StepResult is one step measured against its own budget.
type StepResult struct {
	Step    int     `json:"step"`
	Name    string  `json:"name"`
	Measure Measure `json:"measure"`
	// Over is the working time the step used past its budget. A step
	// handed over after its due instant but in a break (lunch, evening) is
	// late with an Over of 0: no working time ran over.
	Over time.Duration `json:"over"`
	// Responsible are the agencies that made the step late, the one that
	// made it latest first: the holder, or for a consultation the consulted
	// agencies that answered after the step's due instant, the last to
	// answer first.
	Responsible []AgencyDelay `json:"responsible,omitempty"`
}

// AgencyDelay is working time an agency spent past a due instant.
type AgencyDelay struct {
	Agency string        `json:"agency"`
	Over   time.Duration `json:"over"`
}

// OverHours is the delay in working hours, a begun minute counting.
func (d AgencyDelay) OverHours() float64 { return float64(ceilMinutes(d.Over)) / 60 }

// Attribution is the account of a finished dossier's steps: which ran over
// their budgets, by how much, and which agencies made them run over.
type Attribution struct {
	Steps []StepResult `json:"steps"`
	// Late are the numbers of the steps that ran over, in process order.
	Late []int `json:"late"`
	// Agencies sums, per agency, the working time its steps ran over, the
	// largest first (ties in order of first appearance). Agencies[0] is the
	// agency that made the dossier late, when the dossier was late at all:
	// the caller knows that from the dossier's own due date (a step may run
	// over while the dossier still ends in time).
	Agencies []AgencyDelay `json:"agencies"`
}

// Responsible is the agency whose steps ran over most, or "" when every step
// kept its budget.
func (a Attribution) Responsible() string {
	if len(a.Agencies) == 0 {
		return ""
	}
	return a.Agencies[0].Agency
}

// Attribute measures each step of a finished dossier against its own budget
// and its own due instant (from its actual start, pauses added) and says who
// made it late: the holding agency, or for a parallel consultation each
// consulted agency that answered after the step's due, the one that answered
// last first (Circular 01/2018 index 2 scores each participating agency's
// time against the time allotted to it; RULES-VN.md §3.1(7)).
func (c *Clock) Attribute(records []StepRecord) (Attribution, error) {
	out := Attribution{Steps: make([]StepResult, 0, len(records)), Late: []int{}, Agencies: []AgencyDelay{}}
	sum := map[string]int{} // agency -> index in out.Agencies
	for _, r := range records {
		if r.Finished.IsZero() {
			return Attribution{}, apperr.Newf(apperr.Invalid, "process_step_open",
				"Bước %d chưa kết thúc: chỉ đánh giá được hồ sơ đã giải quyết xong.",
				"Step %d has not ended: only a finished dossier can be accounted for.", r.Step)
		}
		m, err := c.Measure(r.Started, r.Finished, r.Budget, r.Pauses, r.Finished)
		if err != nil {
			return Attribution{}, err
		}
		res := StepResult{Step: r.Step, Name: r.Name, Measure: m, Over: c.overAt(r, r.Finished)}
		if m.Timeliness == Late {
			out.Late = append(out.Late, r.Step)
			if len(r.Answers) == 0 {
				res.Responsible = []AgencyDelay{{Agency: r.Agency, Over: res.Over}}
			} else {
				answers := slices.Clone(r.Answers)
				for i := range answers {
					if answers[i].At.IsZero() || answers[i].At.After(r.Finished) {
						answers[i].At = r.Finished
					}
				}
				// The last to answer first; equal instants keep the record's order.
				slices.SortStableFunc(answers, func(a, b Answer) int { return b.At.Compare(a.At) })
				for _, a := range answers {
					if a.At.After(m.Due) {
						res.Responsible = append(res.Responsible, AgencyDelay{Agency: a.Agency, Over: c.overAt(r, a.At)})
					}
				}
				// Every opinion came in time and the step still ran over:
				// the consulting agency sat on them.
				if len(res.Responsible) == 0 && r.Agency != "" {
					res.Responsible = []AgencyDelay{{Agency: r.Agency, Over: res.Over}}
				}
			}
			for _, d := range res.Responsible {
				if i, ok := sum[d.Agency]; ok {
					out.Agencies[i].Over += d.Over
					continue
				}
				sum[d.Agency] = len(out.Agencies)
				out.Agencies = append(out.Agencies, d)
			}
		}
		out.Steps = append(out.Steps, res)
	}
	slices.SortStableFunc(out.Agencies, func(a, b AgencyDelay) int { return cmp.Compare(b.Over, a.Over) })
	return out, nil
}

// overAt is the working time past the budget of step r at instant t, the
// pauses before t excluded: what an agency answering at t added to it.
func (c *Clock) overAt(r StepRecord, t time.Time) time.Duration {
	used := c.cal.WorkingTime(r.Started, t)
	for _, p := range r.Pauses {
		if !p.From.Before(t) {
			continue
		}
		to := p.To
		if to.IsZero() || to.After(t) {
			to = t
		}
		used -= calendar.SuspendedTime(c.cal.WorkingTime(p.From, to))
	}
	return max(0, used-c.WorkingTime(r.Budget))
}
