package form

import (
	"net/url"
	"testing"
)

// Each ticked row carries its own version and key, so a dossier changed
// meanwhile is refused alone and a resent form replays; a row that is not a
// dossier number is left out.
func TestParseBulkRowsCarryTheirOwnVersionAndKey(t *testing.T) {
	b := ParseBulk(url.Values{"action": {"receive"}, "id": {"5", "x", "-2", "9"},
		"v_5": {"3"}, "k_5": {"a"}, "v_9": {"1"}, "k_9": {"b"}})
	if b.Action != "receive" || len(b.Items) != 2 {
		t.Fatalf("bulk %+v", b)
	}
	if it := b.Items[0]; it.ID != 5 || it.Version != 3 || it.Key != "a" {
		t.Errorf("row 5: %+v", it)
	}
	if it := b.Items[1]; it.ID != 9 || it.Version != 1 || it.Key != "b" {
		t.Errorf("row 9: %+v", it)
	}
}
