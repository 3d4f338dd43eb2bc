package channels

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/store"
)

// notifyKind says what an event tells the applicant, if anything
// (RULES-VN.md §1.4 and §4). Internal steps (transfer, payment bookkeeping)
// and the applicant's own actions tell them nothing new.
func notifyKind(d *dossier.Dossier, ev dossier.Event) (notify.Kind, string, bool) {
	switch ev.Action {
	case dossier.ActReceive:
		return notify.KindReceived, "", true
	case dossier.ActRefuse:
		return notify.KindRefused, "", true
	case dossier.ActRequestSupplement:
		return notify.KindSupplement, "", true
	case dossier.ActExtend:
		return notify.KindExtended, "", true
	case dossier.ActApprove:
		return notify.KindResultReady, "", true
	case dossier.ActReject:
		return notify.KindDecision, "rejected", true
	case dossier.ActStop:
		return notify.KindDecision, "stopped", true
	case dossier.ActReturnResult:
		// Handing the result to the post is the postal return's event; a
		// result taken at the counter needs no message.
		if d.ReturnMethod == dossier.ReturnPostal {
			return notify.KindPosted, "", true
		}
	}
	return "", "", false
}

// notifyChannels are the channels to use for a dossier: those its
// applicant's account chose (by default e-mail and SMS), or for a dossier
// filed at the counter without an account, e-mail and SMS; in every case
// only where the dossier gives the contact.
func notifyChannels(ctx context.Context, tx *store.Tx, d *dossier.Dossier) ([]string, error) {
	prefs := model.NotifyPrefs{Email: true, SMS: true}
	if d.ApplicantUserID != 0 {
		p, err := tx.NotifyPrefs(ctx, d.ApplicantUserID)
		if err != nil {
			return nil, err
		}
		if p.Set {
			prefs = p
		}
	}
	var out []string
	if prefs.Email && d.Applicant.Email != "" {
		out = append(out, notify.ChannelEmail)
	}
	if prefs.SMS && d.Applicant.Phone != "" {
		out = append(out, notify.ChannelSMS)
	}
	if prefs.Zalo && notify.ZaloPhone(d.Applicant.Phone) != "" {
		out = append(out, notify.ChannelZalo)
	}
	return out, nil
}

// notifyEvent enqueues the applicant's notifications for an event, in its
// transaction: a message exists if and only if the event committed. The key
// names the dossier version and channel, so a replayed request enqueues
// nothing new.
func (s *Channels) notifyEvent(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error {
	kind, outcome, ok := notifyKind(d, ev)
	if !ok {
		return nil
	}
	channels, err := notifyChannels(ctx, tx, d)
	if err != nil || len(channels) == 0 {
		return err
	}
	f, err := s.notifyFacts(ctx, d, ev, kind, outcome)
	if err != nil {
		return err
	}
	r, err := notify.Render(f)
	if err != nil {
		return err
	}
	for _, ch := range channels {
		m := model.OutboxMessage{Key: fmt.Sprintf("dossier:%d:v%d:%s", d.ID, d.Version, ch), Channel: ch,
			DossierID: d.ID, Subject: r.Subject, CreatedAt: ev.At}
		switch ch {
		case notify.ChannelEmail:
			m.Recipient, m.Body = d.Applicant.Email, r.Body
		case notify.ChannelSMS:
			m.Recipient, m.Body = d.Applicant.Phone, r.SMS
		case notify.ChannelZalo:
			payload, err := json.Marshal(r.Zalo)
			if err != nil {
				return fmt.Errorf("service: zalo payload: %w", err)
			}
			m.Recipient, m.Body, m.Payload = d.Applicant.Phone, r.SMS, string(payload)
		}
		if err := tx.EnqueueOutbox(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

func (s *Channels) notifyFacts(ctx context.Context, d *dossier.Dossier, ev dossier.Event, kind notify.Kind, outcome string) (notify.Facts, error) {
	f := notify.Facts{Kind: kind, Name: d.Applicant.Name, Code: d.Code, Submitted: d.SubmittedAt,
		Return: string(d.ReturnMethod), Outcome: outcome, At: ev.At}
	proc, err := s.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion)
	if err != nil {
		return f, err
	}
	f.Procedure = proc.Name
	if a, ok := s.Agency(d.ProcessingAgencyID); ok {
		f.Agency = a.Name
	}
	if d.DueAt != nil {
		f.Due = *d.DueAt
	}
	if d.PreviousDueAt != nil {
		f.PrevDue = *d.PreviousDueAt
	}
	// What is missing, why: the reason the form asks for, with the officer's
	// note when it adds to it.
	reason := dossier.ReasonOf(ev.Action, ev.Payload)
	switch note := strings.TrimSpace(ev.Note); {
	case reason == "":
		reason = note
	case note != "" && note != reason:
		reason += " — " + note
	}
	f.Reason = reason
	if base := strings.TrimRight(s.Notify.BaseURL, "/"); base != "" {
		switch {
		case d.Code != "":
			f.TrackURL = base + "/track/" + url.PathEscape(d.Code)
		case d.ApplicantUserID != 0:
			f.TrackURL = fmt.Sprintf("%s/my/dossiers/%d", base, d.ID)
		}
	}
	return f, nil
}
