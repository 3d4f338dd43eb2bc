package web_test

import (
	"strings"
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

// The accessibility check itself must catch what it looks for: a grey text
// on white below 4.5:1 and an unlabelled input.
func TestBrowserAccessibilityCheckCatchesProblems(t *testing.T) {
	e := sqliteEnv(t)
	c := newChrome(t)
	b := c.newTab("a11y-check", 1024, 700)
	b.run("open", chromedp.Navigate(e.url+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	problems := value(b, "inject", chromedp.Evaluate[[]string](`(() => {
	  const p = document.createElement("p"); p.textContent = "chữ nhạt"; p.style.color = "#aaaaaa";
	  const i = document.createElement("input"); i.type = "text";
	  document.querySelector("main").append(p, i);
	  return `+a11yScript+`;
	})()`))
	joined := strings.Join(problems, "; ")
	if !strings.Contains(joined, "contrast") || !strings.Contains(joined, "unlabelled input") {
		t.Fatalf("the check missed injected problems: %v", problems)
	}
}
