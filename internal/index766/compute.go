package index766

// Indicator is one computed indicator (RULES-VN.md §6.2).
type Indicator struct {
	// ID is RULES' number: "1.1" … "5.4", "3.5b", "4.5a", "4.x"; sub-ratios
	// that RULES lists under an indicator carry a suffix ("3.1-full",
	// "3.1-partial", "3.3-counter", "3.3-postal").
	ID string
	// Group is the DVCQG group key.
	Group          GroupKey
	NameVI, NameEN string
	// Numerator and Denominator are the counts the ratio is made of (after
	// clamping negatives to 0); both 0 when the indicator is unavailable.
	Numerator, Denominator int64
	// Ratio is R in percent, rounded half up to 2 decimals; nil when the
	// denominator is 0 ("N/A") or the inputs are not available. For 3.3 it
	// includes the sync coefficient when 1.4 is available.
	Ratio *float64
	// Points are the points earned, rounded to 2 decimals; 0 when Ratio is
	// nil or the indicator is not scored.
	Points float64
	// Max is Pmax; 0 for monitored and display-only indicators.
	Max float64
	// Target is T in percent, 0 when RULES states none.
	Target float64
	// Scored is false for monitored and display-only indicators.
	Scored bool
	// Available is false when the inputs are not held (not entered, or a
	// formula RULES does not give); a zero denominator is still available.
	Available bool
	// Note explains an unavailable indicator or a caveat, in English, for
	// tooltips and logs; empty otherwise.
	Note string
}

// Group is one of the six DVCQG groups.
type Group struct {
	Key            GroupKey
	NameVI, NameEN string
	// Points is the sum of the group's rounded indicator points.
	Points float64
	// Max is the group's maximum (18, 20, 12, 10, 22, 18).
	Max float64
	// Unmeasured is the sum of the maxima of the group's scored indicators
	// that are not available; Max − Unmeasured is what was measured.
	Unmeasured float64
}

// Measured is the maximum that was actually measured: Max − Unmeasured.
func (g Group) Measured() float64 {
	return hundredths(toHundredths(g.Max) - toHundredths(g.Unmeasured))
}

// Result is the index of one scope and period.
type Result struct {
	// Indicators in the order of the definitions table, groups in order.
	Indicators []Indicator
	// Groups in DVCQG order: CKMB, TDGQ, CLGQ, TTTT, MDSH, MDHL.
	Groups []Group
	// Total is the sum of the group points, out of 100.
	Total float64
	// Unmeasured is the sum of the groups' Unmeasured points.
	Unmeasured float64
	// Band classifies Total. It is computed from Total as if the unmeasured
	// points were 0, as DVCQG would; compare Total with Measured() to judge
	// a partly measured scope.
	Band Band
}

// Measured is the maximum that was actually measured: 100 − Unmeasured.
func (r Result) Measured() float64 { return hundredths(100*100 - toHundredths(r.Unmeasured)) }

// Indicator returns the indicator with the given ID.
func (r Result) Indicator(id string) (Indicator, bool) {
	for _, ind := range r.Indicators {
		if ind.ID == id {
			return ind, true
		}
	}
	return Indicator{}, false
}

// Group returns the group with the given key.
func (r Result) Group(k GroupKey) (Group, bool) {
	for _, g := range r.Groups {
		if g.Key == k {
			return g, true
		}
	}
	return Group{}, false
}

// Compute computes every indicator, the six groups, the total and the band
// (RULES-VN.md §6.2). Arithmetic is in integer hundredths so that rounding is
// exact and half up:
//
//   - R = round(numerator / denominator × 100, 2);
//   - with a target T: points = Pmax if R ≥ T, else round(R × Pmax / T, 2);
//   - without one: as T = 100, i.e. round(R × Pmax / 100, 2), capped at Pmax
//     ([inference; verify] in RULES-VN.md §6.2 and §15(5));
//   - group points = Σ rounded indicator points; total = Σ group points.
//
// A zero denominator gives Ratio nil and 0 points, and the indicator counts
// as measured (RULES: "shown as 0 or N/A"; DVCQG awards 0, e.g. 1.4 "no
// history → 0"), so the scope's Total is what DVCQG would show. Unavailable
// inputs give Available false and 0 points, and their maxima are reported as
// Unmeasured instead of being guessed.
func Compute(in Inputs) Result {
	res := Result{Indicators: make([]Indicator, 0, len(definitions))}
	type sums struct{ points, unmeasured int64 }
	byGroup := make(map[GroupKey]*sums, len(groups))
	for _, g := range groups {
		byGroup[g.key] = &sums{}
	}
	for _, d := range definitions {
		m := d.read(in)
		ind := Indicator{
			ID: d.id, Group: d.group, NameVI: d.nameVI, NameEN: d.nameEN,
			Max: float64(d.max), Target: float64(d.target),
			Scored: d.scored, Available: m.available, Note: m.note,
		}
		s := byGroup[d.group]
		if !m.available {
			if d.scored {
				s.unmeasured += d.max * 100
			}
			res.Indicators = append(res.Indicators, ind)
			continue
		}
		ind.Numerator, ind.Denominator = m.num, m.den
		r, ok := ratioHundredths(m.num, m.den)
		if ok {
			if m.sync != nil {
				r = divRound(r**m.sync, 100*100)
			}
			ratio := hundredths(r)
			ind.Ratio = &ratio
			if d.scored {
				p := points(r, d.max, d.target)
				ind.Points = hundredths(p)
				s.points += p
			}
		}
		res.Indicators = append(res.Indicators, ind)
	}
	var total, unmeasured int64
	for _, g := range groups {
		s := byGroup[g.key]
		res.Groups = append(res.Groups, Group{
			Key: g.key, NameVI: g.nameVI, NameEN: g.nameEN,
			Points: hundredths(s.points), Max: float64(g.max), Unmeasured: hundredths(s.unmeasured),
		})
		total += s.points
		unmeasured += s.unmeasured
	}
	res.Total = hundredths(total)
	res.Unmeasured = hundredths(unmeasured)
	res.Band = bandOfHundredths(total)
	return res
}

// ratioHundredths is num/den × 100 in hundredths of a percent, rounded half
// up; ok is false when den is 0.
func ratioHundredths(num, den int64) (int64, bool) {
	if den <= 0 {
		return 0, false
	}
	return divRound(num*100*100, den), true
}

// points converts a ratio in hundredths of a percent to points in hundredths:
// Pmax if R ≥ T, else R × Pmax / T, with T = 100% when no target is set.
func points(r, pmax, target int64) int64 {
	if target <= 0 {
		target = 100
	}
	if r >= target*100 {
		return pmax * 100
	}
	return divRound(r*pmax, target)
}

// divRound is a/b rounded half up, for a ≥ 0 and b > 0.
func divRound(a, b int64) int64 { return (2*a + b) / (2 * b) }

// hundredths converts an integer number of hundredths to a float.
func hundredths(h int64) float64 { return float64(h) / 100 }

// toHundredths converts a float with at most 2 decimals to hundredths.
func toHundredths(f float64) int64 {
	if f < 0 {
		return -int64(-f*100 + 0.5)
	}
	return int64(f*100 + 0.5)
}
