package channels

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/aggregate"
	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/postal"
	"github.com/motcua/motcua/internal/service/dossiers"
	"github.com/motcua/motcua/internal/service/internal/core"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/textfold"
)

// PostalActor is the postal operator named by its verified key id. No
// account stands behind it: the signature is its credential.
func PostalActor(keyID string) org.Actor {
	return org.Actor{Role: org.RolePostal, Username: "postal:" + keyID, Name: "Bưu chính công ích (" + keyID + ")", AllScope: true}
}

// pickup travels from PostalReport through Submit to the postal hook, which
// records the leg and the pickup event in the submission's transaction.
type pickupKey struct{}

type pickup struct {
	keyID string
	ev    postal.Event
	actor org.Actor
	key   string
}

func postalInvalid(code, vi, en string) error { return apperr.New(apperr.Invalid, code, vi, en) }

var errPostalDossierUnknown = apperr.New(apperr.NotFound, "postal_dossier_unknown",
	"Không có hồ sơ nào với số hiệu bưu gửi hoặc mã hồ sơ này.", "No dossier has this item number or dossier code.")

// PostalReport applies one event the operator reported, already verified by
// its signature. event_id makes it idempotent: the same event sent again
// (with a new nonce) is answered from the log and changes nothing.
func (s *Channels) PostalReport(ctx context.Context, keyID string, ev postal.Event, hash string) (*core.Result, error) {
	ev.EventID = strings.TrimSpace(ev.EventID)
	ev.TrackingNumber = strings.ToUpper(strings.TrimSpace(ev.TrackingNumber))
	if ev.EventID == "" || len(ev.EventID) > 100 || !utf8.ValidString(ev.EventID) {
		return nil, postalInvalid("event_id_required",
			"Cần mã sự kiện event_id (tối đa 100 ký tự), duy nhất cho mỗi sự kiện; gửi lại cùng mã khi thử lại.",
			"An event_id (100 characters at most), unique per event, is required; send the same id again when retrying.")
	}
	if len(ev.TrackingNumber) > 40 {
		return nil, postalInvalid("tracking_number_too_long", "Số hiệu bưu gửi dài tối đa 40 ký tự.", "The item number is at most 40 characters.")
	}
	actor := PostalActor(keyID)
	key := "postal:" + keyID + ":" + ev.EventID
	switch ev.Type {
	case postal.PickedUp:
		return s.postalPickup(ctx, actor, keyID, ev, key, hash)
	case postal.HandedOver:
		return s.postalStep(ctx, actor, ev, key, hash, dossier.ActPostalHandedOver)
	case postal.Delivered:
		return s.postalStep(ctx, actor, ev, key, hash, dossier.ActPostalDelivered)
	case postal.DeliveryFailed:
		return s.postalStep(ctx, actor, ev, key, hash, dossier.ActPostalDeliveryFailed)
	}
	return nil, apperr.Newf(apperr.Invalid, "postal_event_type_unknown",
		"Loại sự kiện %q không tồn tại. Các loại: picked_up, handed_over, delivered, delivery_failed.",
		"Unknown event type %q. Types: picked_up, handed_over, delivered, delivery_failed.", ev.Type)
}

func postalAck(ev postal.Event, d *dossier.Dossier, leg model.PostalLeg) ([]byte, error) {
	return json.Marshal(postal.Ack{Type: ev.Type, EventID: ev.EventID, DossierID: d.ID, DossierCode: d.Code, Status: d.Status,
		Version: d.Version, TrackingNumber: leg.TrackingNumber, LegStatus: leg.Status})
}

// postalPickup files the dossier the postman picked up through Submit, so
// that every rule of a submission applies (procedure, agency, applicant,
// components), with the postal channel.
func (s *Channels) postalPickup(ctx context.Context, actor org.Actor, keyID string, ev postal.Event, key, hash string) (*core.Result, error) {
	switch {
	case ev.TrackingNumber == "":
		return nil, postalInvalid("tracking_number_required", "Cần số hiệu bưu gửi (tracking_number).", "The item number (tracking_number) is required.")
	case ev.PickupPlace != postal.PlaceAddress && ev.PickupPlace != postal.PlacePostOffice:
		return nil, postalInvalid("pickup_place_invalid",
			"Nơi nhận hồ sơ (pickup_place) phải là address (tại địa chỉ người nộp) hoặc post_office (tại điểm phục vụ bưu chính) — Quyết định 45/2016 Điều 6(1).",
			"The pickup place (pickup_place) must be address (the applicant's address) or post_office (a postal service point) — Decision 45/2016 Art. 6(1).")
	case ev.Applicant == nil:
		return nil, postalInvalid("applicant_required", "Cần thông tin người nộp hồ sơ (applicant).", "The applicant (applicant) is required.")
	case ev.FeesCollectedVND < 0:
		return nil, postalInvalid("fees_invalid", "Số phí, lệ phí đã thu không được âm.", "The fees collected cannot be negative.")
	case len(ev.Components) == 0:
		return nil, postalInvalid("components_required",
			"Cần danh mục giấy tờ đã kiểm đếm cùng người nộp (components), ghi rõ số bản chính và bản sao.",
			"The list of papers counted with the applicant (components), with originals and copies, is required.")
	}
	if ev.ReturnMethod == "" {
		ev.ReturnMethod = dossier.ReturnCounter // Art. 5(1): the dossier only goes by post
	}
	comps := make([]dossier.ComponentFiles, 0, len(ev.Components))
	for i, c := range ev.Components {
		if c.Originals < 0 || c.Copies < 0 || c.Originals+c.Copies == 0 {
			return nil, apperr.Newf(apperr.Invalid, "component_count_invalid",
				"Giấy tờ thứ %d: cần ghi số bản chính (originals) hoặc bản sao (copies) đã kiểm đếm.",
				"Paper %d: give the number of originals (originals) or copies (copies) counted.", i+1)
		}
		comps = append(comps, dossier.ComponentFiles{Name: c.Name, FileIDs: []string{}, Originals: c.Originals, Copies: c.Copies})
	}
	in := dossiers.NewDossier{ProcedureCode: ev.ProcedureCode, AgencyCode: ev.AgencyCode, Channel: dossier.ChannelPostal,
		Applicant: *ev.Applicant, Components: comps, ReturnMethod: ev.ReturnMethod}
	ctx = context.WithValue(ctx, pickupKey{}, &pickup{keyID: keyID, ev: ev, actor: actor, key: key})
	return s.dossiers.Submit(ctx, actor, in, key, hash, func(d *dossier.Dossier) ([]byte, error) {
		return postalAck(ev, d, model.PostalLeg{TrackingNumber: ev.TrackingNumber, Status: model.LegPickedUp})
	})
}

// recordPickup runs inside Submit's transaction: the inbound leg, and the
// pickup as the dossier's second event, by the operator.
func (s *Channels) recordPickup(ctx context.Context, tx *store.Tx, d *dossier.Dossier, sub dossier.Event, p *pickup) error {
	if _, err := tx.PostalLegByTracking(ctx, model.PostalInbound, p.ev.TrackingNumber); err == nil {
		return apperr.Newf(apperr.Conflict, "tracking_number_taken",
			"Số hiệu bưu gửi %s đã dùng cho một hồ sơ khác.", "The item number %s is already used for another dossier.", p.ev.TrackingNumber)
	} else if !errors.Is(err, model.ErrNotFound) {
		return err
	}
	at := p.ev.At
	leg := model.PostalLeg{DossierID: d.ID, Direction: model.PostalInbound, TrackingNumber: p.ev.TrackingNumber, Status: model.LegPickedUp,
		OperatorKeyID: p.keyID, PickupPlace: p.ev.PickupPlace, FeesCollectedVND: p.ev.FeesCollectedVND,
		FeeReceipt: textfold.NFC(p.ev.FeeReceipt), PickedUpAt: &at, CreatedAt: sub.At, UpdatedAt: sub.At}
	cmd := dossier.Command{Action: dossier.ActPostalPickedUp, Actor: p.actor, At: sub.At, Postal: &dossier.PostalReport{
		At: at, TrackingNumber: leg.TrackingNumber, PickupPlace: leg.PickupPlace, FeesCollectedVND: leg.FeesCollectedVND, FeeReceipt: leg.FeeReceipt}}
	_, err := s.appendPostal(ctx, tx, d, cmd, p.key+"#picked_up")
	if err != nil {
		return err
	}
	_, err = tx.InsertPostalLeg(ctx, leg)
	return err
}

// appendPostal applies an operator's report to d and appends it to the log.
func (s *Channels) appendPostal(ctx context.Context, tx *store.Tx, d *dossier.Dossier, cmd dossier.Command, key string) (dossier.Event, error) {
	before := *d
	ev, err := dossier.Apply(d, cmd, dossier.Env{Deadlines: s.Deadlines()})
	if err != nil {
		return ev, err
	}
	if err := tx.ApplyStats(ctx, aggregate.Diff(&before, d, s.Deadlines().DayStart)); err != nil {
		return ev, err
	}
	ok, err := tx.UpdateDossier(ctx, d, before.Version)
	if err != nil {
		return ev, err
	}
	if !ok {
		return ev, apperr.ErrStale
	}
	return ev, s.AppendEvent(ctx, tx, d, ev, cmd.Actor, key)
}

// postalStep applies handed_over, delivered or delivery_failed to the leg
// the operator names: the inbound leg by its item number; the result's leg
// by the dossier code we sent in result_dispatch.
func (s *Channels) postalStep(ctx context.Context, actor org.Actor, ev postal.Event, key, hash string, action dossier.Action) (*core.Result, error) {
	inbound := action == dossier.ActPostalHandedOver
	var dossierID int64
	switch {
	case inbound && ev.TrackingNumber == "":
		return nil, postalInvalid("tracking_number_required", "Cần số hiệu bưu gửi (tracking_number) của hồ sơ đã nhận.", "The item number (tracking_number) of the picked-up dossier is required.")
	case !inbound:
		code := strings.TrimSpace(ev.DossierCode)
		if code == "" {
			return nil, postalInvalid("dossier_code_required", "Cần mã hồ sơ (dossier_code) đã gửi trong thông báo result_dispatch.", "The dossier code (dossier_code) sent in result_dispatch is required.")
		}
		d, err := s.Store.DossierByCode(ctx, code)
		if errors.Is(err, model.ErrNotFound) {
			return nil, errPostalDossierUnknown
		} else if err != nil {
			return nil, err
		}
		dossierID = d.ID
	}
	return s.Idempotent(ctx, actor, key, hash, func(tx *store.Tx) (*core.Result, error) {
		var leg model.PostalLeg
		var err error
		if inbound {
			leg, err = tx.PostalLegByTracking(ctx, model.PostalInbound, ev.TrackingNumber)
		} else {
			leg, err = tx.PostalLegOf(ctx, dossierID, model.PostalOutbound)
			if errors.Is(err, model.ErrNotFound) {
				return nil, postalInvalid("postal_result_not_dispatched",
					"Kết quả của hồ sơ này chưa được bàn giao cho bưu chính.", "This dossier's result has not been handed to post.")
			}
		}
		if errors.Is(err, model.ErrNotFound) {
			return nil, errPostalDossierUnknown
		} else if err != nil {
			return nil, err
		}
		if err := nextLeg(&leg, action, ev); err != nil {
			return nil, err
		}
		d, err := tx.Dossier(ctx, leg.DossierID)
		if err != nil {
			return nil, err
		}
		now := s.Now().UTC().Truncate(time.Millisecond)
		leg.UpdatedAt = now
		cmd := dossier.Command{Action: action, Actor: actor, At: now, Postal: &dossier.PostalReport{At: ev.At, TrackingNumber: leg.TrackingNumber,
			HandoverRecord: ev.HandoverRecord, Reason: ev.Reason}}
		if _, err := s.appendPostal(ctx, tx, d, cmd, key); err != nil {
			return nil, err
		}
		if err := tx.UpdatePostalLeg(ctx, leg); err != nil {
			return nil, err
		}
		body, err := postalAck(ev, d, leg)
		if err != nil {
			return nil, err
		}
		return &core.Result{Status: 200, Body: body, Dossier: d}, nil
	})
}

// nextLeg moves a leg by the operator's event: handed over once; delivered
// once, possibly after failed attempts.
func nextLeg(leg *model.PostalLeg, action dossier.Action, ev postal.Event) error {
	at := ev.At
	if ev.TrackingNumber != "" && leg.TrackingNumber != "" && ev.TrackingNumber != leg.TrackingNumber {
		return apperr.Newf(apperr.Invalid, "tracking_number_mismatch",
			"Số hiệu bưu gửi %s khác số đã ghi nhận cho kết quả này (%s).", "The item number %s differs from the one recorded for this result (%s).",
			ev.TrackingNumber, leg.TrackingNumber)
	}
	switch action {
	case dossier.ActPostalHandedOver:
		if leg.Status != model.LegPickedUp {
			return postalInvalid("postal_already_handed_over", "Hồ sơ này đã được bàn giao cho bộ phận một cửa.", "This dossier was already handed over to the one-stop.")
		}
		leg.Status, leg.HandoverRecord, leg.HandedOverAt = model.LegHandedOver, textfold.NFC(ev.HandoverRecord), &at
	case dossier.ActPostalDelivered, dossier.ActPostalDeliveryFailed:
		if leg.Status == model.LegDelivered {
			return postalInvalid("postal_already_delivered", "Kết quả của hồ sơ này đã được phát.", "This dossier's result was already delivered.")
		}
		if leg.TrackingNumber == "" {
			leg.TrackingNumber = ev.TrackingNumber
		}
		if action == dossier.ActPostalDelivered {
			leg.Status, leg.DeliveredAt = model.LegDelivered, &at
		} else {
			leg.Status, leg.FailedAt, leg.FailureReason = model.LegDeliveryFailed, &at, textfold.NFC(ev.Reason)
		}
	}
	return nil
}

// ClaimPostalNonce records the nonce of a signed request from the postal
// operator, and tells whether it is new: it makes the service the
// postal.NonceStore of the API's verifier.
func (s *Channels) ClaimPostalNonce(ctx context.Context, keyID, nonce string, at time.Time) (bool, error) {
	return s.Store.ClaimPostalNonce(ctx, keyID, nonce, at)
}
