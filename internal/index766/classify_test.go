package index766

import "time"

// Classify is the wording of the 766 methodology's point-in-time rule,
// case by case, kept with the tests as a readable statement of it:
// production counts with aggregate.Outcome and store/timeliness_sql.go.

// Facts are what Classify needs to know about one dossier.
type Facts struct {
	// ReceivedAt is the receipt time (NgayTiepNhan).
	ReceivedAt time.Time
	// DueAt is the current due time (NgayHenTra), already moved forward by
	// the supplementation waiting time and by an approved extension
	// (RULES-VN.md §3.1(4), §4). Nil when the procedure has no deadline: the
	// dossier is then never late (a caller that knows the statutory time
	// computes DueAt from it, which is RULES' "(end − receipt − supplement
	// time) ≤ max statutory time").
	DueAt *time.Time
	// FinishedAt is the end of processing (NgayKetThucXuLy): the first of
	// "đã xử lý xong", "đã trả kết quả", "dừng xử lý"/"từ chối", withdrawal
	// (RULES-VN.md §3.2). Nil while processing.
	FinishedAt *time.Time
	// SuspendedAt is when the dossier started waiting for the applicant's
	// supplementation (the time of the pending request); nil when not
	// waiting.
	SuspendedAt *time.Time
	// SupplementRequests is the number of supplementation requests made so
	// far, including a pending one.
	SupplementRequests int
	// DueDayStart is the opening of the due date's working day (07:00 by
	// default): a dossier finished before it is early. The zero time means
	// no early/on-time distinction (every in-time finish is on time).
	DueDayStart time.Time
}

// Outcome is a dossier's status for indicator 2.1 at a point in time.
type Outcome int

// The outcomes (RULES-VN.md §3.2).
const (
	// NotReceived: received after the period end; not counted.
	NotReceived Outcome = iota
	// SettledEarly: finished before the opening of the due date's working day.
	SettledEarly
	// SettledOnTime: finished on the due date's working day, by the due time.
	SettledOnTime
	// SettledLate: finished after the due time, or after more than one
	// supplementation request.
	SettledLate
	// OpenWithin: not finished at the period end, within time.
	OpenWithin
	// OpenOverdue: not finished at the period end, past due.
	OpenOverdue
)

var outcomeNames = [...]string{"not_received", "settled_early", "settled_on_time", "settled_late", "open_within", "open_overdue"}

func (o Outcome) String() string {
	if o < 0 || int(o) >= len(outcomeNames) {
		return "unknown"
	}
	return outcomeNames[o]
}

// Settled reports whether the outcome is one of the settled ones.
func (o Outcome) Settled() bool { return o == SettledEarly || o == SettledOnTime || o == SettledLate }

// InTime reports whether the outcome counts in 2.1's numerator.
func (o Outcome) InTime() bool { return o == SettledEarly || o == SettledOnTime || o == OpenWithin }

// Classify is the point-in-time rule of DVCQG indicator 2.1 (RULES-VN.md
// §3.2) for one dossier at periodEnd:
//
//   - received after periodEnd → NotReceived;
//   - more than one supplementation request → late: SettledLate if finished
//     by periodEnd, else OpenOverdue (Decree 118 Art. 11(2); DVCQG "yêu cầu
//     bổ sung hồ sơ hơn 01 lần thì tính quá hạn", §3.1(5));
//   - finished by periodEnd → SettledEarly if before DueDayStart,
//     SettledOnTime if no later than DueAt ("NgayKetThucXuLy <= NgayHenTra"),
//     else SettledLate;
//   - not finished and waiting for a single supplementation requested by
//     periodEnd → the request time is the end: OpenWithin if it is no later
//     than DueAt, else OpenOverdue;
//   - otherwise not finished → the end is periodEnd: OpenOverdue if periodEnd
//     is after DueAt, else OpenWithin.
//
// The supplementation waiting time is excluded by the caller moving DueAt
// (§3.1(4)). Classify does not look at the period start: a dossier settled
// before it is SettledEarly/OnTime/Late here and the caller leaves it out of
// the period's counts (Inputs counts dossiers settled in the period).
func Classify(f Facts, periodEnd time.Time) Outcome {
	if f.ReceivedAt.After(periodEnd) {
		return NotReceived
	}
	finished := f.FinishedAt != nil && !f.FinishedAt.After(periodEnd)
	if f.SupplementRequests > 1 {
		if finished {
			return SettledLate
		}
		return OpenOverdue
	}
	if finished {
		end := *f.FinishedAt
		switch {
		case f.DueAt == nil:
			return SettledOnTime
		case !f.DueDayStart.IsZero() && end.Before(f.DueDayStart):
			return SettledEarly
		case !end.After(*f.DueAt):
			return SettledOnTime
		default:
			return SettledLate
		}
	}
	end := periodEnd
	if f.SuspendedAt != nil && !f.SuspendedAt.After(periodEnd) {
		end = *f.SuspendedAt
	}
	if f.DueAt != nil && end.After(*f.DueAt) {
		return OpenOverdue
	}
	return OpenWithin
}
