package api_test

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/postal"
)

// postalContract exercises every documented response of the postal webhook
// against the document (called from TestOpenAPIResponses).
func postalContract(c *oaCheck) {
	e, t := c.e, c.t
	e.svc.Postal = postal.Config{KeyID: postalKeyID, Secret: postalSecret, OutboundSecret: postalSecret}
	const path = "/api/v1/postal/events"
	check := func(want int, r resp, body any) resp {
		t.Helper()
		return c.want(want, c.check("POST", path, r, body))
	}
	now := e.clock().In(ict).Format("2006-01-02T15:04:05-07:00")
	pick := pickedUp("oa-pu-1", "EB111111111VN")
	pick["at"] = now
	check(201, e.report(pick), pick)
	handover := map[string]any{"type": "handed_over", "event_id": "oa-ho-1", "at": now, "tracking_number": "EB111111111VN", "handover_record": "BB-1"}
	req := e.signedPost(postalKeyID, postalSecret, handover, 0)
	check(200, e.send(req), handover)
	check(409, e.send(req), nil)
	check(200, e.report(handover), handover) // the same event again: answered from the log
	check(400, e.report(`{"type":"handed_over","event_id":"oa-x","colour":"red"}`), nil)
	check(401, e.do("POST", path, "", handover, nil), nil)
	check(404, e.report(map[string]any{"type": "handed_over", "event_id": "oa-x", "at": now, "tracking_number": "EB999999999VN", "handover_record": "BB-2"}), nil)
	check(413, e.report([]byte(`{"type":"`+strings.Repeat("x", 2<<20)+`"}`)), nil)
	check(422, e.report(map[string]any{"type": "teleported", "event_id": "oa-y", "at": now}), nil)
}

// The postal schemas name exactly the fields of the Go types on the wire.
func TestPostalSchemasMatchGoTypes(t *testing.T) {
	schemas := openAPIDoc(t)["components"].(jsonObj)["schemas"].(jsonObj)
	cases := []struct {
		schema   string
		value    any
		response bool
	}{
		{"PostalEvent", postal.Event{}, false},
		{"PostalComponent", postal.Component{}, true},
		{"PostalAck", postal.Ack{}, true},
		{"PostalDispatch", postal.Dispatch{}, true},
	}
	for _, c := range cases {
		s := schemas[c.schema].(jsonObj)
		fields := jsonFields(reflect.TypeOf(c.value))
		var goNames, docNames []string
		for n := range fields {
			goNames = append(goNames, n)
		}
		for n := range s["properties"].(jsonObj) {
			docNames = append(docNames, n)
		}
		sort.Strings(goNames)
		sort.Strings(docNames)
		if !slices.Equal(goNames, docNames) {
			t.Errorf("%s: document %v, Go %v", c.schema, docNames, goNames)
		}
		if !c.response {
			continue
		}
		for name, f := range fields {
			omit := strings.Contains(f.Tag.Get("json"), ",omitempty")
			if omit == slices.Contains(asList(s["required"]), any(name)) {
				t.Errorf("%s.%s: omitempty=%v but required=%v", c.schema, name, omit, !omit)
			}
		}
	}
}
