package web_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds Debian's Chromium. Outside CI a machine without it
// skips the browser tests with a message; in CI they must run.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium is required in CI (scripts/test installs Debian's chromium package)")
	}
	t.Skip("Chromium not found: install Debian's chromium package to run the browser tests")
	return ""
}

// artifactDir is where screenshots are kept for people to look at:
// $MOTCUA_ARTIFACTS or artifacts/e2e at the repository root.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("MOTCUA_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "artifacts", "e2e")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// chrome starts headless Chromium for a test; each person (newTab) gets a
// browser of their own with its own profile, so cookies never mix.
type chrome struct {
	t    *testing.T
	path string
	dir  string
	shot int
}

func newChrome(t *testing.T) *chrome {
	return &chrome{t: t, path: chromiumPath(t), dir: artifactDir(t)}
}

// The flags keep Chromium from reaching for Google's services, which this
// machine's closed network refuses.
func (c *chrome) allocator() context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(c.path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(c.t.TempDir()),
	)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	c.t.Cleanup(cancel)
	return alloc
}

// tab is one person's browser window at a given screen width.
type tab struct {
	c   *chrome
	ctx context.Context
	who string
}

func (c *chrome) newTab(who string, width, height int64) *tab {
	ctx, cancel := chromedp.NewContext(c.allocator())
	c.t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		c.t.Fatalf("start Chromium: %v", err)
	}
	return &tab{c: c, ctx: ctx, who: who}
}

// run performs browser actions with a deadline, failing the test with a
// screenshot of where it stopped.
func (b *tab) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.c.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.screenshot("FAILED-" + what)
		b.c.t.Fatalf("%s: %s: %v", b.who, what, err)
	}
}

// screenshot keeps a full-page PNG of the current page.
func (b *tab) screenshot(name string) string {
	b.c.shot++
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.c.t.Logf("screenshot %s: %v", name, err)
		return ""
	}
	file := filepath.Join(b.c.dir, fmt.Sprintf("%s-%02d-%s-%s.png", strings.TrimPrefix(b.c.t.Name(), "Test"), b.c.shot, b.who, strings.ReplaceAll(name, " ", "_")))
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.c.t.Logf("screenshot %s: %v", name, err)
	}
	return file
}

// text reads the visible text of the page's main content.
func (b *tab) text() string {
	b.c.t.Helper()
	// A page that has just been navigated to may swap its JavaScript context
	// under the query; the footer closes every page, so wait for it and retry.
	var last error
	for range 5 {
		ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
		var s string
		err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS("footer")))
		if err == nil {
			s, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		}
		cancel()
		if err == nil {
			return s
		}
		last = err
		time.Sleep(200 * time.Millisecond)
	}
	b.screenshot("FAILED-read")
	b.c.t.Fatalf("%s: read page: %v", b.who, last)
	return ""
}

// value runs one action that returns a value.
func value[T any](b *tab, what string, a chromedp.Action[T]) T {
	b.c.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.screenshot("FAILED-" + what)
		b.c.t.Fatalf("%s: %s: %v", b.who, what, err)
	}
	return v
}

// sees asserts the main content shows every text. A click's navigation may
// still be on its way, so it looks again for a few seconds before failing.
func (b *tab) sees(texts ...string) {
	b.c.t.Helper()
	var got, missing string
	for deadline := time.Now().Add(10 * time.Second); ; {
		got, missing = b.text(), ""
		for _, want := range texts {
			if !strings.Contains(got, want) {
				missing = want
				break
			}
		}
		if missing == "" || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if missing != "" {
		b.screenshot("MISSING")
		b.c.t.Fatalf("%s: page lacks %q; it shows:\n%s", b.who, missing, got)
	}
}

// a11yProblems lists what WCAG 2.1 AA basics the page misses: the page
// language, exactly one main heading, a name for every form control, link
// and button, alternative text for images, and content wider than the screen.
const a11yScript = `(() => {
  const out = [];
  if (!document.documentElement.lang) out.push("html without lang");
  const h1 = document.querySelectorAll("h1").length;
  if (h1 !== 1) out.push(h1 + " h1 headings");
  const visible = el => el.offsetParent !== null || el.closest("details") !== null;
  for (const el of document.querySelectorAll("input, select, textarea")) {
    if (el.type === "hidden" || !visible(el)) continue;
    const named = (el.id && document.querySelector('label[for="' + el.id + '"]')) || el.closest("label") ||
      el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!named) out.push("unlabelled " + el.tagName.toLowerCase() + " " + (el.name || ""));
  }
  for (const el of document.querySelectorAll("a, button")) {
    if (!visible(el)) continue;
    if (!(el.textContent.trim() || el.getAttribute("aria-label"))) out.push("unnamed " + el.tagName.toLowerCase());
  }
  for (const img of document.querySelectorAll("img")) if (!img.hasAttribute("alt")) out.push("img without alt");
  // WCAG 2.1 AA 1.4.3: text contrast at least 4.5:1, 3:1 for large text.
  const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const bg = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
  const seen = new Set();
  for (const el of document.querySelectorAll("body *")) {
    if (!visible(el) || el.closest("svg")) continue;
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const cs = getComputedStyle(el);
    const l1 = lum(rgb(cs.color)), l2 = lum(bg(el));
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const key = cs.color + "/" + bg(el).join(",");
    if (ratio < need && !seen.has(key)) { seen.add(key); out.push("contrast " + ratio.toFixed(2) + " for " + el.tagName.toLowerCase() + " '" + el.textContent.trim().slice(0, 30) + "' (" + key + ")"); }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    const wide = [...document.querySelectorAll("main *")].filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
      .map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className ? "." + el.className : "")).slice(0, 5);
    out.push("page wider than the screen: " + document.documentElement.scrollWidth + "px: " + wide.join(", "));
  }
  return out;
})()`

// page keeps a screenshot of the current page and fails on accessibility basics.
func (b *tab) page(name string) {
	b.c.t.Helper()
	b.screenshot(name)
	if problems := value(b, "check accessibility", chromedp.Evaluate[[]string](a11yScript)); len(problems) > 0 {
		b.c.t.Fatalf("%s: page %s: %v", b.who, name, problems)
	}
}
