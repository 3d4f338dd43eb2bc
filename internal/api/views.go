package api

import (
	"encoding/json"
	"time"

	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// DossierView is the JSON form of a dossier for people allowed to see it; the
// applicant's personal data is shown as the actor's role allows
// (org.AccessPolicy), masked for supervisors, delivery fields for post.
type DossierView struct {
	ID                   int64                    `json:"id"`
	Code                 *string                  `json:"code"`
	ProcedureCode        string                   `json:"procedure_code"`
	ProcedureVersion     int                      `json:"procedure_version"`
	Status               dossier.Status           `json:"status"`
	NationalStatus       int                      `json:"national_status"`
	Channel              dossier.Channel          `json:"channel"`
	ReturnMethod         dossier.ReturnMethod     `json:"return_method"`
	Version              int                      `json:"version"`
	Applicant            dossier.Applicant        `json:"applicant"`
	Components           []dossier.ComponentFiles `json:"components"`
	ReceivingAgencyCode  string                   `json:"receiving_agency_code"`
	ProcessingAgencyCode string                   `json:"processing_agency_code"`
	SubmittedAt          Time                     `json:"submitted_at"`
	ReceivedAt           *Time                    `json:"received_at"`
	DueAt                *Time                    `json:"due_at"`
	OriginalDueAt        *Time                    `json:"original_due_at"`
	PreviousDueAt        *Time                    `json:"previous_due_at"`
	DueExplain           string                   `json:"due_explain"`
	SuspendedAt          *Time                    `json:"suspended_at"`
	FinishedAt           *Time                    `json:"finished_at"`
	ReturnedAt           *Time                    `json:"returned_at"`
	Timeliness           *dossier.Timeliness      `json:"timeliness"`
	SupplementCount      int                      `json:"supplement_count"`
	ExtensionCount       int                      `json:"extension_count"`
	FeeVND               int64                    `json:"fee_vnd"`
	PaymentDueVND        int64                    `json:"payment_due_vnd"`
	PaidVND              int64                    `json:"paid_vnd"`
	AllowedActions       []dossier.Action         `json:"allowed_actions"`
	Rating               int                      `json:"rating"`
	ComplaintCount       int                      `json:"complaint_count"`
	UrgeCount            int                      `json:"urge_count"`
	ResultFileIDs        []string                 `json:"result_file_ids"`
	UpdatedAt            Time                     `json:"updated_at"`
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (s *Server) agencyCode(id int64) string {
	a, _ := s.svc.Agency(id)
	return a.Code
}

func (s *Server) timeliness(d *dossier.Dossier, now time.Time) *dossier.Timeliness {
	t := d.Timeliness(now, s.svc.Deadlines().DayStart)
	if t == "" {
		return nil
	}
	return &t
}

func (s *Server) dossierView(d *dossier.Dossier, actor org.Actor) DossierView {
	allowed := dossier.Allowed(d, actor)
	if allowed == nil {
		allowed = []dossier.Action{}
	}
	comps := d.Components
	if comps == nil {
		comps = []dossier.ComponentFiles{}
	}
	results := d.ResultFileIDs
	if results == nil {
		results = []string{}
	}
	return DossierView{
		ID: d.ID, Code: strPtr(d.Code), ProcedureCode: d.ProcedureCode, ProcedureVersion: d.ProcedureVersion,
		Status: d.Status, NationalStatus: d.Status.NationalCode(), Channel: d.Channel, ReturnMethod: d.ReturnMethod,
		Version: d.Version, Applicant: service.ShownApplicant(actor, d.Applicant), Components: comps,
		ReceivingAgencyCode: s.agencyCode(d.ReceivingAgencyID), ProcessingAgencyCode: s.agencyCode(d.ProcessingAgencyID),
		SubmittedAt: Time{d.SubmittedAt}, ReceivedAt: tptr(d.ReceivedAt), DueAt: tptr(d.DueAt),
		OriginalDueAt: tptr(d.OriginalDueAt), PreviousDueAt: tptr(d.PreviousDueAt), DueExplain: d.DueExplain,
		SuspendedAt: tptr(d.SuspendedAt), FinishedAt: tptr(d.FinishedAt), ReturnedAt: tptr(d.ReturnedAt),
		Timeliness: s.timeliness(d, s.svc.Now()), SupplementCount: d.SupplementCount, ExtensionCount: d.ExtensionCount,
		FeeVND: d.FeeVND, PaymentDueVND: d.PaymentDueVND, PaidVND: d.PaidVND, AllowedActions: allowed,
		Rating: int(d.Rating), ComplaintCount: d.ComplaintCount, UrgeCount: d.UrgeCount, ResultFileIDs: results, UpdatedAt: Time{d.UpdatedAt},
	}
}

// TrackView is what anyone holding a dossier code may see: status and dates,
// never the applicant's personal data (RULES-VN.md; DESIGN.md "public tracking").
type TrackView struct {
	Code           string              `json:"code"`
	ProcedureCode  string              `json:"procedure_code"`
	ProcedureName  string              `json:"procedure_name"`
	Status         dossier.Status      `json:"status"`
	NationalStatus int                 `json:"national_status"`
	ReceivedAt     *Time               `json:"received_at"`
	DueAt          *Time               `json:"due_at"`
	PreviousDueAt  *Time               `json:"previous_due_at"`
	FinishedAt     *Time               `json:"finished_at"`
	ReturnedAt     *Time               `json:"returned_at"`
	Timeliness     *dossier.Timeliness `json:"timeliness"`
	AgencyName     string              `json:"agency_name"`
	// Detail is "status" for the code alone, "full" with the receipt's key.
	Detail string `json:"detail"`
}

// EventView is one entry of a dossier's history.
type EventView struct {
	Seq        int             `json:"seq"`
	Action     string          `json:"action"`
	FromStatus string          `json:"from_status"`
	ToStatus   string          `json:"to_status"`
	Actor      EventActorView  `json:"actor"`
	At         Time            `json:"at"`
	Note       string          `json:"note"`
	Payload    json.RawMessage `json:"payload"` // as stored
}

// EventActorView names who acted.
type EventActorView struct {
	UserID int64  `json:"user_id"`
	Role   string `json:"role"`
	Name   string `json:"name"`
}

func eventView(e model.StoredEvent) EventView {
	if len(e.Payload) == 0 || string(e.Payload) == "null" {
		e.Payload = json.RawMessage(`{}`)
	}
	return EventView{Seq: e.Seq, Action: e.Action, FromStatus: e.FromStatus, ToStatus: e.ToStatus,
		Actor: EventActorView{e.ActorUserID, e.ActorRole, e.ActorName}, At: Time{e.At}, Note: e.Note, Payload: e.Payload}
}

// ProcedureView is a procedure as published.
type ProcedureView = catalog.Procedure

// FileView is an uploaded attachment's metadata.
type FileView struct {
	ID          string `json:"file_id"`
	SHA256      string `json:"sha256"`
	Size        int64  `json:"size"`
	ContentType string `json:"content_type"`
	Name        string `json:"name"`
	CreatedAt   Time   `json:"created_at"`
}

// RevealView is one recorded reveal of masked personal data.
type RevealView struct {
	ID        int64    `json:"id"`
	DossierID int64    `json:"dossier_id"`
	UserID    int64    `json:"user_id"`
	Username  string   `json:"username"`
	Role      string   `json:"role"`
	Fields    []string `json:"fields"`
	Reason    string   `json:"reason"`
	At        Time     `json:"at"`
}

func revealView(r model.Reveal) RevealView {
	return RevealView{ID: r.ID, DossierID: r.DossierID, UserID: r.UserID, Username: r.Username, Role: r.Role,
		Fields: r.Fields, Reason: r.Reason, At: Time{r.At}}
}

// RevealedView answers a reveal: the applicant with the asked fields unmasked
// and the record of the reveal.
type RevealedView struct {
	Applicant dossier.Applicant `json:"applicant"`
	Reveal    RevealView        `json:"reveal"`
}
