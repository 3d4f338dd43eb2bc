// Package form reads posted page forms into the service's typed inputs
// (miniflux internal/ui/form). A value typed wrong (a date, an amount) is a
// client-safe error in both languages; what only the server can add (an
// upload's file id, the closing hour of a working day, the procedure's
// papers) the handler adds before it calls the service.
package form

import (
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/view"
)

// Action is one posted dossier action (templates/_action_form.html).
type Action struct {
	Input service.ActionInput
	// NewDue is the working day an extension moves the due date to; it is
	// due at the day's close, which the service's calendar knows.
	NewDue *calendar.Date
	// ResultFiles are the approved result's files, to upload first.
	ResultFiles []*multipart.FileHeader
	// Version is the dossier version the person saw, Key the idempotency
	// key drawn with the page: a resent form applies once.
	Version int
	Key     string
	// Fields are what the request hash covers (see Fields).
	Fields url.Values
}

// ParseAction reads an action form from a parsed request (r.PostForm, and
// r.MultipartForm when the form carried files).
func ParseAction(r *http.Request) (*Action, error) {
	f := r.PostForm
	a := &Action{Key: f.Get("key"), Fields: Fields(f)}
	a.Version, _ = strconv.Atoi(f.Get("version")) // no version reads as stale, which the service says
	a.Input = service.ActionInput{Action: f.Get("action"), Note: strings.TrimSpace(f.Get("note")), Reason: strings.TrimSpace(f.Get("reason")),
		Signer: strings.TrimSpace(f.Get("signer")), ToAgency: f.Get("to_agency"), ComplaintRef: strings.TrimSpace(f.Get("complaint_ref")),
		ResultName: strings.TrimSpace(f.Get("result_name")), StepKind: strings.TrimSpace(f.Get("step_kind"))}
	if a.Input.Action == string(dossier.ActStep) {
		if err := parseStep(f, &a.Input); err != nil {
			return nil, err
		}
	}
	if v := strings.TrimSpace(f.Get("new_due")); v != "" {
		day, err := time.ParseInLocation("2006-01-02", v, view.Zone)
		if err != nil {
			return nil, apperr.New(apperr.Invalid, "new_due_invalid",
				"Ngày hẹn mới không hợp lệ (cần dạng ngày/tháng/năm).", "The new return date is not a valid date.")
		}
		d := calendar.DateOf(day)
		a.NewDue = &d
	}
	// People write 1.500.000 as they read it.
	if v := strings.TrimSpace(strings.ReplaceAll(f.Get("amount_vnd"), ".", "")); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, apperr.New(apperr.Invalid, "amount_invalid",
				"Số tiền phải là số nguyên đồng, không có dấu chấm hay chữ.", "The amount must be a whole number of dong (VND).")
		}
		a.Input.AmountVND = n
	}
	if a.Input.Action == string(dossier.ActApprove) && r.MultipartForm != nil {
		a.ResultFiles = r.MultipartForm.File["result_file"]
	}
	if a.Input.Action == string(dossier.ActRate) {
		n, err := strconv.Atoi(f.Get("rating"))
		if err != nil {
			return nil, apperr.New(apperr.Invalid, "rating_required", "Hãy chọn một mức đánh giá.", "Choose a rating.")
		}
		a.Input.Rating = n
	}
	return a, nil
}
