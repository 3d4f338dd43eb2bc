package dossiers

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/internal/core"
)

// QueueQuery is what a counter officer asks of a queue, as typed: the
// service checks every value and refuses what it does not know, so that a
// mistyped filter never silently shows the whole queue.
type QueueQuery struct {
	Status    string // "submitted" (to check and receive) or "done" (results to return)
	Q         string // dossier code, submission number or the start of the applicant's name
	Procedure string // procedure code
	Channel   string // counter, online, postal
	Urgency   string // "overdue" (past its due date), "long_wait" (filed over a day ago)
	Sort      string // "oldest" (default), "due", "received"
	Page      int    // from 1
}

// QueuePageSize is how many rows a queue page holds.
const QueuePageSize = 50

// LongWait is how long a filing may wait at the counter before it is flagged.
const LongWait = 24 * time.Hour

// QueuePage is one page of a queue.
type QueuePage struct {
	Query QueueQuery // normalised
	Items []*dossier.Dossier
	More  bool // another page follows
}

var (
	// The statuses each queue holds; a status that joins a queue (the
	// return queue taking rejected dossiers, say) is added here.
	queueStatuses = map[string][]dossier.Status{"submitted": {dossier.Submitted}, "done": {dossier.Done, dossier.Rejected}} // rejections are handed back like results (RULES-VN.md §1.4)
	queueSorts    = map[string]bool{"": true, "oldest": true, "due": true, "received": true}
	queueUrgency  = map[string]bool{"": true, "overdue": true, "long_wait": true}
	queueChannels = map[string]bool{"": true, string(dossier.ChannelCounter): true, string(dossier.ChannelOnline): true, string(dossier.ChannelPostal): true}
)

// queueFields names each checked value in both languages.
var queueFields = map[string][2]string{
	"status": {"hàng đợi", "queue"}, "sort": {"sắp xếp", "sort"}, "urgency": {"mức độ", "urgency"},
	"channel": {"kênh nộp", "channel"}, "procedure": {"thủ tục", "procedure"}, "page": {"trang", "page"},
	"action": {"thao tác", "action"},
}

func badQueueValue(field, value string) error {
	n := queueFields[field]
	return &apperr.Error{Kind: apperr.BadInput, Code: "queue_" + field + "_unknown",
		MessageVi: fmt.Sprintf("Giá trị %q không hợp lệ cho %s.", value, n[0]),
		Message:   fmt.Sprintf("%q is not a valid %s.", value, n[1])}
}

// queueFilter checks q and turns it into the store's filter for actor.
func (s *Dossiers) queueFilter(ctx context.Context, actor org.Actor, q *QueueQuery) (model.QueueFilter, error) {
	if !actor.Role.Staff() {
		return model.QueueFilter{}, apperr.ErrForbidden
	}
	q.Q, q.Procedure = strings.TrimSpace(q.Q), strings.TrimSpace(q.Procedure)
	st, ok := queueStatuses[q.Status]
	if !ok {
		return model.QueueFilter{}, badQueueValue("status", q.Status)
	}
	if !queueSorts[q.Sort] {
		return model.QueueFilter{}, badQueueValue("sort", q.Sort)
	}
	if q.Sort == "" {
		q.Sort = "oldest"
	}
	if !queueUrgency[q.Urgency] {
		return model.QueueFilter{}, badQueueValue("urgency", q.Urgency)
	}
	if !queueChannels[q.Channel] {
		return model.QueueFilter{}, badQueueValue("channel", q.Channel)
	}
	if utf8.RuneCountInString(q.Q) > 100 {
		return model.QueueFilter{}, apperr.New(apperr.BadInput, "queue_q_too_long",
			"Nội dung tìm kiếm dài quá 100 ký tự.", "The search text is longer than 100 characters.")
	}
	if q.Procedure != "" {
		if _, err := s.ProcedureVersion(ctx, q.Procedure, 0); errors.Is(err, model.ErrNotFound) {
			return model.QueueFilter{}, badQueueValue("procedure", q.Procedure)
		} else if err != nil {
			return model.QueueFilter{}, err
		}
	}
	if q.Page < 1 {
		q.Page = 1
	}
	if q.Page > 200 { // 10 000 rows deep: past that, a search is the way
		return model.QueueFilter{}, badQueueValue("page", strconv.Itoa(q.Page))
	}
	f := model.QueueFilter{AgencyIDs: s.staffScope(actor), Statuses: st, Procedure: q.Procedure,
		Channel: dossier.Channel(q.Channel), Sort: q.Sort, Limit: QueuePageSize + 1, Offset: (q.Page - 1) * QueuePageSize,
		PostalLeg: org.AccessOf(actor.Role).Scope == org.ScopePostal}
	now := s.Now()
	switch q.Urgency {
	case "overdue":
		f.OverdueAt = now
	case "long_wait":
		f.WaitedSince = now.Add(-LongWait)
	}
	if q.Q != "" {
		f.Code = q.Q
		if n, err := strconv.ParseInt(strings.TrimPrefix(q.Q, "#"), 10, 64); err == nil && n > 0 {
			f.ID = n
		}
		// Every staff role of org.AccessPolicy is shown the applicant's
		// name; a role that is not may not find dossiers by it either.
		if org.AccessOf(actor.Role).Shown != "" && utf8.RuneCountInString(q.Q) >= 2 {
			f.NamePrefix = q.Q
		}
	}
	return f, nil
}

// SearchQueue reads one page of one of the counter's queues, each applicant
// shown as the actor's role may see it.
func (s *Dossiers) SearchQueue(ctx context.Context, actor org.Actor, q QueueQuery) (QueuePage, error) {
	f, err := s.queueFilter(ctx, actor, &q)
	if err != nil {
		return QueuePage{}, err
	}
	list, err := s.Store.SearchQueue(ctx, f)
	if err != nil {
		return QueuePage{}, err
	}
	p := QueuePage{Query: q}
	if len(list) > QueuePageSize {
		list, p.More = list[:QueuePageSize], true
	}
	for _, d := range list {
		d.Applicant = core.ShownApplicant(actor, d.Applicant)
	}
	p.Items = list
	return p, nil
}

// CountQueue counts what a query selects, for the count tiles.
func (s *Dossiers) CountQueue(ctx context.Context, actor org.Actor, q QueueQuery) (int, error) {
	f, err := s.queueFilter(ctx, actor, &q)
	if err != nil {
		return 0, err
	}
	return s.Store.CountQueue(ctx, f)
}

// QueueProcedures lists the procedure codes present in a queue.
func (s *Dossiers) QueueProcedures(ctx context.Context, actor org.Actor, status string) ([]string, error) {
	q := QueueQuery{Status: status}
	f, err := s.queueFilter(ctx, actor, &q)
	if err != nil {
		return nil, err
	}
	return s.Store.QueueProcedures(ctx, f)
}

// BulkItem is one selected row of a bulk action: the version the officer
// saw and the idempotency key of that row's form.
type BulkItem struct {
	ID      int64
	Version int
	Key     string
}

// BulkOutcome is what became of one row; Err nil is success.
type BulkOutcome struct {
	ID  int64
	Err error
}

// MaxBulk bounds one bulk action (one page of a queue).
const MaxBulk = QueuePageSize

var errNeedsPaperCheck = apperr.New(apperr.Invalid, "bulk_needs_check",
	"Hồ sơ này cần kiểm tra thành phần trực tiếp; hãy mở hồ sơ để tiếp nhận.",
	"This dossier needs its papers checked one by one; open it to receive it.")

// BulkReceivable tells whether an online filing may be received without
// opening it: filed online (a postal one waits for the hand-over) with a
// file in every component, so there is no paper to count and nothing to
// scan (Circular 03/2025 Art. 5(2)). The officer still answers for the
// check of validity and completeness (Decree 118 Art. 8(1), RULES-VN.md
// "Reception"); bulk is for the filings already read on screen, anything
// else is opened one by one.
func BulkReceivable(d *dossier.Dossier) bool {
	if d.Status != dossier.Submitted || d.Channel != dossier.ChannelOnline || len(d.Components) == 0 {
		return false
	}
	for _, c := range d.Components {
		if len(c.FileIDs) == 0 {
			return false
		}
	}
	return true
}

// Bulk applies one action (receive or return_result) to each selected
// dossier through the normal Act, each with its own version and key: one
// failure is reported for its row and leaves the others done.
func (s *Dossiers) Bulk(ctx context.Context, actor org.Actor, action string, items []BulkItem) ([]BulkOutcome, error) {
	if action != string(dossier.ActReceive) && action != string(dossier.ActReturnResult) {
		return nil, badQueueValue("action", action)
	}
	if len(items) == 0 {
		return nil, apperr.New(apperr.BadInput, "bulk_empty", "Chưa chọn hồ sơ nào.", "No dossier is selected.")
	}
	if len(items) > MaxBulk {
		return nil, apperr.Newf(apperr.BadInput, "bulk_too_many",
			"Chọn nhiều nhất %d hồ sơ một lần.", "Select at most %d dossiers at a time.", MaxBulk)
	}
	out := make([]BulkOutcome, len(items))
	for i, it := range items {
		out[i] = BulkOutcome{ID: it.ID, Err: s.bulkOne(ctx, actor, action, it)}
	}
	return out, nil
}

func (s *Dossiers) bulkOne(ctx context.Context, actor org.Actor, action string, it BulkItem) error {
	if action == string(dossier.ActReceive) {
		d, err := s.Dossier(ctx, actor, it.ID)
		if err != nil {
			return err
		}
		// A dossier that moved on since the list was read goes to Act all
		// the same: a resent row is a replay there, anything else stale.
		if d.Version == it.Version && !BulkReceivable(d) {
			return errNeedsPaperCheck
		}
	}
	hash := core.RequestHash("web-bulk", action, strconv.FormatInt(it.ID, 10), strconv.Itoa(it.Version))
	_, err := s.Act(ctx, actor, it.ID, it.Version, ActionInput{Action: action}, it.Key, hash,
		func(*dossier.Dossier) ([]byte, error) { return nil, nil })
	if errors.Is(err, apperr.ErrStale) {
		return apperr.New(apperr.Conflict, "dossier_changed",
			"Hồ sơ vừa được người khác thay đổi; hãy tải lại danh sách.",
			"The dossier was changed by someone else; reload the list.")
	}
	return err
}

// SupplementAnswered tells which of the inbox's dossiers got new papers from
// the applicant since the agency last acted on them, and when.
func (s *Dossiers) SupplementAnswered(ctx context.Context, items []InboxItem) (map[int64]time.Time, error) {
	var ids []int64
	for _, it := range items {
		if it.Dossier.SupplementCount > 0 {
			ids = append(ids, it.Dossier.ID)
		}
	}
	return s.Store.SupplementAnswered(ctx, ids)
}
