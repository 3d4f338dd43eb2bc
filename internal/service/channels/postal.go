package channels

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/postal"
	"github.com/motcua/motcua/internal/store"
)

// How the postal journey maps onto the national statuses (RULES-VN.md §9,
// §1.2 and §3.4):
//   - POSTAL_PICKED_UP creates the dossier as submitted (status 1, channel 3)
//     with a postal_picked_up event; nothing is received yet, so no clock runs.
//   - POSTAL_HANDED_TO_ONE_STOP is the postal_handed_over event; the counter
//     officer then receives the dossier as usual, and the due date counts from
//     that reception (Form 01 records the receipt time; Decision 45/2016: the
//     agency's time starts when it receives the papers).
//   - RESULT_HANDED_TO_POST is the counter's return_result: the dossier is
//     returned (status 10). The one-stop's duty ends when it hands the result
//     to the postal company, and the published transit time of 1–3 working
//     days follows the result date (§3.4), so it must not count against the
//     agency. The hand-over enqueues the result_dispatch webhook.
//   - RESULT_DELIVERED / delivery failure are postal_delivered and
//     postal_delivery_failed events on the returned dossier; the outbound leg
//     keeps whether and when the applicant actually got the result.

// postalEvent runs in every dossier event's transaction.
func (s *Channels) postalEvent(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error {
	switch {
	case ev.Action == dossier.ActSubmit && d.Channel == dossier.ChannelPostal:
		if p, ok := ctx.Value(pickupKey{}).(*pickup); ok {
			return s.recordPickup(ctx, tx, d, ev, p)
		}
	case ev.Action == dossier.ActReceive && d.Channel == dossier.ChannelPostal:
		return checkHandedOver(ctx, tx, d)
	case ev.Action == dossier.ActReturnResult && d.ReturnMethod == dossier.ReturnPostal:
		return s.dispatchResult(ctx, tx, d, ev)
	}
	return nil
}

var errNotHandedOver = apperr.New(apperr.Invalid, "postal_not_handed_over",
	"Bưu chính chưa bàn giao hồ sơ này cho bộ phận một cửa (chưa có biên bản giao nhận); chỉ tiếp nhận khi đã nhận được hồ sơ giấy.",
	"The postal service has not yet handed this dossier over to the one-stop (no hand-over record); receive it once the papers have arrived.")

// checkHandedOver refuses to receive papers that are still on their way. A
// postal dossier entered by a counter officer from an envelope has no leg.
func checkHandedOver(ctx context.Context, tx *store.Tx, d *dossier.Dossier) error {
	leg, err := tx.PostalLegOf(ctx, d.ID, model.PostalInbound)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if leg.Status != model.LegHandedOver {
		return errNotHandedOver
	}
	return nil
}

// trackingRe finds a UPU S10 item number (two letters, nine digits, the
// country code), the form of Vietnam Post's EMS and registered items, in
// the note the counter officer writes when handing the result to post.
var trackingRe = regexp.MustCompile(`(?i)\b[A-Z]{2}[0-9]{9}[A-Z]{2}\b`)

// TrackingInNote returns the first item number in a note, upper-cased.
func TrackingInNote(note string) string { return strings.ToUpper(trackingRe.FindString(note)) }

// dispatchResult records the result's outbound leg and, when an operator is
// configured, enqueues the signed result_dispatch webhook in the same
// transaction: the webhook exists if and only if the hand-over committed.
func (s *Channels) dispatchResult(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error {
	if strings.TrimSpace(d.Applicant.Address) == "" {
		return apperr.New(apperr.Invalid, "postal_address_missing",
			"Hồ sơ đăng ký nhận kết quả qua bưu chính nhưng chưa có địa chỉ người nhận; hãy trả kết quả tại quầy hoặc bổ sung địa chỉ.",
			"The result is to be returned by post but the dossier has no address; return it at the counter or record the address first.")
	}
	tracking := TrackingInNote(ev.Note)
	if tracking != "" {
		if _, err := tx.PostalLegByTracking(ctx, model.PostalOutbound, tracking); err == nil {
			return apperr.Newf(apperr.Invalid, "tracking_number_taken",
				"Số hiệu bưu gửi %s đã dùng cho kết quả của hồ sơ khác.", "The item number %s is already used for another dossier's result.", tracking)
		} else if !errors.Is(err, model.ErrNotFound) {
			return err
		}
	}
	at := ev.At
	if _, err := tx.InsertPostalLeg(ctx, model.PostalLeg{DossierID: d.ID, Direction: model.PostalOutbound, TrackingNumber: tracking,
		Status: model.LegDispatched, DispatchedAt: &at, CreatedAt: at, UpdatedAt: at}); err != nil {
		return err
	}
	cfg := s.Postal
	if cfg.URL == "" {
		s.Log.Warn("postal: no operator webhook configured (MOTCUA_POSTAL_URL); result handed to post without notice", "dossier_id", d.ID)
		return nil
	}
	proc, err := s.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion)
	if err != nil {
		return err
	}
	sender, _ := s.Agency(d.ReceivingAgencyID)
	key := fmt.Sprintf("postal:%s:%d", postal.ResultDispatch, d.ID)
	msg := postal.Dispatch{Type: postal.ResultDispatch, EventID: key, DossierCode: d.Code, TrackingNumber: tracking,
		DispatchedAt: at.In(calendar.Zone), AgencyCode: sender.Code,
		Recipient: postal.Recipient{Name: d.Applicant.Name, Address: d.Applicant.Address},
		Items:     []postal.Item{{Name: "Kết quả giải quyết thủ tục hành chính: " + proc.Name, Copies: 1}}}
	payload, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	return tx.EnqueueOutbox(ctx, model.OutboxMessage{Key: key, Channel: postal.Channel, Recipient: cfg.URL,
		Subject: postal.ResultDispatch, Payload: string(payload), DossierID: d.ID, CreatedAt: at})
}
