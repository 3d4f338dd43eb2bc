package process

import (
	"github.com/motcua/motcua/internal/catalog"
)

// Derive is the default process of a procedure that has no approved one,
// computed from its statutory time limit and marked Derived. Its budgets add
// up exactly to LimitBudget(limit).
//
// From 5 working days: receive 0.5 day (Bắc Ninh 1582/QĐ-UBND step 1, Hà
// Nội B1: ½ day; a paper dossier goes to the agency the same day or the next
// morning, Decree 61/2018 Art. 20(1)), assign 0.25 day (Bắc Ninh step 2),
// approve 1 day (Bắc Ninh step 9 and Hà Nội B5: the leader signs in 1 day),
// return 0.5 day (Bắc Ninh step 12); the specialist's appraisal gets the
// rest, at least 2.75 days.
//
// From 1.25 to 4.75 days the four short steps get 0.25 day each and
// appraisal the rest (at least 0.25 day): a quick procedure is mostly the
// specialist's work.
//
// One working day or less (1 working day, same-day, hours): a single step,
// receive to return, held by the processing agency. Five steps of a quarter
// day do not fit, and splitting a same-day dossier into hand-overs measures
// nothing the dossier's own clock does not.
func Derive(code string, version int, limit catalog.TimeLimit) (Process, error) {
	total, _, err := LimitBudget(limit)
	if err != nil {
		return Process{}, err
	}
	p := Process{ProcedureCode: code, ProcedureVersion: version, Derived: true}
	if total < 5 {
		p.Steps = []Step{{
			Name:   "Tiếp nhận, giải quyết và trả kết quả",
			NameEn: "Receive, settle and return the result",
			Role:   RoleSpecialist,
			Holder: Holder{Kind: HolderProcessing},
			Budget: total,
			Output: Output{Kind: OutputResult, Name: "Kết quả giải quyết thủ tục hành chính"},
		}}
		return p, nil
	}
	receive, assign, approve, ret := Budget(1), Budget(1), Budget(1), Budget(1)
	if total >= Days(5) {
		receive, assign, approve, ret = 2, 1, 4, 2
	}
	p.Steps = []Step{
		{
			Name: "Tiếp nhận, kiểm tra, số hoá hồ sơ", NameEn: "Receive, check and digitize the dossier",
			Role: RoleOneStop, Holder: Holder{Kind: HolderCenter}, Budget: receive,
			Output: Output{Kind: OutputForm, Form: "01", Circular: Circular012018, Name: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
		},
		{
			Name: "Phân công thụ lý", NameEn: "Assign to a specialist",
			Role: RoleDivisionLeader, Holder: Holder{Kind: HolderProcessing}, Budget: assign,
			Output: Output{Kind: OutputAssignment},
		},
		{
			Name: "Thẩm định hồ sơ, dự thảo kết quả", NameEn: "Appraise and draft the result",
			Role: RoleSpecialist, Holder: Holder{Kind: HolderProcessing}, Budget: total - receive - assign - approve - ret,
			Output: Output{Kind: OutputDocument, Name: "Dự thảo kết quả"},
		},
		{
			Name: "Phê duyệt, ký kết quả", NameEn: "Approve and sign the result",
			Role: RoleAgencyLeader, Holder: Holder{Kind: HolderProcessing}, Budget: approve,
			Output: Output{Kind: OutputDecision, Name: "Kết quả giải quyết thủ tục hành chính"},
		},
		{
			Name: "Số hoá, trả kết quả", NameEn: "Digitize and return the result",
			Role: RoleOneStop, Holder: Holder{Kind: HolderCenter}, Budget: ret,
			Output: Output{Kind: OutputResult, Name: "Kết quả giải quyết thủ tục hành chính"},
		},
	}
	return p, nil
}
