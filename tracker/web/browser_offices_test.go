package web

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserOffices logs a headless Chromium in to two offices, and
// switches between them with the switcher in the nav: the queue shows the
// active office's follow-ups, never the other's.
func TestBrowserOffices(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary (apt-get install chromium, or set PQTRACK_CHROMIUM): browser test skipped")
	}
	f := newOfficesFixture(t, mustOpenDB(t))
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	bctx, cancelC := chromedp.NewContext(actx)
	defer cancelC()
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	ctx, cancelT := context.WithTimeout(bctx, 60*time.Second)
	defer cancelT()
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// mark marks the page shown, so that after a form is sent the wait
	// finds the page it loads (body:not([data-left])), not the one it
	// leaves: both have the switcher, and a navigation begun while the
	// form's is under way aborts one of them.
	mark := chromedp.Action[chromedp.Void](func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Evaluate[bool](`document.body.dataset.left = "1"; true`)(ctx, tg)
		return chromedp.Void{}, err
	})
	login := func(slug, secret string) {
		t.Helper()
		do("login "+slug,
			chromedp.Navigate(f.ts.URL+"/login"),
			chromedp.WaitVisible(css(`input[name=secret]`)),
			chromedp.SetValue(css(`input[name=office]`), slug),
			chromedp.SendKeys(css(`input[name=secret]`), secret),
			mark,
			chromedp.Click(css(`form.login button`)),
			chromedp.WaitVisible(css(`body:not([data-left]) form.office`)),
		)
	}
	queue := func() []int64 {
		t.Helper()
		do("queue", chromedp.Navigate(f.ts.URL+"/followups"), chromedp.WaitVisible(css(`#count`)))
		hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll('a[href^="/followups/"]')].map(a => a.getAttribute('href').slice(11))`))
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, h := range hrefs {
			if id, err := strconv.ParseInt(h, 10, 64); err == nil && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		slices.Sort(out)
		return out
	}
	a, b := idsOf(f.a), idsOf(f.b)

	login("kantoor", webToken)
	if got := queue(); len(got) == 0 || !isSubset(got, a) {
		t.Errorf("the default office's queue shows %v, want its own of %v", got, a)
	}
	login("groen", groenSecret)
	if got := queue(); len(got) == 0 || !isSubset(got, b) {
		t.Errorf("groen's queue shows %v, want groen's of %v", got, b)
	}
	opts2, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('form.office option')].map(o => o.value)`))
	if err != nil || !slices.Equal(opts2, []string{"1", strconv.FormatInt(f.groen.Office(), 10)}) {
		t.Errorf("the switcher offers %v, %v; want the two offices logged in to", opts2, err)
	}
	do("switch",
		chromedp.SetValue(css(`form.office select`), "1"),
		mark,
		chromedp.Click(css(`form.office button`)),
		chromedp.WaitVisible(css(`body:not([data-left]) form.office`)),
	)
	if got := queue(); len(got) == 0 || !isSubset(got, a) {
		t.Errorf("after switching back the queue shows %v, want the default office's of %v", got, a)
	}
}
