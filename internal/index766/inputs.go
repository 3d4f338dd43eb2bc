package index766

// Pair is a numerator and a denominator that the system may not hold: counts
// entered by an administrator, or produced by a module that may not exist
// yet. Available false means "not measured": the indicator scores 0 and its
// maximum is reported as unmeasured. The zero Pair is therefore "not
// entered", never "0 of 0".
type Pair struct {
	// Available reports that the counts were entered or computed for this
	// scope and period.
	Available bool
	// Numerator and Denominator are the counts named in the field's
	// documentation in [Inputs].
	Numerator   int64
	Denominator int64
}

// Inputs are the counts of ONE scope (an agency with its sub-agencies, or the
// province) over ONE period. Plain int64 fields come from the dossier
// aggregates (and the procedure catalogue) and are always available: a zero
// is a real zero. [Pair] fields are entered by an administrator, or come from
// a module the system may not have; leave them zero to report "not
// measured". Negative counts are treated as 0.
//
// "In the period" means within [period start, period end]; "at period end"
// means at the instant the period ends, or now for the current period.
// Dossier counts are of dossiers synchronised with DVCQG where RULES says so;
// a one-stop system that syncs every dossier counts all of them.
type Inputs struct {
	// ---- Group 1, Công khai minh bạch (CKMB): entered by an administrator
	// from the national procedures database (RULES-VN.md §6.2 group 1).

	// PublishedOnTime is 1.1 (6 points). Numerator: procedures published in
	// the period whose publication decision (QĐCB) is dated no later than the
	// effective date of the underlying legal text − 5 working days (province)
	// or − 20 (ministry). Denominator: procedures published in the period. A
	// procedure in several QĐCBs counts once, and late once means late.
	PublishedOnTime Pair
	// NationalDBOnTime is 1.2 (4 points). Numerator: procedures made public in
	// the national database no later than the QĐCB date + 5 working days
	// (province) or + 10 (ministry). Denominator: procedures published in the
	// period + procedures due for publication (QĐCB date ≤ period end + 5/10
	// working days).
	NationalDBOnTime Pair
	// CompleteComponents is 1.3 (2 points), measured now, not per period.
	// Numerator: procedures with all 7 parts of Decree 63/2010 Art. 8(2)
	// filled (name; sequence; method; dossier components and quantity;
	// processing time; subjects; implementing agency). Denominator:
	// procedures of the scope.
	CompleteComponents Pair
	// Synced is 1.4 (6 points). Numerator: dossiers synced to DVCQG with a
	// receipt date in the period. Denominator: max(dossiers in the national
	// reporting system, dossiers on DVCQG); if both are 0, last year's total
	// / 12 for a month (/ 4 for a quarter, × 1 for a year), 0 with no
	// history. The administrator applies that fallback. Its ratio is also the
	// sync coefficient of 3.3.
	Synced Pair

	// ---- Group 2, Tiến độ giải quyết (TDGQ): from the dossier aggregates,
	// each dossier classified at period end (RULES-VN.md §3.2, as
	// aggregate.Outcome and store/timeliness_sql.go count it). Dossiers with
	// more than one supplementation request are already counted as late
	// (SettledLate or OpenOverdue); the caller must not count them elsewhere.

	// SettledEarly: dossiers whose processing ended in the period before the
	// opening of the due date's working day.
	SettledEarly int64
	// SettledOnTime: dossiers whose processing ended in the period, on the
	// due date's working day and no later than the due time.
	SettledOnTime int64
	// SettledLate: dossiers whose processing ended in the period after the
	// due time, or with more than one supplementation request.
	SettledLate int64
	// OpenWithin: dossiers received no later than period end, not finished at
	// period end and within time, including those waiting for
	// a single supplementation requested no later than the due time.
	OpenWithin int64
	// OpenOverdue: dossiers received no later than period end, not finished
	// at period end and past their due time, or waiting for a supplementation
	// requested after the due time, or with more than one supplementation
	// request.
	OpenOverdue int64
	// CarriedOver: dossiers received before the period start and not finished
	// at the period start. For reports only: they are already in the five
	// counts above, and 2.1 does not use this field.
	CarriedOver int64

	// ---- Group 3a, Dịch vụ công trực tuyến (CLGQ).

	// FullProcess is 3.0 (12 points; RULES gives the cap, not the formula
	// text). Numerator: dossiers received in the period through a
	// full-process online service (Decree 42/2022 Art. 11(1)). Denominator:
	// dossiers received in the period of procedures flagged eligible for
	// full-process in the national database. The service computes it from
	// the counters by procedure and the catalogue's online levels, or takes
	// an administrator's entry.
	FullProcess Pair

	// ProceduresInJurisdiction: procedures under the scope's jurisdiction
	// (a province includes its communes), from the procedure catalogue now.
	// Denominator of 3.1 and of its partial sub-ratio.
	ProceduresInJurisdiction int64
	// ProceduresOnlineFull: of ProceduresInJurisdiction, procedures offering
	// a full-process online service. Numerator of the full-process sub-ratio.
	ProceduresOnlineFull int64
	// ProceduresOnlinePartial: of ProceduresInJurisdiction, procedures
	// offering a partial online service and no full-process one (a procedure
	// with both counts once, at the higher level). 3.1's numerator is
	// ProceduresOnlineFull + ProceduresOnlinePartial.
	ProceduresOnlinePartial int64
	// ProceduresFullEligible: procedures flagged eligible for full-process in
	// the national database. Denominator of the full-process sub-ratio.
	ProceduresFullEligible int64

	// ProceduresUnknownLevel: of ProceduresInJurisdiction, procedures whose
	// online service level the catalogue does not give. While there are any,
	// 3.1 and 3.2 are not measured: each could go either way.
	ProceduresUnknownLevel int64

	// OnlineServices: online services of the scope's procedures in the states
	// "đang công khai", "chờ dừng công khai" or "đang kiểm thử", by applying
	// unit (3.2 denominator), from the procedure catalogue.
	OnlineServices int64
	// OnlineServicesWithDossier: of OnlineServices, those that received at
	// least one online dossier in the period (3.2 numerator).
	OnlineServicesWithDossier int64

	// Received: dossiers with a receipt date in the period, every channel.
	// Denominator of 3.3, 4.2, 4.3, 4.4 and 4.5b.
	Received int64
	// ReceivedOnline: of Received, dossiers submitted online
	// (KenhThucHien = 2), whatever their result. For reports.
	ReceivedOnline int64
	// ReceivedCounter: of Received, dossiers submitted in person at the
	// counter (KenhThucHien = 1 or empty).
	ReceivedCounter int64
	// ReceivedPostal: of Received, dossiers submitted through the public
	// postal service (KenhThucHien = 3).
	ReceivedPostal int64
	// OnlineCounted: of ReceivedOnline, those that count as online dossiers
	// for 3.3: where the procedure yields a paper or document result, an
	// electronic result (result code and result file link) was issued
	// (RULES-VN.md §7).
	OnlineCounted int64

	// ---- Group 3b, Thanh toán trực tuyến (TTTT).

	// ProceduresWithFees: procedures with a non-zero fee or charge in the
	// national database, now (3.5 denominator).
	ProceduresWithFees int64
	// ProceduresWithFeeData: procedures with at least one dossier synced in
	// the period carrying non-zero fee data (3.5 numerator).
	ProceduresWithFeeData int64
	// PaymentTransactions is 3.5b (2 points; RULES gives the cap, not the
	// formula). Suggested: procedures with at least one online payment
	// transaction in the period / ProceduresWithFees. Entered by an
	// administrator or a payment module.
	PaymentTransactions Pair
	// FeeDossiers: dossiers with a start (receipt) date in the period of
	// procedures with a non-zero fee.
	FeeDossiers int64
	// ZeroFeeDossiers: of FeeDossiers, those whose fees are all 0 (exempt).
	// 3.6's denominator is FeeDossiers − ZeroFeeDossiers.
	ZeroFeeDossiers int64
	// PaidOnline: of FeeDossiers − ZeroFeeDossiers, those paid online
	// (DuocThanhToanTrucTuyen = 1 on DVCQG or 2 on the provincial payment
	// portal) (3.6 numerator).
	PaidOnline int64

	// ---- Group 4, Số hóa hồ sơ (MDSH).

	// ResultDossiers: dossiers settled in the period (SettledEarly +
	// SettledOnTime + SettledLate) of procedures that yield a paper or
	// document result (4.1 denominator). The settled basis is an [inference]:
	// RULES gives no period basis, and a result exists only once settled.
	ResultDossiers int64
	// EResultDossiers: of ResultDossiers, those with an electronic result
	// (result code and result file link) (4.1 numerator).
	EResultDossiers int64
	// DigitizedDossiers: of Received, dossiers with at least one component
	// attached as a file (any channel) and, where the procedure yields a
	// paper result, an electronic result (4.2 numerator).
	DigitizedDossiers int64
	// Certification is 4.x "Chứng thực bản sao điện tử từ bản chính" (2
	// points; RULES gives the cap, not the formula). Entered by an
	// administrator or a certification module.
	Certification Pair
	// ReusedDataDossiers: of Received, dossiers with at least one component
	// flagged as reused digitized data (HoSoCoThanhPhanSoHoa = 1 or
	// TaiLieuNop.DuocSoHoa = 1) (4.3 numerator).
	ReusedDataDossiers int64
	// SharedDossiers: of Received, dossiers with at least one component taken
	// from the citizen's data store (TaiLieuNop.DuocLayTuKhoDMQG = 1) or whose
	// electronic result was shared to the DVCQG store (4.4 numerator).
	SharedDossiers int64
	// ProceduresForCitizens: procedures whose subjects are citizens
	// (Vietnamese, overseas Vietnamese, foreigners) (4.5a denominator).
	ProceduresForCitizens int64
	// ProceduresUnknownAudience: procedures of the scope whose subjects the
	// catalogue does not give. While there are any, 4.5a is not measured.
	ProceduresUnknownAudience int64
	// ProceduresPopulationData: of ProceduresForCitizens, procedures with at
	// least one dossier in the period whose account was verified with VNeID
	// (TaiKhoanDuocXacThucVoiVNeID = 1) or which took data from the national
	// population database (MaCSDL) (4.5a numerator).
	ProceduresPopulationData int64
	// PopulationDataDossiers: of Received, dossiers VNeID-verified or taking
	// data from the national population database (4.5b numerator).
	PopulationDataDossiers int64

	// ---- Group 5, Mức độ hài lòng (MDHL).

	// ComplaintsByCategory is 5.1 (monitored). Numerator: complaints and
	// petitions (PAKN) received in the period about rules and procedures.
	// Denominator: all PAKN received in the period (the rest are about staff
	// behaviour). Entered by an administrator or a complaints module.
	ComplaintsByCategory Pair
	// ComplaintsOnTime is 5.2 (6 points). Numerator: PAKN handled on or
	// before their deadline + PAKN in progress within their deadline.
	// Denominator: PAKN received or handled in the period under the scope's
	// competence. Deadlines: refusal ≤ 2 working days; supplementation
	// request ≤ 5; handling ≤ 15 from receipt or transfer; publishing the
	// answer ≤ 2. Entered by an administrator or a complaints module.
	ComplaintsOnTime Pair
	// ComplaintsSatisfied is 5.3 (6 points). Numerator: PAKN first received
	// in the period − those rated dissatisfied (more dislikes than likes),
	// re-raised, or handled late. Denominator: PAKN first received in the
	// period. Entered by an administrator or a complaints module.
	ComplaintsSatisfied Pair
	// SettledComplainedOrDisliked: of the dossiers settled in the period
	// (SettledEarly + SettledOnTime + SettledLate), those with at least one
	// complaint or a "không hài lòng" (dislike) rating (5.4). 5.4 is 100% −
	// (late share + this share), both shares of the dossiers settled in the
	// period; a late dossier that was also disliked counts in both, as the
	// formula reads.
	SettledComplainedOrDisliked int64
}

// settled is the number of dossiers settled in the period.
func (in Inputs) settled() int64 {
	return nn(in.SettledEarly) + nn(in.SettledOnTime) + nn(in.SettledLate)
}

// nn clamps a count to 0.
func nn(n int64) int64 {
	if n < 0 {
		return 0
	}
	return n
}
