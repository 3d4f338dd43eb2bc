package web

import (
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
)

// The postal leg partial (templates/_postal_leg.html) shows the journey by
// post from the dossier's own log, so every page that loads the history can
// include it without loading anything more.
func init() {
	addMessages(map[string][2]string{
		"action.postal_picked_up":       {"Bưu chính nhận hồ sơ", "Picked up by post"},
		"action.postal_handed_over":     {"Bưu chính bàn giao hồ sơ", "Handed over by post"},
		"action.postal_delivered":       {"Bưu chính phát kết quả", "Result delivered by post"},
		"action.postal_delivery_failed": {"Phát kết quả không thành công", "Result delivery failed"},
		"postal.title":                  {"Dịch vụ bưu chính công ích", "Public postal service"},
		"postal.caption":                {"Hành trình hồ sơ và kết quả qua bưu chính (Quyết định 45/2016/QĐ-TTg)", "The dossier's and the result's journey by post (Decision 45/2016/QĐ-TTg)"},
		"postal.step":                   {"Bước", "Step"},
		"postal.details":                {"Chi tiết", "Details"},
		"postal.at_address":             {"tại địa chỉ người nộp", "at the applicant's address"},
		"postal.at_post_office":         {"tại điểm phục vụ bưu chính", "at a post office"},
		"postal.tracking":               {"Số hiệu bưu gửi", "Item number"},
		"postal.fees":                   {"Phí, lệ phí đã thu", "Fees collected"},
		"postal.record":                 {"Biên bản giao nhận số", "Hand-over record no."},
		"postal.dispatched":             {"Bàn giao kết quả cho bưu chính", "Result handed to post"},
		"postal.on_the_way":             {"Hồ sơ đang được bưu chính chuyển đến bộ phận một cửa.", "The postal service is bringing the dossier to the one-stop."},
		"postal.none":                   {"Chưa có sự kiện bưu chính.", "No postal events yet."},
	})
	// A logged event's payload, as its action's struct, and its reason, for
	// the history and the postal leg.
	funcs["eventPayload"] = func(e model.StoredEvent) dossier.Payload {
		return dossier.DecodeAny(dossier.Action(e.Action), e.Payload)
	}
	funcs["eventReason"] = func(e model.StoredEvent) string { return eventReason(&e) }
}
