package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/form"
	"github.com/motcua/motcua/internal/web/view"
)

func init() {
	addMessages(map[string][2]string{
		"queue.tools":           {"Tìm và lọc hàng chờ", "Search and filter the queues"},
		"queue.find":            {"Mã hồ sơ, số nộp trực tuyến hoặc tên người nộp", "Dossier code, online submission number or applicant's name"},
		"queue.which":           {"Hàng chờ", "Queue"},
		"queue.all":             {"Tất cả", "All"},
		"queue.procedure":       {"Thủ tục", "Procedure"},
		"queue.channel":         {"Kênh nộp", "Channel"},
		"queue.urgency":         {"Mức độ", "Urgency"},
		"queue.sort":            {"Sắp xếp", "Sort"},
		"queue.sort_oldest":     {"Nộp sớm nhất trước", "Oldest first"},
		"queue.sort_due":        {"Hạn trả gần nhất trước", "Nearest due date first"},
		"queue.sort_received":   {"Tiếp nhận gần đây nhất trước", "Most recently received first"},
		"queue.urg_overdue":     {"Quá hạn", "Overdue"},
		"queue.urg_long_wait":   {"Chờ quá 1 ngày", "Waiting over a day"},
		"queue.apply":           {"Lọc", "Filter"},
		"queue.clear":           {"Bỏ lọc", "Clear filters"},
		"queue.tiles":           {"Số hồ sơ trong hàng chờ", "Queue counts"},
		"queue.tile_waiting":    {"Chờ tiếp nhận", "Waiting to be received"},
		"queue.tile_long":       {"Chờ quá 1 ngày", "Waiting over a day"},
		"queue.tile_online":     {"Nộp trực tuyến", "Filed online"},
		"queue.tile_ready":      {"Chờ trả kết quả, thông báo", "Results and notices to return"},
		"queue.tile_late":       {"Kết quả trễ hạn", "Results past due"},
		"queue.ref":             {"Số nộp trực tuyến %d", "Online submission no. %d"},
		"queue.ref_col":         {"Mã hồ sơ / số nộp", "Code / submission no."},
		"queue.select":          {"Chọn", "Select"},
		"queue.select_row":      {"Chọn hồ sơ %s", "Select dossier %s"},
		"queue.needs_check":     {"Cần mở để kiểm tra giấy tờ", "Open it to check the papers"},
		"queue.bulk_receive":    {"Tiếp nhận các hồ sơ đã chọn", "Receive the selected dossiers"},
		"queue.bulk_return":     {"Trả kết quả các hồ sơ đã chọn", "Return the selected results"},
		"queue.bulk_print":      {"In phiếu các hồ sơ đã chọn", "Print the slips of the selected dossiers"},
		"queue.bulk_hint":       {"Chỉ hồ sơ nộp trực tuyến có tệp cho mọi thành phần mới tiếp nhận hàng loạt được; hồ sơ khác hãy mở để kiểm tra.", "Only online filings with a file for every component can be received in bulk; open the others to check them."},
		"queue.next":            {"Trang sau", "Next page"},
		"queue.prev":            {"Trang trước", "Previous page"},
		"queue.page":            {"Trang %d", "Page %d"},
		"bulk.title":            {"Kết quả thao tác hàng loạt", "Bulk action results"},
		"bulk.title_print":      {"In phiếu hồ sơ đã chọn", "Print the selected slips"},
		"bulk.done":             {"%d/%d hồ sơ đã xong.", "%d of %d dossiers done."},
		"bulk.ok":               {"Đã xong", "Done"},
		"bulk.failed":           {"Không thực hiện được", "Not done"},
		"bulk.outcome":          {"Kết quả", "Outcome"},
		"bulk.receipt":          {"Giấy tiếp nhận (Mẫu 01)", "Receipt (Form 01)"},
		"bulk.slip":             {"Phiếu kiểm soát (Mẫu 06)", "Control slip (Form 06)"},
		"work.new_papers":       {"Có giấy tờ bổ sung mới", "New papers after supplementation"},
		"work.new_papers_at":    {"Người nộp bổ sung lúc %s, sau lần xử lý cuối của cơ quan", "Supplemented by the applicant at %s, after the agency last acted"},
		"dos.file_first":        {"nộp ban đầu", "first submitted"},
		"dos.file_supplemented": {"nộp bổ sung %s", "supplemented %s"},
		"bulk.print_hint":       {"Mở từng phiếu và in; mỗi phiếu là một tệp PDF.", "Open each slip and print it; each is one PDF file."},
	})
	funcs["bulkReceivable"] = service.BulkReceivable
	funcs["suppliedAt"] = service.SupplementedAt
	funcs["strs"] = func(s ...string) []string { return s }
	funcs["pagingOf"] = func(v *view.View, status string) queuePaging {
		qv := v.Data.(counterHomeData).QV
		return queuePaging{V: v, QV: qv, More: qv.More[status]}
	}
}

type queuePaging struct {
	V    *view.View
	QV   *queueView
	More bool
}

func (s *Server) queueRoutes() {
	s.mux.HandleFunc("POST /counter/bulk", s.require(s.form(s.counterBulk), org.RoleCounter, org.RolePostal))
}

// queueView is the queue tools of the counter page: the query as typed
// (echoed into the form and the paging links), the count tiles, and the
// error of a filter the service refused.
type queueView struct {
	Queue, Find, Proc, Channel, Urgency, Sort string
	Page                                      int
	Procs                                     []queueProc
	Tiles                                     []queueTile
	Err                                       error
	More                                      map[string]bool
	Key                                       string // idempotency keys of this page's bulk rows start with it
}

type queueProc struct{ Code, Name string }

type queueTile struct {
	Label  string
	N      int
	Href   string
	Active bool
}

func readQueueView(r *http.Request) *queueView {
	q := r.URL.Query()
	v := &queueView{Queue: q.Get("queue"), Find: strings.TrimSpace(q.Get("find")), Proc: q.Get("procedure"),
		Channel: q.Get("channel"), Urgency: q.Get("urgency"), Sort: q.Get("sort"), More: map[string]bool{}, Key: randomHex(12)}
	v.Page, _ = strconv.Atoi(q.Get("page"))
	if v.Page < 1 {
		v.Page = 1
	}
	return v
}

// Shows tells whether the section of one queue is on the page.
func (v *queueView) Shows(status string) bool { return v.Queue == "" || v.Queue == status }

// Filtered tells whether anything narrows the queues.
func (v *queueView) Filtered() bool {
	return v.Queue != "" || v.Find != "" || v.Proc != "" || v.Channel != "" || v.Urgency != "" || v.Sort != ""
}

// href is the counter page with this query, changed by the given pairs.
func (v *queueView) href(pairs ...string) string {
	q := url.Values{}
	set := func(k, val string) {
		if val != "" {
			q.Set(k, val)
		}
	}
	set("queue", v.Queue)
	set("find", v.Find)
	set("procedure", v.Proc)
	set("channel", v.Channel)
	set("urgency", v.Urgency)
	set("sort", v.Sort)
	if v.Page > 1 {
		q.Set("page", strconv.Itoa(v.Page))
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		q.Del(pairs[i])
		set(pairs[i], pairs[i+1])
	}
	if len(q) == 0 {
		return "/counter"
	}
	return "/counter?" + q.Encode()
}

// PageHref is the link to another page of the same query.
func (v *queueView) PageHref(page int) string { return v.href("page", strconv.Itoa(page)) }

func (v *queueView) query(status string) service.QueueQuery {
	return service.QueueQuery{Status: status, Q: v.Find, Procedure: v.Proc, Channel: v.Channel, Urgency: v.Urgency, Sort: v.Sort, Page: v.Page}
}

// queuePage reads the shown page of one queue. A filter the service refuses
// is shown above the queues (the page still answers 200 with the tools to
// correct it); any other error is returned.
func (s *Server) queuePage(ctx context.Context, actor org.Actor, v *queueView, status string) ([]*dossier.Dossier, error) {
	if !v.Shows(status) {
		return nil, nil
	}
	if v.Queue != "" && v.Queue != "submitted" && v.Queue != "done" {
		v.Err = &apperr.Error{Kind: apperr.BadInput, Code: "queue_status_unknown",
			MessageVi: "Hàng chờ " + strconv.Quote(v.Queue) + " không có.", Message: "There is no queue " + strconv.Quote(v.Queue) + "."}
		return nil, nil
	}
	p, err := s.svc.SearchQueue(ctx, actor, v.query(status))
	if e, ok := apperr.As(err); ok && e.Kind == apperr.BadInput {
		v.Err = err
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	v.More[status] = p.More
	return p.Items, nil
}

// queueTools fills the procedure choice and the count tiles; each tile is
// the link that applies its filter.
func (s *Server) queueTools(ctx context.Context, actor org.Actor, lang string, v *queueView, canReceive bool) error {
	type tile struct{ label, queue, urgency, channel string }
	tiles := []tile{{"queue.tile_ready", "done", "", ""}, {"queue.tile_late", "done", "overdue", ""}}
	statuses := []string{"done"}
	if canReceive {
		tiles = append([]tile{{"queue.tile_waiting", "submitted", "", ""}, {"queue.tile_long", "submitted", "long_wait", ""},
			{"queue.tile_online", "submitted", "", "online"}}, tiles...)
		statuses = []string{"submitted", "done"}
	}
	for _, t := range tiles {
		n, err := s.svc.CountQueue(ctx, actor, service.QueueQuery{Status: t.queue, Urgency: t.urgency, Channel: t.channel})
		if err != nil {
			return err
		}
		v.Tiles = append(v.Tiles, queueTile{Label: translate(lang, t.label), N: n,
			Href:   (&queueView{Queue: t.queue, Urgency: t.urgency, Channel: t.channel}).href(),
			Active: v.Queue == t.queue && v.Urgency == t.urgency && v.Channel == t.channel && v.Find == "" && v.Proc == ""})
	}
	seen := map[string]bool{}
	for _, st := range statuses {
		codes, err := s.svc.QueueProcedures(ctx, actor, st)
		if err != nil {
			return err
		}
		for _, c := range codes {
			if !seen[c] {
				seen[c] = true
				v.Procs = append(v.Procs, queueProc{Code: c, Name: s.svc.ProcedureName(ctx, c)})
			}
		}
	}
	return nil
}

// ---- bulk actions ------------------------------------------------------------

type bulkRow struct {
	D   *dossier.Dossier // as it is now (nil when it cannot be read)
	ID  int64
	Err error
}

type bulkData struct {
	Action string
	Rows   []bulkRow
	OK     int
}

// counterBulk applies one action to the ticked rows of a queue. Each row
// carries the version the officer saw (v_<id>) and its own idempotency key
// (k_<id>), so a resent form replays what was done and a dossier changed
// meanwhile is refused alone. Printing changes nothing: it lists the PDF
// slips of the ticked dossiers, one link each, which the browser prints
// (the forms are separate legal documents; one merged PDF would need a PDF
// merger this project does not have).
func (s *Server) counterBulk(w http.ResponseWriter, r *http.Request, sess *session) {
	ctx := r.Context()
	b := form.ParseBulk(r.PostForm)
	action, items := b.Action, b.Items
	d := bulkData{Action: action}
	if action == "print" {
		if len(items) == 0 || len(items) > service.MaxBulk {
			s.renderError(w, r, apperr.New(apperr.BadInput, "bulk_empty", "Chưa chọn hồ sơ nào (tối đa 50).", "No dossier is selected (at most 50)."))
			return
		}
		for _, it := range items {
			dd, err := s.svc.Dossier(ctx, sess.Actor, it.ID)
			d.Rows = append(d.Rows, bulkRow{D: dd, ID: it.ID, Err: err})
			if err == nil {
				d.OK++
			}
		}
		s.render(w, r, 200, "counter_bulk", s.newView(r, "bulk.title_print", d))
		return
	}
	out, err := s.svc.Bulk(ctx, sess.Actor, action, items)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	for _, o := range out {
		dd, _ := s.svc.Dossier(ctx, sess.Actor, o.ID)
		d.Rows = append(d.Rows, bulkRow{D: dd, ID: o.ID, Err: o.Err})
		if o.Err == nil {
			d.OK++
		}
	}
	s.render(w, r, 200, "counter_bulk", s.newView(r, "bulk.title", d))
}
