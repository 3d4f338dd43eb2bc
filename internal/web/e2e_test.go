package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// A first-time visitor on a 360-px phone finds a procedure by typing without
// accents and reads what to bring.
func TestBrowserCitizenFindsProcedureOnPhone(t *testing.T) {
	e := sqliteEnv(t)
	c := newChrome(t)
	phone := c.newTab("citizen-phone", 360, 740)
	phone.run("open home", chromedp.Navigate(e.url+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	phone.page("home")
	phone.run("search", chromedp.SendKeys(chromedp.ID("q"), "ly lich tu phap"), chromedp.Submit(chromedp.ID("q")),
		chromedp.WaitVisible(chromedp.CSS(".cards")))
	phone.sees("Cấp Phiếu Lý lịch tư pháp")
	phone.page("search-results")
	phone.run("open procedure", chromedp.Click(chromedp.CSS(`a[href="/procedures/3.000333"]`)), chromedp.WaitVisible(chromedp.CSS("h1")))
	phone.sees("Thành phần hồ sơ", "Thời hạn giải quyết")
	phone.page("procedure")
	// Nothing may be wider than the phone's screen.
	scrollW := value(phone, "measure", chromedp.Evaluate[int64](`document.documentElement.scrollWidth`))
	if scrollW > 360 {
		t.Fatalf("the procedure page is %d px wide on a 360-px phone", scrollW)
	}
}
