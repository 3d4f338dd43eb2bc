package web_test

import (
	"regexp"
	"strconv"
	"testing"
)

// An online filing gets a tracking reference at once, which the public
// tracking page accepts before the one-stop has received the dossier and
// given it its code (issue 21 item 4; Circular 01/2018 Art. 19 gives the
// legal code at reception).
func TestTrackingReferenceAtFiling(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedDossier(criminalRecord, "Kiều Thị Tra Cứu")
	if !regexp.MustCompile(`^TC-[0-9A-HJKMNP-TV-Z]{8}$`).MatchString(d.Ref) || d.Code != "" {
		t.Fatalf("filed: ref %q, code %q", d.Ref, d.Code)
	}
	e.signedIn("citizen").get(fmtDossier(d.ID)).must(t, 200, `id="ref"`, "Mã tra cứu: "+d.Ref)
	e.browser().get("/track?code="+d.Ref).must(t, 200, "Chờ tiếp nhận").lacks(t, "Kiều Thị Tra Cứu")
	e.browser().get("/track?code=TC-00000000").must(t, 404)
}

func fmtDossier(id int64) string { return "/my/dossiers/" + strconv.FormatInt(id, 10) }
