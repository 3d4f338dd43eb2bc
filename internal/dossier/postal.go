package dossier

import (
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/textfold"
)

// The postal operator's reports (RULES-VN.md §9). They record what happened
// to the papers on the way without moving the dossier's status: the
// dossier is received when the counter officer receives it, and its result
// is returned when the one-stop hands it to post (return_result). Each is an
// event of its own so that the log says who reported what and when.
const (
	ActPostalPickedUp       Action = "postal_picked_up"       // POSTAL_PICKED_UP (Decision 45/2016 Art. 6(1))
	ActPostalHandedOver     Action = "postal_handed_over"     // POSTAL_HANDED_TO_ONE_STOP, with the hand-over record
	ActPostalDelivered      Action = "postal_delivered"       // RESULT_DELIVERED
	ActPostalDeliveryFailed Action = "postal_delivery_failed" // the postman could not deliver the result
)

// PostalActions lists the operator's reports. They are not in Actions: no
// person sends them; the service applies them from a signed webhook.
var PostalActions = []Action{ActPostalPickedUp, ActPostalHandedOver, ActPostalDelivered, ActPostalDeliveryFailed}

var postalRoles = []org.Role{org.RolePostal}

// PostalReport is what the operator reported, as verified by its signature.
type PostalReport struct {
	At               time.Time // when it happened, by the operator's clock
	TrackingNumber   string
	PickupPlace      string
	FeesCollectedVND int64
	FeeReceipt       string
	HandoverRecord   string
	Reason           string
}

// IsPostal tells whether a is one of the operator's reports.
func (a Action) IsPostal() bool {
	switch a {
	case ActPostalPickedUp, ActPostalHandedOver, ActPostalDelivered, ActPostalDeliveryFailed:
		return true
	}
	return false
}

func applyPostal(d *Dossier, cmd Command, ev *Event) error {
	p := cmd.Postal
	if p == nil {
		return apperr.New(apperr.Invalid, "postal_report_only",
			"Thao tác này chỉ do đơn vị bưu chính báo qua webhook có chữ ký (POST /api/v1/postal/events).",
			"This action is reported only by the postal operator through its signed webhook (POST /api/v1/postal/events).")
	}
	if p.At.IsZero() {
		return apperr.New(apperr.Invalid, "postal_time_required",
			"Cần thời điểm xảy ra sự kiện (at, RFC3339).", "The time of the event (at, RFC3339) is required.")
	}
	if p.At.After(cmd.At.Add(5 * time.Minute)) {
		return apperr.New(apperr.Invalid, "postal_time_future",
			"Thời điểm sự kiện (at) ở tương lai; hãy kiểm tra đồng hồ.", "The time of the event (at) is in the future; check the clock.")
	}
	if (cmd.Action == ActPostalDelivered || cmd.Action == ActPostalDeliveryFailed) && d.Status == Rejected && d.ReturnedAt == nil {
		// A rejection travels by post only once the one-stop has handed its
		// notice over (return_result); until then it is like a result not
		// yet returned.
		return apperr.Newf(apperr.Invalid, "action_not_allowed_in_status",
			"Không thể thực hiện %q: thông báo trả lại hồ sơ chưa được giao cho bưu chính.",
			"The action %q is not possible: the rejection notice has not been handed to the postal service yet.", cmd.Action)
	}
	at := local(p.At)
	switch cmd.Action {
	case ActPostalPickedUp:
		if d.Channel != ChannelPostal {
			return apperr.New(apperr.Invalid, "postal_channel_required",
				"Chỉ hồ sơ nộp qua bưu chính mới có sự kiện bưu chính nhận hồ sơ.", "Only a dossier filed by post is picked up by post.")
		}
		ev.SetPayload(PostalPickedUpPayload{At: at, FeeReceipt: p.FeeReceipt, FeesCollectedVND: p.FeesCollectedVND,
			PickupPlace: p.PickupPlace, TrackingNumber: p.TrackingNumber})
	case ActPostalHandedOver:
		// The hand-over record signed by the postman and the receiving
		// officer stands in for signatures on the control slip (§9).
		rec := textfold.NFC(p.HandoverRecord)
		if rec == "" {
			return apperr.New(apperr.Invalid, "handover_record_required",
				"Cần số biên bản giao nhận hồ sơ giữa bưu chính và bộ phận một cửa (handover_record).",
				"The number of the hand-over record between the postal service and the one-stop (handover_record) is required.")
		}
		ev.SetPayload(PostalHandedOverPayload{At: at, HandoverRecord: rec, TrackingNumber: p.TrackingNumber})
	case ActPostalDelivered:
		if d.ReturnMethod != ReturnPostal {
			return apperr.New(apperr.Invalid, "postal_return_not_registered",
				"Hồ sơ này không đăng ký nhận kết quả qua bưu chính.", "This dossier's result is not returned by post.")
		}
		ev.SetPayload(PostalDeliveredPayload{At: at, TrackingNumber: p.TrackingNumber})
	case ActPostalDeliveryFailed:
		if d.ReturnMethod != ReturnPostal {
			return apperr.New(apperr.Invalid, "postal_return_not_registered",
				"Hồ sơ này không đăng ký nhận kết quả qua bưu chính.", "This dossier's result is not returned by post.")
		}
		reason := textfold.NFC(p.Reason)
		if reason == "" {
			return apperr.New(apperr.Invalid, "reason_required",
				"Cần ghi lý do không phát được kết quả (reason).", "The reason the result could not be delivered (reason) is required.")
		}
		ev.SetPayload(PostalDeliveryFailedPayload{At: at, Reason: reason, TrackingNumber: p.TrackingNumber})
	}
	return nil
}
