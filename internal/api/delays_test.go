package api_test

import (
	"strings"
	"testing"
)

// The step delay report over the API (issue 13 item 3): JSON and a
// workbook for the supervisors, refused to others.
func TestDelayReportAPI(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		r := e.do("GET", "/api/v1/reports/delays?from=2026-12-01&to=2026-12-31", "director", nil, nil)
		if r.status != 200 || !strings.Contains(string(r.raw), `"agencies":[]`) || !strings.Contains(string(r.raw), `"from":"2026-12-01"`) {
			t.Fatalf("json: %d %s", r.status, r.raw)
		}
		x := e.do("GET", "/api/v1/reports/delays?format=xlsx", "director", nil, nil)
		if x.status != 200 || !strings.HasPrefix(string(x.raw), "PK") {
			t.Fatalf("xlsx: %d", x.status)
		}
		if r := e.do("GET", "/api/v1/reports/delays", "leader", nil, nil); r.status != 403 {
			t.Fatalf("leader: %d", r.status)
		}
	})
}

func delaysContract(c *oaCheck) {
	c.t.Helper()
	const path = "/api/v1/reports/delays"
	c.want(200, c.do("GET", path, "director", nil, nil))
	c.want(200, c.do("GET", path+"?from=2026-11-01&to=2026-12-31", "chair", nil, nil))
	c.want(400, c.do("GET", path+"?format=pdf", "director", nil, nil))
	c.want(401, c.do("GET", path, "", nil, nil))
	c.want(403, c.do("GET", path, "leader", nil, nil))
	c.want(422, c.do("GET", path+"?from=2026-02-30", "director", nil, nil))
}
