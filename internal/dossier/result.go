package dossier

import (
	"slices"

	"github.com/motcua/motcua/internal/process"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/textfold"
)

// ResultKind says what the approval issued: an electronic result (files the
// citizen receives online and in their data store) or a paper one handed
// over at the counter or by post.
type ResultKind string

const (
	ResultElectronic ResultKind = "electronic"
	ResultPaper      ResultKind = "paper"
)

// maxResultName bounds the typed name or number of the result document.
const maxResultName = 200

var errAlreadyReturned = apperr.New(apperr.Invalid, "already_returned",
	"Hồ sơ này đã được trả cho người nộp.", "This dossier has already been handed back to the applicant.")

// approveResult records the result an approval issues. A citizen who chose
// to receive the result online receives nothing else, so that approval must
// carry the electronic result's file: the result is returned "as an
// electronic result on DVCQG" and pushed to the citizen's data store
// (RULES-VN.md §1.4 "Result return"; Circular 01/2023 Art. 24; 766 indicator
// 4.1). A paper result is recorded as paper; its files, if any, are the
// electronic copy issued with it.
func approveResult(d *Dossier, cmd Command, ev *Event, step *process.Moved) error {
	name := textfold.NFC(cmd.ResultName)
	if len([]rune(name)) > maxResultName {
		return apperr.Newf(apperr.Invalid, "result_name_too_long",
			"Tên hoặc số văn bản kết quả (result_name) dài quá %d ký tự.",
			"The result document's name or number (result_name) is longer than %d characters.", maxResultName)
	}
	if d.ReturnMethod == ReturnOnline && len(cmd.ResultFiles) == 0 {
		return apperr.New(apperr.Invalid, "result_file_required",
			"Người nộp chọn nhận kết quả trực tuyến: cần đính kèm tệp kết quả điện tử (result_file_ids) khi phê duyệt.",
			"The applicant chose to receive the result online: attach the electronic result file (result_file_ids) to approve.").On("result_file")
	}
	kind := ResultPaper
	if d.ReturnMethod == ReturnOnline {
		kind = ResultElectronic
	}
	p := ApprovePayload{ResultKind: kind, ResultName: name, Step: step}
	if len(cmd.ResultFiles) > 0 {
		d.ResultFileIDs = slices.Clone(cmd.ResultFiles)
		p.ResultFileIDs = d.ResultFileIDs
	}
	ev.SetPayload(p)
	return nil
}
