package process

import (
	"fmt"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
)

// Validate checks a process against the statutory time limit of its
// procedure and says, for people, the first thing wrong: no steps, a step
// without a name, role, holder or output, a budget that is not a positive
// number of quarter days, a consultation without agencies, or budgets that
// do not add up to the limit (saying by how much; RULES-VN.md §3.1(7), the
// statutory time is divided among the steps).
func (p Process) Validate(limit catalog.TimeLimit) error {
	if strings.TrimSpace(p.ProcedureCode) == "" {
		return invalid("process_procedure", "Quy trình chưa gắn với thủ tục nào.", "The process belongs to no procedure.")
	}
	if len(p.Steps) == 0 {
		return invalid("process_no_steps", "Quy trình phải có ít nhất một bước.", "A process needs at least one step.")
	}
	for i, s := range p.Steps {
		if err := s.validate(i + 1); err != nil {
			return err
		}
	}
	want, _, err := LimitBudget(limit)
	if err != nil {
		return err
	}
	total := p.Total()
	switch diff := total - want; {
	case diff < 0:
		return apperr.New(apperr.Invalid, "process_budget_short",
			fmt.Sprintf("Tổng thời gian các bước là %s, thiếu %s so với thời hạn giải quyết %s.", total.viDays(), (-diff).viDays(), want.viDays()),
			fmt.Sprintf("The steps add up to %s: %s short of the statutory %s.", total.enDays(), (-diff).enDays(), want.enDays()))
	case diff > 0:
		return apperr.New(apperr.Invalid, "process_budget_over",
			fmt.Sprintf("Tổng thời gian các bước là %s, thừa %s so với thời hạn giải quyết %s.", total.viDays(), diff.viDays(), want.viDays()),
			fmt.Sprintf("The steps add up to %s: over the statutory %s by %s.", total.enDays(), want.enDays(), diff.enDays()))
	}
	return nil
}

func (s Step) validate(n int) error {
	if strings.TrimSpace(s.Name) == "" {
		return stepInvalid("process_step_name", n, "chưa có tên", "has no name")
	}
	if !s.Role.valid() {
		return stepInvalid("process_step_role", n, "chưa có vai trò thực hiện hợp lệ", "has no valid acting role")
	}
	if s.Budget <= 0 {
		return stepInvalid("process_step_budget", n, "phải có thời gian lớn hơn 0 (tính theo 0,25 ngày làm việc)", "needs a time budget above 0 (in quarters of a working day)")
	}
	if !s.Output.Kind.valid() {
		return stepInvalid("process_step_output", n, "chưa có kết quả đầu ra hợp lệ (biểu mẫu, văn bản, ý kiến, quyết định…)", "has no valid output (form, document, opinion, decision…)")
	}
	if s.Output.Kind == OutputForm && strings.TrimSpace(s.Output.Form) == "" {
		return stepInvalid("process_step_form", n, "có đầu ra là biểu mẫu nhưng chưa ghi số mẫu", "outputs a form but names no form number")
	}
	h := s.Holder
	switch h.Kind {
	case HolderCenter, HolderProcessing, HolderPPC:
	case HolderAgency:
		if strings.TrimSpace(h.Agency) == "" {
			return stepInvalid("process_step_agency", n, "do một cơ quan cụ thể thực hiện nhưng chưa ghi mã cơ quan", "is held by a named agency but names none")
		}
	case HolderConsulted:
		if len(h.Agencies) == 0 {
			return stepInvalid("process_step_consulted", n, "lấy ý kiến song song nhưng chưa có cơ quan nào được lấy ý kiến", "is a parallel consultation without any consulted agency")
		}
		seen := map[string]bool{}
		for _, a := range h.Agencies {
			if strings.TrimSpace(a) == "" || seen[a] {
				return stepInvalid("process_step_consulted", n, "có mã cơ quan được lấy ý kiến trống hoặc trùng", "lists an empty or repeated consulted agency")
			}
			seen[a] = true
		}
	default:
		return stepInvalid("process_step_holder", n, "chưa ghi cơ quan giữ hồ sơ", "names no holding agency")
	}
	// The consulted agencies answer as agencies, in parallel: the role and
	// the holder say the same thing or the step cannot be measured per agency.
	if (s.Role == RoleConsulted) != (h.Kind == HolderConsulted) {
		return stepInvalid("process_step_consulted", n, "chỉ bước lấy ý kiến song song mới do các cơ quan được lấy ý kiến thực hiện", "only a parallel consultation is held by consulted agencies, and it is acted on by them")
	}
	return nil
}

func invalid(code, vi, en string) *apperr.Error { return apperr.New(apperr.Invalid, code, vi, en) }

func stepInvalid(code string, n int, vi, en string) *apperr.Error {
	return apperr.Newf(apperr.Invalid, code, "Bước %d "+vi+".", "Step %d "+en+".", n)
}
