package index766

import "fmt"

// GroupKey is a DVCQG group API key (RULES-VN.md §6.2).
type GroupKey string

// The six groups published by DVCQG, in its order.
const (
	CKMB GroupKey = "CKMB" // Công khai minh bạch, 18
	TDGQ GroupKey = "TDGQ" // Tiến độ giải quyết, 20
	CLGQ GroupKey = "CLGQ" // Dịch vụ công trực tuyến, 12
	TTTT GroupKey = "TTTT" // Thanh toán trực tuyến, 10
	MDSH GroupKey = "MDSH" // Số hóa hồ sơ, 22
	MDHL GroupKey = "MDHL" // Mức độ hài lòng, 18
)

// groupDef is one group with its published maximum.
type groupDef struct {
	key            GroupKey
	nameVI, nameEN string
	max            int64
}

// groups are RULES-VN.md §6.2's API table. Each max equals the sum of its
// scored indicators' maxima (tested): 18 + 20 + 12 + 10 + 22 + 18 = 100.
var groups = []groupDef{
	{CKMB, "Công khai, minh bạch", "Publicity and transparency", 18},
	{TDGQ, "Tiến độ, kết quả giải quyết", "Progress and results of handling", 20},
	{CLGQ, "Dịch vụ công trực tuyến", "Online public services", 12},
	{TTTT, "Thanh toán trực tuyến", "Online payment", 10},
	{MDSH, "Số hóa hồ sơ", "Dossier digitization", 22},
	{MDHL, "Mức độ hài lòng", "Satisfaction", 18},
}

// measure is what an indicator's formula reads from Inputs.
type measure struct {
	num, den  int64
	available bool
	// sync, when set, is the 1.4 ratio in hundredths of a percent, applied
	// as a coefficient to the ratio (3.3).
	sync *int64
	note string
}

// counts is an always-available measure from the aggregates.
func counts(num, den int64) measure { return measure{num: nn(num), den: nn(den), available: true} }

// pair is a measure from an optional Pair.
func pair(p Pair, missing string) measure {
	if !p.Available {
		return measure{note: missing}
	}
	return counts(p.Numerator, p.Denominator)
}

// unknownFormula is the note of an indicator whose cap RULES gives without a
// formula (RULES-VN.md §6.2: 3.5b, 4.x; 3.0 has a formula in this package).
const unknownFormula = "not entered; RULES-VN.md §6.2 gives the cap but not the formula"

// admin is the note of an unentered administrator input.
const admin = "not entered by an administrator"

// complaints is the note of unentered complaint counts.
const complaints = "not entered (administrator or complaints module)"

// definition is one indicator of RULES-VN.md §6.2.
type definition struct {
	id             string
	group          GroupKey
	nameVI, nameEN string
	// max is Pmax in points; 0 for monitored and display-only indicators.
	max int64
	// target is T in percent; 0 when RULES states none (scored as T = 100,
	// the [inference; verify] of RULES-VN.md §6.2).
	target int64
	scored bool
	read   func(Inputs) measure
}

// definitions is the table of indicators, in DVCQG order within each group.
// Sub-ratios that RULES lists under an indicator have IDs with a suffix
// ("3.1-full"); they are monitored, never scored.
var definitions = []definition{
	// Group 1 (RULES-VN.md §6.2 group 1): administrator-entered.
	{"1.1", CKMB, "Tỷ lệ TTHC công bố đúng hạn", "Procedures published on time", 6, 0, true,
		func(in Inputs) measure { return pair(in.PublishedOnTime, admin) }},
	{"1.2", CKMB, "Tỷ lệ TTHC cập nhật, công khai đúng hạn", "Procedures made public in the national database on time", 4, 0, true,
		func(in Inputs) measure { return pair(in.NationalDBOnTime, admin) }},
	{"1.3", CKMB, "Tỷ lệ TTHC công khai đầy đủ bộ phận cấu thành", "Procedures published with all components", 2, 0, true,
		func(in Inputs) measure { return pair(in.CompleteComponents, admin) }},
	{"1.4", CKMB, "Tỷ lệ hồ sơ đồng bộ lên DVCQG", "Dossiers synchronised to DVCQG", 6, 0, true,
		func(in Inputs) measure { return pair(in.Synced, admin) }},

	// Group 2 (§6.2 group 2, §3.2).
	{"2.1", TDGQ, "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", "Dossiers handled early or on time", 20, 0, true,
		func(in Inputs) measure {
			within := nn(in.SettledEarly) + nn(in.SettledOnTime) + nn(in.OpenWithin)
			return counts(within, in.settled()+nn(in.OpenWithin)+nn(in.OpenOverdue))
		}},
	// 2.2 is a duration in each procedure's own unit (DonViTinh), shown only
	// for one procedure: it is not a ratio and not computed here.
	{"2.2", TDGQ, "Thời gian giải quyết trung bình", "Average processing time", 0, 0, false,
		func(Inputs) measure {
			return measure{note: "display only: a duration in the procedure's unit, shown for one procedure"}
		}},

	// Group 3a (§6.2 group 3a).
	{"3.0", CLGQ, "Tỷ lệ hồ sơ trực tuyến toàn trình", "Full-process online dossiers", 12, 0, true,
		func(in Inputs) measure {
			return pair(in.FullProcess, "not measured while the catalogue leaves online levels unknown; an administrator may enter it")
		}},
	{"3.1", CLGQ, "Tỷ lệ TTHC cung cấp DVCTT", "Procedures offering online services", 0, 80, false,
		func(in Inputs) measure {
			return levels(in, counts(nn(in.ProceduresOnlineFull)+nn(in.ProceduresOnlinePartial), in.ProceduresInJurisdiction))
		}},
	{"3.1-full", CLGQ, "Tỷ lệ TTHC cung cấp DVCTT toàn trình", "Eligible procedures offering full-process online services", 0, 0, false,
		func(in Inputs) measure { return levels(in, counts(in.ProceduresOnlineFull, in.ProceduresFullEligible)) }},
	{"3.1-partial", CLGQ, "Tỷ lệ TTHC cung cấp DVCTT một phần", "Procedures offering partial online services", 0, 0, false,
		func(in Inputs) measure {
			return levels(in, counts(in.ProceduresOnlinePartial, in.ProceduresInJurisdiction))
		}},
	{"3.2", CLGQ, "Tỷ lệ DVCTT có phát sinh hồ sơ", "Online services that received dossiers", 0, 0, false,
		func(in Inputs) measure { return levels(in, counts(in.OnlineServicesWithDossier, in.OnlineServices)) }},
	{"3.3", CLGQ, "Tỷ lệ hồ sơ trực tuyến", "Online dossiers", 0, 50, false, readOnline},
	{"3.3-counter", CLGQ, "Tỷ lệ hồ sơ nộp trực tiếp", "Dossiers submitted at the counter", 0, 0, false,
		func(in Inputs) measure { return counts(in.ReceivedCounter, in.Received) }},
	{"3.3-postal", CLGQ, "Tỷ lệ hồ sơ nộp qua bưu chính công ích", "Dossiers submitted by post", 0, 0, false,
		func(in Inputs) measure { return counts(in.ReceivedPostal, in.Received) }},

	// Group 3b (§6.2 group 3b).
	{"3.5", TTTT, "Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến", "Fee-bearing procedures integrated with online payment", 2, 80, true,
		func(in Inputs) measure { return counts(in.ProceduresWithFeeData, in.ProceduresWithFees) }},
	{"3.5b", TTTT, "Tỷ lệ TTHC có giao dịch thanh toán trực tuyến", "Procedures with online payment transactions", 2, 0, true,
		func(in Inputs) measure { return pair(in.PaymentTransactions, unknownFormula) }},
	{"3.6", TTTT, "Tỷ lệ hồ sơ thanh toán trực tuyến", "Dossiers paid online", 6, 0, true,
		func(in Inputs) measure { return counts(in.PaidOnline, nn(in.FeeDossiers)-nn(in.ZeroFeeDossiers)) }},

	// Group 4 (§6.2 group 4).
	{"4.1", MDSH, "Tỷ lệ hồ sơ có cấp kết quả giải quyết điện tử", "Dossiers with an electronic result", 6, 0, true,
		func(in Inputs) measure { return counts(in.EResultDossiers, in.ResultDossiers) }},
	{"4.2", MDSH, "Tỷ lệ hồ sơ thực hiện số hóa", "Digitized dossiers", 4, 80, true,
		func(in Inputs) measure { return counts(in.DigitizedDossiers, in.Received) }},
	{"4.x", MDSH, "Chứng thực bản sao điện tử từ bản chính", "Electronic certified copies from originals", 2, 0, true,
		func(in Inputs) measure { return pair(in.Certification, unknownFormula) }},
	{"4.3", MDSH, "Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa", "Reuse of digitized data", 2, 80, true,
		func(in Inputs) measure { return counts(in.ReusedDataDossiers, in.Received) }},
	{"4.4", MDSH, "Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ phục vụ tái sử dụng", "Digitized dossiers connected and shared for reuse", 4, 0, true,
		func(in Inputs) measure { return counts(in.SharedDossiers, in.Received) }},
	{"4.5a", MDSH, "Tỷ lệ TTHC có kết nối dữ liệu dân cư", "Procedures connected to the population database", 2, 0, true,
		func(in Inputs) measure {
			if n := nn(in.ProceduresUnknownAudience); n > 0 {
				return measure{note: fmt.Sprintf("subjects unknown for %d procedures of the catalogue", n)}
			}
			return counts(in.ProceduresPopulationData, in.ProceduresForCitizens)
		}},
	{"4.5b", MDSH, "Tỷ lệ hồ sơ sử dụng dữ liệu CSDL dân cư", "Dossiers using population data", 2, 0, true,
		func(in Inputs) measure { return counts(in.PopulationDataDossiers, in.Received) }},

	// Group 5 (§6.2 group 5).
	{"5.1", MDHL, "Tỷ lệ PAKN về quy định hành chính", "Complaints about rules and procedures (vs staff behaviour)", 0, 0, false,
		func(in Inputs) measure { return pair(in.ComplaintsByCategory, complaints) }},
	{"5.2", MDHL, "Tỷ lệ PAKN xử lý đúng hạn", "Complaints handled on time", 6, 0, true,
		func(in Inputs) measure { return pair(in.ComplaintsOnTime, complaints) }},
	{"5.3", MDHL, "Tỷ lệ hài lòng trong xử lý PAKN", "Satisfaction with complaint handling", 6, 0, true,
		func(in Inputs) measure { return pair(in.ComplaintsSatisfied, complaints) }},
	{"5.4", MDHL, "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", "Satisfaction with dossier handling", 6, 90, true,
		func(in Inputs) measure {
			// 100% − (late share + complained-or-disliked share) over the
			// dossiers settled in the period, as one ratio; negative → 0.
			s := in.settled()
			return counts(s-nn(in.SettledLate)-nn(in.SettledComplainedOrDisliked), s)
		}},
}

// levels withholds a catalogue-based measure while some procedure's online
// level is unknown: counting it as "no service" would be a guess.
func levels(in Inputs, m measure) measure {
	if n := nn(in.ProceduresUnknownLevel); n > 0 {
		return measure{note: fmt.Sprintf("online service level unknown for %d procedures of the catalogue", n)}
	}
	return m
}

// readOnline is 3.3: online dossiers (with an e-result where one is due) /
// dossiers received, × the sync coefficient 1.4 / 100. Without 1.4 the
// coefficient is not applied and the note says so (3.3 is monitored, so no
// points depend on it).
func readOnline(in Inputs) measure {
	m := counts(in.OnlineCounted, in.Received)
	if !in.Synced.Available {
		m.note = "sync coefficient (1.4) not entered: local ratio, not multiplied"
		return m
	}
	if r, ok := ratioHundredths(nn(in.Synced.Numerator), nn(in.Synced.Denominator)); ok {
		m.sync = &r
	} else {
		zero := int64(0) // 1.4 has a zero denominator: coefficient 0, as DVCQG
		m.sync = &zero
	}
	return m
}
