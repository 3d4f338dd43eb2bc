package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// An action refused for its missing reason shows the message beside the
// reason box, in the page's language only, and not again at the top
// (issue 22 item 4: "errors appear beside the field they concern").
func TestReasonErrorBesideItsField(t *testing.T) {
	e := sqliteEnv(t)
	d := e.seedAct(e.seedDossier(criminalRecord, "Vũ Thị Lý Do"), "counter", act("receive"), act("transfer"))
	page := fmt.Sprintf("/dossiers/%d", d.ID)
	b := e.signedIn("leader")
	form := url.Values{"action": {"reject"}, "version": {fmt.Sprint(d.Version)}, "key": {"k-field"}}
	p := b.post(page+"/act", form).must(t, 422,
		`aria-describedby="reason-reject-error"`,
		`<p class="field-error" role="alert" id="reason-reject-error">Cần ghi rõ lý do khi trả lại hồ sơ không đủ điều kiện.</p>`)
	if strings.Contains(p.Body, `class="flash err"`) {
		t.Fatal("the error is shown at the top as well as beside its field")
	}
	b.post("/lang", url.Values{"to": {"en"}, "back": {"/"}})
	form.Set("key", "k-field-en")
	b.post(page+"/act", form).must(t, 422, `id="reason-reject-error">A reason is required to reject.</p>`).lacks(t, "Cần ghi rõ")
}

// In a real Chromium: the leader posts a complaint link without its reason
// (the browser's own check bypassed, as an old browser would) and reads the
// error under the box, first in Vietnamese, then in English.
func TestReasonErrorBesideItsFieldInChromium(t *testing.T) {
	c := newChrome(t)
	e := sqliteEnv(t)
	d := e.seedAct(e.seedDossier(criminalRecord, "Vũ Thị Lý Do"), "counter", act("receive"), act("transfer"))
	tab := c.newTab("leader", 1366, 900)
	signInStaff(tab, e.url, "leader")
	post := `(() => { const f = document.querySelector("#act-complaint form"); f.closest("details").open = true; f.querySelector("textarea[name=reason]").removeAttribute("required"); f.submit(); })()`
	for _, lang := range []struct{ name, want string }{{"vi", "Cần ghi rõ lý do khi ghi nhận phản ánh, kiến nghị."}, {"en", "A reason is required to record a complaint."}} {
		tab.run("post without a reason ("+lang.name+")", chromedp.Navigate(fmt.Sprintf("%s/dossiers/%d", e.url, d.ID)),
			chromedp.WaitVisible(chromedp.ID("act-complaint")), chromedp.Evaluate[chromedp.Void](post),
			chromedp.WaitVisible(chromedp.ID("reason-complaint-error")))
		tab.sees(lang.want)
		tab.page("reason-error-" + lang.name)
		below := value(tab, "place of the error", chromedp.Evaluate[bool](`(() => {
			const box = document.getElementById("reason-complaint"), err = document.getElementById("reason-complaint-error");
			return box.getAttribute("aria-describedby") === err.id && box.getBoundingClientRect().bottom <= err.getBoundingClientRect().top &&
				document.querySelector(".flash.err") === null; })()`))
		if !below {
			t.Fatalf("%s: the error is not right under the reason box", lang.name)
		}
		if lang.name == "vi" {
			tab.run("switch to English", chromedp.Click(`button[name="to"]`), chromedp.WaitVisible(`html[lang="en"]`))
		}
	}
}
