package store

// The timeliness rules as SQL over the dossiers table, written once here and
// used by the director's overview (counts and the lists behind them,
// overview.go) and by the figures' open-now counts (OpenNow, stats.go), so
// that a figure and the list behind it cannot disagree. The same rules in Go
// are aggregate.Outcome and the sweeps of aggregate.Contribution.
//
// More than one supplementation request is late whatever the dates: a
// counter officer may ask for supplementation only once (Decree 118/2025
// Art. 11(2)), and the 766 methodology (Decision 766/QĐ-TTg, indicator 2.1,
// DVCQG "Mô tả công thức tính chỉ số 766": "trừ trường hợp «Yêu cầu bổ sung
// hồ sơ» hơn 01 lần thì tính quá hạn") counts such a dossier as overdue, so
// a second request cannot buy time. RULES-VN.md §3.1(5) and §3.2.
//
// Every fragment is written so that it is never NULL for a received dossier
// with a due date (NOT p must hold exactly when p does not).

// tooManySupplements: asked for supplementation more than once.
const tooManySupplements = "supplement_count > 1"

// settledLateSQL: settled after the due instant, or after more than one
// supplementation request.
func settledLateSQL() sqlPart {
	return sqlPart{"(" + tooManySupplements + " OR finished_at > due_at)", nil}
}

// settledInTimeSQL: settled by the due instant with at most one request; the
// caller splits it into early and on time at the due day's opening.
func settledInTimeSQL() sqlPart {
	return sqlPart{"(supplement_count <= 1 AND finished_at <= due_at)", nil}
}

// overdueAtSQL: past due at asOf for a dossier still open then. The clock
// ran until asOf, or until the supplementation request if that came first:
// past due when that end is after the due instant (the request time is the
// end while the applicant has not answered, RULES-VN.md §3.2).
func overdueAtSQL(asOf int64) sqlPart {
	return sqlPart{"(" + tooManySupplements +
		" OR (suspended_at IS NULL OR suspended_at >= ?) AND due_at < ?" +
		" OR suspended_at IS NOT NULL AND suspended_at < ? AND suspended_at > due_at)", []any{asOf, asOf, asOf}}
}

// clockRunningAtSQL: not waiting for the applicant at asOf.
func clockRunningAtSQL(asOf int64) sqlPart {
	return sqlPart{"(suspended_at IS NULL OR suspended_at >= ?)", []any{asOf}}
}
