// Package index766 computes the service index of Decision 766/QĐ-TTg
// (23/6/2022, "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ
// người dân, doanh nghiệp") for one scope and one period, the way the
// national public service portal (DVCQG) computes it (RULES-VN.md §6).
//
// It is pure: no SQL, no HTTP, no clock. The caller fills [Inputs] with the
// counts of one scope (an agency with its sub-agencies, or the province) and
// one period, and [Compute] turns them into indicators, the six DVCQG groups,
// a total out of 100 and a [Band]. The point-in-time rule of RULES-VN.md
// §3.2 that sorts dossiers into 2.1's counts lives with the counters
// (aggregate.Outcome, and store/timeliness_sql.go for the SQL); this
// package's tests keep the methodology's wording of it (classify_test.go).
//
// # Groups
//
// Decision 766 Art. 1 has five groups (18/20/22/22/18). DVCQG publishes six:
// group 4 "Cung cấp dịch vụ trực tuyến" (22) is split into "Dịch vụ công
// trực tuyến" (12) and "Thanh toán trực tuyến" (10) (RULES-VN.md §6.2). This
// package follows DVCQG and uses its API keys CKMB 18, TDGQ 20, CLGQ 12,
// TTTT 10, MDSH 22, MDHL 18.
//
// # Scoring
//
// Every indicator is a ratio R = numerator / denominator × 100%, rounded to 2
// decimals (half up). With a target T the points are Pmax when R ≥ T, else
// R × Pmax / T. RULES-VN.md §6.2 states no target for most indicators; the
// practice it reports is R × Pmax (R as a fraction), i.e. a target of 100%.
// That is marked "[inference; verify]" in RULES-VN.md §15(5), and so it is
// here. Points are rounded to 2 decimals; group and total scores are sums of
// the rounded points, so that the figures on a dashboard add up exactly.
//
// A zero denominator gives no ratio (nil, shown "N/A") and 0 points: RULES
// says "a zero denominator is shown as 0 or N/A", and DVCQG awards nothing
// for it (1.4: "no history → 0"). Such an indicator still counts as measured.
// Inputs that the system does not hold (the administrator did not enter
// them, or the formula is not known) make an indicator unavailable: 0 points,
// and its maximum is reported as unmeasured in its [Group] and the [Result]
// ("72.4 / 86 measured"), so that nothing is invented.
package index766
