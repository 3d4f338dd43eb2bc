package index766

import (
	"fmt"
	"testing"
	"time"
)

// Expected values are computed by hand and written as literals; the comment
// of each case shows the arithmetic.

func f(v float64) *float64 { return &v }

func fmtRatio(r *float64) string {
	if r == nil {
		return "nil"
	}
	return fmt.Sprintf("%.2f", *r)
}

func mustIndicator(t *testing.T, r Result, id string) Indicator {
	t.Helper()
	ind, ok := r.Indicator(id)
	if !ok {
		t.Fatalf("indicator %s missing", id)
	}
	return ind
}

func mustGroup(t *testing.T, r Result, k GroupKey) Group {
	t.Helper()
	g, ok := r.Group(k)
	if !ok {
		t.Fatalf("group %s missing", k)
	}
	return g
}

func TestIndicators(t *testing.T) {
	progress := Inputs{SettledEarly: 2, SettledOnTime: 7, SettledLate: 1, OpenWithin: 3, OpenOverdue: 2}
	cases := []struct {
		name      string
		in        Inputs
		id        string
		num, den  int64
		ratio     *float64
		points    float64
		available bool
	}{
		// (2 + 7 + 3) / (2 + 7 + 1 + 3 + 2) = 12/15 = 80.00% → 80 × 20 / 100 = 16.00
		{"2.1 early+on time+open within over received or processed (§3.2)", progress, "2.1", 12, 15, f(80), 16, true},
		// CarriedOver is already inside the five counts: no effect.
		{"2.1 carried-over dossiers are reported, not added (§3.2)", func() Inputs { in := progress; in.CarriedOver = 4; return in }(), "2.1", 12, 15, f(80), 16, true},
		{"2.2 average time is display only", progress, "2.2", 0, 0, nil, 0, false},

		// 9/12 = 75.00% → 6 × 75 / 100 = 4.50
		{"1.1 published on time, no target so linear (§6.2 [inference])", Inputs{PublishedOnTime: Pair{true, 9, 12}}, "1.1", 9, 12, f(75), 4.5, true},
		{"1.1 not entered by an administrator is not measured", Inputs{}, "1.1", 0, 0, nil, 0, false},
		// 7/8 = 87.50% → 4 × 87.5 / 100 = 3.50
		{"1.2 national database on time", Inputs{NationalDBOnTime: Pair{true, 7, 8}}, "1.2", 7, 8, f(87.5), 3.5, true},
		// 1/3 = 33.33% → 2 × 33.33 / 100 = 0.6666 → 0.67
		{"1.3 complete components, ratio then points rounded to 2 decimals", Inputs{CompleteComponents: Pair{true, 1, 3}}, "1.3", 1, 3, f(33.33), 0.67, true},
		// 95/100 → 6 × 0.95 = 5.70
		{"1.4 sync ratio", Inputs{Synced: Pair{true, 95, 100}}, "1.4", 95, 100, f(95), 5.7, true},
		// 105/100 = 105.00% ≥ 100 → Pmax 6
		{"1.4 above 100% is capped at Pmax", Inputs{Synced: Pair{true, 105, 100}}, "1.4", 105, 100, f(105), 6, true},
		{"1.4 no history gives N/A and 0 points (§6.2 group 1)", Inputs{Synced: Pair{true, 0, 0}}, "1.4", 0, 0, nil, 0, true},

		// 30/40 = 75% → 12 × 0.75 = 9.00
		{"3.0 full-process dossiers over eligible dossiers", Inputs{FullProcess: Pair{true, 30, 40}}, "3.0", 30, 40, f(75), 9, true},
		{"3.0 without the full-process flag is not measured", Inputs{}, "3.0", 0, 0, nil, 0, false},
		// (40 + 20) / 100 = 60%, monitored
		{"3.1 procedures offering online services, monitored (target 80)", Inputs{ProceduresOnlineFull: 40, ProceduresOnlinePartial: 20, ProceduresInJurisdiction: 100, ProceduresFullEligible: 50}, "3.1", 60, 100, f(60), 0, true},
		{"3.1 full-process sub-ratio over eligible procedures", Inputs{ProceduresOnlineFull: 40, ProceduresOnlinePartial: 20, ProceduresInJurisdiction: 100, ProceduresFullEligible: 50}, "3.1-full", 40, 50, f(80), 0, true},
		{"3.1 partial sub-ratio over all procedures", Inputs{ProceduresOnlineFull: 40, ProceduresOnlinePartial: 20, ProceduresInJurisdiction: 100, ProceduresFullEligible: 50}, "3.1-partial", 20, 100, f(20), 0, true},
		{"3.2 online services with a dossier", Inputs{OnlineServicesWithDossier: 30, OnlineServices: 40}, "3.2", 30, 40, f(75), 0, true},
		// 45/60 = 75.00%, 1.4 not entered → not multiplied
		{"3.3 online dossiers without the sync coefficient", Inputs{OnlineCounted: 45, ReceivedOnline: 50, Received: 60}, "3.3", 45, 60, f(75), 0, true},
		// 75.00% × 90.00/100 = 67.50%
		{"3.3 online dossiers times the 1.4 sync coefficient (§6.2 group 3a)", Inputs{OnlineCounted: 45, Received: 60, Synced: Pair{true, 90, 100}}, "3.3", 45, 60, f(67.5), 0, true},
		// 2/3 = 66.67% × 0.95 = 63.3365 → 63.34
		{"3.3 coefficient applied to the rounded ratio, rounded again", Inputs{OnlineCounted: 2, Received: 3, Synced: Pair{true, 95, 100}}, "3.3", 2, 3, f(63.34), 0, true},
		// 1.4 = 0 of 0 → coefficient 0 → 0.00%
		{"3.3 sync ratio N/A gives coefficient 0", Inputs{OnlineCounted: 2, Received: 3, Synced: Pair{true, 0, 0}}, "3.3", 2, 3, f(0), 0, true},
		// 10/60 = 16.666… → 16.67; 5/60 = 8.333… → 8.33
		{"3.3 counter share", Inputs{ReceivedCounter: 10, ReceivedPostal: 5, Received: 60}, "3.3-counter", 10, 60, f(16.67), 0, true},
		{"3.3 postal share", Inputs{ReceivedCounter: 10, ReceivedPostal: 5, Received: 60}, "3.3-postal", 5, 60, f(8.33), 0, true},

		// 7/10 = 70% < 80 → 2 × 70 / 80 = 1.75
		{"3.5 fee procedures integrated, below target 80 converts R×Pmax/T", Inputs{ProceduresWithFeeData: 7, ProceduresWithFees: 10}, "3.5", 7, 10, f(70), 1.75, true},
		{"3.5 at target 80 gets Pmax", Inputs{ProceduresWithFeeData: 8, ProceduresWithFees: 10}, "3.5", 8, 10, f(80), 2, true},
		{"3.5b payment transactions, cap only, not entered", Inputs{}, "3.5b", 0, 0, nil, 0, false},
		{"3.5b payment transactions entered", Inputs{PaymentTransactions: Pair{true, 1, 4}}, "3.5b", 1, 4, f(25), 0.5, true},
		// 30 / (50 − 10) = 75% → 6 × 0.75 = 4.50
		{"3.6 paid online over fee dossiers minus zero-fee dossiers", Inputs{PaidOnline: 30, FeeDossiers: 50, ZeroFeeDossiers: 10}, "3.6", 30, 40, f(75), 4.5, true},
		{"3.6 only zero-fee dossiers is a zero denominator", Inputs{FeeDossiers: 5, ZeroFeeDossiers: 5}, "3.6", 0, 0, nil, 0, true},

		// 45/50 = 90% → 6 × 0.9 = 5.40
		{"4.1 e-result dossiers", Inputs{EResultDossiers: 45, ResultDossiers: 50}, "4.1", 45, 50, f(90), 5.4, true},
		// 60/100 = 60% < 80 → 4 × 60 / 80 = 3.00
		{"4.2 digitized dossiers, target 80", Inputs{DigitizedDossiers: 60, Received: 100}, "4.2", 60, 100, f(60), 3, true},
		{"4.2 above target 80 gets Pmax", Inputs{DigitizedDossiers: 85, Received: 100}, "4.2", 85, 100, f(85), 4, true},
		{"4.x certification, cap only, not entered", Inputs{}, "4.x", 0, 0, nil, 0, false},
		{"4.x certification entered", Inputs{Certification: Pair{true, 1, 2}}, "4.x", 1, 2, f(50), 1, true},
		// 20/100 = 20% < 80 → 2 × 20 / 80 = 0.50
		{"4.3 reused data, target 80", Inputs{ReusedDataDossiers: 20, Received: 100}, "4.3", 20, 100, f(20), 0.5, true},
		// 25/100 → 4 × 0.25 = 1.00
		{"4.4 shared with the citizen's data store", Inputs{SharedDossiers: 25, Received: 100}, "4.4", 25, 100, f(25), 1, true},
		// 3/8 = 37.50% → 2 × 0.375 = 0.75
		{"4.5a procedures with population data", Inputs{ProceduresPopulationData: 3, ProceduresForCitizens: 8}, "4.5a", 3, 8, f(37.5), 0.75, true},
		{"4.5a with procedures whose subjects the catalogue does not give is not measured", Inputs{ProceduresPopulationData: 3, ProceduresForCitizens: 8, ProceduresUnknownAudience: 1}, "4.5a", 0, 0, nil, 0, false},
		{"3.1 with procedures of unknown online level (Decree 42/2022 Art. 11) is not measured", Inputs{ProceduresOnlineFull: 40, ProceduresInJurisdiction: 100, ProceduresUnknownLevel: 5}, "3.1", 0, 0, nil, 0, false},
		{"3.2 with procedures of unknown online level is not measured", Inputs{OnlineServicesWithDossier: 2, OnlineServices: 4, ProceduresUnknownLevel: 5}, "3.2", 0, 0, nil, 0, false},
		// 1/3 = 33.33% → 0.67
		{"4.5b dossiers with population data", Inputs{PopulationDataDossiers: 1, Received: 3}, "4.5b", 1, 3, f(33.33), 0.67, true},

		{"5.1 complaints by category, monitored", Inputs{ComplaintsByCategory: Pair{true, 2, 5}}, "5.1", 2, 5, f(40), 0, true},
		// 9/10 → 6 × 0.9 = 5.40
		{"5.2 complaints handled on time", Inputs{ComplaintsOnTime: Pair{true, 9, 10}}, "5.2", 9, 10, f(90), 5.4, true},
		{"5.2 no complaints module is not measured", Inputs{}, "5.2", 0, 0, nil, 0, false},
		// 7/8 = 87.5% → 6 × 0.875 = 5.25
		{"5.3 satisfaction with complaint handling", Inputs{ComplaintsSatisfied: Pair{true, 7, 8}}, "5.3", 7, 8, f(87.5), 5.25, true},
		// settled 20 + 70 + 10 = 100; 100% − (10% late + 5% complained) = 85% < 90 → 6 × 85 / 90 = 5.666… → 5.67
		{"5.4 100% minus late and complained shares at 85% converts 6×85/90", Inputs{SettledEarly: 20, SettledOnTime: 70, SettledLate: 10, SettledComplainedOrDisliked: 5}, "5.4", 85, 100, f(85), 5.67, true},
		// 100% − (5% + 2%) = 93% ≥ 90 → 6
		{"5.4 at 93% is at or above target 90 so Pmax", Inputs{SettledEarly: 20, SettledOnTime: 75, SettledLate: 5, SettledComplainedOrDisliked: 2}, "5.4", 93, 100, f(93), 6, true},
		// 100% − (6% + 4%) = 90% → exactly at target → 6
		{"5.4 exactly at target 90 gets Pmax", Inputs{SettledOnTime: 94, SettledLate: 6, SettledComplainedOrDisliked: 4}, "5.4", 90, 100, f(90), 6, true},
		// 100% − (60% + 60%) < 0 → 0
		{"5.4 shares above 100% give 0 not negative", Inputs{SettledOnTime: 4, SettledLate: 6, SettledComplainedOrDisliked: 6}, "5.4", 0, 10, f(0), 0, true},
		{"5.4 nothing settled is N/A", Inputs{OpenWithin: 3}, "5.4", 0, 0, nil, 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := mustIndicator(t, Compute(c.in), c.id)
			if got.Numerator != c.num || got.Denominator != c.den {
				t.Errorf("counts = %d/%d, want %d/%d", got.Numerator, got.Denominator, c.num, c.den)
			}
			if fmtRatio(got.Ratio) != fmtRatio(c.ratio) {
				t.Errorf("ratio = %s, want %s", fmtRatio(got.Ratio), fmtRatio(c.ratio))
			}
			if got.Points != c.points {
				t.Errorf("points = %v, want %v", got.Points, c.points)
			}
			if got.Available != c.available {
				t.Errorf("available = %v, want %v", got.Available, c.available)
			}
			if !got.Available && got.Note == "" {
				t.Errorf("unavailable indicator without a note")
			}
		})
	}
}

func TestIndicatorMetadata(t *testing.T) {
	cases := []struct {
		id          string
		group       GroupKey
		max, target float64
		scored      bool
	}{
		{"1.1", CKMB, 6, 0, true}, {"1.2", CKMB, 4, 0, true}, {"1.3", CKMB, 2, 0, true}, {"1.4", CKMB, 6, 0, true},
		{"2.1", TDGQ, 20, 0, true}, {"2.2", TDGQ, 0, 0, false},
		{"3.0", CLGQ, 12, 0, true}, {"3.1", CLGQ, 0, 80, false}, {"3.2", CLGQ, 0, 0, false}, {"3.3", CLGQ, 0, 50, false},
		{"3.5", TTTT, 2, 80, true}, {"3.5b", TTTT, 2, 0, true}, {"3.6", TTTT, 6, 0, true},
		{"4.1", MDSH, 6, 0, true}, {"4.2", MDSH, 4, 80, true}, {"4.x", MDSH, 2, 0, true}, {"4.3", MDSH, 2, 80, true},
		{"4.4", MDSH, 4, 0, true}, {"4.5a", MDSH, 2, 0, true}, {"4.5b", MDSH, 2, 0, true},
		{"5.1", MDHL, 0, 0, false}, {"5.2", MDHL, 6, 0, true}, {"5.3", MDHL, 6, 0, true}, {"5.4", MDHL, 6, 90, true},
	}
	r := Compute(Inputs{})
	for _, c := range cases {
		ind := mustIndicator(t, r, c.id)
		if ind.Group != c.group || ind.Max != c.max || ind.Target != c.target || ind.Scored != c.scored {
			t.Errorf("%s = %s max %v target %v scored %v, want %s %v %v %v", c.id,
				ind.Group, ind.Max, ind.Target, ind.Scored, c.group, c.max, c.target, c.scored)
		}
		if ind.NameVI == "" || ind.NameEN == "" {
			t.Errorf("%s has no name", c.id)
		}
	}
}

// The cross-check sums of RULES-VN.md §6.2: 6+4+2+6 = 18; 20; 12; 2+2+6 =
// 10; 6+4+2+2+4+2+2 = 22; 6+6+6 = 18; total 100.
func TestGroupMaximaMatchRulesCrossCheck(t *testing.T) {
	want := []struct {
		key GroupKey
		max int64
	}{{CKMB, 18}, {TDGQ, 20}, {CLGQ, 12}, {TTTT, 10}, {MDSH, 22}, {MDHL, 18}}
	if len(groups) != len(want) {
		t.Fatalf("%d groups, want 6", len(groups))
	}
	var total int64
	seen := map[string]bool{}
	for i, w := range want {
		if groups[i].key != w.key || groups[i].max != w.max {
			t.Errorf("group %d = %s %d, want %s %d", i, groups[i].key, groups[i].max, w.key, w.max)
		}
		var sum int64
		for _, d := range definitions {
			if d.group == w.key && d.scored {
				sum += d.max
			}
		}
		if sum != w.max {
			t.Errorf("%s: scored indicators sum to %d, want %d", w.key, sum, w.max)
		}
		total += sum
	}
	if total != 100 {
		t.Errorf("total maximum %d, want 100", total)
	}
	for _, d := range definitions {
		if seen[d.id] {
			t.Errorf("duplicate indicator %s", d.id)
		}
		seen[d.id] = true
		if !d.scored && d.max != 0 {
			t.Errorf("%s: monitored indicator with a maximum", d.id)
		}
	}
}

func TestZeroDenominatorsAndUnavailableInputs(t *testing.T) {
	r := Compute(Inputs{})
	for _, ind := range r.Indicators {
		if ind.Ratio != nil || ind.Points != 0 {
			t.Errorf("%s: ratio %s points %v on empty inputs", ind.ID, fmtRatio(ind.Ratio), ind.Points)
		}
	}
	// Aggregate-fed indicators are measured (0 of 0 → N/A, 0 points).
	for _, id := range []string{"2.1", "3.5", "3.6", "4.1", "4.2", "4.3", "4.4", "4.5a", "4.5b", "5.4"} {
		if ind := mustIndicator(t, r, id); !ind.Available {
			t.Errorf("%s: zero denominator must stay available", id)
		}
	}
	// Administrator and module inputs not entered: 1.1–1.4 (18), 3.0 (12),
	// 3.5b (2), 4.x (2), 5.2 + 5.3 (12) = 46 unmeasured, 54 measured.
	wantUnmeasured := map[GroupKey]float64{CKMB: 18, TDGQ: 0, CLGQ: 12, TTTT: 2, MDSH: 2, MDHL: 12}
	for k, w := range wantUnmeasured {
		g := mustGroup(t, r, k)
		if g.Unmeasured != w || g.Points != 0 {
			t.Errorf("%s: unmeasured %v points %v, want %v and 0", k, g.Unmeasured, g.Points, w)
		}
	}
	if r.Total != 0 || r.Unmeasured != 46 || r.Measured() != 54 || r.Band != Weak {
		t.Errorf("total %v unmeasured %v measured %v band %s, want 0 46 54 weak", r.Total, r.Unmeasured, r.Measured(), r.Band.Code)
	}
	if g := mustGroup(t, r, CKMB); g.Measured() != 0 {
		t.Errorf("CKMB measured %v, want 0", g.Measured())
	}
	// An entered pair with a zero denominator is measured, not unmeasured.
	r = Compute(Inputs{ComplaintsOnTime: Pair{Available: true}})
	if g := mustGroup(t, r, MDHL); g.Unmeasured != 6 {
		t.Errorf("MDHL unmeasured %v, want 6 (5.3 only)", g.Unmeasured)
	}
}

// Points are rounded per indicator and summed: 4.5a and 4.5b at 1/3 are 0.67
// each, so MDSH is 1.34, not round(0.6666 + 0.6666) = 1.33.
func TestGroupSumsRoundedPoints(t *testing.T) {
	r := Compute(Inputs{ProceduresPopulationData: 1, ProceduresForCitizens: 3, PopulationDataDossiers: 1, Received: 3})
	if g := mustGroup(t, r, MDSH); g.Points != 1.34 {
		t.Errorf("MDSH = %v, want 1.34", g.Points)
	}
	if r.Total != 1.34 {
		t.Errorf("total = %v, want 1.34", r.Total)
	}
}

// fullMarks reaches every indicator's maximum.
var fullMarks = Inputs{
	PublishedOnTime: Pair{true, 10, 10}, NationalDBOnTime: Pair{true, 10, 10},
	CompleteComponents: Pair{true, 10, 10}, Synced: Pair{true, 100, 100},
	SettledEarly: 50, SettledOnTime: 50, OpenWithin: 20,
	FullProcess:        Pair{true, 40, 40},
	Received:           100,
	ReceivedOnline:     100,
	OnlineCounted:      100,
	ProceduresWithFees: 10, ProceduresWithFeeData: 10, PaymentTransactions: Pair{true, 10, 10},
	FeeDossiers: 60, ZeroFeeDossiers: 10, PaidOnline: 50,
	ResultDossiers: 100, EResultDossiers: 100, DigitizedDossiers: 100, Certification: Pair{true, 5, 5},
	ReusedDataDossiers: 100, SharedDossiers: 100, ProceduresForCitizens: 10, ProceduresPopulationData: 10,
	PopulationDataDossiers: 100,
	ComplaintsOnTime:       Pair{true, 4, 4}, ComplaintsSatisfied: Pair{true, 4, 4},
}

// With every indicator at its maximum the groups are RULES' cross-check
// sums 18/20/12/10/22/18 and the total is 100.
func TestFullWorkedExampleMatchesCrossCheckSums(t *testing.T) {
	r := Compute(fullMarks)
	want := map[GroupKey]float64{CKMB: 18, TDGQ: 20, CLGQ: 12, TTTT: 10, MDSH: 22, MDHL: 18}
	for k, w := range want {
		if g := mustGroup(t, r, k); g.Points != w || g.Max != w || g.Unmeasured != 0 {
			t.Errorf("%s = %v / %v (unmeasured %v), want %v / %v", k, g.Points, g.Max, g.Unmeasured, w, w)
		}
	}
	if r.Total != 100 || r.Unmeasured != 0 || r.Band != Excellent {
		t.Errorf("total %v unmeasured %v band %s, want 100 0 excellent", r.Total, r.Unmeasured, r.Band.Code)
	}
	keys := []GroupKey{CKMB, TDGQ, CLGQ, TTTT, MDSH, MDHL}
	for i, g := range r.Groups {
		if g.Key != keys[i] {
			t.Errorf("group %d = %s, want %s", i, g.Key, keys[i])
		}
	}
}

// A mixed worked example, every figure by hand:
//
//	CKMB 1.1 9/12 → 4.50; 1.2 7/8 → 3.50; 1.3 1/3 → 0.67; 1.4 95/100 → 5.70   = 14.37
//	TDGQ 2.1 (20+70+30)/(20+70+10+30+20) = 120/150 = 80% → 16.00              = 16.00
//	CLGQ 3.0 30/40 → 9.00                                                      =  9.00
//	TTTT 3.5 7/10 = 70% < 80 → 1.75; 3.5b not entered; 3.6 30/40 → 4.50        =  6.25
//	MDSH 4.1 45/50 → 5.40; 4.2 60/100 → 3.00; 4.x not entered; 4.3 20/100 → 0.50;
//	     4.4 25/100 → 1.00; 4.5a 3/8 → 0.75; 4.5b 50/100 → 1.00              = 11.65
//	MDHL 5.2 9/10 → 5.40; 5.3 7/8 → 5.25; 5.4 100% − 10% − 0% = 90% → 6.00     = 16.65
//	Total 73.92 (Khá), unmeasured 3.5b + 4.x = 4, measured 96.
func TestMixedWorkedExample(t *testing.T) {
	in := Inputs{
		PublishedOnTime: Pair{true, 9, 12}, NationalDBOnTime: Pair{true, 7, 8},
		CompleteComponents: Pair{true, 1, 3}, Synced: Pair{true, 95, 100},
		SettledEarly: 20, SettledOnTime: 70, SettledLate: 10, OpenWithin: 30, OpenOverdue: 20, CarriedOver: 25,
		FullProcess: Pair{true, 30, 40},
		Received:    100, ReceivedOnline: 50, ReceivedCounter: 45, ReceivedPostal: 5, OnlineCounted: 45,
		ProceduresWithFees: 10, ProceduresWithFeeData: 7,
		FeeDossiers: 50, ZeroFeeDossiers: 10, PaidOnline: 30,
		ResultDossiers: 50, EResultDossiers: 45, DigitizedDossiers: 60,
		ReusedDataDossiers: 20, SharedDossiers: 25,
		ProceduresForCitizens: 8, ProceduresPopulationData: 3, PopulationDataDossiers: 50,
		ComplaintsOnTime: Pair{true, 9, 10}, ComplaintsSatisfied: Pair{true, 7, 8},
	}
	r := Compute(in)
	want := []struct {
		key                GroupKey
		points, unmeasured float64
	}{{CKMB, 14.37, 0}, {TDGQ, 16, 0}, {CLGQ, 9, 0}, {TTTT, 6.25, 2}, {MDSH, 11.65, 2}, {MDHL, 16.65, 0}}
	for i, w := range want {
		g := r.Groups[i]
		if g.Key != w.key || g.Points != w.points || g.Unmeasured != w.unmeasured {
			t.Errorf("group %d = %s %v (unmeasured %v), want %s %v (%v)", i, g.Key, g.Points, g.Unmeasured, w.key, w.points, w.unmeasured)
		}
	}
	if r.Total != 73.92 || r.Unmeasured != 4 || r.Measured() != 96 || r.Band != Fair {
		t.Errorf("total %v unmeasured %v measured %v band %s, want 73.92 4 96 fair", r.Total, r.Unmeasured, r.Measured(), r.Band.Code)
	}
	// 3.3: 45/100 = 45% × 0.95 = 42.75%, monitored.
	if ind := mustIndicator(t, r, "3.3"); fmtRatio(ind.Ratio) != "42.75" || ind.Points != 0 {
		t.Errorf("3.3 = %s %v, want 42.75 0", fmtRatio(ind.Ratio), ind.Points)
	}
}

func TestNegativeCountsAreZero(t *testing.T) {
	r := Compute(Inputs{SettledOnTime: 3, SettledLate: -2, OpenOverdue: -1, Synced: Pair{true, -5, 10}})
	// (3 + 0) / 3 = 100% → 20
	if ind := mustIndicator(t, r, "2.1"); ind.Numerator != 3 || ind.Denominator != 3 || ind.Points != 20 {
		t.Errorf("2.1 = %d/%d %v, want 3/3 20", ind.Numerator, ind.Denominator, ind.Points)
	}
	if ind := mustIndicator(t, r, "1.4"); fmtRatio(ind.Ratio) != "0.00" || ind.Points != 0 {
		t.Errorf("1.4 = %s %v, want 0.00 0", fmtRatio(ind.Ratio), ind.Points)
	}
}

func TestBands(t *testing.T) {
	cases := []struct {
		name  string
		total float64
		want  Band
	}{
		{"100 is Xuất sắc", 100, Excellent},
		{"90 is Xuất sắc (90–100, §6.1 [V])", 90, Excellent},
		{"89.99 is Tốt", 89.99, Good},
		{"80 is Tốt (80.1 rated Tốt, §6.1 [S])", 80, Good},
		{"79.99 is Khá", 79.99, Fair},
		{"70 is Khá (boundary inferred, §15(5))", 70, Fair},
		{"69.99 is Trung bình", 69.99, Average},
		{"50 is Trung bình", 50, Average},
		{"49.99 is Yếu (<50, §6.1 [V])", 49.99, Weak},
		{"0 is Yếu", 0, Weak},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := BandOf(c.total); got != c.want {
				t.Errorf("BandOf(%v) = %s, want %s", c.total, got.Code, c.want.Code)
			}
		})
	}
	if bs := Bands(); len(bs) != 5 || bs[0] != Excellent || bs[4] != Weak {
		t.Errorf("Bands() = %v", bs)
	}
	if Excellent.NameVI != "Xuất sắc" || Good.NameVI != "Tốt" || Fair.NameVI != "Khá" || Average.NameVI != "Trung bình" || Weak.NameVI != "Yếu" {
		t.Error("Vietnamese band names")
	}
}

var zone = time.FixedZone("ICT", 7*3600)

// at is 2025-MM-DD hh:mm in Vietnam.
func at(month time.Month, day, hour, min int) time.Time {
	return time.Date(2025, month, day, hour, min, 0, 0, zone)
}

func tp(t time.Time) *time.Time { return &t }

func TestClassify(t *testing.T) {
	// Period: March 2025, ending 31/3 23:59:59.
	periodEnd := time.Date(2025, 3, 31, 23, 59, 59, 0, zone)
	// Due Friday 14/3 17:00; its working day opens at 07:00.
	due := at(3, 14, 17, 0)
	dueDay := at(3, 14, 7, 0)
	recv := at(3, 3, 9, 0)
	base := Facts{ReceivedAt: recv, DueAt: &due, DueDayStart: dueDay}
	with := func(mod func(*Facts)) Facts { f := base; mod(&f); return f }
	// A dossier due after the period end (15/4).
	lateDue := at(4, 15, 17, 0)

	cases := []struct {
		name string
		f    Facts
		want Outcome
	}{
		{"received after period end is not counted (§3.2 point in time)",
			with(func(f *Facts) { f.ReceivedAt = at(4, 1, 8, 0) }), NotReceived},
		{"received exactly at period end is counted",
			with(func(f *Facts) { f.ReceivedAt = periodEnd; f.DueAt = &lateDue; f.DueDayStart = at(4, 15, 7, 0) }), OpenWithin},

		{"finished before the due day's opening is early (trước hạn, §3.2 S22f)",
			with(func(f *Facts) { f.FinishedAt = tp(at(3, 13, 16, 0)) }), SettledEarly},
		{"finished on the due day before the due time is on time (đúng hạn)",
			with(func(f *Facts) { f.FinishedAt = tp(at(3, 14, 7, 0)) }), SettledOnTime},
		{"finished exactly at the due time is on time (NgayKetThucXuLy <= NgayHenTra)",
			with(func(f *Facts) { f.FinishedAt = tp(due) }), SettledOnTime},
		{"finished a minute after the due time is late (quá hạn)",
			with(func(f *Facts) { f.FinishedAt = tp(due.Add(time.Minute)) }), SettledLate},
		{"no due day start means no early distinction",
			with(func(f *Facts) { f.DueDayStart = time.Time{}; f.FinishedAt = tp(at(3, 5, 9, 0)) }), SettledOnTime},
		{"no due date (no statutory deadline) is never late when finished",
			with(func(f *Facts) { f.DueAt = nil; f.FinishedAt = tp(at(3, 30, 9, 0)) }), SettledOnTime},

		{"unfinished with period end past due is overdue (end = last day of period, §3.2)",
			base, OpenOverdue},
		{"unfinished with due after period end is within time",
			with(func(f *Facts) { f.DueAt = &lateDue }), OpenWithin},
		{"unfinished with due exactly at period end is within time",
			with(func(f *Facts) { f.DueAt = tp(periodEnd) }), OpenWithin},
		{"no due date is never overdue when unfinished",
			with(func(f *Facts) { f.DueAt = nil }), OpenWithin},
		{"finished after period end is unfinished at period end, past due → overdue",
			with(func(f *Facts) { f.FinishedAt = tp(at(4, 2, 9, 0)) }), OpenOverdue},
		{"finished after period end is unfinished at period end, due later → within",
			with(func(f *Facts) { f.DueAt = &lateDue; f.FinishedAt = tp(at(4, 2, 9, 0)) }), OpenWithin},

		{"second supplementation request is late though finished early (Decree 118 Art. 11(2), hơn 01 lần tính quá hạn)",
			with(func(f *Facts) { f.SupplementRequests = 2; f.FinishedAt = tp(at(3, 10, 9, 0)) }), SettledLate},
		{"second supplementation request is overdue while open though before due (hơn 01 lần tính quá hạn)",
			with(func(f *Facts) { f.SupplementRequests = 2; f.DueAt = &lateDue; f.SuspendedAt = tp(at(3, 10, 9, 0)) }), OpenOverdue},

		{"waiting for one supplementation requested before due: request time is the end, within time (§3.2)",
			with(func(f *Facts) { f.SupplementRequests = 1; f.SuspendedAt = tp(at(3, 12, 10, 0)) }), OpenWithin},
		{"waiting for one supplementation requested exactly at due is within time",
			with(func(f *Facts) { f.SupplementRequests = 1; f.SuspendedAt = tp(due) }), OpenWithin},
		{"waiting for one supplementation requested after due is overdue",
			with(func(f *Facts) { f.SupplementRequests = 1; f.SuspendedAt = tp(at(3, 20, 10, 0)) }), OpenOverdue},
		{"supplementation requested after period end: period end rule applies (overdue)",
			with(func(f *Facts) { f.SupplementRequests = 1; f.SuspendedAt = tp(at(4, 1, 10, 0)) }), OpenOverdue},
		{"supplementation requested after period end: period end rule applies (within)",
			with(func(f *Facts) {
				f.SupplementRequests = 1
				f.DueAt = &lateDue
				f.SuspendedAt = tp(at(4, 1, 10, 0))
			}), OpenWithin},

		// Requested 10/3 10:00, supplemented 12/3 10:00: the due date moved
		// from 14/3 17:00 by two working days to 18/3 17:00 (§3.1(4)); a
		// finish on 17/3 is in time (early: before 18/3 07:00) though after
		// the original due date.
		{"supplementation time excluded: finish after the original due but before the moved due day is early (§3.1(4))",
			with(func(f *Facts) {
				f.SupplementRequests = 1
				f.DueAt = tp(at(3, 18, 17, 0))
				f.DueDayStart = at(3, 18, 7, 0)
				f.FinishedAt = tp(at(3, 17, 15, 0))
			}), SettledEarly},
		{"supplementation time excluded: finish on the moved due day is on time",
			with(func(f *Facts) {
				f.SupplementRequests = 1
				f.DueAt = tp(at(3, 18, 17, 0))
				f.DueDayStart = at(3, 18, 7, 0)
				f.FinishedAt = tp(at(3, 18, 16, 0))
			}), SettledOnTime},
		{"supplementation time excluded: open after the original due but before the moved due is within time",
			with(func(f *Facts) { f.SupplementRequests = 1; f.DueAt = &lateDue }), OpenWithin},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Classify(c.f, periodEnd); got != c.want {
				t.Errorf("Classify = %s, want %s", got, c.want)
			}
		})
	}
}

func TestOutcomeHelpers(t *testing.T) {
	cases := []struct {
		o              Outcome
		name           string
		settled, inTme bool
	}{
		{NotReceived, "not_received", false, false},
		{SettledEarly, "settled_early", true, true},
		{SettledOnTime, "settled_on_time", true, true},
		{SettledLate, "settled_late", true, false},
		{OpenWithin, "open_within", false, true},
		{OpenOverdue, "open_overdue", false, false},
		{Outcome(42), "unknown", false, false},
	}
	for _, c := range cases {
		if c.o.String() != c.name || c.o.Settled() != c.settled || c.o.InTime() != c.inTme {
			t.Errorf("%d: %s %v %v, want %s %v %v", c.o, c.o, c.o.Settled(), c.o.InTime(), c.name, c.settled, c.inTme)
		}
	}
}

// Classify feeds Inputs: the example of the brief, 7 on time, 2 early, 1
// late, 3 open within, 2 open overdue → 12/15 = 80.00% → 16.00 points; a
// dossier received after the period end and one settled before the period
// start are left out.
func TestClassifyFeedsIndicator21(t *testing.T) {
	periodStart := at(3, 1, 0, 0)
	periodEnd := time.Date(2025, 3, 31, 23, 59, 59, 0, zone)
	due := at(3, 14, 17, 0)
	dueDay := at(3, 14, 7, 0)
	lateDue := at(4, 15, 17, 0)
	mk := func(finished *time.Time, due *time.Time, requests int) Facts {
		return Facts{ReceivedAt: at(3, 3, 9, 0), DueAt: due, DueDayStart: due.Add(-10 * time.Hour), FinishedAt: finished, SupplementRequests: requests}
	}
	var facts []Facts
	for range 7 {
		facts = append(facts, mk(tp(at(3, 14, 9, 0)), &due, 0))
	}
	facts = append(facts, mk(tp(at(3, 10, 9, 0)), &due, 0), mk(tp(at(3, 11, 9, 0)), &due, 0))
	facts = append(facts, mk(tp(at(3, 10, 9, 0)), &due, 2)) // early, but 2 requests → late
	for range 3 {
		facts = append(facts, mk(nil, &lateDue, 0))
	}
	facts = append(facts, mk(nil, &due, 0), mk(tp(at(4, 3, 9, 0)), &due, 0)) // overdue at period end
	facts = append(facts, Facts{ReceivedAt: at(4, 2, 9, 0), DueAt: &lateDue})
	facts = append(facts, Facts{ReceivedAt: at(2, 2, 9, 0), DueAt: &due, DueDayStart: dueDay, FinishedAt: tp(at(2, 20, 9, 0))})

	var in Inputs
	for _, fa := range facts {
		o := Classify(fa, periodEnd)
		if o.Settled() && fa.FinishedAt.Before(periodStart) {
			continue // settled before the period
		}
		switch o {
		case SettledEarly:
			in.SettledEarly++
		case SettledOnTime:
			in.SettledOnTime++
		case SettledLate:
			in.SettledLate++
		case OpenWithin:
			in.OpenWithin++
		case OpenOverdue:
			in.OpenOverdue++
		}
	}
	if in.SettledEarly != 2 || in.SettledOnTime != 7 || in.SettledLate != 1 || in.OpenWithin != 3 || in.OpenOverdue != 2 {
		t.Fatalf("counts %+v", in)
	}
	ind := mustIndicator(t, Compute(in), "2.1")
	if ind.Numerator != 12 || ind.Denominator != 15 || fmtRatio(ind.Ratio) != "80.00" || ind.Points != 16 {
		t.Errorf("2.1 = %d/%d %s %v, want 12/15 80.00 16", ind.Numerator, ind.Denominator, fmtRatio(ind.Ratio), ind.Points)
	}
}

// Used by the tests only (deadcode): kept here rather than in the package.

// BandOf classifies a total out of 100: Xuất sắc ≥ 90; Tốt 80–< 90; Khá
// 70–< 80; Trung bình 50–< 70; Yếu < 50. The total is taken to 2 decimals
// (89.995 is 90.00), as Compute rounds it.
func BandOf(total float64) Band { return bandOfHundredths(toHundredths(total)) }
