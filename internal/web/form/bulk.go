package form

import (
	"net/url"
	"strconv"

	"github.com/motcua/motcua/internal/service"
)

// Bulk is a queue's form of ticked rows (templates/counter.html): one action
// for every ticked dossier, each row with the version the officer saw
// (v_<id>) and its own idempotency key (k_<id>).
type Bulk struct {
	Action string
	Items  []service.BulkItem
}

// ParseBulk reads the ticked rows; a row that is not a dossier number is
// left out (the queue draws only numbers), and the service bounds the count.
func ParseBulk(f url.Values) Bulk {
	b := Bulk{Action: f.Get("action")}
	for _, raw := range f["id"] {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || id <= 0 {
			continue
		}
		ver, _ := strconv.Atoi(f.Get("v_" + raw))
		b.Items = append(b.Items, service.BulkItem{ID: id, Version: ver, Key: f.Get("k_" + raw)})
	}
	return b
}
